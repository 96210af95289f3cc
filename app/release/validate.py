"""Loading and validating a release: every problem with its field path, in the release's language.

``load_release(path)`` reads YAML or JSON, parses it strictly (``Release.from_dict``) and runs the
checks between fields (``validate``); it raises ``ReleaseInvalid`` (an ``InputError``) listing all
problems, so a user fixes them in one go.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from app.errors import InputError
from app.release.model import LANGUAGES, Problem, Release, guess_language

MAX_RELEASE_BYTES = 1024 * 1024
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000
LOGO_FORMATS = ("PNG", "JPEG")

MESSAGES = {
    "phone": {"en": "not a valid phone number: {0!r} (write it in international format, e.g. +7 701 744 4429)",
              "ru": "номер телефона недействителен: {0!r} (пишите в международном формате, например +7 701 744 4429)"},
    "email": {"en": "not a valid e-mail address: {0!r} ({1})", "ru": "адрес электронной почты недействителен: {0!r} ({1})"},
    "eu_above_total": {"en": "EU contribution ({0}) is above the total budget ({1})",
                       "ru": "взнос ЕС ({0}) больше общего бюджета ({1})"},
    "end_before_start": {"en": "end ({0}) is before the start ({1})", "ru": "дата окончания ({0}) раньше даты начала ({1})"},
    "embargo_before": {"en": "embargo ({0}) is before the release date ({1})",
                       "ru": "эмбарго ({0}) раньше даты релиза ({1})"},
    "lead_dateline": {"en": "the lead starts with {0!r}: the dateline (city and date) is put before the lead "
                            "automatically, so the date would be printed twice; remove it from the lead",
                      "ru": "лид начинается с {0!r}: строка с местом и датой добавляется перед лидом автоматически, "
                            "дата будет напечатана дважды; уберите её из лида"},
    "markup": {"en": "contains markup {0!r}: it would be printed as text; remove it",
               "ru": "содержит разметку {0!r}: она будет напечатана как текст; уберите её"},
    "logo_missing": {"en": "file not found: {0}", "ru": "файл не найден: {0}"},
    "logo_big": {"en": "file is too large ({0:.1f} MB, at most 5 MB): {1}",
                 "ru": "файл слишком большой ({0:.1f} МБ, не больше 5 МБ): {1}"},
    "logo_image": {"en": "not a PNG or JPEG image: {0}", "ru": "не изображение PNG или JPEG: {0}"},
    "logo_pixels": {"en": "image is too large ({0} × {1} pixels): {2}", "ru": "изображение слишком большое ({0} × {1} пикселей): {2}"},
}


def _m(key: str, lang: str, *args: Any) -> str:
    return MESSAGES[key][lang if lang in LANGUAGES else "en"].format(*args)


class ReleaseInvalid(InputError):
    """A release with problems; ``problems`` lists them all (``str()`` gives one per line)."""

    def __init__(self, problems: list[Problem], lang: str = "en", source: str | None = None):
        self.problems = list(problems)
        self.lang = lang
        self.source = source
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{p}" for p in self.problems]


# ----- reading -----------------------------------------------------------------------------------
MAX_NESTING = 32  # a release is a few levels deep (release > contacts > contact > field)


def _too_deep(data: Any, limit: int = MAX_NESTING) -> bool:
    """Nesting deeper than ``limit`` (iterative: no recursion on hostile data)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def parse_text(text: str, name: str = "release", fmt: str | None = None) -> Any:
    """YAML or JSON text -> plain data; InputError with the line for syntax errors, and for data
    nested deeper than MAX_NESTING levels (100 000 ``[`` would otherwise end in a RecursionError)."""
    try:
        data = _parse_text(text, name, fmt)
    except RecursionError:
        raise InputError(f"{name}: nested too deeply (a release is at most {MAX_NESTING} levels deep)") from None
    if _too_deep(data):
        raise InputError(f"{name}: nested too deeply (a release is at most {MAX_NESTING} levels deep)")
    return data


def _parse_text(text: str, name: str, fmt: str | None) -> Any:
    fmt = fmt or ("json" if name.lower().endswith(".json") else "yaml")
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}: invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise InputError(f"{name}: invalid YAML: {e.problem or e.context}{where}") from None
    except yaml.YAMLError as e:
        raise InputError(f"{name}: invalid YAML: {str(e).splitlines()[0]}") from None


_DOCUMENT_MAGIC = ((b"PK\x03\x04", "Word (DOCX/ZIP)"), (b"%PDF", "PDF"), (b"\xd0\xcf\x11\xe0", "legacy Word (.doc)"))


def read_release_data(path: str | os.PathLike) -> Any:
    from app.core.files import read_regular_file

    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: file not found")
    raw = read_regular_file(p, MAX_RELEASE_BYTES, "release file")
    head = raw[:8]
    kind = next((k for magic, k in _DOCUMENT_MAGIC if head.startswith(magic)), None)
    if kind:
        hint = f"; to check a draft, use `pressroom lint {p}`" if kind.startswith("Word") else ""
        raise InputError(f"{p}: this is a {kind} document, not a release file (YAML or JSON){hint}")
    if len(raw) > MAX_RELEASE_BYTES:
        size = max(p.stat().st_size, len(raw))
        raise InputError(f"{p}: release file too large ({size / 1048576:.1f} MB, at most 1 MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{p}: not UTF-8 text") from None
    return parse_text(text, str(p))


def load_release(path: str | os.PathLike) -> Release:
    """Read, parse and validate a release file; raises InputError / ReleaseInvalid."""
    data = read_release_data(path)
    return release_from_data(data, base_dir=str(Path(path).resolve().parent), source=str(path))


def release_from_data(data: Any, base_dir: str | None = None, source: str | None = None) -> Release:
    """Parse and validate plain data (from a file or the web form)."""
    if not isinstance(data, dict):
        lang = "en"
        what = "nothing" if data is None else type(data).__name__
        raise ReleaseInvalid([Problem("", f"a release must be a mapping of fields, got {what}")], lang, source)
    try:
        release = Release.from_dict(data, base_dir=base_dir)
    except ReleaseInvalid as e:
        e.source = source
        raise ReleaseInvalid(e.problems, e.lang, source) from None
    problems = validate(release)
    if problems:
        raise ReleaseInvalid(problems, release.language, source)
    return release


# ----- checks between fields ------------------------------------------------------------------------
def phone_problem(phone: str, region: str = "KZ") -> bool:
    import phonenumbers

    try:
        num = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return True
    return not phonenumbers.is_valid_number(num)


def email_problem(email: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as e:
        return str(e)
    return None


_MONTHS = ("январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]"
           "|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE = (rf"(?:\d{{1,2}}\s{{0,3}}(?:{_MONTHS})\.?(?:\s{{0,3}},?\s{{0,3}}\d{{4}}(?:\s{{0,3}}(?:года|год|г\.))?)?"
         rf"|(?:{_MONTHS})\.?\s{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?(?:\s{{0,3}},?\s{{0,3}}\d{{4}})?"
         r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})")
# "21 ноября 2025 года", "АСТАНА – 21 ноября…", "Astana, 21 November 2025 –", "Nov. 21, 2025:"
_LEADING_DATELINE = re.compile(
    rf"^\s{{0,20}}(?:[A-ZА-ЯЁ][\w.\-]{{0,40}}(?:\s[A-ZА-ЯЁ][\w.\-]{{0,40}}){{0,2}}\s{{0,3}}[,\u2013\u2014\-:]\s{{0,3}})?"
    rf"(?:{_DATE})(?!\w)(?:\s{{0,3}}[,\u2013\u2014\-:.]\s{{0,3}}|\s{{1,3}})?", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,500})?/?>|<!--|-->|&(?:lt|gt|amp|nbsp|quot|#\d{1,6});")


def leading_dateline(text: str) -> tuple[int, int] | None:
    """The span of a date or a full dateline at the start of a lead (which the renderer would
    duplicate), or None."""
    m = _LEADING_DATELINE.match(text or "")
    if not m:
        return None
    # a bare number or a city without a date is not a dateline: the match must contain a date
    return (0, m.end()) if re.search(r"\d", m.group()) and m.end() < len(text.rstrip()) + 1 else None


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Leftover HTML/XML tags (any tag), comments and entities in a field's text."""
    return [(m.start(), m.end()) for m in _TAG.finditer(text or "")]


def _text_values(obj, path: str = ""):
    """(path, text) of every string field of a parsed release."""
    from app.release.model import SPEC

    for spec in SPEC.get(type(obj), []):
        v = getattr(obj, spec.name)
        p = f"{path}.{spec.name}" if path else spec.name
        if isinstance(v, str) and spec.kind in ("string", "text"):
            yield p, v
        elif isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, str):
                    yield f"{p}[{i}]", item
                elif type(item) in SPEC:
                    yield from _text_values(item, f"{p}[{i}]")
        elif type(v) in SPEC:
            yield from _text_values(v, p)


def text_problems(release: Release) -> list[Problem]:
    """A date the dateline repeats, leftover markup: problems a final document must not have."""
    lang = release.language
    out: list[Problem] = []
    span = leading_dateline(release.lead)
    if span:
        shown = release.lead[span[0]:span[1]].strip(" ,:-\u2013\u2014")
        a, b, fix = span[0], span[1], ""
        if b < len(release.lead) and release.lead[b].islower():
            b, fix = b + 1, release.lead[b].upper()  # "…года в рамках" -> "В рамках"
        out.append(Problem("lead", _m("lead_dateline", lang, shown), a, b, fix))
    for path, text in _text_values(release):
        for a, b in markup_spans(text)[:3]:
            if path.startswith("logos"):
                continue
            out.append(Problem(path, _m("markup", lang, text[a:b][:60]), a, b, ""))
    return out


def logo_path(release: Release, path: str) -> Path:
    p = Path(path).expanduser()
    if not p.is_absolute() and release.base_dir:
        p = Path(release.base_dir) / p
    return p


def check_logo(p: Path, lang: str) -> str | None:
    from PIL import Image

    if not p.is_file():
        return _m("logo_missing", lang, p)
    size = p.stat().st_size
    if size > MAX_LOGO_BYTES:
        return _m("logo_big", lang, size / 1048576, p)
    try:
        with Image.open(p) as im:
            fmt = im.format
            w, h = im.size
            if fmt not in LOGO_FORMATS:
                return _m("logo_image", lang, p)
            if w * h > MAX_LOGO_PIXELS:
                return _m("logo_pixels", lang, w, h, p)
            im.verify()
    except Image.DecompressionBombError:
        return _m("logo_image", lang, p)
    except Exception:
        return _m("logo_image", lang, p)
    return None


def validate(release: Release, region: str = "KZ") -> list[Problem]:
    """Checks a parsed release cannot express by types alone."""
    from app.release.fmt import money

    lang = release.language
    out: list[Problem] = []
    for i, c in enumerate(release.contacts):
        if phone_problem(c.phone, region):
            from app.checks.contact.phones import repair

            out.append(Problem(f"contacts[{i}].phone", _m("phone", lang, c.phone), None, None, repair(c.phone, region)))
        err = email_problem(c.email)
        if err and lang == "ru":
            from app.checks.contact.email import reason_ru

            err = reason_ru(err) or "адрес записан с ошибкой"  # no English inside a Russian message
        if err:
            out.append(Problem(f"contacts[{i}].email", _m("email", lang, c.email, err)))
    for i, p in enumerate(release.projects):
        if p.eu_contribution > p.total_budget:
            out.append(Problem(f"projects[{i}].eu_contribution",
                               _m("eu_above_total", lang, money(p.eu_contribution, p.currency, lang, nbsp=False),
                                  money(p.total_budget, p.currency, lang, nbsp=False))))
        if p.end < p.start:
            out.append(Problem(f"projects[{i}].end", _m("end_before_start", lang, p.end.isoformat(), p.start.isoformat())))
    if release.embargo and release.embargo.date < release.date:
        out.append(Problem("embargo.date", _m("embargo_before", lang, release.embargo.date.isoformat(), release.date.isoformat())))
    out.extend(text_problems(release))
    for i, logo in enumerate(release.logos):
        err = check_logo(logo_path(release, logo.path), lang)
        if err:
            out.append(Problem(f"logos[{i}].path", err))
    return out


__all__ = ["ReleaseInvalid", "load_release", "release_from_data", "validate", "parse_text", "guess_language"]
