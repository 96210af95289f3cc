"""Scopes of a release's facts beyond named projects: projects numbered in the text ("The first
project …", "The second project …", «Первый проект …», «второго проекта»). Each numbered project
starts its own scope; its figures are not compared with the other project's. Words are data:
``project.numbered`` (ordinal word -> number) and ``project.words`` in rules/facts/<lang>.yml.
"""
from __future__ import annotations

from app.facts.phrases import Word, data, norm


def _pat_ok(spec: str, w: str) -> bool:
    from app.facts.phrases import _Pat

    return _Pat(spec).ok(w)


def numbered_projects(ws: list[Word], lang: str) -> list[tuple[int, str]]:
    """(offset, "#n") where a numbered project is mentioned; nothing unless two numbers occur."""
    proj = data(lang).get("project") or {}
    numbered = proj.get("numbered") or {}
    pwords = [str(x) for x in (proj.get("words") or [])]
    if not numbered or not pwords:
        return []
    out: list[tuple[int, str]] = []
    for i, w in enumerate(ws[:-1]):
        n = next((v for k, v in numbered.items() if _pat_ok(str(k), w.norm)), None)
        if n is None:
            continue
        # the project word right after the ordinal, or after one more word ("the second EU project")
        for j in (i + 1, i + 2):
            if j < len(ws) and any(_pat_ok(p, ws[j].norm) for p in pwords):
                out.append((w.start, f"#{n}"))
                break
            if j < len(ws) and not ws[j].norm.isalpha():
                break
    if len({n for _, n in out}) < 2:
        return []
    return out


__all__ = ["numbered_projects", "norm"]
