"""Scopes of a release's facts beyond named projects: projects numbered in the text ("The first
project …", "The second project …", «Первый проект …», «второго проекта»). Each numbered project
starts its own scope; its figures are not compared with the other project's. Words are data:
``project.numbered`` (ordinal word -> number) and ``project.words`` in rules/facts/<lang>.yml.
"""
from __future__ import annotations

from app.facts.phrases import Word, data, norm


def _pat_ok(spec: str, w: str) -> bool:
    from app.facts.phrases import pat

    return pat(spec).ok(w)


def _project_in_apposition(ws: list[Word], j: int, project) -> bool:
    """A project word within the next ten words of the clause after "The second, …" (figures and their
    decimal points are words of it; another comma, a colon or a full stop ends it)."""
    for k in range(j, min(j + 10, len(ws))):
        x = ws[k].norm
        if any(p.ok(x) for p in project):
            return True
        if x == "." and 0 < k < len(ws) - 1 and ws[k - 1].norm.isdigit() and ws[k + 1].norm.isdigit():
            continue  # "1.2 million"
        if not (x[:1].isalnum() or x == "-"):
            return False
    return False


def numbered_projects(ws: list[Word], lang: str) -> list[tuple[int, str]]:
    """(offset, "#n") where a numbered project is mentioned; nothing unless two numbers occur."""
    proj = data(lang).get("project") or {}
    numbered = proj.get("numbered") or {}
    pwords = [str(x) for x in (proj.get("words") or [])]
    if not numbered or not pwords:
        return []
    from app.facts.phrases import pat

    ordinals = [(pat(str(k)), v) for k, v in numbered.items()]  # once per call, not per word (issue 13)
    project = [pat(p) for p in pwords]
    # which words can be an ordinal at all (a word equal to one, or starting with an ordinal's stem):
    # the others are not matched against every ordinal (issue 13)
    exact = {e for p, _ in ordinals for e in p.exact}
    stems = [q for p, _ in ordinals for q, _ in p.prefixes]
    width = min((len(q) for q in stems), default=2)
    heads = {q[:width] for q in stems}
    out: list[tuple[int, str]] = []
    for i, w in enumerate(ws[:-1]):
        if w.norm not in exact and (not stems or (width > 0 and w.norm[:width] not in heads)):
            continue
        n = next((v for p, v in ordinals if p.ok(w.norm)), None)
        if n is None:
            continue
        # "Первая, «Агробизнес Ферганской долины», …", "The second, "Green Schools", …": an ordinal and a name
        nx = [x.norm for x in ws[i + 1:i + 3]]
        quotes = ("«", "\"", "“")
        if nx[:1] and nx[0] in quotes or len(nx) == 2 and nx[0] == "," and nx[1] in quotes:
            out.append((w.start, f"#{n}"))
            continue
        if nx[:1] == [","] and _project_in_apposition(ws, i + 2, project):
            # "The second, a EUR 1.2 million pasture management project implemented by FAO, …"
            out.append((w.start, f"#{n}"))
            continue
        # the project word right after the ordinal, or after one more word ("the second EU project")
        for j in (i + 1, i + 2):
            if j < len(ws) and any(p.ok(ws[j].norm) for p in project):
                out.append((w.start, f"#{n}"))
                break
            if j < len(ws) and not ws[j].norm.isalpha():
                break
    if len({n for _, n in out}) < 2:
        return []
    return out


def other_projects(ws: list[Word], lang: str) -> list[int]:
    """Offsets where the text turns to another project than the release's own ("In a separate
    initiative, …", "A separate EU-funded project in Navoi region …", «В рамках другого проекта ЕС …»):
    a word of ``project.other``, then at most two words, then a word of ``project.other_words``."""
    from app.facts.phrases import pat

    proj = data(lang).get("project") or {}
    other = [pat(str(x)) for x in (proj.get("other") or [])]
    nouns = [pat(str(x)) for x in (proj.get("other_words") or [])]
    if not other or not nouns:
        return []
    other_exact = {e for p in other for e in p.exact}
    other_stems = tuple(q for p in other for q, _ in p.prefixes)
    adverbs = {norm(str(x)) for x in (proj.get("other_adverbs") or [])}
    ones = {norm(str(x)) for x in (proj.get("other_one") or [])}
    out: list[int] = []
    for i, w in enumerate(ws):
        if w.norm in adverbs:
            # «Отдельно в Семее продолжается проект …», "Separately, the EU funds a programme …": the clause
            # names the other project a few words later
            for j in range(i + 1, min(i + 9, len(ws))):
                if ws[j].norm in (".", "!", "?", ";", ":"):
                    break
                if any(p.ok(ws[j].norm) for p in nouns):
                    out.append(w.start)
                    break
            continue
        if not w.norm[:1].isalpha() or w.norm not in other_exact and not w.norm.startswith(other_stems) \
                or not any(p.ok(w.norm) for p in other):
            continue  # (a set lookup and one startswith for most words: this runs at every word, issue 13)
        if i + 1 < len(ws) and ws[i + 1].norm in ones and any(p.ok(x.norm) for p in nouns for x in ws[max(0, i - 30):i]):
            out.append(w.start)  # "the EU's contribution to this project and to a previous one"
            continue
        between = 0
        for j in range(i + 1, min(i + 7, len(ws))):
            x = ws[j].norm
            if any(p.ok(x) for p in nouns):
                out.append(w.start)
                break
            if x == "-" and ws[j - 1].end == ws[j].start:  # "EU-funded"
                continue
            between += 1
            if not x[:1].isalpha() or between > 2:
                break
    return out


__all__ = ["numbered_projects", "other_projects", "norm"]


def sentence_scopes(b) -> None:
    """A sentence that names one numbered project ("Of the EUR 3.4 million provided for the first
    project, …") states that project's facts, also those before the mention in the sentence."""
    named = [(o, n) for o, n in b.model.scopes if n.startswith("#") and n[1:].isdigit()]
    if not named:
        return
    for k, (a, e) in enumerate(b.sentences):
        ns = {n for o, n in named if a <= o < e}
        if len(ns) != 1:
            continue
        n = next(iter(ns))
        mention = min(o for o, m in named if a <= o < e)
        for f in b.sent_facts[k]:
            f.scope = n
            # "Of the EUR 3.4 million provided for the first project": the amount the project's budget
            if f.kind == "money" and f.role == "total" and not f.meta.get("strong") and f.end <= mention <= f.end + 40 \
                    and not any(o.kind == "money" and f.end <= o.start < mention for o in b.sent_facts[k]):
                f.meta["strong"] = True


def the_restated(b, c, cs):
    """"Eighty students have started the summer school." … "Over four weeks, the 90 students will …": a count of
    people with the definite article points back at the one earlier count of the same noun in its scope (another
    sentence), whatever the verbs; None when the earlier counts disagree among themselves or a qualifier follows
    ("the 30 students from Osh" is a part)."""
    import re

    from app.facts.model import _noun_match

    if b.lang != "en" or c.hedge or c.subset or c.table:
        return None
    if not re.search(r"(?:^|[^\w])the[ \u00a0]+$", b.text[max(0, c.start - 5):c.start], re.I):
        return None
    nxt = re.match(r"[ \u00a0]*([a-z]+)", b.text[c.end:c.end + 20].lower())
    if nxt and nxt.group(1) in ("from", "in", "of", "who", "with", "at", "aged", "selected", "among", "trained", "living"):
        return None
    earlier = [o for o in cs if o.start < c.start and o.sentence != c.sentence and o.scope == c.scope
               and _noun_match(o.unit, c.unit) and not (o.subset or o.table or o.hedge or o.meta.get("each")
                                                         or o.meta.get("items") or o.meta.get("product"))]
    if not earlier or len({round(o.value, 6) for o in earlier}) != 1 or abs(earlier[0].value - c.value) < 1e-9:
        return None
    return earlier[-1]
