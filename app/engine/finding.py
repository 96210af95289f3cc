"""A finding: one problem at one place in a document."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
CATEGORIES = (
    "structure", "visibility", "spelling", "grammar", "homoglyph", "figures",
    "contact", "typography", "consistency", "style",
)


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    offset: int
    length: int
    suggestions: list[str] = field(default_factory=list)
    # A replacement for exactly [offset, offset+length) that is safe to apply without review
    # (used by --fix). None: the finding is never fixed automatically.
    fix: str | None = None
    # The message in Russian (rules' ``message_ru``); None: the English message is shown.
    message_ru: str | None = None
    # Other places the finding is about (offset, length): the figures it contradicts.
    related: list[tuple[int, int]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.offset + self.length

    def message_in(self, lang: str | None) -> str:
        """The message in lang (``ru``/``en``; a locale such as ``ru_RU`` works too), English when
        there is no translation."""
        if lang and str(lang).lower().startswith("ru") and self.message_ru:
            return self.message_ru
        return self.message

    def to_dict(self, doc, lang: str = "en") -> dict:
        """The JSON contract's finding; ``message`` in lang (English when not translated)."""
        line, column = doc.line_col(self.offset)
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message_in(lang),
            "line": line,
            "column": column,
            "offset": self.offset,
            "length": self.length,
            "text": doc.span_text(self.offset, self.end),
            "suggestions": list(self.suggestions),
            "related": [self.related_dict(doc, o, n) for o, n in self.related],
        }

    @staticmethod
    def related_dict(doc, offset: int, length: int) -> dict:
        line, column = doc.line_col(offset)
        return {"offset": offset, "length": length, "line": line, "column": column,
                "text": doc.span_text(offset, offset + length)}
