"""``path:line:column: severity rule-id message [→ suggestion]``, grouped per file."""
from __future__ import annotations

from app.engine.linter import LintResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def format_finding(path: str, doc, f, color: bool = False, lang: str = "en") -> str:
    line, col = doc.line_col(f.offset)
    sev = f.severity
    if color:
        sev = f"{_COLORS[sev]}{sev}{_RESET}"
    s = f"{path}:{line}:{col}: {sev} {f.rule} {f.message_in(lang)}"
    if f.suggestions:
        sugg = f.suggestions[0].replace("\n", " ")
        if len(sugg) > 120:
            sugg = sugg[:117] + "..."
        if not sugg.strip():  # a space, or nothing (delete): quoted, or it cannot be seen
            sugg = f"'{sugg}'"
        s += f" → {sugg}"
    return s


def format_text(results: list[LintResult], color: bool = False, quiet: bool = False, lang: str = "en") -> str:
    lines: list[str] = []
    total = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        summ = r.summary()
        for k, v in summ.items():
            total[k] += v
        if not r.findings:
            continue
        if lines:
            lines.append("")
        for f in r.findings:
            lines.append(format_finding(r.document.path, r.document, f, color, lang))
    n_files = len(results)
    head = f"{sum(total.values())} finding(s) in {n_files} file(s): {total['error']} error(s), {total['warning']} warning(s), {total['info']} info"
    if color:
        head = f"{_BOLD}{head}{_RESET}"
    if not quiet or sum(total.values()):
        lines.append(("" if lines else "") + head)
    return "\n".join(lines)
