"""Russian verbs followed by the wrong case or by a preposition they do not take.

Two tables in rules/grammar/government-table.yaml:
- ``verbs``: a verb that governs a case directly (способствовать развитию, руководить проектом).
  The noun group right after a form of the verb (finite, infinitive, gerund; participles are
  adjectives and are left alone) is flagged when no reading of it is in that case, nor a
  nominative that can be the verb's subject, nor a genitive after «не», nor an accusative of time
  («руководит второй год»).
- ``verb_prepositions``: a verb (or verb + object) with a preposition it does not take
  («оплатить за услуги» → «оплатить услуги», «уделять внимание на качество» → «уделять внимание
  качеству»). The finding covers the preposition and the group; the suggestion drops or replaces
  the preposition and puts the group in the right case.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.checks.grammar.preposition_case import CASE_EN, CASE_RU, conjunct_finding
from app.language import get, infinitive_word, morph
from app.language.government import (TIME_NOUNS, singular_only, WORD, analyses, best_group, case_of, disagreeing, head_readings,
                                     inflect_group, noun_group, noun_groups, possible, possible_any, rare_noun, repair_group, table,
                                     words_after)

_VERB_POS = {"VERB", "INFN", "GRND"}
_SKIP_HEADS = {"друг", "себя", "это", "что", "который", "кто", "сам", "каждый", "весь", "тот", "такой",
               # indefinite and negative pronouns open a clause or an infinitive's object («планируют о
               # чём-то договориться»)
               "что-то", "кто-то", "что-либо", "кто-либо", "что-нибудь", "кто-нибудь", "кое-что", "кое-кто",
               "нечто", "ничто", "никто", "какой", "какой-то", "чей"}


def _verb_forms(ctx, word: str) -> tuple[frozenset[str], str | None]:
    """(the verb lemmas, None) of a finite verb, infinitive or gerund; (lemmas, "actv"/"pssv") of a
    participle; cached per word for the process."""
    cache = get(ctx, "government.verb_forms", dict)
    w = word.lower()
    hit = cache.get(w)
    if hit is None:
        lemmas = _verb_lemmas(ctx, w)
        voice = None
        if not lemmas:
            lemmas, voice = _participle_lemmas(ctx, w)
        if len(cache) > 200_000:
            cache.clear()
        hit = cache[w] = (frozenset(lemmas), voice)
    return hit


def _verb_lemmas(ctx, word: str) -> set[str]:
    ps = analyses(ctx, word)
    if not ps:
        return set()
    verbs = {p.normal_form for p in ps if p.tag.POS in _VERB_POS}
    if any(p.tag.POS not in _VERB_POS and not (p.tag.POS == "PRTS" and "pres" in p.tag and p.normal_form in verbs)
           for p in ps):
        return set()  # also a noun or an adjective: not sure it is the verb
    # («благодарим», «поздравляем»: the first person plural, also read as a present passive participle)
    return {p.normal_form.replace("ё", "е") for p in ps}


def _participle_lemmas(ctx, word: str) -> tuple[set[str], str | None]:
    """(the verbs, "actv" or "pssv") of a word whose every reading is a participle of one voice
    («способствующий», «удостоен», «посвящённая»); (set(), None) otherwise."""
    ps = analyses(ctx, word)
    if not ps or not any(p.tag.POS in ("PRTF", "PRTS") for p in ps) \
            or any(p.tag.POS not in ("PRTF", "PRTS", "ADJF") for p in ps):
        return set(), None
    # a participle that is also a lexicalised adjective («руководящие органы»): the participle's
    # readings (an adjective before its noun is left alone by the caller: `_attributive`)
    ps = [p for p in ps if p.tag.POS in ("PRTF", "PRTS")]
    voices = {p.tag.voice for p in ps}
    if len(voices) != 1:
        return set(), None
    return {p.normal_form.replace("ё", "е") for p in ps}, voices.pop()


def _governor_lemmas(ctx, word: str) -> frozenset[str]:
    """Lemmas of a word that governs a preposition: verbs in every form (participles included:
    «участвовавшие на семинарах») and nouns. Cached per word for the process, as ``analyses`` is
    (a participle's infinitive costs an inflection; issue 13)."""
    cache = get(ctx, "government.governor_lemmas", dict)
    w = word.lower()
    hit = cache.get(w)
    if hit is None:
        hit = frozenset(_governor_lemmas_uncached(ctx, w))
        if len(cache) > 200_000:
            cache.clear()
        cache[w] = hit
    return hit


def _governor_lemmas_uncached(ctx, word: str) -> set[str]:
    ps = analyses(ctx, word)
    if not ps:
        # a verbal noun pymorphy3's dictionary lacks («уделение»): its guessed noun lemmas (the
        # caller keeps only the lemmas the table lists)
        if len(word) < 6:
            return set()
        if not word.endswith(("ние", "ния", "нию", "нием", "нии", "тие", "тия", "тию", "тием", "тии")):
            # a verb the dictionary lacks («мониторят», «сфокусировались», «задокументировали»):
            # its guessed verb lemmas (again only those the table lists count)
            return {p.normal_form.replace("ё", "е") for p in morph(ctx).parse(word)
                    if p.tag.POS in _VERB_POS and p.score >= 0.2}
        return {p.normal_form.replace("ё", "е") for p in morph(ctx).parse(word)
                if p.tag.POS == "NOUN" and p.normal_form.endswith(("ние", "тие"))}
    out = set()
    for p in ps:
        if p.tag.POS in _VERB_POS | {"PRTF", "PRTS", "NOUN", "ADJF", "ADJS"}:
            out.add(p.normal_form.replace("ё", "е"))
            if p.tag.POS in ("PRTF", "PRTS"):
                inf = infinitive_word(p)  # the paradigm's infinitive, not the whole lexeme (issue 13)
                if inf is not None:
                    out.add(inf.replace("ё", "е"))
    return out


def _subject_possible(ctx, verb_word: str, group) -> bool:
    """A nominative reading of the group that agrees with the finite verb (its subject after it)."""
    vps = [p for p in (analyses(ctx, verb_word) or []) if p.tag.POS in ("VERB", "PRTS", "ADJS")]
    if not vps:
        return False
    for h in head_readings(group):
        if case_of(h.tag) != "nomn":
            continue
        for v in vps:
            if v.tag.number and v.tag.number != h.tag.number:
                continue
            if v.tag.person and v.tag.person != "3per" and h.tag.POS != "NPRO":
                continue
            if v.tag.gender and h.tag.number == "sing" and h.tag.gender and v.tag.gender != h.tag.gender \
                    and "ms-f" not in h.tag and not (v.tag.gender == "femn" and h.tag.gender == "masc"
                                                     and "anim" in h.tag):
                continue  # «руководила главный педиатр»: a woman named by a masculine job title
            return True
    return False


def _subject_before(ctx, doc, ws, i) -> bool:
    """A pronoun in the nominative right before the verb («Она руководит …»): the subject is taken."""
    if i == 0 or doc.text[ws[i - 1][1]:ws[i][0]].strip():
        return False
    ps = analyses(ctx, ws[i - 1][2])
    return bool(ps) and all(p.tag.POS == "NPRO" and p.tag.case == "nomn" for p in ps)


_CLAUSE_OPENERS = {"и", "а", "но", "однако", "также", "теперь", "сейчас", "сегодня", "уже", "ежегодно", "затем",
                   "поэтому", "тогда", "здесь", "там", "вместе", "ныне", "впервые", "всего"}


def _clause_subject(ctx, doc, ws, i, b, cases) -> bool:
    """The clause opens with a noun group that can be the finite verb's subject and not its object
    («Новые правила препятствуют развития …», «Женщины пользуются услуги …»): then a nominative
    after the verb is not a second subject."""
    c = i
    while c > 0 and i - c < 8 and _same_clause(doc, ws[c - 1][1], ws[c][0]):
        c -= 1
    if c == i:
        return False
    gap = doc.text[ws[c - 1][1]:ws[c][0]] if c > 0 else doc.text[b.start:ws[c][0]]
    if (c > 0 and not any(x in gap for x in ".,;:!?\n—–")) or any(q in gap for q in "«»\"„“()"):
        return False  # not after a clause boundary (a quote, a bracket, a number)
    while c < i - 1 and ws[c][2].lower() in _CLAUSE_OPENERS:
        c += 1
    groups = noun_groups(ctx, list(ws[c:i]))
    return any(_subject_possible(ctx, ws[i][2], g) and not possible_any([g], cases) for g in groups[-1:])


_PREPARED: list = [None, None]  # (the table it was built from, its derived sets): once per table, not per document (issue 13)


def _prepared():
    t = table()
    if _PREPARED[0] is t:
        return _PREPARED[1]
    verbs = {k.replace("ё", "е"): v for k, v in {**(t.get("verbs") or {}), **(t.get("passive_verbs") or {})}.items()}
    vpreps = [("wrong", x) for x in (t.get("wrong_prepositions") or [])] + \
        [("case", x) for x in (t.get("preposition_cases") or [])] + \
        [("object", x) for x in (t.get("object_cases") or [])]
    governors = frozenset(x.replace("ё", "е") for _, spec in vpreps for x in spec["words"])
    # the rows each governor lemma is listed in, in the table's order (a word is tried against its
    # lemmas' rows only, in that order, instead of intersecting its lemmas with every row's words)
    rows: dict[str, list[int]] = {}
    for k, (_, spec) in enumerate(vpreps):
        for x in {x.replace("ё", "е") for x in spec["words"]}:
            rows.setdefault(x, []).append(k)
    adverbial = frozenset({x.replace("ё", "е") for x in (t.get("adverbial_heads") or [])} | TIME_NOUNS)
    # short adjectives that govern a case like a verb («благодарны Европейскому Союзу»)
    adjectives = {k.replace("ё", "е"): v for k, v in (t.get("adjectives") or {}).items()}
    prepared = {
        "verbs": verbs, "vpreps": vpreps, "governors": governors, "rows": rows, "verb_set": frozenset(verbs),
        "adverbial": adverbial, "adjectives": adjectives, "adj_prefixes": frozenset(k[:4] for k in adjectives),
        "places": adverbial | {x.replace("ё", "е") for x in (t.get("place_heads") or [])},
        # a place or a holder, where «в» is right after «сосредоточить» («в руках», «в столице»)
        "containers": adverbial | {x.replace("ё", "е") for x in (t.get("place_heads") or [])}
        | {x.replace("ё", "е") for x in (t.get("container_heads") or [])},
        "plans": {},  # word as written -> what ``check`` asks of it (``_plan``), for the process
    }
    _PREPARED[:] = [t, prepared]
    return prepared


def _rows_of(rows, lemmas) -> list[int]:
    if len(lemmas) == 1:
        for lemma in lemmas:
            return rows[lemma]
    return sorted({k for lemma in lemmas for k in rows[lemma]})


def _plan(ctx, w: str, prep) -> tuple:
    """What ``check`` asks of a word, once per word for the process (issue 13: two caches, two
    lower-casings and three set operations per word of every text before): the lemmas it governs
    a preposition with that the table lists, whether it may be one of the table's short
    adjectives (its first four letters), and its verb lemmas the table lists with the participle's
    voice (``_verb_forms``)."""
    lemmas, voice = _verb_forms(ctx, w)
    return (_governor_lemmas(ctx, w) & prep["governors"], bool(prep["adjectives"]) and w.lower()[:4] in prep["adj_prefixes"],
            lemmas & prep["verb_set"], voice)


def check(doc, rule, ctx):
    prep = _prepared()
    verbs, vpreps, rows = prep["verbs"], prep["vpreps"], prep["rows"]
    adverbial, adjectives, places = prep["adverbial"], prep["adjectives"], prep["places"]
    plans = prep["plans"]
    flagged: set[int] = set()
    for b in doc.blocks:
        ws = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(doc.text, b.start, b.end)]
        for i, (s, e, w) in enumerate(ws):
            plan = plans.get(w)
            if plan is None:
                plan = _plan(ctx, w, prep)
                if len(plans) > 200_000:
                    plans.clear()  # bounded: a web worker sees every new word of every draft
                plans[w] = plan
            glemmas, adjective_prefix, verb_lemmas, voice = plan
            found = None
            for k in _rows_of(rows, glemmas) if glemmas else ():
                kind, spec = vpreps[k]
                if kind == "wrong":
                    found = _wrong_preposition(doc, rule, ctx, ws, i, spec, b, adverbial) \
                        or _wrong_preposition_before(doc, rule, ctx, ws, i, spec, b, adverbial)
                elif kind == "object":
                    found = _object_case(doc, rule, ctx, ws, i, spec, b, adverbial)
                else:
                    found = _preposition_case(doc, rule, ctx, ws, i, spec, b, places)
                    if found is None:
                        found = _missing_noun_preposition(doc, rule, ctx, ws, i, spec, b) \
                            or _missing_locative_preposition(doc, rule, ctx, ws, i, spec, b)
                if found is not None:
                    break
            if found is not None:
                if found.offset in flagged:
                    continue  # «дали оценку о …»: the verb's row and the noun's row flag one preposition
                flagged.add(found.offset)
                yield found
                continue
            if adjective_prefix:
                ps = analyses(ctx, w) or ()
                short = {p.normal_form.replace("ё", "е") for p in ps if p.tag.POS == "ADJS"}
                if ps and len(short) == 1 and all(p.tag.POS == "ADJS" for p in ps) and short <= set(adjectives):
                    f = _direct(doc, rule, ctx, ws, i, adjectives[short.pop()], b)
                    if f is not None:
                        yield f
                    continue
            for lemma in verb_lemmas:
                spec = verbs[lemma]
                if voice == "pssv":
                    if not spec.get("passive"):
                        continue  # the accusative object is the participle's noun («проведённый семинар»)
                    spec = {**spec, "case": spec["passive"], "pssv": True}
                f = _direct(doc, rule, ctx, ws, i, spec, b, participle=voice is not None)
                if f is not None:
                    yield f
                    break


def _object_before(ctx, doc, ws, i, cases) -> bool:
    """The verb's object stands right before it («Подготовкой руководила …»): a word every reading
    of which is a noun in one of the verb's cases, none a nominative."""
    if i == 0 or not _blank(doc, ws[i - 1][1], ws[i][0]):
        return False
    ps = analyses(ctx, ws[i - 1][2])
    # (not a genitive: that is as often the modifier of the noun before — «пасечник района удостоен»)
    return bool(ps) and all(p.tag.POS == "NOUN" and case_of(p.tag) in cases - {"nomn", "gent"} for p in ps)


def _attributive(ctx, w, group) -> bool:
    """The participle agrees with the group's head: it is its adjective («руководящий состав»)."""
    ps = [p for p in (analyses(ctx, w) or ()) if p.tag.POS == "PRTF"]
    return any(case_of(p.tag) == case_of(h.tag) and p.tag.number == h.tag.number
               and (p.tag.number == "plur" or p.tag.gender == h.tag.gender or h.tag.gender is None)
               for p in ps for h in head_readings(group))


def _agent(ctx, doc, group, table_agents) -> bool:
    """An instrumental that can be a passive's agent: a person, a name, an institution."""
    for h in head_readings(group):
        if case_of(h.tag) != "ablt":
            continue
        if "anim" in h.tag or group.words[-1][2][:1].isupper() or h.normal_form.replace("ё", "е") in table_agents:
            return True
    return False


def _direct(doc, rule, ctx, ws, i, spec, b, participle=False):
    s, e, w = ws[i]
    following = words_after(doc.text, e, b.end)
    if not following or doc.text[e:following[0][0]].strip():
        return None
    if _adverb_first(ctx, following[0][2]):
        return None  # «учиться рядом с домом», «работать вместе с …»: an adverb, not the noun's case
    groups = noun_groups(ctx, following)
    if not groups:
        return None
    if participle and any(_attributive(ctx, w, g) for g in groups):
        return None
    if _object_before(ctx, doc, ws, i, set(spec.get("case") or [])):
        return None
    if spec.get("pssv") and any(_agent(ctx, doc, g, _agents()) for g in groups):
        return None
    group = best_group(groups)
    heads = [p for g in groups for p in g.parses[-1]]
    if any(h.normal_form in _SKIP_HEADS or h.normal_form in TIME_NOUNS for h in heads):
        return None
    if spec.get("prep"):
        return _missing_preposition(doc, rule, w, groups, group, spec)
    dis = next((g for g in groups if disagreeing(g)), None)
    if dis is not None and not spec.get("pssv") and not (i > 0 and ws[i - 1][2].lower() == "не"):
        group = dis
        # «пренебрегают плановыми осмотров» → «плановыми осмотрами»: the adjective in the verb's
        # case, its noun in another (as after a preposition: ``repair_group`` keeps the part in the case)
        if any(possible(g, set(spec.get("case") or [])) for g in groups if not disagreeing(g) and not rare_noun(g)):
            return None
        suggestions = repair_group(group, list(spec.get("case") or []))
        if any(h.normal_form.replace("ё", "е") in singular_only() for h in group.parses[-1] if h.tag.POS == "NOUN"):
            # («устойчивым развития» → «устойчивому развитию»: no plural of a singular-only noun)
            from app.language.government import _inflect_words

            case = spec["case"][0]
            suggestions = [x for x in suggestions if not any(
                p.tag.number == "plur" for p in morph().parse(x.split()[-1].lower()) if p.tag.POS == "NOUN")] \
                or [f for f in (_inflect_words(group, h, case, "sing", force=True) for h in group.parses[-1]
                                if h.tag.POS == "NOUN") if f][:1]
        if not suggestions:
            return None
        case = next((c for c in spec.get("case") or [] if c in {case_of(p.tag) for ps in group.parses for p in ps}),
                    spec["case"][0])
        return rule.finding(doc, group.start, group.end, suggestions, verb=w, case=CASE_EN.get(case, case),
                            fields_ru={"case": CASE_RU.get(case, case)})
    if any(h.tag.POS == "NOUN" and {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(h.tag.grammemes) for h in heads) \
            and group.words[-1][2][:1].isupper():
        return None  # names: pymorphy3 often lacks their forms
    cases = set(spec.get("case") or [])
    also: set[str] = set()
    also_cases = set()
    if spec.get("person_dative") and "accs" in cases:
        # «рассказали жителей» → жителям: the accusative is of things, a person takes the dative
        cases.discard("accs")
        also.add("accs-inan")
        also_cases.add("accs")
    negated = i > 0 and ws[i - 1][2].lower() == "не"
    if negated and ("accs" in cases or "accs-inan" in also):
        cases |= {"gent"}  # the genitive of negation replaces an accusative only («не способствуют развитию»)
    if (_COORDINATED.match(doc.text, group.end, b.end) or (
            _plural_verb(ctx, w) and _COORDINATED_ANY.match(doc.text, group.end, b.end)
            and all(h.tag.number == "sing" for h in head_readings(group) if case_of(h.tag) == "nomn"))) and any(
            case_of(h.tag) == "nomn" for g in groups for h in head_readings(g)) and not _subject_before(ctx, doc, ws, i):
        return None  # «реализуют Всемирная организация здравоохранения (ВОЗ) и ЮНИСЕФ»: subjects joined by «и»
    if spec.get("passive") and not participle and possible_any(groups, {"accs"}):
        f = _second_object(doc, rule, ctx, w, spec, b, best_group(groups))
        if f is not None:
            return f
    if spec.get("whom_with") and not participle:
        f = _dative_before_instrumental(doc, rule, ctx, w, groups, b)
        if f is not None:
            return f
    if possible_any(groups, cases, also) and not also and not negated:
        # «посвящён проблемам и вопросов» → «вопросам»: the object's conjunct in another case
        first = best_group(groups)
        if head_readings(first) and possible(first, cases):
            return conjunct_finding(doc, rule, ctx, ws, i, first, [c for c in spec.get("case") or [] if c in cases],
                                    w, b, verb=True)
        return None
    if possible_any(groups, cases, also) or (any(_subject_possible(ctx, w, g) for g in groups)
                                             and not _subject_before(ctx, doc, ws, i)
                                             and not (not participle and _clause_subject(ctx, doc, ws, i, b, cases | also_cases))):
        return None
    case = spec["case"][0]
    if also and any("anim" in h.tag for h in head_readings(group)):
        case = "datv"  # a person after a verb of telling: «рассказали жителям»
    suggestions = inflect_group(group, case, "gent" if case in ("datv", "ablt") else None)
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, verb=w, case=CASE_EN.get(case, case),
                        fields_ru={"case": CASE_RU.get(case, case)})


def _missing_preposition(doc, rule, w, groups, group, spec):
    """A short adjective that takes a preposition (`prep`, `prep_case`: «характерен для региона»)
    followed by a bare dative («характерен региону»): the dative of «присущ», «свойствен» written
    after a word of another government. A group that can be the subject (a nominative), an
    accusative or a genitive is left alone («для региона характерен сухой климат»)."""
    if group.words[-1][2][:1].isupper() or not possible_any(groups, {"datv"}) \
            or possible_any(groups, {"nomn", "accs", "gent"}):
        return None
    case = spec["prep_case"]
    inflected = inflect_group(group, case, None)
    if not inflected:
        return None
    return rule.finding(doc, group.start, group.end, [f"{spec['prep']} {x}" for x in inflected], verb=w,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})


def _adverb_first(ctx, word: str) -> bool:
    """pymorphy3 reads the word as an adverb at least as often as anything else («рядом» as the
    instrumental of «ряд», «вместе», «кругом», «порой», «летом»): after a verb it is the adverb."""
    ps = analyses(ctx, word) or ()
    adv = sum(p.score for p in ps if p.tag.POS == "ADVB")
    return adv > 0 and adv >= sum(p.score for p in ps if p.tag.POS != "ADVB")


def _second_object(doc, rule, ctx, verb, spec, b, first):
    """A verb of two objects (`passive`: the second one's case): «снабдил фермеров семена» →
    семенами, «обучили женщин основы бизнеса» → основам. The second group is flagged only when it
    cannot be in that case nor a genitive (a genitive may be the first object's modifier:
    «обучили молодёжь села»)."""
    rest = words_after(doc.text, first.end, b.end)
    if not rest or doc.text[first.end:rest[0][0]].strip(" \u00a0"):
        return None
    groups = noun_groups(ctx, rest)
    if not groups:
        return None
    heads = [h for g in groups for h in g.parses[-1]]
    if any(h.normal_form in _SKIP_HEADS or h.normal_form in TIME_NOUNS for h in heads) or rest[0][2][:1].isupper():
        return None
    second = set(spec["passive"])
    if possible_any(groups, second | {"gent"}):
        return None
    case = spec["passive"][0]
    group = best_group(groups)
    suggestions = inflect_group(group, case, None)
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, verb=verb, case=CASE_EN.get(case, case),
                        fields_ru={"case": CASE_RU.get(case, case)})


def _dative_before_instrumental(doc, rule, ctx, verb, groups, b):
    """«обеспечить кого чем» (Розенталь, «Управление в русском языке»: обеспечить детей книгами,
    but обеспечить условия детям): a dative right after the verb followed by an instrumental is the
    person of «кого чем» → the accusative («обеспечить районным больницам оборудованием» →
    «районные больницы»). Only a group that cannot be an accusative, before a group that can only
    be an instrumental."""
    group = best_group(groups)
    if possible_any(groups, {"accs", "nomn", "gent"}) or not possible_any(groups, {"datv"}) \
            or group.words[-1][2][:1].isupper():
        return None
    rest = words_after(doc.text, group.end, b.end)
    if not rest or doc.text[group.end:rest[0][0]].strip(" \u00a0"):
        return None
    second = noun_groups(ctx, rest)
    if not second:
        return None
    heads = head_readings(best_group(second))
    if not heads or not all(case_of(h.tag) == "ablt" for h in heads) \
            or any(h.normal_form in TIME_NOUNS or h.normal_form in _SKIP_HEADS for h in heads):
        return None
    suggestions = inflect_group(group, "accs", None)
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, verb=verb, case=CASE_EN["accs"],
                        fields_ru={"case": CASE_RU["accs"]})


_COORDINATED = re.compile(r"(?:[ \u00a0]+[А-ЯЁа-яё]+){0,3}?(?:[ \u00a0]*\([^()\n]{1,30}\))?[ \u00a0]+(?:и|или|а также)[ \u00a0]+[А-ЯЁA-Z]")
# (after a plural verb a singular nominative is one of two subjects, whatever word opens the second:
# «поддерживают областная администрация и айыл окмоту …»)
_COORDINATED_ANY = re.compile(r"(?:[ \u00a0]+[А-ЯЁа-яё]+){0,3}?(?:[ \u00a0]*\([^()\n]{1,30}\))?[ \u00a0]+(?:и|или|а также)[ \u00a0]+[А-ЯЁA-Zа-яё]")


def _plural_verb(ctx, word: str) -> bool:
    ps = analyses(ctx, word) or ()
    return bool(ps) and all(p.tag.POS in ("VERB", "PRTS", "ADJS") and p.tag.number == "plur" for p in ps)


_FILLERS = {"также", "тоже", "уже", "еще", "ещё", "даже", "особо", "подробно", "кратко", "вкратце", "детально",
            "публично", "открыто", "прямо", "лично", "активно", "вновь", "снова", "всегда", "обычно", "часто",
            "неоднократно", "отдельно", "дополнительно", "официально"}
# the cases a preposition itself takes: a wrong preposition is flagged only when the group after it
# reads as that preposition's phrase (so «уделять внимание на встрече» — a place — stays quiet
# when `wrong_case` says the error is «на» + accusative)
_PREP_CASES = {"на": ["accs"], "в": ["accs", "loct"], "во": ["accs", "loct"], "за": ["accs", "ablt"],
               "о": ["loct"], "об": ["loct"], "обо": ["loct"], "про": ["accs"], "к": ["datv"], "ко": ["datv"],
               "для": ["gent"], "до": ["gent"], "над": ["ablt"], "с": ["ablt", "gent"], "со": ["ablt", "gent"],
               "у": ["gent"], "от": ["gent"], "против": ["gent"], "по": ["datv", "loct"]}


_RELATIVE_ADVERBS = {"как", "где", "когда", "куда", "откуда", "почему", "зачем", "насколько", "сколько", "столько",
                     "поэтому", "потому", "так", "затем", "тогда", "впоследствии", "иначе", "однако"}
# words that open a parenthetical between commas or dashes after the governor («оплатил, как и
# обещал, за …»); the wrong preposition must follow its closing comma
_PARENTHETICAL = {"как", "например", "в", "по", "кроме", "конечно", "безусловно", "наконец", "впрочем",
                  "во-первых", "во-вторых", "разумеется", "очевидно", "видимо", "вероятно", "кстати", "также"}


def _blank(doc, a: int, b: int) -> bool:
    gap = doc.text[a:b]
    return not gap.strip(" \u00a0") and "\n" not in gap


def _same_clause(doc, a: int, b: int) -> bool:
    """Only words and spaces between a and b (no punctuation, no line break)."""
    gap = doc.text[a:b]
    return "\n" not in gap and all(c.isalpha() or c in " \u00a0-" for c in gap)


def _is_adverb(ctx, word: str) -> bool:
    """A word whose every dictionary reading is an adverb (полностью, подробно), not a relative
    or linking one (как, где, поэтому): it may stand between a verb and its object."""
    w = word.lower()
    if w in _FILLERS:
        return True
    if w in _RELATIVE_ADVERBS:
        return False
    ps = analyses(ctx, w)
    # «традиционно» is also the short neuter adjective
    return bool(ps) and any(p.tag.POS == "ADVB" for p in ps) and all(
        p.tag.POS == "ADVB" or (p.tag.POS == "ADJS" and p.tag.gender == "neut") for p in ps)


# every case of a preposition of two cases (for `preposition_cases`: «направлен на поддержке» is
# «на» + prepositional where the governor takes the accusative)
_PREP_ALL_CASES = {"на": ["accs", "loct"], "в": ["accs", "loct"], "во": ["accs", "loct"], "за": ["accs", "ablt"],
                   "под": ["accs", "ablt"]}


def _after_governor(ctx, doc, ws, i, spec, stop=frozenset()):
    """Index of the preposition after the governor and its object (``spec['object']``, after up to
    two adjectives: «уделять особое внимание»; or before the governor in the same clause: «особое
    внимание было уделено»), skipping adverbs (также, подробно, полностью), one inserted phrase of a
    preposition not in ``stop`` («поделились на встрече о …») and a parenthetical between commas
    («оплатил, как и обещал, за …»); None when the object is not there or punctuation intervenes."""
    j = i + 1
    obj = spec.get("object")
    if obj:
        objs = set(obj) if isinstance(obj, list) else {obj}
        # (fronted in the same clause, a subject or a short phrase between: «Особое внимание при
        # обучении специалисты уделили на …»)
        for back in range(1, 7):
            if i - back < 0 or not _same_clause(doc, ws[i - back][1], ws[i][0]):
                break
            ps = analyses(ctx, ws[i - back][2])
            if ps and any(p.normal_form in objs for p in ps):
                obj = None
                break
        if obj:
            # a relative clause of the object: «внимание, которое проект уделяет на …»
            for back in range(1, 5):
                if i - back < 1 or not _same_clause(doc, ws[i - back][1], ws[i][0]):
                    break
                if ws[i - back][2].lower() in ("которое", "которому", "которым") \
                        and doc.text[ws[i - back - 1][1]:ws[i - back][0]].strip(" \u00a0") == ",":
                    ps = analyses(ctx, ws[i - back - 1][2])
                    if ps and any(p.normal_form in objs for p in ps):
                        obj = None
                    break
        if obj and i > 0 and doc.text[ws[i - 1][1]:ws[i][0]].strip(" \u00a0") == ",":
            # a participle clause after its noun: «внимание, уделённое на …»
            ps = analyses(ctx, ws[i - 1][2]) or ()
            parts = [p for p in (analyses(ctx, ws[i][2]) or ()) if p.tag.POS == "PRTF"]
            if any(p.normal_form in objs and case_of(p.tag) == case_of(q.tag) and p.tag.number == q.tag.number
                   and (p.tag.number == "plur" or p.tag.gender == q.tag.gender) for p in ps for q in parts):
                obj = None
    if obj:
        k = j
        adjs = 0
        while k < len(ws) and k < j + 5:
            if not _same_clause(doc, ws[k - 1][1], ws[k][0]):
                return None
            ps = analyses(ctx, ws[k][2])
            if ps and any(p.normal_form in objs for p in ps):
                break
            if adjs < 3 and ps and any(p.tag.POS in ("ADJF", "ADVB") for p in ps):
                k += 1
                adjs += 1
                continue
            # «уделили в ходе встречи внимание на …»: a short phrase of another preposition
            # (the wrong preposition itself may open it: «уделил на совещании внимание на …»)
            skip = _inserted_phrase(ctx, doc, ws, k, frozenset(), _rights(spec), objs) if k == j else None
            if skip is None:
                return None
            k = skip
        else:
            return None
        if k >= len(ws):
            return None
        j = k + 1
    if spec.get("skip_object") and j < len(ws) and _blank(doc, ws[j - 1][1], ws[j][0]) \
            and ws[j][2].lower() not in _PREP_CASES:
        # the verb's own object first: «ознакомили участников о правилах» (кого + предлог)
        following = words_after(doc.text, ws[j - 1][1], ws[-1][1] + 1, limit=4)
        groups = noun_groups(ctx, following) if following else []
        if groups and possible_any(groups, {"accs"}):
            last = best_group(groups).words[-1]
            k = next((x for x in range(j, len(ws)) if ws[x][0] == last[0]), None)
            if k is not None:
                j = k + 1
    n = 0
    inserted = False
    after_comma = False
    while j < len(ws):
        if not after_comma and not _blank(doc, ws[j - 1][1], ws[j][0]):
            close = _parenthetical_end(ctx, doc, ws, j) if n == 0 and not inserted else None
            if close is None:
                return None
            j = close
            inserted = after_comma = True
            continue
        after_comma = False
        w = ws[j][2].lower()
        if w in stop:
            return j
        if n < 2 and _is_adverb(ctx, w):
            j += 1
            n += 1
            continue
        if not inserted and n == 0 and j == i + 1:
            subj = _inverted_subject(ctx, doc, ws, i, j, stop)
            if subj is not None:
                j = subj
                inserted = True
                continue
        if not inserted:
            skip = _inserted_phrase(ctx, doc, ws, j, stop, _rights(spec))
            if skip is not None and skip < len(ws) and ws[skip][2].lower() in stop:
                j = skip
                inserted = True
                continue
        return j
    return j


# nouns of people that pymorphy3 reads as inanimate (a beneficiary after «помощь»)
_PEOPLE = {"семья", "население", "община", "молодёжь", "молодежь", "хозяйство", "домохозяйство"}


def _inverted_subject(ctx, doc, ws, i, j, stop):
    """«Как подчеркнул министр о …», «отметили участники о …»: a person's nominative (a group of at
    most three words whose every reading is an animate nominative, so never the verb's object)
    right after a finite verb, before a preposition of ``stop``: the index of that preposition."""
    vs = analyses(ctx, ws[i][2]) or ()
    if not vs or not all(p.tag.POS == "VERB" for p in vs):
        return None
    following = words_after(doc.text, ws[j - 1][1], ws[-1][1] + 1, limit=4)
    groups = noun_groups(ctx, following) if following else []
    if not groups:
        return None
    g = best_group(groups)
    heads = head_readings(g)
    if not heads or len(g.words) > 3 or not all(case_of(h.tag) == "nomn" and "anim" in h.tag and h.tag.POS == "NOUN"
                                                for h in heads):
        return None
    if any(not ps or not all(case_of(p.tag) == "nomn" for p in ps if p.tag.POS in ("ADJF", "PRTF"))
           for ps in g.parses[:-1]):
        return None
    k = next((x for x in range(j, len(ws)) if ws[x][0] == g.words[-1][0]), None)
    if k is None or k + 1 >= len(ws) or not _blank(doc, ws[k][1], ws[k + 1][0]) or ws[k + 1][2].lower() not in stop:
        return None
    return k + 1


def _inserted_phrase(ctx, doc, ws, j, stop, right=frozenset(), keep=frozenset()):
    """The index after a phrase «preposition + noun group» (at most four words) starting at j, when
    the preposition is not one of ``stop``; None otherwise."""
    if j >= len(ws):
        return None
    w = ws[j][2].lower()
    if w in stop or w in right or w not in _PREP_CASES and w not in ("при", "перед", "после", "во", "со", "без", "через", "из"):
        return None
    following = words_after(doc.text, ws[j][1], ws[-1][1] + 1, limit=4)
    groups = noun_groups(ctx, following) if following else []
    companion = w in ("с", "со") and bool(groups) and all(
        case_of(h.tag) == "ablt" and "anim" in h.tag for h in head_readings(best_group(groups))) \
        and bool(head_readings(best_group(groups)))
    if companion:
        groups = [best_group(groups)]  # «поделились с коллегами о …»: the people one does it with
    if not groups or not companion and not any(h.normal_form.replace("ё", "е") in _inserted_heads()
                                               for g in groups for h in head_readings(g)):
        return None  # only a phrase of place or time («на встрече», «в ходе встречи»): another noun may
        # govern the preposition after it («в отчёте о результатах»)
    last = groups[-1].words[-1]
    k = next((x for x in range(j + 1, len(ws)) if ws[x][0] == last[0]), None)
    if k is None or (k + 1 < len(ws) and not _blank(doc, ws[k][1], ws[k + 1][0])):
        return None
    # a genitive after the group belongs to it («в ходе встречи»)
    while k + 1 < len(ws) and k + 1 - j <= 4:
        ps = analyses(ctx, ws[k + 1][2])
        if not ps or ws[k + 1][2].lower() in stop or not any(p.tag.POS == "NOUN" and case_of(p.tag) == "gent" for p in ps) \
                or any(p.normal_form in keep for p in ps):
            break
        if k + 2 < len(ws) and not _blank(doc, ws[k + 1][1], ws[k + 2][0]):
            break
        k += 1
    return k + 1


def _rights(spec) -> frozenset[str]:
    """The right preposition of a spec and its variants (в/во, с/со, о/об/обо, к/ко)."""
    r = spec.get("right") or ""
    preps = set(spec.get("prep") or []) | ({r} if r else set())
    out = set(preps)
    for x in preps:
        out |= {"о": {"об", "обо"}, "в": {"во"}, "с": {"со"}, "к": {"ко"}}.get(x, set())
    return frozenset(out)


def _parenthetical_end(ctx, doc, ws, j):
    """«оплатил, как и обещал, за …»: the index of the word after a parenthetical of at most six
    words between commas (or dashes) that starts with an introductory word; None otherwise."""
    gap = doc.text[ws[j - 1][1]:ws[j][0]].strip(" \u00a0")
    if gap not in (",", "–", "—") or ws[j][2].lower() not in _PARENTHETICAL:
        return None
    for k in range(j + 1, min(len(ws), j + 7)):
        g = doc.text[ws[k - 1][1]:ws[k][0]].strip(" \u00a0")
        if g == gap or (gap == "," and g in ("–", "—")) or (gap != "," and g == ","):
            return k
        if g:
            return None
    return None


def _object_group(ctx, doc, ws, j, b, adverbial, compounds=True):
    """The noun groups after the preposition ws[j] (None when there are none, or the head is a
    word of an adverbial phrase)."""
    prep_end = ws[j][1]
    following = words_after(doc.text, prep_end, b.end)
    if not following:
        return None
    if any(q in doc.text[prep_end:following[0][0]] for q in "«„\"“"):
        return None
    if compounds and f"{ws[j][2].lower()} {following[0][2].lower()}" in _compound_starts():
        return None  # «в рамках проекта», «на основе данных»: a compound preposition
    groups = noun_groups(ctx, following)
    if not groups:
        return None
    heads = [p for g in groups for p in g.parses[-1]]
    # (after «о», «об», «про» a word of time is no adverbial phrase: «уточнила о сроках»)
    about = ws[j][2].lower() in ("о", "об", "обо", "про") or following[0][2][:1].isupper() \
        or _ahead(groups)
    # (nor is a named day after a preposition: «посвящён ко Дню независимости»)
    if any((h.normal_form.replace("ё", "е") in adverbial and not about) or h.normal_form in _SKIP_HEADS - {"это", "тот"}
           for h in heads if h.tag.POS in ("NOUN", "NPRO")):
        return None
    return groups


# adjectives of a time still ahead: «за завтрашний день», «за будущий год» is no span of time over
# which something happened (as «за год», «за последний месяц», «за сегодняшний день» are)
_AHEAD = {"завтрашний", "будущий", "грядущий", "предстоящий", "послезавтрашний"}


def _ahead(groups) -> bool:
    return any(p.normal_form in _AHEAD for g in groups for ps in g.parses[:-1] for p in ps if p.tag.POS == "ADJF")


@lru_cache(maxsize=1)
def _inserted_heads() -> frozenset[str]:
    t = table()
    heads = set(t.get("place_heads") or []) | set(t.get("adverbial_heads") or []) | TIME_NOUNS | \
        set(t.get("inserted_heads") or [])
    return frozenset(x.replace("ё", "е") for x in heads)


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    return frozenset(x.replace("ё", "е") for x in (table().get("agent_heads") or []))


@lru_cache(maxsize=1)
def _compound_starts() -> frozenset[str]:
    t = table()
    phrases = list(t.get("compound_prepositions") or {}) + list(t.get("fixed_forms") or {})
    return frozenset(" ".join(p.split()[:2]) for p in phrases if len(p.split()) >= 2)


def _that_clause(doc, ws, j, b):
    """«подчеркнул о том, что …»: the pronoun «том» right before a comma."""
    if j + 1 < len(ws) and ws[j + 1][2].lower() == "том":
        rest = doc.text[ws[j + 1][1]:b.end].lstrip(" \u00a0")
        return rest.startswith(",")
    return False


# heads that make an adverbial phrase after any preposition («оплатить за счёт бюджета», «за год»)
_ALWAYS_ADVERBIAL = TIME_NOUNS | {"счёт", "счет", "рубеж", "исключение", "пределы"}
_TOT = {"nomn": "то", "gent": "того", "datv": "тому", "accs": "то", "ablt": "тем", "loct": "том"}


def _wrong_preposition(doc, rule, ctx, ws, i, spec, b, adverbial=frozenset()):
    j = _after_governor(ctx, doc, ws, i, spec, frozenset(spec["wrong"]))
    if j is None or j >= len(ws) or ws[j][2].lower() not in spec["wrong"]:
        return None
    prep_start, prep_end, prep = ws[j]
    case = spec["case"][0]
    right = spec.get("right") or ""
    if _that_clause(doc, ws, j, b):
        pron = _TOT[case]
        g_end = ws[j + 1][1]
        suggestions = [(_euphonic(right, pron) + " " + pron) if right else pron]
        if not right and case == "accs" and j == i + 1 and _blank(doc, ws[i][1], prep_start):
            # «подчеркнула о том, что» → «подчеркнула, что» (or «подчеркнула то, что»): the span
            # takes the verb, so the first suggestion can drop «о том»
            verb = ws[i][2]
            return rule.finding(doc, ws[i][0], g_end, [verb, f"{verb} {pron}"], verb=verb, prep=prep, right="—",
                                message="'{verb}' does not take '{prep}': '{suggestion}'",
                                message_ru="«{verb}» не управляет предлогом «{prep}»: «{suggestion}»")
    else:
        # (with `heads` the noun is named: «по вопросам» is then no compound preposition of its own)
        groups = _object_group(ctx, doc, ws, j, b, adverbial, compounds=not spec.get("heads"))
        if groups is None:
            return None
        return _wrong_preposition_group(doc, rule, ctx, ws, i, j, spec, b, groups)
    if prep[:1].isupper():
        suggestions = [x[:1].upper() + x[1:] for x in suggestions]
    return rule.finding(doc, prep_start, g_end, suggestions, verb=ws[i][2], prep=prep,
                        right=right or "—",
                        message=("'{verb}' does not take '{prep}': '{suggestion}'"),
                        message_ru="«{verb}» не управляет предлогом «{prep}»: «{suggestion}»")


def _wrong_preposition_group(doc, rule, ctx, ws, i, j, spec, b, groups):
    """The finding for the wrong preposition ws[j] of the governor ws[i] and the noun groups after it (the
    group put into the governor's case after its right preposition), or None when the phrase is another
    construction."""
    prep_start, prep_end, prep = ws[j]
    case = spec["case"][0]
    right = spec.get("right") or ""
    wrong_case = spec.get("wrong_case") or _PREP_CASES.get(prep.lower())
    if wrong_case and not possible_any(groups, set(wrong_case)):
        return None  # not that preposition's phrase: another construction
    if spec.get("strict") and possible_any(groups, set(_PREP_ALL_CASES.get(prep.lower(), _PREP_CASES.get(prep.lower(), [])))):
        return None  # also the preposition's own phrase («отношения в области»)
    if spec.get("animate") and not any("anim" in h.tag or h.normal_form in _PEOPLE
                                       for h in head_readings(best_group(groups))):
        return None  # a person only («оказали помощь для пострадавших»; not a purpose: «для восстановления»)
    if spec.get("heads") and not any(h.normal_form.replace("ё", "е") in {x.replace("ё", "е") for x in spec["heads"]}
                                     for h in head_readings(best_group(groups))):
        return None  # the wrong preposition only with these heads («контроль над качеством»)
    group = best_group(groups)
    if spec.get("not_places") and (group.words[-1][2][:1].isupper() or any(
            h.normal_form.replace("ё", "е") in _prepared()["containers"]
            or {"Geox", "Name", "Surn", "Orgn"} & set(h.tag.grammemes) or h.tag.POS in ("ADJF", "PRTF")
            for h in group.parses[-1])):
        # («в основном», «в целом»: an adverb of an adjective's form)
        return None  # «ресурсы сосредоточены в столице», «в руках»: a place, where «в» is right
    if not right and case == "accs" and _object_follows(ctx, doc, group, b):
        return None  # «опубликовала о проекте статью»: the «о» phrase is the object's, after it
    inflected = inflect_group(group, case, "loct" if prep.lower() in ("о", "об", "обо") else "accs")
    if not inflected:
        return None
    suggestions = [(_euphonic(right, g) + " " + g) if right else g for g in inflected]
    if prep[:1].isupper():
        suggestions = [x[:1].upper() + x[1:] for x in suggestions]
    return rule.finding(doc, prep_start, group.end, suggestions, verb=ws[i][2], prep=prep,
                        right=right or "—",
                        message=("'{verb}' does not take '{prep}': '{suggestion}'"),
                        message_ru="«{verb}» не управляет предлогом «{prep}»: «{suggestion}»")


def _wrong_preposition_before(doc, rule, ctx, ws, i, spec, b, adverbial):
    """«Всего на обучающих тренингах участвовали 120 женщин» → «в обучающих тренингах»: the verb's wrong
    preposition and its noun group right before the verb (a verb form, not the row's noun; up to three words
    of the group, nothing but spaces between the group and the verb)."""
    if not spec.get("right") or i < 2 or not any(p.tag.POS in ("VERB", "INFN") for p in analyses(ctx, ws[i][2]) or ()):
        return None
    for j in range(i - 2, max(-1, i - 5), -1):
        if ws[j][2].lower() not in spec["wrong"] or not _same_clause(doc, ws[j][0], ws[i][0]):
            continue
        groups = _object_group(ctx, doc, ws, j, b, adverbial)
        if groups is None or not _blank(doc, best_group(groups).end, ws[i][0]):
            return None
        return _wrong_preposition_group(doc, rule, ctx, ws, i, j, spec, b, groups)
    return None


def _object_follows(ctx, doc, group, b) -> bool:
    """An accusative that cannot be a genitive right after the «о» phrase («высказали о проекте
    мнение», «опубликовала о нём статью», «изучили о регионе всё»): the verb's object, which the «о»
    phrase belongs to."""
    rest = words_after(doc.text, group.end, b.end, limit=4)
    if not rest or doc.text[group.end:rest[0][0]].strip(" \u00a0"):
        return False
    groups = noun_groups(ctx, rest)
    if not groups:
        ps = analyses(ctx, rest[0][2]) or ()
        return any(p.normal_form == "весь" and case_of(p.tag) == "accs" for p in ps)
    return possible_any(groups, {"accs"}) and not possible_any(groups, {"gent"})


def _preposition_case(doc, rule, ctx, ws, i, spec, b, adverbial=frozenset()):
    """The right preposition, the group in the wrong one of its cases («вклад в развитии»)."""
    j = _after_governor(ctx, doc, ws, i, spec, frozenset(spec["prep"]))
    if j is None or j >= len(ws) or ws[j][2].lower() not in spec["prep"]:
        return None
    prep_start, prep_end, prep = ws[j]
    correlative = _correlative(doc, rule, ws, i, j, spec, b)
    if correlative is not None:
        return correlative
    groups = _object_group(ctx, doc, ws, j, b, adverbial)
    if groups is None:
        return None
    cases = set(spec["case"])
    others = set(_PREP_ALL_CASES.get(prep.lower(), _PREP_CASES.get(prep.lower(), []))) - cases
    if possible_any(groups, cases) or not possible_any(groups, others):
        return None
    if j + 1 < len(ws) and ws[j + 1][2].lower() in ("то", "том", "тем"):
        return None
    case = spec["case"][0]
    group = best_group(groups)
    inflected = inflect_group(group, case, sorted(others)[0] if others else None)
    if not inflected:
        return None
    suggestions = [f"{prep} {g}" for g in inflected]
    return rule.finding(doc, prep_start, group.end, suggestions, verb=ws[i][2], prep=prep,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)},
                        message="'{verb} {prep}' takes the {case}: '{suggestion}'",
                        message_ru="«{verb} {prep}» требует после себя {case} падеж: «{suggestion}»")


_OTHER_CASES = {"nomn", "gent", "accs", "ablt"}  # (no prepositional without a preposition)


def _dative_only(ctx, word: str) -> bool:
    ps = [p for p in analyses(ctx, word) or () if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    return bool(ps) and all(case_of(p.tag) == "datv" for p in ps)


def _missing_noun_preposition(doc, rule, ctx, ws, i, spec, b):
    """«усилит контроль соблюдению норм» → «контроль за соблюдением», «доступ чистой воде» → «доступ к
    чистой воде»: a noun of `preposition_cases` (the governor itself, no object) followed right
    away by a noun group of things in the dative only, which the noun does not take without its
    preposition (Розенталь, «Управление в русском языке»: a bare dative after a noun belongs to a
    noun of a dative verb — помощь семьям, благодарность донорам —, listed in the table's
    `bare_dative_nouns`). Left alone when a verb of the clause before the noun takes a dative of
    its own (`bare_dative_verbs`: «передать контроль общинам»)."""
    if spec.get("object") or not spec.get("prep") or i + 1 >= len(ws) or not _blank(doc, ws[i][1], ws[i + 1][0]):
        return None
    s, e, w = ws[i]
    ps = analyses(ctx, w) or ()
    t = table()
    lone = {x.replace("ё", "е") for x in t.get("bare_dative_nouns") or ()}
    if not ps or not all(p.tag.POS == "NOUN" and not {"Name", "Surn", "Geox", "Orgn"} & set(p.tag.grammemes) for p in ps) \
            or any(p.normal_form.replace("ё", "е") in lone for p in ps):
        return None
    # (past the noun's own genitives: «интерес молодёжи | предпринимательству»)
    j, end = i + 1, e
    while j < len(ws) - 1 and j < i + 4 and _blank(doc, ws[j - 1][1], ws[j][0]) and ws[j][2][:1].islower():
        qs = analyses(ctx, ws[j][2]) or ()
        nouns = any(case_of(p.tag) == "gent" and p.tag.POS == "NOUN" for p in qs)
        # (an adjective only with a genitive noun after it: «чистой | воде» is the dative group)
        adjective = any(case_of(p.tag) == "gent" and p.tag.POS in ("ADJF", "PRTF") for p in qs) and any(
            case_of(p.tag) == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in analyses(ctx, ws[j + 1][2]) or ())
        if not (nouns or adjective) or _dative_only(ctx, ws[j][2]) \
                or any(p.tag.POS in ("PREP", "CONJ", "PRCL") or "Abbr" in p.tag for p in qs):
            break
        end = ws[j][1]
        j += 1
    if j >= len(ws) or not _blank(doc, ws[j - 1][1], ws[j][0]):
        return None
    nxt = ws[j][2]
    if not nxt[:1].islower() or nxt.lower() in _PREP_ALL_CASES:
        return None
    following = words_after(doc.text, end, b.end)
    groups = noun_groups(ctx, following) if following else []
    if not groups or groups[0].start != ws[j][0]:
        return None
    group = best_group(groups)
    heads = head_readings(group)
    if not heads or not all(h.tag.POS == "NOUN" and "inan" in h.tag for h in heads) \
            or not possible_any(groups, {"datv"}) or possible_any(groups, _OTHER_CASES) \
            or any(h.normal_form.replace("ё", "е") in TIME_NOUNS for h in heads):
        return None
    verbs = {x.replace("ё", "е") for x in t.get("bare_dative_verbs") or ()}
    for k in range(i - 1, max(-1, i - 8), -1):
        if not _same_clause(doc, ws[k][1], ws[k + 1][0]):
            break
        if any(p.tag.POS in ("VERB", "INFN", "GRND", "PRTF", "PRTS") and p.normal_form.replace("ё", "е") in verbs
               for p in analyses(ctx, ws[k][2]) or ()):
            return None
    prep, case = spec["prep"][0], spec["case"][0]
    inflected = [doc.text[group.start:group.end]] if possible(group, {case}) else inflect_group(group, case, "datv")
    if not inflected:
        return None
    suggestions = [f"{_euphonic(prep, g)} {g}" for g in inflected]
    return rule.finding(doc, group.start, group.end, suggestions, verb=w, prep=prep,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)},
                        message="'{verb}' takes '{prep}' with the {case}: '{verb} {suggestion}'",
                        message_ru="После «{verb}» нужен предлог «{prep}» и {case} падеж: «{verb} {suggestion}»")


def _missing_locative_preposition(doc, rule, ctx, ws, i, spec, b):
    """«участвовали семинаре» → «в семинаре», «уверены успехе» → «в успехе», «настаивают проведении» →
    «на проведении»: a governor of `preposition_cases` whose case is the prepositional, followed
    right away by a noun group that can be in no other case. The prepositional never stands
    without a preposition (Русская грамматика 1980, § 1665), so the governor's own one is missing."""
    if spec.get("object") or not spec.get("prep") or "loct" not in (spec.get("case") or ()) \
            or i + 1 >= len(ws) or not _blank(doc, ws[i][1], ws[i + 1][0]) or not ws[i + 1][2][:1].islower():
        return None
    following = words_after(doc.text, ws[i][1], b.end)
    groups = noun_groups(ctx, following) if following else []
    if not groups or groups[0].start != ws[i + 1][0]:
        return None
    group = best_group(groups)
    if not head_readings(group) or not possible_any(groups, {"loct"}) \
            or possible_any(groups, {"nomn", "gent", "datv", "accs", "ablt"}) \
            or any(case_of(p.tag) != "loct" for ps in group.parses for p in ps):
        return None
    prep = spec["prep"][0]
    g = doc.text[group.start:group.end]
    return rule.finding(doc, group.start, group.end, [f"{_euphonic(prep, g)} {g}"], verb=ws[i][2], prep=prep,
                        case=CASE_EN["loct"], fields_ru={"case": CASE_RU["loct"]},
                        message="'{verb}' takes '{prep}' with the prepositional: '{verb} {suggestion}'",
                        message_ru="После «{verb}» нужен предлог «{prep}» и предложный падеж: «{verb} {suggestion}»")


# the cases of the forms of the pronoun «то» before «, что …» (Русская грамматика 1980, § 2234:
# the correlative takes the case the governor gives it: «уверен в том, что …», «верить в то, что …»)
_TOT_CASES = {"то": {"nomn", "accs"}, "том": {"loct"}, "тем": {"ablt", "datv"}, "тому": {"datv"},
              "того": {"gent", "accs"}}
_CLAUSE_WORDS = ("что", "чтобы", "чтоб")


def _correlative(doc, rule, ws, i, j, spec, b):
    """«уверенность в то, что …» → «в том»; «верим в том, что …» → «в то»: the correlative «то»
    right after the governor's preposition, in a case the governor does not give it."""
    if j + 2 >= len(ws) or ws[j + 1][2].lower() not in _TOT_CASES:
        return None
    pron_start, pron_end, pron = ws[j + 1]
    if doc.text[pron_end:ws[j + 2][0]].strip(" \u00a0") != "," or ws[j + 2][2].lower() not in _CLAUSE_WORDS \
            or doc.text[ws[j][1]:pron_start].strip(" \u00a0"):
        return None
    prep_start, _, prep = ws[j]
    cases = set(spec["case"])
    had = _TOT_CASES[pron.lower()]
    if had & cases or not had & set(_PREP_ALL_CASES.get(prep.lower(), _PREP_CASES.get(prep.lower(), []))):
        return None
    case = spec["case"][0]
    right = _TOT.get(case)
    if not right:
        return None
    return rule.finding(doc, prep_start, pron_end, [f"{prep} {right}"], verb=ws[i][2], prep=prep,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)},
                        message="'{verb} {prep}' takes the {case}: '{suggestion}'",
                        message_ru="«{verb} {prep}» требует после себя {case} падеж: «{suggestion}»")


def _object_case(doc, rule, ctx, ws, i, spec, b, adverbial=frozenset()):
    """A verb and its object that govern a case without a preposition (`object_cases`: «уделить
    внимание чему»), the noun group after the object in another case («уделили внимание вопросов
    учёта» → «вопросам учёта»). Flagged only when no reading of the group is in the case or the
    nominative (a subject after a fronted object: «внимание уделили специалисты»)."""
    j = _after_governor(ctx, doc, ws, i, spec, frozenset())
    if j is None or j >= len(ws) or not _blank(doc, ws[j - 1][1], ws[j][0]):
        return None
    if ws[j][2].lower() in _PREP_CASES or ws[j][2][:1].isupper():
        return None
    ps = analyses(ctx, ws[j][2]) or ()
    if not ps or any(p.tag.POS in ("PREP", "CONJ", "PRCL", "ADVB", "INTJ", "NUMR", "COMP") for p in ps):
        return None
    following = words_after(doc.text, ws[j - 1][1], b.end)
    if not following or following[0][0] != ws[j][0]:
        return None
    groups = noun_groups(ctx, following)
    if not groups:
        return None
    group = best_group(groups)
    heads = head_readings(group)
    if not heads or any(h.normal_form.replace("ё", "е") in adverbial or h.normal_form in _SKIP_HEADS
                        or h.tag.POS == "NPRO" for h in heads):
        return None
    if spec.get("heads") and not any(h.normal_form.replace("ё", "е") in {x.replace("ё", "е") for x in spec["heads"]}
                                     for h in heads):
        return None
    cases = set(spec["case"])
    # (after a noun no subject follows: «содействие развития»)
    if possible_any(groups, cases | (set() if spec.get("noun") else {"nomn"})):
        return None
    case = spec["case"][0]
    inflected = inflect_group(group, case, "gent")
    if not inflected:
        return None
    return rule.finding(doc, group.start, group.end, inflected, verb=ws[i][2], case=CASE_EN.get(case, case),
                        fields_ru={"case": CASE_RU.get(case, case)})


def _euphonic(prep: str, following: str) -> str:
    """«о» → «об» before a vowel, «с» → «со», «в» → «во» before a hard cluster (со стратегией)."""
    f = following.lower()
    if prep == "о" and f[:1] in "аоуэиы":
        return "об"
    if prep in ("с", "в", "к") and len(f) > 1 and f[0] in ("сзшжвф" if prep == "с" else "вф" if prep == "в" else "км") \
            and f[1] not in "аеёиоуыэюяьъ":
        return prep + "о"
    return prep
