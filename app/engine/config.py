"""``pressroom.toml``: found in the current folder or a parent, or given with ``--config``.

Example::

    language = "ru"            # auto | ru | en
    region = "KZ"              # default region for phone numbers
    organisation = "LPRC"      # named in the disclaimer
    fail_level = "error"
    messages = "en"            # language of finding messages: en | ru

    [style]
    eu_name_ru = "Европейский Союз"   # house form for consistency.eu-name
    english = "en_GB"                 # en_GB | en_US
    money_en = "EUR 1 000"            # house money style (informational)

    [vocabulary]
    accept = ["Симкич", "LPRC"]
    reject = []

    [rules]
    ignore = ["style"]
    select = []
    [rules.severity]
    "typography.double-space" = "info"

    [languagetool]
    enabled = "auto"      # true: always (warn when missing), false: never, "auto": when a server answers
    url = "http://127.0.0.1:8081"
    timeout = 10

    [render]
    base_docx = "house-style.docx"
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.engine.finding import SEVERITIES
from app.errors import InputError, UsageError

CONFIG_NAME = "pressroom.toml"
MAX_CONFIG_BYTES = 1024 * 1024
MESSAGE_LANGUAGES = ("en", "ru")
_KNOWN_TOP = {"language", "region", "organisation", "organization", "fail_level", "messages", "style", "vocabulary",
              "rules", "languagetool", "render"}


@dataclass
class Config:
    language: str = "auto"
    region: str = "KZ"
    organisation: str | None = None
    fail_level: str = "error"
    messages: str = "en"
    style: dict[str, Any] = field(default_factory=dict)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    languagetool: dict[str, Any] = field(default_factory=dict)
    render: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        p = d / CONFIG_NAME
        if p.is_file():
            return p
    return None


def _str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise UsageError(f"{where}: expected a list of strings")


def load_config(path: str | Path | None = None, search_from: Path | None = None) -> Config:
    """Load the config file given, or the nearest pressroom.toml; defaults when there is none."""
    if path is None:
        found = find_config(search_from)
        if found is None:
            return Config()
        path = found
    p = Path(path)
    if not p.exists():
        raise UsageError(f"config file {p}: not found")
    from app.core.files import read_regular_file

    try:
        raw = read_regular_file(p, MAX_CONFIG_BYTES, "config file")
    except InputError as e:
        raise UsageError(f"config file {e}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise UsageError(f"config file {p}: larger than 1 MB; a pressroom.toml is a few lines")
    import tomllib  # only when a pressroom.toml is read (issue 13)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"config file {p}: invalid TOML: {e}") from None
    except UnicodeDecodeError:
        raise UsageError(f"config file {p}: not UTF-8 text") from None
    unknown = set(data) - _KNOWN_TOP
    if unknown:
        raise UsageError(f"config file {p}: unknown setting(s): {', '.join(sorted(unknown))}")
    cfg = Config(path=p)
    cfg.language = str(data.get("language", "auto"))
    if cfg.language not in ("auto", "ru", "en"):
        raise UsageError(f"config file {p}: language must be auto, ru or en (got {cfg.language!r})")
    cfg.region = str(data.get("region", "KZ")).upper()
    cfg.organisation = data.get("organisation") or data.get("organization")
    cfg.fail_level = str(data.get("fail_level", "error"))
    if cfg.fail_level not in SEVERITIES:
        raise UsageError(f"config file {p}: fail_level must be one of {', '.join(SEVERITIES)}")
    cfg.messages = str(data.get("messages", "en"))
    if cfg.messages not in MESSAGE_LANGUAGES:
        raise UsageError(f"config file {p}: messages must be en or ru (got {cfg.messages!r})")
    cfg.style = dict(data.get("style", {}))
    if str(cfg.style.get("english", "en_GB")).replace("-", "_") not in ("en_GB", "en_US"):
        raise UsageError(f"config file {p}: style.english must be en_GB or en_US (got {cfg.style['english']!r})")
    if cfg.region != "KZ":
        import phonenumbers

        if cfg.region not in phonenumbers.SUPPORTED_REGIONS:
            raise UsageError(f"config file {p}: region must be a two-letter country code such as KZ (got {cfg.region!r})")
    vocab = data.get("vocabulary", {})
    cfg.accept = _str_list(vocab.get("accept"), f"{p}: vocabulary.accept")
    cfg.reject = _str_list(vocab.get("reject"), f"{p}: vocabulary.reject")
    for key in ("accept_file", "reject_file"):
        if key in vocab:
            fp = (p.parent / vocab[key]).resolve()
            if not fp.is_file():
                raise UsageError(f"config file {p}: vocabulary.{key} {fp} not found")
            from app.engine.vocabulary import read_list

            (cfg.accept if key == "accept_file" else cfg.reject).extend(read_list(fp))
    rules = data.get("rules", {})
    cfg.ignore = _str_list(rules.get("ignore"), f"{p}: rules.ignore")
    cfg.select = _str_list(rules.get("select"), f"{p}: rules.select")
    sev = rules.get("severity", {})
    for rule, level in sev.items():
        if level not in SEVERITIES and level != "off":
            raise UsageError(f"config file {p}: rules.severity.{rule} must be error, warning, info or off")
    cfg.severity = dict(sev)
    cfg.languagetool = _languagetool(data.get("languagetool", {}), p)
    cfg.render = dict(data.get("render", {}))
    return cfg


def _languagetool(section: Any, p: Path) -> dict[str, Any]:
    """[languagetool]: checked here, so a wrong type is one line, not a traceback during a run."""
    if not isinstance(section, dict):
        raise UsageError(f"config file {p}: [languagetool] must be a table")
    lt = dict(section)
    if lt.get("enabled") == "auto":
        pass  # use a server when one answers (the default of `pressroom lint`)
    elif "enabled" in lt and not isinstance(lt["enabled"], bool):
        raise UsageError(f"config file {p}: languagetool.enabled must be true, false or \"auto\" (got {lt['enabled']!r})")
    for key in ("download",):
        if key in lt and not isinstance(lt[key], bool):
            raise UsageError(f"config file {p}: languagetool.{key} must be true or false (got {lt[key]!r})")
    if "url" in lt and not (isinstance(lt["url"], str) and lt["url"].startswith(("http://", "https://"))):
        raise UsageError(f"config file {p}: languagetool.url must be an http:// or https:// address (got {lt['url']!r})")
    timeout = lt.get("timeout", 10)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise UsageError(f"config file {p}: languagetool.timeout must be a number of seconds (got {timeout!r})")
    if "disabled_rules" in lt:
        lt["disabled_rules"] = _str_list(lt["disabled_rules"], f"config file {p}: languagetool.disabled_rules")
    return lt


def languagetool_url(cfg: Config) -> str | None:
    return os.environ.get("PRESSROOM_LANGUAGETOOL_URL") or cfg.languagetool.get("url")
