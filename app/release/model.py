"""The release model: one description of a press release shared by the web form, the renderer
and the linter's cross-checks.

A release is stored as YAML or JSON (``examples/*.yml``). The fields are declared once, in
``SPEC`` below; from that table come the dataclasses' parsing (``Release.from_dict``), the
serialisation (``to_dict``) and the JSON Schema (``json_schema()``), so the three cannot drift.

Parsing is strict: unknown fields, wrong types and missing required fields are reported as
``Problem(path, message)`` with the field path (``projects[0].eu_contribution``) and a message in
the release's language; ``app.release.validate`` adds the checks between fields (phones, e-mails,
budgets, dates, logos).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from typing import Any

LANGUAGES = ("ru", "en")
CURRENCIES = ("EUR", "USD", "KZT")
FUNDING = ("funded", "co-funded")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


# ----- problems ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    path: str  # "projects[0].eu_contribution"; "" for the whole file
    message: str
    # Where in the field's text the problem is (None: the whole field) and a replacement for that
    # span that the web form offers as a one-click fix (None: no fix).
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)
    fix: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


MESSAGES = {
    "required": {"en": "required field is missing", "ru": "обязательное поле не заполнено"},
    "empty": {"en": "must not be empty", "ru": "не может быть пустым"},
    "unknown": {"en": "unknown field", "ru": "неизвестное поле"},
    "did_you_mean": {"en": "did you mean '{0}'?", "ru": "возможно, имелось в виду «{0}»?"},
    "type_string": {"en": "must be text, got {0}", "ru": "должно быть текстом, а не {0}"},
    "type_object": {"en": "must be a mapping of fields, got {0}", "ru": "должно быть набором полей, а не {0}"},
    "type_list": {"en": "must be a list, got {0}", "ru": "должно быть списком, а не {0}"},
    "type_number": {"en": "must be a number, got {0}", "ru": "должно быть числом, а не {0}"},
    "type_bool": {"en": "must be true or false, got {0}", "ru": "должно быть true или false, а не {0}"},
    "negative": {"en": "must not be negative", "ru": "не может быть отрицательным"},
    "date": {"en": "must be a date YYYY-MM-DD, got {0!r}", "ru": "должно быть датой в виде ГГГГ-ММ-ДД, а не {0!r}"},
    "time": {"en": "must be a time HH:MM, got {0!r}", "ru": "должно быть временем в виде ЧЧ:ММ, а не {0!r}"},
    "enum": {"en": "must be one of {1}, got {0!r}", "ru": "должно быть одним из значений {1}, а не {0!r}"},
    "min_items": {"en": "needs at least {0} item(s)", "ru": "нужен хотя бы {0} элемент(а)"},
    "control": {"en": "contains a control character U+{0:04X} at position {1}",
                "ru": "содержит управляющий символ U+{0:04X} в позиции {1}"},
    "too_long": {"en": "is too long ({0} characters, at most {1})", "ru": "слишком длинное ({0} символов, не больше {1})"},
}

TYPE_NAMES = {
    "en": {"str": "text", "int": "a number", "float": "a number", "bool": "true/false", "list": "a list",
           "dict": "a mapping", "NoneType": "nothing", "date": "a date", "datetime": "a date and time"},
    "ru": {"str": "текст", "int": "число", "float": "число", "bool": "true/false", "list": "список",
           "dict": "набор полей", "NoneType": "пустое значение", "date": "дата", "datetime": "дата и время"},
}


def msg(key: str, lang: str, *args: Any) -> str:
    lang = lang if lang in LANGUAGES else "en"
    return MESSAGES[key][lang].format(*args)


def _type_name(value: Any, lang: str) -> str:
    return TYPE_NAMES.get(lang, TYPE_NAMES["en"]).get(type(value).__name__, type(value).__name__)


# ----- field specification -----------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    name: str
    kind: str  # string | text | date | time | number | enum | object | list
    required: bool = False
    item: Any = None  # list item kind ("string", "text") or a model class
    cls: Any = None  # model class for kind "object"
    enum: tuple = ()
    default: Any = None
    min_items: int = 0
    max_length: int = 20000
    description: str = ""


# ----- the model -------------------------------------------------------------------------------
@dataclass
class Embargo:
    date: dt.date
    time: str | None = None  # "HH:MM", local time of the release's city


@dataclass
class Quote:
    speaker: str
    text: str
    position: str | None = None


@dataclass
class Project:
    name: str
    organisations: list[str]
    start: dt.date
    end: dt.date
    total_budget: Decimal
    eu_contribution: Decimal
    currency: str = "EUR"
    funding: str = "funded"  # funded | co-funded


@dataclass
class Contact:
    name: str
    phone: str
    email: str
    role: str | None = None
    organisation: str | None = None


@dataclass
class Logo:
    path: str  # relative to the release file (or absolute)
    name: str | None = None  # alternative text


@dataclass
class Release:
    language: str
    date: dt.date
    city: str
    headline: str
    lead: str
    body: list[str]
    organisation: str
    projects: list[Project]
    contacts: list[Contact]
    label: str | None = None
    subheadline: str | None = None
    embargo: Embargo | None = None
    quotes: list[Quote] = field(default_factory=list)
    background: list[str] = field(default_factory=list)
    logos: list[Logo] = field(default_factory=list)
    boilerplate: str | None = None  # None: the EU's default text for the language
    base_dir: str | None = field(default=None, compare=False)  # where logo paths are resolved

    # -- helpers used by the renderer and by cross-checks --
    @property
    def co_funded(self) -> bool:
        """Co-funded wording only when every project is co-funded."""
        return bool(self.projects) and all(p.funding == "co-funded" for p in self.projects)

    @classmethod
    def from_dict(cls, data: Any, base_dir: str | None = None) -> "Release":
        """Parse a mapping (from YAML/JSON); raises ReleaseInvalid with every problem found."""
        from app.release.validate import ReleaseInvalid

        lang = guess_language(data)
        problems: list[Problem] = []
        release = parse_object(cls, data, "", problems, lang)
        if problems:
            raise ReleaseInvalid(problems, lang)
        release.base_dir = base_dir
        return release

    def to_dict(self) -> dict:
        return to_dict(self)


SPEC: dict[type, list[Spec]] = {
    Release: [
        Spec("language", "enum", True, enum=LANGUAGES, description="Language of the release: `ru` or `en`."),
        Spec("date", "date", True, description="Release date, `YYYY-MM-DD`."),
        Spec("city", "string", True, max_length=100, description="City of the dateline (`Астана`, `Astana`)."),
        Spec("embargo", "object", cls=Embargo, description="Embargo: `date` and optional `time` (`HH:MM`); not before the release date."),
        Spec("label", "string", max_length=100, description="Label above the date; default `ПРЕСС-РЕЛИЗ` / `PRESS RELEASE`."),
        Spec("headline", "string", True, max_length=300, description="Headline (becomes the document title)."),
        Spec("subheadline", "string", max_length=500, description="Optional subheadline."),
        Spec("lead", "text", True, description="Lead paragraph; the dateline `CITY, date –` is put before it."),
        Spec("body", "list", True, item="text", min_items=1, description="Body paragraphs."),
        Spec("quotes", "list", item=Quote, description="Quotations: `speaker`, `position`, `text` (without quotation marks)."),
        Spec("background", "list", item="text", description="Background paragraphs (the projects' facts are added from `projects`)."),
        Spec("projects", "list", True, item=Project, min_items=1, description="The EU-funded project(s) behind the release."),
        Spec("contacts", "list", True, item=Contact, min_items=1, description="Media contacts."),
        Spec("organisation", "string", True, max_length=300,
             description="Organisation responsible for the content, as it goes into the disclaimer "
                         "(Russian: in the form that follows «ответственностью», e.g. `ОФ «Центр исследования правовой политики»`)."),
        Spec("logos", "list", item=Logo, description="Partner logos (PNG or JPEG, at most 5 MB); scaled to be no larger than the EU emblem."),
        Spec("boilerplate", "text", description="EU boilerplate; default: the official text for the language."),
    ],
    Embargo: [
        Spec("date", "date", True, description="Embargo date."),
        Spec("time", "time", description="Embargo time, `HH:MM`."),
    ],
    Quote: [
        Spec("speaker", "string", True, max_length=200, description="Who said it."),
        Spec("position", "string", max_length=300, description="The speaker's position and organisation."),
        Spec("text", "text", True, description="The quotation, without quotation marks."),
    ],
    Project: [
        Spec("name", "string", True, max_length=500, description="Project name, without quotation marks."),
        Spec("organisations", "list", True, item="string", min_items=1, description="Implementing organisations."),
        Spec("start", "date", True, description="Start date."),
        Spec("end", "date", True, description="End date (not before the start)."),
        Spec("total_budget", "number", True, description="Total budget."),
        Spec("eu_contribution", "number", True, description="EU contribution (not above the total budget)."),
        Spec("currency", "enum", enum=CURRENCIES, default="EUR", description="`EUR` (default), `USD` or `KZT`."),
        Spec("funding", "enum", enum=FUNDING, default="funded",
             description="`funded` or `co-funded` (the statement says «Совместно финансируется» / \"Co-funded\" when every project is co-funded)."),
    ],
    Contact: [
        Spec("name", "string", True, max_length=200, description="Contact person."),
        Spec("role", "string", max_length=200, description="Role or position."),
        Spec("organisation", "string", max_length=300, description="Organisation."),
        Spec("phone", "string", True, max_length=40, description="Phone, international or Kazakh format."),
        Spec("email", "string", True, max_length=254, description="E-mail address."),
    ],
    Logo: [
        Spec("path", "string", True, max_length=1000, description="Image file, relative to the release file."),
        Spec("name", "string", max_length=200, description="Organisation name (alternative text)."),
    ],
}


# ----- parsing -----------------------------------------------------------------------------------
def guess_language(data: Any) -> str:
    if isinstance(data, dict):
        lang = data.get("language")
        if lang in LANGUAGES:
            return lang
        text = " ".join(str(data.get(k, "")) for k in ("headline", "lead", "city"))
        if re.search("[а-яё]", text, re.I):
            return "ru"
    return "en"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _check_text(value: str, path: str, spec: Spec, problems: list[Problem], lang: str) -> str | None:
    m = CONTROL.search(value)
    if m:
        problems.append(Problem(path, msg("control", lang, ord(m.group()), m.start() + 1)))
        return None
    value = " ".join(value.split())  # one paragraph: line breaks of YAML blocks become spaces
    if not value:
        problems.append(Problem(path, msg("empty", lang)))
        return None
    if len(value) > spec.max_length:
        problems.append(Problem(path, msg("too_long", lang, len(value), spec.max_length)))
        return None
    return value


def _parse_value(spec: Spec, kind: str, value: Any, path: str, problems: list[Problem], lang: str, item_cls=None):
    if kind in ("string", "text"):
        if not isinstance(value, str):
            problems.append(Problem(path, msg("type_string", lang, _type_name(value, lang))))
            return None
        return _check_text(value, path, spec, problems, lang)
    if kind == "enum":
        if not isinstance(value, str) or value not in spec.enum:
            problems.append(Problem(path, msg("enum", lang, value, ", ".join(spec.enum))))
            return None
        return value
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        problems.append(Problem(path, msg("date", lang, value)))
        return None
    if kind == "time":
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return f"{value // 60:02d}:{value % 60:02d}"  # YAML 1.1 reads 10:00 as 600
        if isinstance(value, str) and re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value.strip()):
            h, m = value.strip().split(":")
            return f"{int(h):02d}:{m}"
        problems.append(Problem(path, msg("time", lang, value)))
        return None
    if kind == "number":
        from app.release.amount import AmountError, amount_problem, parse_amount
        from app.release.amount import message as amount_message

        if isinstance(value, str):  # "777.895", "739 000" typed in a form or quoted in YAML
            try:
                value = parse_amount(value)
            except AmountError as e:
                problems.append(Problem(path, amount_message(e.key, e.raw, lang) if e.key == "ambiguous"
                                        else msg("type_number", lang, _type_name(value, lang))))
                return None
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            problems.append(Problem(path, msg("type_number", lang, _type_name(value, lang))))
            return None
        if isinstance(value, float) and amount_problem(value, lang):
            problems.append(Problem(path, amount_problem(value, lang)))  # 777.895: thousands or cents?
            return None
        try:
            d = Decimal(str(value))
        except InvalidOperation:
            problems.append(Problem(path, msg("type_number", lang, value)))
            return None
        if not d.is_finite():
            problems.append(Problem(path, msg("type_number", lang, value)))
            return None
        if d < 0:
            problems.append(Problem(path, msg("negative", lang)))
            return None
        return d
    if kind == "object":
        return parse_object(item_cls or spec.cls, value, path, problems, lang)
    raise AssertionError(kind)


def parse_object(cls: type, data: Any, path: str, problems: list[Problem], lang: str):
    if not isinstance(data, dict):
        problems.append(Problem(path, msg("type_object", lang, _type_name(data, lang))))
        return None
    specs = {s.name: s for s in SPEC[cls]}
    for key in data:
        if not isinstance(key, str) or key not in specs:
            text = msg("unknown", lang)
            close = difflib.get_close_matches(str(key), list(specs), n=1, cutoff=0.6)
            if close:
                text += "; " + msg("did_you_mean", lang, close[0])
            problems.append(Problem(_join(path, str(key)), text))
    values: dict[str, Any] = {}
    ok = True
    for s in SPEC[cls]:
        p = _join(path, s.name)
        value = data.get(s.name)
        if value is None or (isinstance(value, (str, list)) and not value and s.required):
            if s.required:
                problems.append(Problem(p, msg("required", lang)))
                ok = False
            elif s.default is not None:
                values[s.name] = s.default
            elif s.kind == "list":
                values[s.name] = []
            continue
        before = len(problems)
        if s.kind == "list":
            if not isinstance(value, list):
                problems.append(Problem(p, msg("type_list", lang, _type_name(value, lang))))
                ok = False
                continue
            if len(value) < s.min_items:
                problems.append(Problem(p, msg("min_items", lang, s.min_items)))
            items = []
            for i, v in enumerate(value):
                ip = f"{p}[{i}]"
                if isinstance(s.item, str):
                    items.append(_parse_value(s, s.item, v, ip, problems, lang))
                else:
                    items.append(parse_object(s.item, v, ip, problems, lang))
            values[s.name] = items
        else:
            values[s.name] = _parse_value(s, s.kind, value, p, problems, lang)
        if len(problems) > before:
            ok = False
    if not ok:
        return None
    return cls(**values)


# ----- serialisation -----------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if type(value) in SPEC:
        return to_dict(value)
    return value


def to_dict(obj: Any) -> dict:
    """JSON-ready mapping (dates as ISO strings), only the fields that are set."""
    out = {}
    for s in SPEC[type(obj)]:
        v = getattr(obj, s.name)
        if v is None or v == [] or (s.default is not None and v == s.default):
            continue
        out[s.name] = _plain(v)
    return out


# ----- JSON Schema -------------------------------------------------------------------------------
def _schema_of(spec: Spec, kind: str, item=None) -> dict:
    if kind in ("string", "text"):
        return {"type": "string", "minLength": 1, "maxLength": spec.max_length}
    if kind == "enum":
        return {"enum": list(spec.enum)}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == "time":
        return {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}
    if kind == "number":
        return {"type": "number", "minimum": 0}
    if kind == "object":
        return _object_schema(item or spec.cls)
    if kind == "list":
        sub = _schema_of(spec, spec.item) if isinstance(spec.item, str) else _object_schema(spec.item)
        out = {"type": "array", "items": sub}
        if spec.min_items:
            out["minItems"] = spec.min_items
        return out
    raise AssertionError(kind)


def _object_schema(cls: type) -> dict:
    props = {}
    for s in SPEC[cls]:
        sch = _schema_of(s, s.kind)
        if s.description:
            sch["description"] = s.description
        if s.default is not None:
            sch["default"] = s.default
        props[s.name] = sch
    return {"type": "object", "additionalProperties": False, "properties": props,
            "required": [s.name for s in SPEC[cls] if s.required]}


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of a release file, as JSON sees it (dates as strings)."""
    schema = _object_schema(Release)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://pressroom.example/release.schema.json",
            "title": "Pressroom press release", **schema}


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
