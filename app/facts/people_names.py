"""The same people named by another noun (facts model, stop 26): «Более 300 журналистов … приняли участие в
форуме» … «Около 200 участников форума обсудили …», "One hundred and ten teachers have completed the course" …
"Of the 120 participants, 86 were women": a count named by a generic noun of people (list ``people_generic`` in
rules/facts/<lang>.yml: participants, trainees, attendees; «участники», «слушатели») restates the one earlier
count of people of its scope, named by another noun, when nothing tells two actions."""
from __future__ import annotations

import re

from app.facts.phrases import phrase_set, words


def generic_restated(b, cs) -> None:
    from app.facts.model import _noun_match, _people
    from app.facts.relations import different_actions

    gen = phrase_set(b.lang, "people_generic")
    pop = phrase_set(b.lang, "people_population")
    from app.facts.model import phrase_set_list

    quals = {str(x) for x in phrase_set_list(b.lang, "qualifiers")}
    people = [c for c in cs if c.kind == "count" and _people(b.lang, c.unit) and not (
        c.subset or c.table or c.meta.get("each") or c.meta.get("items") or c.meta.get("product")
        or c.meta.get("additional") or c.meta.get("measure"))]
    linked = {i for r in b.model.relations if r.kind == "same" for i in r.facts}
    for c in people:
        if c.id in linked or not c.q or c.q.noun_start < 0:
            continue
        noun = b.text[c.q.noun_start:c.q.noun_end].lower()
        population = pop.at(words(noun), 0) is not None
        if gen.at(words(noun), 0) is None and not population:
            continue
        nxt = re.match(r"[ \u00a0]*([a-zа-яё]+)", b.text[c.end:c.end + 20].lower())
        if nxt and nxt.group(1) in quals:
            continue  # "participants from Osh", «участников из Оша»: a part of them
        earlier = [o for o in people if o.start < c.start and o.sentence != c.sentence and o.scope == c.scope]
        if len(earlier) != 1 or any(o.start > c.end and o.scope == c.scope for o in people):
            continue  # one earlier count of people, and none after: the release counts one group of people
        o = earlier[0]
        if _noun_match(o.unit, c.unit) or abs(o.value - c.value) < 1e-9 or o.id in linked or not o.q or o.q.noun_start < 0:
            continue
        onoun = words(b.text[o.q.noun_start:o.q.noun_end].lower())
        if gen.at(onoun, 0) is not None:
            continue  # "180 participants" … "Khorezm will account for 60 trainees": two generic names, a part of them
        if population:
            # «12 000 жителей» … «более 15 тысяч человек», «каждый из пятнадцати тысяч горожан»: the people of a place
            # counted twice, both times as its population (not 300 teachers and the 15,000 people they serve), one of
            # them in the headline or lead and the other in a quote or the summary
            if pop.at(onoun, 0) is None or not _restated_by_side(o, c):
                continue
        elif different_actions(b, o, c):
            continue
        b.rel("same", [o.id, c.id], origin="scope")
        linked.update((o.id, c.id))


def _restated_by_side(a, b) -> bool:
    from app.facts.model import _headline_restated

    return _headline_restated(a, b) and not (a.hedge and b.hedge)
