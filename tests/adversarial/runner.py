"""Run every registered rule and every reader over adversarial strings, counting the work.

Started by tests/test_adversarial.py in a child process (a regular expression stuck in C code
cannot be interrupted from inside the process; the parent kills the child on its timeout and knows
from the last line which rule and string hung). Before ``app`` is imported, ``re`` is wrapped so that
every pattern compiled or used by Pressroom's own code (``app.*``) counts its calls and the
characters it is given to scan; the spelling and morphology entry points record the longest word
they are asked about. One JSON line per (string, format, language, rule) on standard output.

Usage: python tests/adversarial/runner.py SIZE [CASE[:FORMAT] ...]  (all cases, txt md docx by default)
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

COUNT = {"calls": 0, "chars": 0}
_real_compile = re.compile
_SCAN = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _ours(depth: int = 2) -> bool:
    name = sys._getframe(depth).f_globals.get("__name__", "")
    return name == "app" or name.startswith("app.")


class CountingPattern:
    """A compiled pattern that counts the characters each call may scan (string length less pos)."""

    def __init__(self, rx):
        self._rx = rx

    def __getattr__(self, name):
        return getattr(self._rx, name)

    def _count(self, string, pos=0, endpos=None):
        n = len(string) if endpos is None else min(endpos, len(string))
        COUNT["calls"] += 1
        COUNT["chars"] += max(0, n - pos)

    def search(self, string, pos=0, endpos=sys.maxsize):
        self._count(string, pos, endpos)
        return self._rx.search(string, pos, endpos)

    def match(self, string, pos=0, endpos=sys.maxsize):
        self._count(string, pos, endpos)
        return self._rx.match(string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        self._count(string, pos, endpos)
        return self._rx.fullmatch(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        self._count(string, pos, endpos)
        return self._rx.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        self._count(string, pos, endpos)
        return self._rx.findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._count(string)
        return self._rx.sub(repl, string, count)

    def subn(self, repl, string, count=0):
        self._count(string)
        return self._rx.subn(repl, string, count)

    def split(self, string, maxsplit=0):
        self._count(string)
        return self._rx.split(string, maxsplit)

    def __eq__(self, other):
        return self._rx == getattr(other, "_rx", other)

    def __hash__(self):
        return hash(self._rx)


def _unwrap(p):
    return p._rx if isinstance(p, CountingPattern) else p


def _compile(pattern, flags=0):
    rx = _real_compile(_unwrap(pattern), flags)
    return CountingPattern(rx) if _ours() else rx


def _module_fn(name):
    real = getattr(re, name)

    def fn(pattern, string, *args, **kw):
        if _ours():
            rx = CountingPattern(_real_compile(_unwrap(pattern), kw.pop("flags", 0) if "flags" in kw else 0)) \
                if not args or name not in ("sub", "subn", "split") else None
            if name in ("sub", "subn"):  # re.sub(pattern, repl, string, count=0, flags=0)
                flags = kw.get("flags", 0)
                rx = CountingPattern(_real_compile(_unwrap(pattern), flags))
                return getattr(rx, name)(string, args[0], kw.get("count", 0)) if args else getattr(rx, name)(string, kw["string"])
            if name == "split":
                rx = CountingPattern(_real_compile(_unwrap(pattern), kw.get("flags", 0)))
                return rx.split(string, kw.get("maxsplit", args[0] if args else 0))
            flags = args[0] if args else kw.get("flags", 0)
            rx = CountingPattern(_real_compile(_unwrap(pattern), flags))
            return getattr(rx, name)(string)
        return real(_unwrap(pattern), string, *args, **kw)

    return fn


def install() -> None:
    re.compile = _compile
    for name in ("search", "match", "fullmatch", "finditer", "findall"):
        setattr(re, name, _module_fn(name))

    def sub(pattern, repl, string, count=0, flags=0):
        if _ours():
            return CountingPattern(_real_compile(_unwrap(pattern), flags)).sub(repl, string, count)
        return _real_sub(_unwrap(pattern), repl, string, count, flags)

    def subn(pattern, repl, string, count=0, flags=0):
        if _ours():
            return CountingPattern(_real_compile(_unwrap(pattern), flags)).subn(repl, string, count)
        return _real_subn(_unwrap(pattern), repl, string, count, flags)

    def split(pattern, string, maxsplit=0, flags=0):
        if _ours():
            return CountingPattern(_real_compile(_unwrap(pattern), flags)).split(string, maxsplit)
        return _real_split(_unwrap(pattern), string, maxsplit, flags)

    re.sub, re.subn, re.split = sub, subn, split


_real_sub, _real_subn, _real_split = re.sub, re.subn, re.split
LONGEST = {"word": 0}


def watch_language() -> None:
    """Record the longest word given to morphology, dictionary look-up and suggestions."""
    from app.language import spelling

    for name in ("known", "accepted", "suggestions", "compound_part"):
        real = getattr(spelling.Speller, name)

        def wrapped(self, word, *a, _real=real, **kw):
            LONGEST["word"] = max(LONGEST["word"], len(word))
            return _real(self, word, *a, **kw)

        setattr(spelling.Speller, name, wrapped)


# ----- the strings -----------------------------------------------------------------------------
def cases(n: int) -> dict[str, str]:
    """Adversarial strings of about n characters (the names are what the test reports)."""
    lead = "Funded by the European Union. Финансируется Европейским союзом.\n"
    out = {
        "huge-word-latin": "Funded by the EU. " + "a" * n,
        "huge-word-cyrillic": "Проект ЕС. " + "а" * n,
        "huge-word-mixed-script": "аa" * (n // 2),
        "huge-capitals": "A" * n,
        "huge-capitals-cyrillic": "Ф" * n,
        "huge-digits": "1" * n,
        "digits-and-spaces": "1 " * (n // 2),
        "digits-and-hyphens": "1-" * (n // 2),
        # one sentence of thousands of amounts (the facts model looked at every other figure of the sentence for
        # each figure: 40 s for 70 000 characters, stop 27)
        "amounts-one-sentence": "EUR 1 million: x: EUR 1, y: EUR 2 " * (n // 34),
        "amounts-one-sentence-ru": "ежемесячно 5 евро, " * (n // 19),
        "phone-like": "Тел.: +7 " + "1 (" * (n // 3),
        "punctuation-dots": "." * n,
        "punctuation-commas": ", " * (n // 2),
        "punctuation-mix": ".,;:!?-–—«»\"'()" * (n // 15),
        "hyphens": "-" * n,
        "dashes": "—" * n,
        "spaces": "a" + " " * n + "b",
        "nbsp": "a" + "\u00a0" * n + "b",
        "tabs": "a" + "\t" * n + "b",
        "quotes-straight": '"' * n,
        "quotes-guillemets": "«" * n,
        "brackets-nested": "(" * (n // 2) + ")" * (n // 2),
        "brackets-open": "(" * n,
        "square-nested": "[" * (n // 2) + "]" * (n // 2),
        "markdown-links": "[a](" * (n // 4),
        "markdown-emphasis": "**a " * (n // 4),
        "markdown-underscores": "_a " * (n // 3),
        "backticks": "`" * n,
        "angle": "<" * n,
        "tags": "<u " * (n // 3),
        "ampersands": "&" * n,
        "at-signs": "@" * n,
        "email-like": "a@" * (n // 2),
        "email-local-part": "a" * n + "@",
        "domain-like": "a." * (n // 2),
        "url": "http://" + "a." * (n // 2),
        "words-capitalised": "Европейский Союз (" * (n // 18),
        "acronyms": "ЕС " * (n // 3),
        "acronyms-latin": "EU (" * (n // 4),
        "acronym-definitions": "".join(f"{a}xx {b}yy ({a}{b}) " for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")[:n],
        "percent": "5 % " * (n // 4),
        "years": "2024-" * (n // 5),
        "amounts": "1 000 " * (n // 6),
        "apostrophes": "a'" * (n // 2),
        "short-lines": "a\n" * (n // 2),
        "short-lines-cyrillic": lead + "Тел.\n" * (n // 5),
        "blank-lines": "a" + "\n" * n + "b",
        "crlf": "a\r\n" * (n // 3),
        "combining": "а\u0301" * (n // 2),
        "soft-hyphens": "а\u00ad" * (n // 2),
        "zero-width": "а\u200b" * (n // 2),
        "emoji": "\U0001f600" * n,
        "hash-headings": "#" * n,
        "gt-quotes": ">" * n,
        "pipes": "|" * n,
        "stars": "*" * n,
        "underscores": "_" * n,
        "equals": "=" * n,
    }
    return out


def docx_bytes(text: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    for line in text.split("\n")[:2000] or [""]:
        d.add_paragraph(line.replace("\r", ""))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    n = int(argv[0])
    wanted: dict[str, set[str]] = {}
    for arg in argv[1:]:
        name, _, fmt = arg.partition(":")
        wanted.setdefault(name, set()).update([fmt] if fmt else ["txt", "md", "docx"])
    install()
    from app.core.readers import read_bytes
    from app.engine.config import Config
    from app.engine.linter import LintContext
    from app.engine.rules import load_rules, run_pattern_rule
    from app.errors import InputError

    watch_language()
    rules = load_rules()
    ctx = LintContext(config=Config())
    print(json.dumps({"rules": [r.id for r in rules]}), flush=True)
    for name, text in cases(n).items():
        if wanted and name not in wanted:
            continue
        for fmt in ("txt", "md", "docx"):
            if wanted and fmt not in wanted[name]:
                continue
            data = docx_bytes(text) if fmt == "docx" else text.encode("utf-8")
            COUNT.update(calls=0, chars=0)
            print(json.dumps({"start": [name, fmt, "read"]}), flush=True)
            t0 = time.process_time()
            try:
                doc = read_bytes(data, f"x.{fmt}", fmt, "auto")
            except InputError as e:
                print(json.dumps({"case": name, "format": fmt, "rule": "read", "n": len(text),
                                  "refused": str(e)}), flush=True)
                continue
            print(json.dumps({"case": name, "format": fmt, "rule": "read", "n": max(len(doc.text), len(data)),
                              "cpu": time.process_time() - t0, **COUNT}), flush=True)
            for lang in ("ru", "en"):
                doc.language = lang
                doc.meta.clear()
                for attr in ("sentences", "tokens", "words"):
                    doc.__dict__.pop(attr, None)
                for r in rules:
                    if not r.applies_to(lang):
                        continue
                    COUNT.update(calls=0, chars=0)
                    LONGEST["word"] = 0
                    print(json.dumps({"start": [name, fmt, lang, r.id]}), flush=True)
                    t0 = time.process_time()
                    if r.type == "check":
                        list(r.check_function(doc, r, ctx) or [])
                    else:
                        run_pattern_rule(r, doc)
                    print(json.dumps({"case": name, "format": fmt, "lang": lang, "rule": r.id, "n": len(doc.text),
                                      "cpu": time.process_time() - t0, "longest_word": LONGEST["word"], **COUNT}),
                          flush=True)
    print(json.dumps({"done": True}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
