"""A /v2/check request as LanguageTool's clients send it (form fields), read and checked.

Every problem is an ApiError with LanguageTool's HTTP status and a one-line plain-text message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from app.ltapi.annotated import Annotated, AnnotationError, parse

# LanguageTool's values for `level`; we treat every value but "default" as picky (see matches.py).
LEVELS = ("default", "picky", "academic", "clarity", "professional", "creative", "customer", "jobapp",
          "objective", "elegant")
# language codes we answer for (LanguageTool's spelling); "auto" detects Russian or English
LANGUAGES = {
    "ru-RU": ("Russian", "ru"), "ru": ("Russian", "ru"),
    "en-GB": ("English (GB)", "en"), "en-US": ("English (US)", "en"), "en": ("English", "en"),
}
DEFAULT_MAX_CHARS = 100_000


class ApiError(Exception):
    """An answer other than 200: status and LanguageTool-style plain-text message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _list(form: Mapping[str, str], key: str) -> tuple[str, ...]:
    value = form.get(key) or ""
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _bool(form: Mapping[str, str], key: str) -> bool:
    value = (form.get(key) or "").strip().lower()
    if value in ("", "false", "no", "0"):
        return False
    if value in ("true", "yes", "1"):
        return True
    raise ApiError(400, f"Error: Invalid value '{value}' for parameter '{key}': use true or false")


@dataclass(frozen=True)
class CheckRequest:
    annotated: Annotated = field(compare=False, hash=False)
    language: str = "auto"                    # as sent: ru-RU, en-GB, en-US, en, ru, auto
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    level: str = "default"
    mother_tongue: str | None = None
    preferred_variants: tuple[str, ...] = ()
    username: str | None = None
    api_key: str | None = None

    @property
    def text(self) -> str:
        return self.annotated.original

    def cache_key(self) -> tuple:
        return (self.annotated.original, self.annotated.plain, self.language, self.enabled_rules,
                self.disabled_rules, self.enabled_categories, self.disabled_categories, self.enabled_only,
                self.level, self.mother_tongue, self.preferred_variants)


def parse_request(form: Mapping[str, str], max_chars: int = DEFAULT_MAX_CHARS) -> CheckRequest:
    text, data = form.get("text"), form.get("data")
    if text is not None and data is not None:
        raise ApiError(400, "Error: Set only 'text' or 'data' parameter, not both")
    if text is None and data is None:
        raise ApiError(400, "Error: Missing 'text' or 'data' parameter")
    language = (form.get("language") or "").strip()
    if not language:
        raise ApiError(400, "Error: Missing 'language' parameter, e.g. 'language=en-US' for American English "
                            "or 'language=ru-RU' for Russian")
    if language != "auto" and language not in LANGUAGES:
        raise ApiError(400, f"Error: '{language[:40]}' is not a language code known to Pressroom. Supported "
                            f"language codes are: auto, {', '.join(sorted(LANGUAGES))}.")
    if data is not None:
        try:
            annotated = parse(data)
        except AnnotationError as e:
            raise ApiError(400, f"Error: {e}") from None
    else:
        annotated = Annotated.of_text(text)
    size = len(annotated.plain)
    if size > max_chars:
        raise ApiError(413, f"Error: Your text exceeds the limit of {max_chars} characters (it's {size} "
                            "characters). Please submit a shorter text.")
    level = (form.get("level") or "default").strip()
    if level not in LEVELS:
        raise ApiError(400, f"Error: Unknown value '{level[:40]}' for parameter 'level'. Valid values: {', '.join(LEVELS)}")
    enabled_only = _bool(form, "enabledOnly")
    enabled_rules, enabled_categories = _list(form, "enabledRules"), _list(form, "enabledCategories")
    if enabled_only and not (enabled_rules or enabled_categories):
        raise ApiError(400, "Error: You must specify enabled rules or categories when using enabledOnly=true")
    variants = _list(form, "preferredVariants")
    if variants and language != "auto":
        raise ApiError(400, "Error: You can specify 'preferredVariants' only when 'language=auto'")
    mother = (form.get("motherTongue") or "").strip() or None
    if mother is not None and (len(mother) > 20 or not all(c.isalnum() or c == "-" for c in mother)):
        raise ApiError(400, f"Error: '{mother[:40]}' is not a language code (motherTongue)")
    username, api_key = form.get("username") or None, form.get("apiKey") or None
    if bool(username) != bool(api_key):
        raise ApiError(400, "Error: Send both 'username' and 'apiKey', or neither")
    return CheckRequest(
        annotated=annotated, language=language, enabled_rules=enabled_rules,
        disabled_rules=_list(form, "disabledRules"), enabled_categories=enabled_categories,
        disabled_categories=_list(form, "disabledCategories"), enabled_only=enabled_only, level=level,
        mother_tongue=mother, preferred_variants=variants, username=username, api_key=api_key,
    )
