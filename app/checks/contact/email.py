"""E-mail addresses: syntax with email-validator (no DNS look-ups) and the usual typing slips.

Repaired with a suggestion (and a safe fix): an address broken by a space (``name @domain.kz``,
``name@fund .uz``), a doubled ``@``, a comma instead of a dot in the domain (``info@lprc,kz``,
``name@tstb,gov.tm``). An address without a domain ending (``press@fund-uz``, ``info@hrb``) is
broken too; when its last hyphen stands before a domain ending the dot is suggested, not fixed.
"""
from __future__ import annotations

import re


LOCAL = r"[A-Za-z0-9][\w.+\-]*"
DOMAIN = r"[A-Za-z0-9][\w\-]*(?:[.,][\w\-]+)*\.[A-Za-z]{2,24}"
# broken by a space on either side of the @ (one word before, a dotted domain after)
SPACED = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")(?:\s+@\s*|@\s+)(" + DOMAIN + r")(?![\w\-])")
DOUBLE_AT = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@{2,}(" + DOMAIN + r")(?![\w\-])")
COMMA = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@((?:[\w\-]++[.,](?=[\w\-]))*+[A-Za-z]{2,24})(?![\w\-])")
DOTS = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@((?:[\w\-]+\.+)*[\w\-]+\.{2,}(?:[\w\-]+\.+)*[A-Za-z]{2,24})(?![\w\-])")
# Domain endings an address of the region's releases ends with (for the two slips below).
TLDS = ("kz kg uz tj tm ru org com net int eu de uk gov edu info fr ch be at it es nl se us io ge am az by ua md mn "
        "cn jp kr tr in af pk ir").split()
# a space before (or after) the dot of the domain ending: name@fund .uz, name@fund. uz
SPACE_TLD = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@([A-Za-z0-9][\w\-]*+(?:\.[\w\-]++)*+)(?:[ \t]+\.[ \t]*+|\.[ \t]++)"
                       r"([a-z]{2,6})(?![\w\-@])")
# no domain ending at all: press@fund-uz, info@hrb
NO_TLD = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@([A-Za-z0-9][\w\-]*+)(?![\w\-@]|[ \t]*+\.[ \t]*+[A-Za-z])")
# an '@' typed for the dot before the domain ending: name@undp@org
AT_FOR_DOT = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@([A-Za-z0-9][\w\-]*+(?:\.[\w\-]++)*+)@([A-Za-z]{2,6})(?![\w\-@]|\.\w)")
# a space inside the local part: «эл. почта: bermet zholdosheva@fund.kg» (a lower-case Latin word right
# before an address, after an e-mail label, or in a Russian text where no Latin word stands there)
SPLIT_LOCAL = re.compile(r"(?<![\w.@\-])([a-z][a-z0-9_\-]{1,30})[ \t]([a-z][\w.+\-]{0,40})@(" + DOMAIN + r")(?![\w\-@])")
_WORDS_BEFORE = {"to", "via", "from", "by", "write", "contact", "email", "mail", "e", "is", "are", "and"}
LABEL_BEFORE = re.compile(r"(?:\be-?mail|\bэл\.\s?почта|\bэлектронн\w+\s+почт\w+|\bпочта)\s*+[:–—-][ \t\u00a0]*+$", re.I)
PLAIN = re.compile(r"(?<![\w.@\-])(" + LOCAL + r")@(" + DOMAIN + r")(?![\w\-@])")
# words that are not the start of an address ("пишите @", "at @")
STOP_LOCAL = {"at", "on", "or", "и", "по", "на", "email", "e-mail", "mail", "адресу", "почте"}


# email-validator's reasons (English) as the Russian message says them; matched by their start
REASONS_RU = (
    ("An email address cannot have a period and a hyphen next to each other", "точка и дефис стоят рядом"),
    ("An email address cannot have two periods in a row", "две точки подряд"),
    ("An email address cannot have two letters followed by two dashes", "два дефиса подряд после двух букв"),
    ("An email address must have an @-sign", "нет знака «@»"),
    ("There must be something before the @-sign", "перед «@» ничего нет"),
    ("There must be something after the @-sign", "после «@» ничего нет"),
    ("The part after the @-sign is not valid. It should have a period", "в имени домена после «@» нет точки"),
    ("The part after the @-sign is not valid. It is not within a valid top-level domain",
     "после «@» нет существующего домена верхнего уровня"),
    ("The part after the @-sign is a special-use or reserved name", "домен после «@» зарезервирован и не принимает почту"),
    ("The part after the @-sign contains invalid characters", "недопустимые символы после «@»"),
    ("The email address contains invalid characters before the @-sign", "недопустимые символы перед «@»"),
    ("Internationalized characters before the @-sign are not supported", "перед «@» допустима только латиница"),
    ("After the @-sign, periods cannot be separated by so many characters", "слишком длинная часть домена между точками"),
    ("The email address is too long", "адрес слишком длинный"),
)
WHAT_RU = {"broken by a space": "разорван пробелом", "broken by a space before the domain ending": "пробел перед доменом верхнего уровня",
           "without a domain ending": "нет домена верхнего уровня (.kz, .org …)", "doubled '@'": "знак «@» повторён дважды",
           "comma instead of a dot": "запятая вместо точки", "doubled dot": "две точки подряд",
           "with Cyrillic letters": "кириллические буквы в адресе", "without '@'": "нет знака «@»",
           "with a mistyped domain": "опечатка в домене"}


def reason_ru(reason: str) -> str | None:
    """The Russian wording of an email-validator reason; None when it has none."""
    return next((ru for en, ru in REASONS_RU if reason.startswith(en)), None)


def _valid(address: str) -> str | None:
    """None when valid, else the validator's reason."""
    try:
        from email_validator import EmailNotValidError, validate_email  # ~15 ms: on the first address (issue 13)

        validate_email(address, check_deliverability=False)
        return None
    except EmailNotValidError as e:
        return str(e)


# the country of a phone number's code gives the usual domain ending of an address beside it
PHONE_CODE = re.compile(r"\+\s?(996|998|992|993|7)[\s(\-]*(\d)")
CODE_TLD = {"996": "kg", "998": "uz", "992": "tj", "993": "tm"}
ENDING = re.compile(r"(?<=[A-Za-z0-9\-])\.([a-z]{2,6})(?![\w\-]|\.\w)", re.I)


LABEL_TLD = re.compile(r"(?<![\w\-])([\w\-]++)\.([a-z]{2,6})(?![\w\-])", re.I)
WEB = re.compile(r"(?:www\.|https?://)((?:[\w\-]++\.(?=[\w\-]))++[A-Za-z]{2,24})(?![\w\-])")


class _Clues:
    """What the release tells about its domains, read once per text (an address without an ending
    looks its ending up here: linear in the text however many such addresses there are)."""

    def __init__(self, text: str):
        self.text = text
        self._endings: dict[str, str] | None = None
        self._phones: list[tuple[int, str]] | None = None
        self._common: str | None | bool = False
        self._domains: set[str] | None = None

    def ending_of(self, label: str) -> str | None:
        if self._endings is None:
            self._endings = {}
            for m in LABEL_TLD.finditer(self.text):
                tld = m.group(2).lower()
                if tld in TLDS:
                    self._endings.setdefault(m.group(1).lower(), tld)
        return self._endings.get(label.lower())

    def phone_near(self, at: int) -> str | None:
        import bisect

        if self._phones is None:
            self._phones = []
            for m in PHONE_CODE.finditer(self.text):
                code = m.group(1)
                tld = CODE_TLD.get(code) or ("kz" if m.group(2) in "67" else "ru")
                self._phones.append((m.start(), tld))
        if not self._phones:
            return None
        i = bisect.bisect_left(self._phones, (at, ""))
        near = [self._phones[k] for k in (i - 1, i) if 0 <= k < len(self._phones)]
        return min(near, key=lambda p: abs(p[0] - at))[1]

    def common_ending(self) -> str | None:
        if self._common is False:
            counts: dict[str, int] = {}
            for m in ENDING.finditer(self.text):
                tld = m.group(1).lower()
                if tld in TLDS and tld not in ("org", "com", "net", "int", "info"):
                    counts[tld] = counts.get(tld, 0) + 1
            self._common = max(counts, key=counts.get) if counts else None
        return self._common

    def domains(self) -> set[str]:
        """Domains the release writes in an address or a web address."""
        if self._domains is None:
            found = {m.group(0).split("@", 1)[1].lower() for m in ANY.finditer(self.text)}
            found |= {m.group(1).lower() for m in WEB.finditer(self.text)}
            self._domains = found
        return self._domains


def _ending_for(clues: _Clues, domain: str, at: int) -> str | None:
    """The domain ending an address without one most likely lost: the one the same domain has
    elsewhere in the release (www.novyvzglyad.kg), else the country of the nearest phone number
    (+996 → kg; +7 7… → kz), else the ending most other addresses and sites of the release use."""
    return clues.ending_of(domain.rsplit(".", 1)[-1]) or clues.phone_near(at) or clues.common_ending()


# any address-like token (for the checks of its letters and its ending)
ANY = re.compile(r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)*+")
# Cyrillic letters with a Latin twin typed inside an address (рress@fund.kz with a Cyrillic р)
TWINS = str.maketrans("аеорсухкмтвнАЕОРСУХКМТВН", "aeopcyxkmtbhAEOPCYXKMTBH")
# an address where an e-mail label promises one and the '@' is missing or mistyped
LABELLED = re.compile(r"(?=[eэп])(?:\be-?mail|\bE-?MAIL|\bэл\.\s?почта|\bэлектронн\w+\s+почт\w+|\bпочта)\s*+:?[ \t\u00a0]*+"
                      r"(?P<addr>[A-Za-z0-9][A-Za-z0-9_.+#\-]*+)(?![\w@])", re.I)
# domain endings one edit from the common ones that are no domain ending (.con, .kzz, .uzb, .ogr)
TARGET_TLDS = ("com", "org", "net", "kz", "kg", "uz", "tj", "tm", "ru", "eu", "int", "gov", "edu", "info")
REAL_NEAR = {"cam", "cat", "cab", "cal", "car", "ceo", "cpa", "ong", "onl", "one", "new", "nec", "nyc", "gop",
             "tel", "ngo", "ink", "inc", "kim", "rio", "run", "red", "ren", "rent", "eus", "gal", "moe", "tech",
             "fun", "org", "com", "net", "gov", "edu", "int", "eu", "info", "infiniti", "tours", "team", "ltd"}
# the second-level name of a mail provider, one edit off (gmial.com, yandeks.ru)
PROVIDERS = {"gmail": "com", "yahoo": "com", "hotmail": "com", "outlook": "com", "yandex": None, "rambler": "ru",
             "icloud": "com", "mail": None, "inbox": None}


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _country_codes() -> set[str]:
    try:
        import phonenumbers

        return {r.lower() for r in phonenumbers.SUPPORTED_REGIONS} | {"uk", "eu", "su"}
    except ImportError:  # pragma: no cover - a declared dependency
        return set(TLDS)


def _bad_ending(address: str) -> list[str] | None:
    """None when the ending is fine; else the suggestions (one edit from a common ending, or from
    a mail provider's name)."""
    local, _, domain = address.rpartition("@")
    labels = domain.lower().split(".")
    if len(labels) < 2:
        return None
    ending = labels[-1]
    out: list[str] = []
    if ending not in TLDS and ending not in REAL_NEAR and ending not in _country_codes():
        near = [t for t in TARGET_TLDS if _one_edit(ending, t)]
        if len(ending) == 1 or near:
            out = [f"{local}@{'.'.join(labels[:-1])}.{t}" for t in near[:2]]
            return out
    name = labels[-2]
    if len(labels) == 2 and name not in PROVIDERS and len(name) >= 4:
        for prov, tld in PROVIDERS.items():
            if len(prov) >= 5 and _one_edit(name, prov):
                return [f"{local}@{prov}.{tld or ending}"]
    return None


def _missing_at(clues: _Clues, token: str) -> list[str]:
    """The '@' a labelled address lacks: a '#' for it, or a dot (or nothing) before a domain the
    release writes elsewhere (each ending of the token looked up: linear in its length)."""
    if "#" in token and token.count("#") == 1:
        return [token.replace("#", "@")]
    domains = clues.domains()
    low = token.lower()
    for k in range(1, len(token) - 3):
        if low[k:] in domains:
            head = token[:k]
            head = head[:-1] if head.endswith(".") else head
            if head:
                return [f"{head}@{token[k:]}"]
    return []


def check(doc, rule, ctx):
    text = doc.text
    if "@" not in text and not LABELLED.search(text):
        return  # every pattern below needs an '@': seven scans of the whole text saved (issue 13)
    taken: list[tuple[int, int]] = []
    clues = _Clues(text)

    def free(s, e):
        return not any(s < te and e > ts for ts, te in taken)

    for m in SPACE_TLD.finditer(text):
        local, domain, tld = m.group(1), m.group(2), m.group(3)
        if local.lower() in STOP_LOCAL or tld not in TLDS or not free(m.start(), m.end()):
            continue
        repaired = f"{local}@{domain}.{tld}"
        if _valid(repaired) is not None:
            continue
        taken.append((m.start(), m.end()))
        what = "broken by a space before the domain ending"
        yield rule.finding(doc, m.start(), m.end(), [repaired], fix=repaired, message=f"E-mail address {what}",
                           message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for rx, what in ((SPACED, "broken by a space"), (DOUBLE_AT, "doubled '@'"), (COMMA, "comma instead of a dot"),
                     (DOTS, "doubled dot")):
        for m in rx.finditer(text):
            local, domain = m.group(1), m.group(2)
            if local.lower() in STOP_LOCAL or not free(m.start(), m.end()):
                continue
            if rx is COMMA and "," not in domain:
                continue
            repaired = f"{local}@{re.sub(r'[.,]+', '.', domain)}"
            if _valid(repaired) is not None:
                continue
            taken.append((m.start(), m.end()))
            yield rule.finding(doc, m.start(), m.end(), [repaired], fix=repaired,
                               message=f"E-mail address {what}",
                               message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in AT_FOR_DOT.finditer(text):
        local, domain, tld = m.group(1), m.group(2), m.group(3)
        if local.lower() in STOP_LOCAL or tld.lower() not in TLDS or not free(m.start(), m.end()):
            continue
        repaired = f"{local}@{domain}.{tld}"
        if _valid(repaired) is not None:
            continue
        taken.append((m.start(), m.end()))
        what = "doubled '@'"
        yield rule.finding(doc, m.start(), m.end(), [repaired], fix=repaired, message=f"E-mail address {what}",
                           message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in SPLIT_LOCAL.finditer(text):
        first, rest, domain = m.group(1), m.group(2), m.group(3)
        if first in STOP_LOCAL or first in _WORDS_BEFORE or not free(m.start(), m.end()):
            continue
        labelled = LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if not labelled and doc.language != "ru":
            continue  # "write to anna at…": in English a word before an address is a word
        if not labelled and re.search(r"[A-Za-z][ \t]*$", text[max(0, m.start() - 30):m.start()]):
            continue  # a Latin phrase before it (a name, a title): the word may be its last
        if not labelled and _reads_as_russian(first, ctx):
            continue  # «Пишите по adpecy info@…»: a Russian word in Latin look-alikes, not half of an address
        joiner = "_" if re.search(r"[A-Za-z0-9]_[A-Za-z0-9][\w.+\-]*@", text) and not re.search(
            r"[A-Za-z0-9]\.[A-Za-z0-9][\w+\-]*@", text) else "."
        repaired = f"{first}{joiner}{rest}@{domain}"
        if _valid(repaired) is not None:
            continue
        taken.append((m.start(), m.end()))
        what = "broken by a space"
        yield rule.finding(doc, m.start(), m.end(), [repaired], message=f"E-mail address {what}",
                           message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in NO_TLD.finditer(text):
        local, domain = m.group(1), m.group(2)
        if local.lower() in STOP_LOCAL or not free(m.start(), m.end()):
            continue
        what = "without a domain ending"
        head, _, tail = domain.rpartition("-")
        suggestions = []
        if head and tail.lower() in TLDS:
            repaired = f"{local}@{head}.{tail}"  # press@fund-uz: the dot typed as a hyphen
            if _valid(repaired) is None:
                suggestions = [repaired]
        if not suggestions and (ending := _ending_for(clues, domain, m.start())):
            repaired = f"{local}@{domain}.{ending}"  # media@novyvzglyad: the ending the release uses
            if _valid(repaired) is None:
                suggestions = [repaired]
        taken.append((m.start(), m.end()))
        yield rule.finding(doc, m.start(), m.end(), suggestions,  # a guess, never applied by --fix
                           message=f"E-mail address {what}", message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in ANY.finditer(text):
        token = m.group(0).rstrip(".")
        if re.search(r"[а-яёА-ЯЁ]", token) and re.search(r"[A-Za-z]", token) and free(m.start(), m.end()):
            taken.append((m.start(), m.start() + len(token)))
            latin = token.translate(TWINS)
            ok = not re.search(r"[а-яёА-ЯЁ]", latin) and _valid(latin) is None
            what = "with Cyrillic letters"
            yield rule.finding(doc, m.start(), m.start() + len(token), [latin] if ok else [],
                               message=f"E-mail address {what}",
                               message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
        elif re.search(r"@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]$", token) and free(m.start(), m.end()):
            taken.append((m.start(), m.start() + len(token)))  # press@fund.k: a one-letter ending
            ending = _ending_for(clues, token.split("@", 1)[1].rsplit(".", 1)[0], m.start())
            sugg = [token[:-1] + ending] if ending and ending.startswith(token[-1].lower()) else []
            what = "with a mistyped domain"
            yield rule.finding(doc, m.start(), m.start() + len(token), sugg,
                               message=f"E-mail address {what}", message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in LABELLED.finditer(text):
        token = m.group("addr").rstrip(".-")
        if not re.search(r"[^.]\.[A-Za-z]{2,24}$", token) or "@" in token or not free(m.start("addr"), m.end("addr")) or re.match(r"(?:www\.|https?)", token, re.I):
            continue
        sugg = _missing_at(clues, token)
        if not sugg and token.count(".") < 2:
            continue  # «почта: fund.kz» may be a site; press.fund.kz is an address that lost its '@'
        taken.append((m.start("addr"), m.start("addr") + len(token)))
        what = "without '@'"
        yield rule.finding(doc, m.start("addr"), m.start("addr") + len(token), sugg,
                           message=f"E-mail address {what}", message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
    for m in PLAIN.finditer(text):
        if not free(m.start(), m.end()):
            continue
        address = m.group(0).rstrip(".")
        if _valid(address) is None and (sugg := _bad_ending(address)) is not None:
            what = "with a mistyped domain"
            yield rule.finding(doc, m.start(), m.start() + len(address), sugg,
                               message=f"E-mail address {what}", message_ru=f"Ошибка в адресе электронной почты: {WHAT_RU[what]}")
            continue
        reason = _valid(address)
        if reason:
            yield rule.finding(doc, m.start(), m.start() + len(address), [],
                               message=f"Invalid e-mail address: {reason}",
                               message_ru=(f"Некорректный адрес электронной почты: {reason_ru(reason)}" if reason_ru(reason)
                                           else "Некорректный адрес электронной почты"))


def _reads_as_russian(word: str, ctx) -> bool:
    """Whether a Latin word reads, letter by look-alike letter, as a Russian dictionary word
    (adpecy → адресу): then it is a word typed in the wrong alphabet, not the name part of an e-mail."""
    from app.language import morph
    from app.language.homoglyphs import Maps

    readings = [r for r, _ in (Maps.word_readings(word) or [])]
    if not readings:
        return False
    m = morph(ctx)
    return any(m.word_is_known(r.lower()) for r in readings)
