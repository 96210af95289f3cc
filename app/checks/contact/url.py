"""Web addresses with a malformed scheme (``htps://``, ``http//``) or host (``www..eu``)."""
from __future__ import annotations

import re

# a scheme-like word followed by ':/' or '//' ... or www.
SCHEMED = re.compile(r"(?<![\w@.])(?P<scheme>[A-Za-z]{2,6})(?P<sep>:?/{1,3}|:\\{1,2})(?P<host>[\w\-.,]+)")
WWW = re.compile(r"(?=[Ww])(?<![\w@./])(?P<host>[Ww]{2,4}[.,]{1,3}[\w\-.,]+)")
GOOD_SCHEMES = {"http", "https", "ftp", "sftp", "ftps"}
NEAR = {"htp": "http", "htpp": "http", "hhtp": "http", "htttp": "http", "http": "http", "htps": "https",
        "htttps": "https", "httsp": "https", "hptts": "https", "htpps": "https", "hhtps": "https", "https": "https",
        "httpss": "https", "ttps": "https", "ttp": "http", "hrrp": "http", "hrrps": "https", "htts": "https"}


# what the problem is called in the Russian message (``{problem}`` in message_ru)
PROBLEMS_RU = {"double dot": "двойная точка", "comma in the host name": "запятая в имени сайта",
               "host starts with a dot": "имя сайта начинается с точки", "malformed 'www.'": "искажённое «www.»",
               "Cyrillic letters in the host name": "кириллические буквы в имени сайта"}


def _ru(problem: str) -> str:
    if problem.startswith("scheme '"):
        return f"протокол «{problem[8:-1]}»"
    if problem.endswith("' after the scheme"):
        return f"«{problem[1:-len(chr(39) + ' after the scheme')]}» после протокола"
    return PROBLEMS_RU.get(problem, problem)


# Cyrillic letters with a Latin twin typed in a host name (www.undр.org with a Cyrillic «р»)
TWINS = str.maketrans("аеорсухкмтвнАЕОРСУХКМТВНіІ", "aeopcyxkmtbhAEOPCYXKMTBHiI")


def _host_problem(host: str) -> str | None:
    host = host.rstrip(".,")
    if any(re.search(r"[а-яёА-ЯЁіІ]", label) and re.search(r"[A-Za-z]", label) for label in re.split(r"[.,]", host)):
        return "Cyrillic letters in the host name"  # www.фонд.рф, a Cyrillic domain, is fine
    if ".." in host or ",." in host or ".," in host:
        return "double dot"
    if "," in host and not re.search(r",\s", host):
        return "comma in the host name"
    if host.startswith((".", "-")):
        return "host starts with a dot"
    return None


def _repair_host(host: str) -> str:
    h = re.sub(r"[.,]{2,}", ".", host.rstrip(".,"))
    return h.replace(",", ".").translate(TWINS)


def check(doc, rule, ctx):
    text = doc.text
    taken = []
    for m in SCHEMED.finditer(text):
        scheme, sep, host = m.group("scheme"), m.group("sep"), m.group("host")
        low = scheme.lower()
        if low not in NEAR:
            continue
        fixed_scheme = NEAR[low]
        problems = []
        if low != fixed_scheme or low not in GOOD_SCHEMES:
            problems.append(f"scheme '{scheme}'")
        if "." not in host.strip(".,"):
            continue  # "HTTP/2", "TCP/IP": not an address
        if sep != "://":
            problems.append(f"'{sep}' after the scheme")
        hp = _host_problem(host)
        if hp:
            problems.append(hp)
        if not problems:
            continue
        end = m.end() - (len(host) - len(host.rstrip(".,")))
        sugg = f"{fixed_scheme}://{_repair_host(host)}"
        taken.append((m.start(), end))
        yield rule.finding(doc, m.start(), end, [sugg], problem=", ".join(problems),
                           fields_ru={"problem": ", ".join(_ru(p) for p in problems)})
    for m in WWW.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        host = m.group("host")
        if not re.match(r"^[Ww]{3}\.", host) and re.match(r"^[Ww]{2,4}[.,]", host):
            problem = "malformed 'www.'"
        else:
            problem = _host_problem(host)
        if not problem:
            continue
        h = _repair_host(re.sub(r"^[Ww]{2,4}[.,]+", "www.", host))
        end = m.end() - (len(host) - len(host.rstrip(".,")))
        yield rule.finding(doc, m.start(), end, [] if re.search(r"[а-яёА-ЯЁ]", h) else [h], problem=problem, fields_ru={"problem": _ru(problem)})
