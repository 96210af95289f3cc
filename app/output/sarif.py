"""SARIF 2.1.0 (validated against the official schema in tests)."""
from __future__ import annotations

from app import __version__
from app.engine.linter import LintResult
from app.engine.rules import load_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(results: list[LintResult], lang: str = "en") -> dict:
    """The SARIF log; result messages in lang (``ru``/``en``; rule descriptions stay English)."""
    rules = {r.id: r for r in load_rules()}
    used: dict[str, int] = {}
    descriptors = []
    sarif_results = []
    for res in results:
        doc = res.document
        for f in res.findings:
            if f.rule not in used:
                used[f.rule] = len(descriptors)
                r = rules.get(f.rule)
                d = {"id": f.rule, "shortDescription": {"text": (r.title or r.message) if r else f.rule}}
                if r is not None:
                    d["defaultConfiguration"] = {"level": _LEVEL[r.severity]}
                    d["properties"] = {"category": r.category}
                    if r.link:
                        d["helpUri"] = r.link
                    if r.description:
                        d["fullDescription"] = {"text": r.description}
                descriptors.append(d)
            line, col = doc.line_col(f.offset)
            eline, ecol = doc.line_col(f.end)
            item = {
                "ruleId": f.rule,
                "ruleIndex": used[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message_in(lang)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": doc.path},
                        "region": {
                            "startLine": line, "startColumn": col, "endLine": eline, "endColumn": ecol,
                            "charOffset": f.offset, "charLength": f.length,
                            "snippet": {"text": doc.span_text(f.offset, f.end)},
                        },
                    }
                }],
                "properties": {"category": f.category},
            }
            if f.related:
                rel = []
                for k, (o, n) in enumerate(f.related):
                    rl, rc = doc.line_col(o)
                    el, ec = doc.line_col(o + n)
                    rel.append({"id": k + 1, "message": {"text": doc.span_text(o, o + n)},
                                "physicalLocation": {"artifactLocation": {"uri": doc.path}, "region": {
                                    "startLine": rl, "startColumn": rc, "endLine": el, "endColumn": ec,
                                    "charOffset": o, "charLength": n, "snippet": {"text": doc.span_text(o, o + n)}}}})
                item["relatedLocations"] = rel
            if f.suggestions:
                item["fixes"] = [{
                    "description": {"text": (f"Замените на: {f.suggestions[0]}" if lang == "ru"
                                                else f"Replace with: {f.suggestions[0]}")},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": doc.path},
                        "replacements": [{
                            "deletedRegion": {"charOffset": f.offset, "charLength": f.length},
                            "insertedContent": {"text": f.suggestions[0]},
                        }],
                    }],
                }]
            sarif_results.append(item)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "Pressroom", "version": __version__,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
