"""Russian prepositions followed by a noun group in a case they do not take («благодаря усилия»).

The table is data (rules/grammar/government-table.yaml): prepositions and compound prepositions
with their case, «по» + a verbal noun of an event (по окончании), and prepositions written as a
noun form («в течении года» → «в течение года»). A group is flagged only when no reading of it
(pymorphy3's dictionary readings, every adjective agreeing with the head) is in the case the
preposition takes; the suggestion is the group in that case, in the number the writer meant.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.language import match_case
from app.language.government import (AFTER_V_NA, TIME_NOUNS, second_locative_lemmas, WORD, analyses, best_group, case_of, disagreeing, head_readings,
                                     repair_group, inflect_group, inflect_numeral_group, noun_group,
                                     noun_groups, numeral_cases, numeral_group, possible, possible_any, rare_noun, table,
                                     words_after)

CASE_EN = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative", "ablt": "instrumental",
           "loct": "prepositional"}
CASE_RU = {"nomn": "именительный", "gent": "родительный", "datv": "дательный", "accs": "винительный",
           "ablt": "творительный", "loct": "предложный"}
# Prepositions that are also adverbs («относительно небольшой», «после мы поехали»): only a bare
# noun, never a possible subject, counts after them.
ADVERB_HOMONYMS = {"вроде", "относительно", "около", "после", "вокруг", "вдоль", "против", "кроме", "путем", "путём",
                   "накануне", "внутри", "свыше", "вблизи", "мимо", "позади", "внутрь", "вглубь", "посреди",
                   "взамен", "спустя", "напротив", "поверх", "подле", "вслед", "соответственно"}
# Adverbs of degree among them: «относительно небольших городах» is the adverb before an adjective,
# so after these only a bare noun counts; after the others an adjective and its noun count too
# («подобно соседних этрапов»), unless the group can be a nominative or an accusative.
DEGREE_ADVERBS = {"относительно"}
# a focus particle or a parenthetical between a preposition and its group (Русская грамматика 1980,
# § 1707: «благодаря именно поддержке», «благодаря, в частности, поддержке»)
_COMPARATIVES = {"более", "менее"}
_CLAUSE_END = re.compile(r"[.,;:!?()\n—–]")
_FOCUS_WORDS = (r"в\s+том\s+числе|в\s+частности|прежде\s+всего|в\s+первую\s+очередь|главным\s+образом"
                r"|в\s+основном")
_FOCUS = re.compile(r"[ \u00a0]+(?:не\s+только|" + _FOCUS_WORDS + r"|именно|только|лишь|даже|также|особенно)(?=[ \u00a0])"
                    r"|[ \u00a0]*,[ \u00a0]*(?:" + _FOCUS_WORDS + r"|например|в\s+свою\s+очередь)[ \u00a0]*,", re.I)
# the case writers put instead of the one the preposition takes (for choosing the lemma)
CONFUSED_WITH = {"datv": "gent", "loct": "datv", "gent": None, "ablt": None, "accs": None}


# nouns of kind after a genitive adjective inside a noun group («такого рода», «подобного типа»)
_KIND_NOUNS = {"рода", "типа", "вида", "сорта", "плана", "толка", "уровня", "масштаба"}


def _transitive_verb(ctx, word: str) -> bool:
    """Every reading a transitive verb («построить», «отправил»; not «проходит», also intransitive)."""
    ps = analyses(ctx, word) or ()
    return bool(ps) and all(p.tag.POS in ("VERB", "INFN") and "tran" in p.tag for p in ps)


def _same_clause_words(doc, a: int, b: int) -> bool:
    gap = doc.text[a:b]
    return "\n" not in gap and all(c.isalpha() or c in " \u00a0-" for c in gap)


def _block_words(doc, b):
    return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(doc.text, b.start, b.end)]


def _only_spaces(doc, a: int, b: int) -> bool:
    gap = doc.text[a:b]
    return not gap.strip(" \u00a0") and "\n" not in gap


_COMPOUNDS: list = [None, None]  # (the table it was built from, the index): built once, not per document (issue 13)


def _compounds():
    t = table()
    if _COMPOUNDS[0] is t:
        return _COMPOUNDS[1]
    by_first = _compounds_of()
    _COMPOUNDS[:] = [t, by_first]
    return by_first


def _compounds_of():
    out = []
    for phrase, spec in (table().get("compound_prepositions") or {}).items():
        out.append((phrase.split(), spec))
    for phrase, spec in (table().get("fixed_forms") or {}).items():
        out.append((phrase.split(), {**spec, "fixed": True}))
    out.sort(key=lambda x: -len(x[0]))
    by_first: dict[str, list] = {}
    for words, spec in out:  # looked up by the first word (longest first)
        by_first.setdefault(words[0], []).append((words, spec))
    return by_first


def check(doc, rule, ctx):
    t = table()
    preps = t.get("prepositions") or {}
    po_nouns = set(t.get("po_locative") or [])
    compounds = _compounds()
    compound_wrong = _compound_wrong()  # (once per document, not per word: issue 13)
    firsts = _first_words(preps, compounds, compound_wrong)
    for b in doc.blocks:
        ws = _block_words(doc, b)
        lows = [w.lower() for _, _, w in ws]
        i = 0
        while i < len(ws):
            low = lows[i]
            if low not in firsts:
                i += 1  # no preposition, compound or slip starts with this word: every test below is false
                continue
            hit = None
            if len(ws[i][2]) > 1 and ws[i][2].isupper() and i + 1 < len(ws) and not ws[i + 1][2].isupper():
                i += 1  # «на ИЗО», «К ИЗО»: an abbreviation, not the preposition «изо»
                continue
            slip = _compound_slip(doc, rule, ctx, ws, lows, i, b) if low in _slips() else None
            if slip is not None:
                yield slip
                i += 2
                continue
            for words, spec in compound_wrong.get(low, ()):
                n = len(words)
                if lows[i:i + n] == words and i + n < len(ws) and lows[i + n] in spec["wrong"] \
                        and all(_only_spaces(doc, ws[k][1], ws[k + 1][0]) for k in range(i, i + n)):
                    hit = _compound_wrong_finding(doc, rule, ctx, ws, i + n, spec, b,
                                                  " ".join(ws[k][2] for k in range(i, i + n)))
                    if hit is not None:
                        break
                if spec.get("missing") and lows[i:i + n] == words and i + n < len(ws) \
                        and all(_only_spaces(doc, ws[k][1], ws[k + 1][0]) for k in range(i, i + n)):
                    hit = _compound_missing_finding(doc, rule, ctx, ws, i + n, spec, b,
                                                    " ".join(ws[k][2] for k in range(i, i + n)))
                    if hit is not None:
                        break
            if hit is not None:
                yield hit
                i += 2
                continue
            for words, spec in compounds.get(low, ()):
                n = len(words)
                if lows[i:i + n] == words and all(_only_spaces(doc, ws[k][1], ws[k + 1][0]) for k in range(i, i + n - 1)):
                    hit = (n, spec, " ".join(ws[k][2] for k in range(i, i + n)))
                    break
            if hit is None and i + 2 < len(ws):
                # an adjective inside a compound marked `adjective_inside` in the table: «при активном
                # участии», «в тесном сотрудничестве с» (not «в противном случае», an adverb)
                for words, spec in compounds.get(low, ()):
                    n = len(words)
                    if n >= 2 and spec.get("adjective_inside") and lows[i + 2:i + n + 1] == words[1:] \
                            and all(_only_spaces(doc, ws[k][1], ws[k + 1][0]) for k in range(i, i + n)) \
                            and _adjective_of(ctx, ws[i + 1][2], ws[i + 2][2]):
                        hit = (n + 1, spec, " ".join(ws[k][2] for k in range(i, i + n + 1)))
                        break
            if hit is None and low in preps:
                hit = (1, preps[low], ws[i][2])
            if hit is None and low in _COMPARATIVES and i + 1 < len(ws) and _only_spaces(doc, ws[i][1], ws[i + 1][0]):
                # «более двадцать фермеров» → «более двадцати»: «более», «менее» before a number
                # take the genitive like «свыше» (Русская грамматика 1980, § 2127)
                following = words_after(doc.text, ws[i][1], b.end)
                f = _numeral(doc, rule, ctx, following, ["gent"], ws[i][2]) if following else None
                if f is not None:
                    yield f
                i += 1
                continue
            if hit is None and low == "по":
                f = _po(doc, rule, ctx, ws, lows, i, b, po_nouns)
                if f is not None:
                    yield f
                i += 1
                continue
            if hit is None:
                i += 1
                continue
            n, spec, prep_text = hit
            token = AFTER_V_NA.set(n == 1 and low in _V_NA)
            try:
                f = _after(doc, rule, ctx, ws, lows, i, n, spec, prep_text, b)
                if f is None and n == 1 and low in _V_NA:
                    f = _first_locative(doc, rule, ctx, ws, i, prep_text, b)
                # (a preposition with `also` too: the first group must be in the preposition's own
                # case, so «благодаря» is not the gerund there)
                if f is None and not spec.get("fixed") and not spec.get("adverb"):
                    f = _coordinated(doc, rule, ctx, ws, i, n, spec, prep_text, b)
            finally:
                AFTER_V_NA.reset(token)
            if f is not None:
                yield f
            i += n


_V_NA = {"в", "во", "на"}
# a number, a year or an ordinal in digits before the noun («в 2024 годе», «в 5-м классе»)
_NUMBER_BEFORE = re.compile(r"[ \u00a0]+\d{1,4}(?:-[а-я]{1,3})?(?=[ \u00a0]+[А-Яа-яЁё])")


def _first_locative(doc, rule, ctx, ws, i, prep_text, b):
    """«в прошлом годе», «в 2024 годе», «на береге озера» → «году», «берегу»: after «в», «на» a
    noun of the table's `second_locative` (Розенталь, «Справочник по правописанию и литературной
    правке», § 183; Русская грамматика 1980, § 1158: the second prepositional in -у of place and
    time) in its first prepositional, when no other reading of the group is possible (not «угле»
    of «уголь», not the name «Лесе»)."""
    end = ws[i][1]
    m = _NUMBER_BEFORE.match(doc.text, end, b.end)
    if m is not None:
        end = m.end()
    following = words_after(doc.text, end, b.end, limit=6)
    if not following or not following[0][2][:1].islower():
        return None
    lemmas = second_locative_lemmas()
    groups = noun_groups(ctx, following, phrases=True)
    if not groups:
        return None
    group = best_group(groups)
    heads = head_readings(group)
    if not heads or not group.words[-1][2][:1].islower():
        return None
    if not all(h.normal_form in lemmas and h.tag.case == "loct" and h.tag.number == "sing" for h in heads):
        return None
    if any(h.normal_form not in lemmas for h in group.parses[-1] if h.tag.POS in ("NOUN", "NPRO")):
        return None
    suggestions = inflect_group(group, "loct")
    if not suggestions or suggestions[0].lower() == doc.span_text(group.start, group.end).lower():
        return None
    return rule.finding(doc, group.start, group.end, suggestions, prep=prep_text,
                        case=CASE_EN["loct"], fields_ru={"case": CASE_RU["loct"]})


_FIRSTS: list = [None, None]


def _first_words(preps, compounds, compound_wrong) -> frozenset:
    """Every lower-case word the loop of ``check`` does something with (a preposition, the first
    word of a compound, of a wrong compound or of a noun slip, «более»/«менее», «по»): any other
    word only moves the loop on (issue 13: 9 words in 10)."""
    t = table()
    if _FIRSTS[0] is not t:
        _FIRSTS[:] = [t, frozenset(preps) | frozenset(compounds) | frozenset(compound_wrong) | frozenset(_slips())
                      | _COMPARATIVES | {"по"}]
    return _FIRSTS[1]


_SLIPS: list = [None, None]


def _slips():
    """`compound_noun_slips` of the table by first word: {«под»: [(«председательством», lemma,
    exceptions)]}."""
    t = table()
    if _SLIPS[0] is not t:
        from app.language import morph

        m = morph()
        by_first: dict[str, list] = {}
        for phrase, spec in (t.get("compound_noun_slips") or {}).items():
            first, noun = phrase.split()
            lemmas = {p.normal_form for p in m.parse(noun) if p.is_known and p.tag.POS == "NOUN"}
            keep = {noun.replace("ё", "е")} | {x.replace("ё", "е") for x in (spec or {}).get("except") or []}
            by_first.setdefault(first, []).append((noun, lemmas, keep, frozenset((spec or {}).get("keep_cases") or ())))
        _SLIPS[:] = [t, by_first]
    return _SLIPS[1]


def _compound_slip(doc, rule, ctx, ws, lows, i, b):
    """«под председательства министра» → «под председательством»: the noun of a compound
    preposition in another case, before the compound's genitive."""
    if i + 2 >= len(ws) or not _only_spaces(doc, ws[i][1], ws[i + 1][0]):
        return None
    w = lows[i + 1].replace("ё", "е")
    ps = analyses(ctx, ws[i + 1][2]) or ()
    for noun, lemmas, keep, keep_cases in _slips()[lows[i]]:
        if w in keep or not any(p.normal_form in lemmas and p.tag.POS == "NOUN" for p in ps):
            continue
        if any(case_of(p.tag) in keep_cases for p in ps if p.normal_form in lemmas):
            continue  # «по решениям суда»: another phrase of the simple preposition
        following = words_after(doc.text, ws[i + 1][1], b.end)
        if not following or following[0][0] != ws[i + 2][0]:
            return None
        quoted = any(q in doc.text[ws[i + 1][1]:following[0][0]] for q in "«„\"“")
        groups = noun_groups(ctx, following)
        if not (quoted or following[0][2][:1].isupper() or (groups and possible_any(groups, {"gent"}))):
            return None
        return rule.finding(doc, ws[i + 1][0], ws[i + 1][1], [match_case(ws[i + 1][2], noun)], prep=ws[i][2],
                            message="the compound preposition is '{prep} {suggestion}'",
                            message_ru="составной предлог — «{prep} {suggestion}»")
    return None


_COMPOUND_WRONG: list = [None, None]


def _compound_wrong():
    """`compound_wrong_prepositions` of the table by first word: («в отличие», spec) …"""
    t = table()
    if _COMPOUND_WRONG[0] is not t:
        by_first: dict[str, list] = {}
        for phrase, spec in (t.get("compound_wrong_prepositions") or {}).items():
            words = phrase.split()
            by_first.setdefault(words[0], []).append((words, spec))
        _COMPOUND_WRONG[:] = [t, by_first]
    return _COMPOUND_WRONG[1]


def _compound_wrong_finding(doc, rule, ctx, ws, j, spec, b, phrase):
    """«в отличие с прошлым годом» → «от прошлого года», «по сравнению к прошлому году» → «с
    прошлым годом»: the noun of a compound preposition followed by a preposition it never takes;
    the finding covers that preposition and its noun group, put after the right one."""
    prep_start, prep_end, prep = ws[j]
    following = words_after(doc.text, prep_end, b.end)
    if not following or any(q in doc.text[prep_end:following[0][0]] for q in "«„\"“"):
        return None
    groups = noun_groups(ctx, following)
    if not groups:
        return None
    group = best_group(groups)
    if not head_readings(group) or group.words[-1][2][:1].isupper() and any(
            _PROPER_TAGS & set(h.tag.grammemes) for h in head_readings(group)):
        return None
    case = spec["case"][0]
    inflected = inflect_group(group, case, None)
    if not inflected:
        return None
    right = spec["right"]
    out = [_with_preposition(right, g) for g in inflected]
    if prep[:1].isupper():
        out = [x[:1].upper() + x[1:] for x in out]
    return rule.finding(doc, prep_start, group.end, out, prep=prep, phrase=phrase, right=right,
                        message="'{phrase}' is followed by '{right}', not '{prep}': '{suggestion}'",
                        message_ru="После «{phrase}» нужен предлог «{right}», а не «{prep}»: «{suggestion}»")


_PROPER_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn"}


def _with_preposition(prep, group):
    """«с» / «к» before a noun group, «со» / «ко» where the group starts with a cluster that takes
    them («со специалистами», «ко второму»)."""
    f = group.lower()
    if prep in ("с", "к") and len(f) > 1 and f[0] in ("сзшжвф" if prep == "с" else "км") \
            and f[1] not in "аеёиоуыэюяьъ":
        prep += "о"
    return f"{prep} {group}"


def _compound_missing_finding(doc, rule, ctx, ws, j, spec, b, phrase):
    """«в соответствии требованиями» → «с требованиями», «в связи завершением» → «с завершением»:
    the compound's own preposition left out before a noun group (not a preposition, a conjunction
    or a genitive the noun may govern itself, unless `missing_gent`)."""
    start = ws[j][0]
    following = words_after(doc.text, ws[j - 1][1], b.end)
    if not following or following[0][0] != start:
        return None
    ps = analyses(ctx, following[0][2]) or ()
    if not ps or any(p.tag.POS in ("PREP", "CONJ", "PRCL", "ADVB", "INTJ") for p in ps):
        return None
    groups = noun_groups(ctx, following)
    if not groups:
        return None
    group = best_group(groups)
    heads = head_readings(group)
    if not heads or group.words[-1][2][:1].isupper() and any(_PROPER_TAGS & set(h.tag.grammemes) for h in heads):
        return None
    if not spec.get("missing_gent") and possible_any(groups, {"gent"}):
        return None
    if possible_any(groups, {"nomn"}):
        return None  # the subject after an adverbial phrase («в связи задержка …» is not ours to judge)
    case = spec["case"][0]
    if possible(group, {case}):
        inflected = [doc.text[group.start:group.end]]  # already in the case: only the preposition is missing
    else:
        inflected = inflect_group(group, case, None)
    if not inflected:
        return None
    right = spec["right"]
    out = [_with_preposition(right, g) for g in inflected]
    return rule.finding(doc, group.start, group.end, out, prep="—", phrase=phrase, right=right,
                        message="'{phrase}' is followed by '{right}': '{suggestion}'",
                        message_ru="После «{phrase}» нужен предлог «{right}»: «{suggestion}»")


def _adjective_of(ctx, adj: str, noun: str) -> bool:
    """``adj`` is a plain adjective agreeing with ``noun`` (при активном | участии)."""
    a = [p for p in analyses(ctx, adj) or () if p.tag.POS == "ADJF" and "Apro" not in p.tag]
    h = [p for p in analyses(ctx, noun) or () if p.tag.POS == "NOUN"]
    return any(case_of(x.tag) == case_of(y.tag) and x.tag.number == y.tag.number
               and (x.tag.number == "plur" or x.tag.gender == y.tag.gender) for x in a for y in h)


def _after(doc, rule, ctx, ws, lows, i, n, spec, prep_text, b):
    cases = list(spec.get("case") or [])
    also = set(spec.get("also") or [])
    if spec.get("accs_after") and i > 0:
        prev = analyses(ctx, ws[i - 1][2]) or ()
        if any(p.normal_form in spec["accs_after"] for p in prev):
            cases.append("accs")
    end = ws[i + n - 1][1]
    if also and spec.get("also_if"):
        clause = _CLAUSE_END.split(doc.text[end:b.end], 1)[0]
        if not re.search(r"(?<![А-Яа-яЁё])" + re.escape(spec["also_if"]) + r"(?![А-Яа-яЁё])", clause, re.I):
            also = set()  # not the gerund: no «за» of thanking follows
    if lows[i] == "ввиду" and i > 0 and lows[i - 1].startswith(("име", "имее", "имел")):
        return None  # «иметь ввиду» (a misspelling of «в виду», another rule's business)
    if spec.get("after_noun") and not (i > 0 and _only_spaces(doc, ws[i - 1][1], ws[i][0]) and any(
            p.tag.POS == "NOUN" for p in analyses(ctx, ws[i - 1][2]) or ())):
        return None  # «ярмарки вроде прошлогодней» (not the particle: «он вроде рабочим трудится»)
    if spec.get("fixed"):
        return _fixed(doc, rule, ctx, ws, i, n, spec, prep_text, end, b)
    if not (lows[i] in ADVERB_HOMONYMS and n == 1) and not spec.get("adverb"):
        m = _FOCUS.match(doc.text, end, b.end)
        if m is not None:
            end = m.end()  # «благодаря, в частности, поддержке», «благодаря именно поддержке»
    following = words_after(doc.text, end, b.end, limit=12)  # (a participle's own phrase inside the group)
    if not following:
        return _after_number(doc, rule, ctx, end, b, cases, also, prep_text, lows[i])
    if following[0][2].lower().startswith("котор"):
        following = following[:1]  # «карты, на которые родственники переводят …»: the relative pronoun is the whole group, the noun after it its clause's
    if any(q in doc.text[end:following[0][0]] for q in "«„\"“"):
        # a quoted name may stay in the nominative («в «Зелёная долина»» is a style question); a
        # name the writer declined is in the preposition's case («согласно «Дорожной карты»» →
        # «Дорожной карте»)
        if spec.get("adverb") or (lows[i] in ADVERB_HOMONYMS and n == 1):
            return None
        groups = noun_groups(ctx, following)
        if not groups or possible_any(groups, {"nomn"}) or possible_any(groups, set(cases), also) \
                or disagreeing(groups[-1]):
            return None
        return _group_finding(doc, rule, groups, cases, prep_text)
    if n == 1 and lows[i] == "за" and any(lows[k] == "что" and _same_clause_words(doc, ws[k][1], ws[i][0])
                                          for k in range(max(0, i - 3), i)):
        return None  # «что за проект», «что это за вода», «что он был за человек»
    if following[0][2].lower() == "друг" and any(w.lower().startswith("друг") for _, _, w in following[1:3]):
        return None  # «навстречу друг другу», «друг к другу»: the reciprocal pronoun
    if len(following) >= 3 and following[1][2].lower() in _KIND_NOUNS and any(
            case_of(p.tag) == "gent" and p.tag.POS == "ADJF" and p.normal_form not in ("этот", "тот")
            for p in analyses(ctx, following[0][2]) or ()):
        # (not a demonstrative: «согласно этого плана работы» is the plan itself)
        following = following[2:]  # «к такого рода обещаниям», «для подобного типа школ»
    bare = (lows[i] in ADVERB_HOMONYMS and n == 1) or bool(spec.get("adverb"))
    # after an adverb homonym an adjective counts unless the word is an adverb of degree or stands
    # after another preposition («в относительно небольших городах»)
    adjectives = not bare or not (lows[i] in DEGREE_ADVERBS or _after_preposition(ctx, ws, i))
    # (a participle's own words count after an adverb homonym too: «после проведённого весной
    # обследования»; the group must still agree and be in an oblique case)
    groups = noun_groups(ctx, following, adjectives=adjectives, phrases=not bare or adjectives)
    if not groups:
        return _numeral(doc, rule, ctx, following, cases, prep_text)
    group = groups[-1]
    if _place_adjective(ctx, group, following, cases):
        return None  # «в Казалинском районе»: the district named after the town (Казалинск), not the town
    if bare:
        if len(group.words) == 1 and any(p.tag.case == "nomn" for p in group.parses[-1]):
            return None
        if len(group.words) == 1 and i > 0 and any(p.tag.case == "accs" for p in group.parses[-1]) \
                and _only_spaces(doc, ws[i - 1][1], ws[i][0]) \
                and _transitive_verb(ctx, ws[i - 1][2]):
            return None  # «построить вокруг стену», «отправил навстречу войско»: the verb's object
        if len(group.words) > 1:
            # «подобно соседних этрапов»: the words agree, in an oblique case only (not the
            # subject or object the adverb stands before: «после новые правила вступили»)
            agreeing = [g for g in groups if len(g.words) > 1 and head_readings(g)]
            if not agreeing or any(case_of(h.tag) in ("nomn", "accs") for g in agreeing for h in head_readings(g)):
                return None
            groups = agreeing
    if disagreeing(group):
        # «благодаря новым технологий»: the words do not agree; flagged when no shorter reading fits
        # and one part of the group is in the preposition's case
        if any(possible(g, set(cases), also) for g in groups if not disagreeing(g) and not rare_noun(g)
               and not (len(g.words) == 1 and _attributive(g))):
            return None  # (a pronoun adjective before a noun is not a pronoun: «вопреки всем прогнозов»)
        suggestions = repair_group(group, cases)
        if not suggestions:
            return None
        case = cases[0]
        return rule.finding(doc, group.start, group.end, suggestions, prep=prep_text,
                            case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})
    # (an inanimate accusative does not count: «этого» is its animate form, «для этого | кабинет»)
    longer = [g for g in groups if len(g.words) > 1
              and any(case_of(h.tag) != "accs" or "anim" in h.tag for h in head_readings(g))]
    if longer:
        # «благодаря этого проекта»: a pronoun adjective that agrees with the noun after it is that
        # noun's word, not a pronoun of its own (the pronoun reading stays for «для этого кабинет»)
        groups = [g for g in groups if len(g.words) > 1 or not _pronoun_adjective(g)]
    if possible_any(groups, set(cases), also):
        return None
    return _group_finding(doc, rule, groups, cases, prep_text)


_PLACE_ADJ = re.compile(r"[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def _place_adjective(ctx, group, following, cases) -> bool:
    """A capitalised word the dictionary knows only as a place or a name («Казалинском»: Казалинск,
    instrumental) with a place adjective's ending, before a lower-case noun in the preposition's case
    («районе»): the adjective of the place («в Казалинском районе»), which the dictionary lacks."""
    if len(group.words) != 1 or len(following) < 2:
        return False
    w = group.words[0][2]
    if not w[:1].isupper() or not _PLACE_ADJ.search(w.lower()):
        return False
    if not all(p.tag.POS == "NOUN" and _PROPER_TAGS & set(p.tag.grammemes) for p in group.parses[-1]):
        return False
    nxt = following[1][2]
    return nxt[:1].islower() and any(p.tag.POS == "NOUN" and case_of(p.tag) in cases for p in analyses(ctx, nxt) or ())


_SENTENCE_END = re.compile(r"[ \u00a0]*(?:[.!?]|$)")
_BOUNDARY = re.compile(r"[ \u00a0]*(?:[,.;:!?)]|[—–][ \u00a0]|$)")


def _coordinated(doc, rule, ctx, ws, i, n, spec, prep_text, b):
    """«для жителей отдалённых сёл и малым фермерским хозяйствам» → «малых фермерских хозяйств»:
    a noun group joined by «и», «или» to the preposition's own group (past the genitives that
    group governs) in an oblique case the preposition does not take, the last group before a
    clause boundary (Русская грамматика 1980, § 2148: coordinated words share the case).
    Left alone when the second group can be a nominative or an accusative (a new clause's subject
    or object), or a genitive after genitives (one of them: «жителей сёл и деревень»)."""
    cases = set(spec.get("case") or [])
    end = ws[i + n - 1][1]
    m = _FOCUS.match(doc.text, end, b.end)
    if m is not None:
        end = m.end()  # «благодаря не только грантам, но и …»
    following = words_after(doc.text, end, b.end, limit=12)
    if following and following[0][2].lower() == "как" and len(following) > 1:
        following = following[1:]  # «благодаря как местным властям, так и …»
    if not following or any(q in doc.text[end:following[0][0]] for q in "«„\"“"):
        return None
    groups = noun_groups(ctx, following, phrases=True)
    if not groups:
        return None
    first = best_group(groups)
    if not possible(first, cases) or not head_readings(first):
        return None
    return conjunct_finding(doc, rule, ctx, ws, i, first, list(spec.get("case") or []), prep_text, b)


def conjunct_finding(doc, rule, ctx, ws, i, first, case_list, governor, b, verb=False):
    """The second of two groups joined by «и», «или» (see ``_coordinated``) after ``first``, the
    object of the word ``ws[i]`` (a preposition, or a verb with ``verb``) in one of ``case_list``:
    a finding for it when it is in a case the governor does not take. With two cases the governor
    takes (за + accusative or instrumental, с + instrumental or genitive), a first group in one of
    them only puts the second in that one («за помощь и поддержкой» → «поддержку»)."""
    cases = set(case_list)
    case = next((c for c in case_list if possible(first, {c})), None)
    # (the index of the group's last word, found from the governor on: a scan from the block's
    # start made every object of every verb cost the block's length)
    last = first.words[-1][0]
    k = next((x for x in range(i, len(ws)) if ws[x][0] == last), None)
    if k is None:
        return None
    k += 1
    walked = _genitives_after(ctx, doc, ws, k, 0)
    if walked is None:
        return None
    k, genitives = walked
    # a list before the last conjunct: «для школьников, студентов и выпускникам колледжей» — each
    # member after a comma a group in the first one's case (with its genitives)
    for _ in range(4):
        if not (k < len(ws) - 2 and doc.text[ws[k - 1][1]:ws[k][0]] in (", ", ",\u00a0")
                and ws[k][2][:1].islower() and ws[k][2].lower() not in ("но", "так", "а", "и", "или")):
            break
        member = words_after(doc.text, ws[k - 1][1] + 1, b.end, limit=6)
        mgroups = noun_groups(ctx, member) if member and member[0][0] == ws[k][0] else []
        m = best_group(mgroups) if mgroups else None
        if m is None or case is None or not possible(m, {case}) or disagreeing(m) or not head_readings(m):
            return None
        k2 = next((x for x in range(k, len(ws)) if ws[x][0] == m.words[-1][0]), None)
        if k2 is None:
            return None
        walked = _genitives_after(ctx, doc, ws, k2 + 1, genitives)
        if walked is None:
            return None
        k, genitives = walked
    if k < len(ws) - 2 and doc.text[ws[k - 1][1]:ws[k][0]].strip(" \u00a0") == "," \
            and _only_spaces(doc, ws[k][1], ws[k + 1][0]) \
            and (ws[k][2].lower(), ws[k + 1][2].lower()) in (("но", "и"), ("так", "и"), ("а", "также")):
        k += 1  # «не только грантам, но и …», «как властям, так и …», «…, а также …»
    elif k >= len(ws) - 1 or ws[k][2].lower() not in ("и", "или") or not _only_spaces(doc, ws[k - 1][1], ws[k][0]):
        return None
    second = words_after(doc.text, ws[k][1], b.end, limit=12)
    if not second or second[0][0] != ws[k + 1][0] or not second[0][2][:1].islower():
        return None
    groups2 = noun_groups(ctx, second, phrases=True)
    if not groups2:
        return None
    g2 = best_group(groups2)
    heads = head_readings(g2)
    past = _past_genitives(ctx, doc, g2.end, b.end)
    if _BOUNDARY.match(doc.text, past, b.end) is None:
        past = _past_attribute(ctx, doc, past, b.end)  # «для женщин и молодёжью из сёл.»
    if not heads or any(h.tag.POS == "NPRO" for h in heads) or disagreeing(g2) \
            or (_BOUNDARY.match(doc.text, past, b.end) is None
                and not (all(case_of(h.tag) == "gent" for h in heads) and _verb_follows(ctx, doc, past, b.end))):
        return None
    if re.match(r"[ \u00a0]*,[ \u00a0]*(?:и|или)[ \u00a0]", doc.text[g2.end:b.end]):
        return None  # «и жителям, и гостям»: the repeated conjunction opens a pair of its own
    first_cases = {case_of(h.tag) for h in head_readings(first)} & cases
    if len(cases) > 1 and len(first_cases) == 1 and not genitives and not possible_any(groups2, {"nomn", "accs"}):
        cases = first_cases  # «за помощь и поддержкой», «с правилами и требований»: one case for both
        case = next(iter(first_cases))
    allowed = cases | {"nomn", "accs"} | ({"gent"} if genitives else set())
    if not genitives and "gent" not in cases and _SENTENCE_END.match(doc.text, past, b.end) \
            and possible_any(groups2, {"gent"}):
        # the last words of the sentence: no new clause's subject or object («благодаря грантам и
        # поддержки акимата.»); a genitive reading is what the writer meant
        allowed = cases
    # (a nominative or accusative closing the sentence after a governor of neither is no new clause's
    # subject or object either: «поделился секретами ремесла и опыт.» → «опытом»; a nominative or
    # accusative before the governor in the clause may still be its partner: «Грант получили школы
    # из Оша и детский сад.»)
    end_na = bool(_SENTENCE_END.match(doc.text, past, b.end)) and not cases & {"nomn", "accs"} \
        and possible_any(groups2, {"nomn", "accs"}) and not possible_any(groups2, allowed - {"nomn", "accs"})
    if end_na:
        allowed = allowed - {"nomn", "accs"}
    final = allowed == cases
    if possible_any(groups2, allowed) or any(possible(g, allowed) for g in groups2):
        return None
    # (joined to a noun earlier in the clause in its case: «ознакомили с требованиями к отчётности
    # и правилами закупок»)
    own = {case_of(h.tag) for h in heads}
    if final and not end_na:
        own -= {"nomn", "accs"}  # (the subject before the preposition is no conjunct of it)
    start = max(doc.text.rfind(c, b.start, ws[i][0]) for c in ".,;:!?\n—–(")
    # (the words before a verb governor are its subject's: «Тренинг для фермеров посвящен проблемам
    # и вопросов»; before a preposition any word of the clause may be the one joined: taking the
    # clause's verb as the limit there too added a finding to a held-out variant, so it is not done)
    first_x = i + 1 if verb else 0
    if any(ws[x][0] > start and _joinable(ctx, doc, ws, x, own, first, g2) for x in range(first_x, i)):
        return None
    suggestions = inflect_group(g2, case, CONFUSED_WITH.get(case))
    if not suggestions:
        return None
    if verb:
        return rule.finding(doc, g2.start, g2.end, suggestions, verb=governor,
                            case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})
    return rule.finding(doc, g2.start, g2.end, suggestions, prep=governor,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})


def _genitives_after(ctx, doc, ws, k: int, genitives: int):
    """Walk the genitives closing a group from word k (at most five in all, joined by spaces only, up to
    «и»/«или»): (the word after them, the genitives counted so far), or None when a word there is neither
    a genitive nor anything a group may end with."""
    while k < len(ws) and genitives <= 4 and _only_spaces(doc, ws[k - 1][1], ws[k][0]) \
            and ws[k][2].lower() not in ("и", "или"):
        ps = analyses(ctx, ws[k][2]) or ()
        if not ps or not any(case_of(p.tag) == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in ps) \
                or any(p.tag.POS in ("PREP", "CONJ", "PRCL") for p in ps):
            return None
        genitives += 1
        k += 1
    return k, genitives


def _animacy(group) -> str | None:
    """"anim" or "inan" when every reading of the group's head says so, else None."""
    marks = {"anim" if "anim" in h.tag else "inan" for h in head_readings(group) if h.tag.POS == "NOUN"}
    return marks.pop() if len(marks) == 1 else None


def _joinable(ctx, doc, ws, x, own, first, g2) -> bool:
    """The word ``ws[x]`` before the governor may be the noun ``g2`` is joined to: a noun,
    pronoun, adjective or participle with a reading in one of ``own``. Not the clause's subject
    (a nominative reading right before a finite verb or a short form: «Работы ведутся согласно
    требованиям и нормативов», «Консультации бесплатны для пенсионеров и людям …»), an adjective
    of the noun after it (that noun decides), nor a person's noun when both conjuncts are things
    («доступны жителям независимо от пола и возрасту»: coordinated words are alike, Русская
    грамматика 1980, § 2148)."""
    every = analyses(ctx, ws[x][2]) or ()
    ps = [p for p in every if p.tag.POS in ("NOUN", "NPRO", "ADJF", "PRTF") and case_of(p.tag) in own]
    if not ps or any(p.tag.POS in ("CONJ", "PREP", "PRCL") for p in every):  # («и», the letter's name)
        return False
    if x + 1 < len(ws) and _only_spaces(doc, ws[x][1], ws[x + 1][0]):
        nxt = analyses(ctx, ws[x + 1][2]) or ()
        if nxt and all(q.tag.POS in ("VERB", "PRTS", "ADJS") for q in nxt) and any(
                case_of(p.tag) == "nomn" for p in analyses(ctx, ws[x][2]) or ()):
            return False
        if all(p.tag.POS in ("ADJF", "PRTF") for p in ps) and any(
                q.tag.POS == "NOUN" and case_of(q.tag) in own for q in nxt):
            return False
    # (an adjective or participle standing alone is a noun of people: «пострадавшим от паводка и
    # оползням» joins «оползням» to «паводка», not to those who suffered)
    person = all(p.tag.POS == "NOUN" and "anim" in p.tag for p in ps) or all(p.tag.POS in ("ADJF", "PRTF") for p in ps)
    if person and _animacy(g2) == "inan" and _animacy(first) == "inan":
        return False
    return True


# verbs after which a genitive starts a clause of its own: its subject («и денег стало больше», «и
# воды не хватает») or its object («и результатов добились», «и помощи ждут»)
_QUANTITY_VERBS = {"быть", "стать", "становиться", "хватить", "хватать", "появиться", "появляться", "прибавиться",
                   "убавиться", "остаться", "оставаться", "накопиться", "набраться", "ждать", "ожидать",
                   "просить", "попросить", "требовать", "потребовать", "добиться", "добиваться", "достичь",
                   "достигнуть", "достигать", "бояться", "опасаться", "избегать", "избежать", "хотеть", "желать",
                   "искать", "касаться", "коснуться", "лишить", "лишиться", "стоить", "заслуживать",
                   "придерживаться", "держаться", "дождаться", "добавить", "прибавить", "набрать", "купить",
                   "закупить", "получить", "дать", "выдать"}


def _verb_follows(ctx, doc, pos, end) -> bool:
    """A finite verb right after ``pos`` (a genitive conjunct stands before the clause's verb: «К
    проблемам и вопросов молодежи привлекли внимание»), not «не», not a neuter past, a verb of
    quantity or one of the genitive (partitive: «и семян закупили»), whose genitive would start a
    new clause."""
    nxt = words_after(doc.text, pos, end, limit=1)
    if not nxt or nxt[0][0] != pos + 1 or doc.text[pos] != " ":
        return False
    ps = analyses(ctx, nxt[0][2]) or ()
    return bool(ps) and all(p.tag.POS == "VERB" and p.normal_form not in _QUANTITY_VERBS
                            and not (p.tag.gender == "neut" and p.tag.number == "sing") for p in ps)


COORDINATORS_OF_WORDS = {"и", "или"}


def _past_attribute(ctx, doc, pos, end) -> int:
    """The end of a prepositional phrase right after ``pos`` that ends at a clause boundary — the
    conjunct's own attribute of place or origin («и молодёжью | из Ошской области,», «и оползням | в
    долине.», «и людям | с инвалидностью.»): a preposition of the table, then up to six words each
    a name or a noun, pronoun, adjective or participle in a case the preposition takes or in the
    genitive (joined by «и», «или»: «из Ошской и Джалал-Абадской областей»); ``pos`` itself
    otherwise (a verb or a subject after the conjunct keeps it a clause of its own)."""
    nxt = words_after(doc.text, pos, end, limit=1)
    if not nxt or doc.text[pos:nxt[0][0]] not in (" ", "\u00a0"):
        return pos
    spec = (table().get("prepositions") or {}).get(nxt[0][2].lower())
    if not spec or spec.get("adverb") or nxt[0][2].lower() in ADVERB_HOMONYMS:
        return pos
    cases = set(spec.get("case") or [])
    out, fits, last = pos, False, nxt[0][1]
    for s, e, w in words_after(doc.text, nxt[0][1], end, limit=6):
        if doc.text[last:s] not in (" ", "\u00a0"):
            break
        ps = analyses(ctx, w) or ()
        if w.lower() in COORDINATORS_OF_WORDS and out != pos:
            last = e
            continue
        # (a name, capitalised or unknown to the dictionary: «из Ошской и Джалал-Абадской областей»)
        named = w[:1].isupper() and not any(p.tag.POS in ("VERB", "INFN", "CONJ", "PREP", "PRCL") for p in ps)
        if not named and not any(p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR")
                                 and case_of(p.tag) in cases | {"gent"} for p in ps):
            break
        fits = fits or named or any(case_of(p.tag) in cases for p in ps)
        out = last = e
    if not fits or out == pos:
        return pos
    return out if _BOUNDARY.match(doc.text, out, end) is not None else pos


def _past_genitives(ctx, doc, pos, end) -> int:
    """The end of up to three genitive words right after ``pos`` («больницам | района»)."""
    out = pos
    for s, e, w in words_after(doc.text, pos, end, limit=3):
        ps = analyses(ctx, w) or ()
        if w[:1].isupper() and s > pos and not any(p.tag.POS in ("VERB", "INFN", "PREP", "CONJ", "PRCL") for p in ps):
            out = e  # a name closing the genitives («колледжей Хатлона»)
            continue
        if not ps or not any(case_of(p.tag) == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in ps) \
                or any(p.tag.POS in ("PREP", "CONJ", "PRCL", "VERB") for p in ps):
            break
        out = e
    return out


_DIGITS = re.compile(r"[ \u00a0]+\d{1,3}(?:[ \u00a0]\d{3})*(?=[ \u00a0]+[А-Яа-яЁё])")
# prepositions whose case is not the one after a number written in digits («на 12 скважин», «по
# 2 тонны», «через 5 лет»): the noun after a number agrees with it only in an oblique case
_NOT_AFTER_DIGITS = {"в", "во", "на", "за", "под", "подо", "о", "об", "про", "через", "сквозь", "по", "около",
                     "свыше", "более", "менее", "порядка", "примерно", "между"}


_YEAR_DIGITS = re.compile(r"[ \u00a0]+(?:19|20)\d\d(?=[ \u00a0]+[А-Яа-яЁё])")


def _after_number(doc, rule, ctx, end, b, cases, also, prep_text, low):
    """«благодаря 12 новых скважин» → «новым скважинам»: after a number in digits, the noun group
    of an oblique case agrees with the number in that case (words of time and dates are left
    alone: «к 1 сентября»)."""
    y = _YEAR_DIGITS.match(doc.text, end, b.end)
    if y is not None and cases == ["datv"]:
        # «к 2027 года» → «к 2027 году»: the year's noun takes the preposition's dative like any other
        following = words_after(doc.text, y.end(), b.end)
        if following and following[0][2].lower() == "года":
            s, e, w = following[0]
            return rule.finding(doc, s, e, ["Году" if w[0].isupper() else "году"], prep=prep_text,
                                case=CASE_EN["datv"], fields_ru={"case": CASE_RU["datv"]})
    m = _DIGITS.match(doc.text, end, b.end)
    if m is None or low in _NOT_AFTER_DIGITS or set(cases) & {"nomn", "accs"}:
        return None
    following = words_after(doc.text, m.end(), b.end)
    groups = noun_groups(ctx, following) if following else []
    if not groups or disagreeing(groups[-1]):
        return None
    heads = [h for g in groups for h in g.parses[-1]]
    if any(h.normal_form in TIME_NOUNS or h.normal_form in _UNITS for h in heads):
        return None
    if possible_any(groups, set(cases), also):
        return None
    return _group_finding(doc, rule, groups, cases, prep_text)


def _group_finding(doc, rule, groups, cases, prep_text):
    """The group put into the preposition's first case; an adjective already in that case keeps
    its number («с действующим законодательствам» → «действующим законодательством», not
    «действующими законодательствами»)."""
    case = cases[0]
    group = best_group(groups)
    if "accs" in cases and _plural_lookalike(group):
        case = "accs"  # «направлены на поддержки» → «на поддержку» (the writer's plural accusative)
    suggestions = inflect_group(group, case, CONFUSED_WITH.get(case))
    if len(group.words) > 1:
        kept = repair_group(group, [case])
        suggestions = kept + [x for x in suggestions if x not in kept]
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, prep=prep_text,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})


def _plural_lookalike(group) -> bool:
    """The head is a `singular_only` noun in a form that pymorphy3 also reads as a plural
    accusative («поддержки», «участия»): read as that accusative by the writer."""
    from app.language import morph
    from app.language.government import singular_only

    heads = head_readings(group)
    lone = singular_only()
    return bool(heads) and all(h.normal_form.replace("ё", "е") in lone for h in heads) and any(
        p.tag.number == "plur" and case_of(p.tag) == "accs" for p in morph().parse(group.words[-1][2].lower()))


def _attributive(group) -> bool:
    from app.language.government import ATTRIBUTIVE_PRONOUNS

    return any(p.normal_form in ATTRIBUTIVE_PRONOUNS for p in group.parses[0])


def _pronoun_adjective(group) -> bool:
    return any("Apro" in p.tag for p in group.parses[0]) and not any(p.tag.POS == "NOUN" for p in group.parses[0])


def _after_preposition(ctx, ws, i) -> bool:
    if i == 0:
        return False
    prev = analyses(ctx, ws[i - 1][2]) or ()
    return any(p.tag.POS == "PREP" for p in prev)


_UNITS = {"процент", "тысяча", "миллион", "миллиард", "раз", "человек", "год", "лет"}


def _numeral(doc, rule, ctx, following, cases, prep_text):
    """«в течение два дня» → «двух дней»: a numeral phrase in none of the preposition's cases."""
    g = numeral_group(ctx, following)
    if g is None:
        return None
    # the noun shows the phrase's case: in an oblique case it stands in that case («в тридцати
    # двух школах»), after a nominative or accusative numeral in the genitive («в два раза»), so
    # «в тридцать двух школах» is a prepositional phrase with a numeral in another case
    shown = _noun_shows(g.rest)
    ncases = numeral_cases(g)
    if "accs" in ncases and not any("anim" in h.tag for h in head_readings(g.rest)) and any(
            all("anim" in p.tag for p in ps if case_of(p.tag) == "accs") for ps in g.numeral_parses):
        # «двух», «трёх» are accusatives of people only: «в двух районов» is no accusative
        ncases = ncases - {"accs"}
    if ncases & shown & set(cases):
        return None
    if numeral_cases(g) & set(cases):
        half = _half_declined(doc, rule, g, cases, prep_text)  # only the numerals change
        if half is not None:
            return half
    # (the numeral's own oblique case first: «в пяти школ» → «пяти школах», not an accusative)
    case = next((c for c in cases if c in ncases and c not in ("nomn", "accs")), None) \
        or next((c for c in cases if c in shown), cases[0])
    suggestions = inflect_numeral_group(g, case)
    if not suggestions:
        return None
    return rule.finding(doc, g.start, g.end, suggestions, prep=prep_text,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})


def _plural_locative(group) -> bool:
    """«по итогах конкурса»: a plural noun group whose every reading is prepositional; «по» takes
    the prepositional only in the singular of «по окончании», «по прибытии» (and of pronouns)."""
    heads = head_readings(group)
    return bool(heads) and all(case_of(h.tag) == "loct" and h.tag.number == "plur" and h.tag.POS == "NOUN"
                               for h in heads)


def plural_loct_finding(doc, rule, group, prep):
    suggestions = inflect_group(group, "datv")
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, prep=prep,
                        case=CASE_EN["datv"], fields_ru={"case": CASE_RU["datv"]})


def _noun_shows(rest) -> set[str]:
    """The cases a numeral phrase can be in, judged by its noun (any of the noun's readings)."""
    out: set[str] = set()
    for h in rest.parses[-1]:
        c = case_of(h.tag)
        if h.tag.POS not in ("NOUN", "NPRO") or c is None:
            continue
        out |= {"gent": {"nomn", "accs", "gent"}, "nomn": {"nomn", "accs"}}.get(c, {c})
    return out


def _half_declined(doc, rule, g, cases, prep_text):
    """«в тридцать двух школах» → «в тридцати двух школах»: a compound numeral declines in every
    word; the noun is in an oblique case of the preposition and a numeral word is not."""
    if len(g.numerals) < 2:
        return None
    heads = [h for h in g.rest.parses[-1] if h.tag.POS in ("NOUN", "NPRO")]
    noun_cases = {case_of(h.tag) for h in heads}
    if len(noun_cases) != 1:
        return None
    case = noun_cases.pop()
    if case not in cases or case in ("nomn", "accs"):
        return None
    if all(any(case_of(p.tag) == case for p in ps) for ps in g.numeral_parses):
        return None
    words = []
    for (s, e, w), ps in zip(g.numerals, g.numeral_parses):
        if any(case_of(p.tag) == case for p in ps):
            words.append(w)
            continue
        try:
            f = ps[0].inflect({case})
        except ValueError:
            f = None
        if f is None:
            return None
        words.append(match_case(w, f.word))
    start, end = g.numerals[0][0], g.numerals[-1][1]
    return rule.finding(doc, start, end, [" ".join(words)], prep=prep_text,
                        case=CASE_EN.get(case, case), fields_ru={"case": CASE_RU.get(case, case)})


def _range_end(ctx, doc, ws, i, group) -> bool:
    """«с мая по июня» → «по июнь», «с понедельника по пятницы» → «по пятницу»: «по» closing a span
    of time opened by «с» takes the accusative (the limit is included; Русская грамматика 1980,
    § 1719; Розенталь, «Справочник по правописанию и стилистике», «по» + вин. п.), when both ends
    are words of time."""
    heads = head_readings(group)
    if not any(h.normal_form in TIME_NOUNS for h in heads):
        return False
    if all(h.normal_form in _MONTHS for h in heads) or (len(group.words) == 2 and all(
            h.normal_form == "число" for h in heads) and any("Anum" in p.tag for p in group.parses[0])):
        return True  # «продлится по июня 2026 года», «по пятого числа»: a date closes a span, «с» or no «с»
    for k in range(i - 1, max(-1, i - 4), -1):
        if not _only_spaces(doc, ws[k][1], ws[k + 1][0]):
            return False
        if ws[k][2].lower() in ("с", "со"):
            return k + 1 < i and any(p.normal_form in TIME_NOUNS and case_of(p.tag) == "gent"
                                     for p in analyses(ctx, ws[i - 1][2]) or ())
    return False


_MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
           "декабрь"}


def _range_date(ctx, doc, ws, i, group):
    """«с первого по пятого июня» → «по пятое июня»: a date closing a span; only the ordinal takes the
    accusative (neuter, «число»), the month stays in the genitive. None when the group is not
    «ordinal + month»."""
    if len(group.words) != 2 or not any(p.normal_form in _MONTHS and case_of(p.tag) == "gent"
                                        for p in group.parses[1]):
        return None
    # (whether «с» opens the span here, is far before it or is left out: «с 1 по пятого июня», «продлится
    # по пятого июня» — an ordinal and its month after «по» are a date, and «по» + a date is accusative)
    for p in group.parses[0]:
        if p.tag.POS == "ADJF" and "Anum" in p.tag and case_of(p.tag) == "gent":
            form = p.inflect({"neut", "sing", "accs"})
            if form is not None:
                return [f"{form.word} {group.words[1][2]}"]
    return None


def _po(doc, rule, ctx, ws, lows, i, b, po_nouns):
    """«по окончанию проекта» → «по окончании»: the sense "upon" takes the prepositional case."""
    following = words_after(doc.text, ws[i][1], b.end)
    if not following:
        return None
    group = noun_group(ctx, following)
    if group is None:
        # «по пять критериям» → «по пяти критериям»: a numeral whose noun is in the dative (the
        # distributive «по пять тетрадей», «по два раза» has a genitive noun and is right)
        g = numeral_group(ctx, following)
        if g is not None and _noun_shows(g.rest) == {"datv"}:
            return _numeral(doc, rule, ctx, following, ["datv"], ws[i][2])
        return None
    plural_loct = _plural_locative(group)
    if plural_loct:
        return plural_loct_finding(doc, rule, group, ws[i][2])
    groups = noun_groups(ctx, following)
    if group.words[-1][2][:1].islower() and head_readings(group) \
            and not possible_any(groups, {"datv", "accs", "loct", "nomn"}) \
            and not any(q in doc.text[ws[i][1]:following[0][0]] for q in "«„\"“"):
        # «по» takes the dative (по вопросам), the accusative (по колено) or the prepositional
        # (по окончании); a genitive or an instrumental after it is wrong («по вопросами», «по
        # направлений» → «по направлениям»)
        case = "accs" if _range_end(ctx, doc, ws, i, group) else "datv"
        date = _range_date(ctx, doc, ws, i, group)
        if date is not None:
            case, suggestions = "accs", date
        else:
            suggestions = inflect_group(best_group(groups), case, "gent")
        if suggestions:
            return rule.finding(doc, group.start, group.end, suggestions, prep=ws[i][2],
                                case=CASE_EN[case], fields_ru={"case": CASE_RU[case]})
    if len(group.words) != 1:
        return None
    heads = group.parses[-1]
    if not any(h.normal_form.replace("ё", "е") in {x.replace("ё", "е") for x in po_nouns} for h in heads):
        return None
    if possible(group, {"loct"}):
        return None
    if i > 0 and _only_spaces(doc, ws[i - 1][1], ws[i][0]):
        # (not the letter-name readings of a conjunction: «… и по окончанию курса»; after «и» the
        # word before the first «по» of the pair counts: «комиссия по приёму и по окончанию работ»)
        h = i - 1
        if lows[h] in ("и", "или"):
            h = next((k - 1 for k in range(h - 1, max(0, h - 6), -1)
                      if lows[k] == "по" and _same_clause_words(doc, ws[k][1], ws[i][0])), h)
        prev = list(analyses(ctx, ws[h][2]) or ()) if h >= 0 else []
        if any(p.tag.POS in ("CONJ", "PRCL", "PREP") for p in prev):
            prev = [p for p in prev if "Abbr" not in p.tag]  # (an acronym, «органом ФСБ по …», stays a noun)
        # (a pronoun before «по» is the clause's subject: «участницы, которые по окончанию курса …»)
        if prev and any(p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO") and "Apro" not in p.tag for p in prev):
            return None  # «работы по завершению строительства»: "aimed at", the dative is right
    suggestions = inflect_group(group, "loct", "datv")
    if not suggestions:
        return None
    return rule.finding(doc, group.start, group.end, suggestions, prep=ws[i][2],
                        case=CASE_EN["loct"], fields_ru={"case": CASE_RU["loct"]},
                        message="'по' in the sense 'upon, after' takes the prepositional case: '{prep} {suggestion}'",
                        message_ru="«по» в значении «после» требует предложного падежа: «{prep} {suggestion}»")


_NUMBER_AFTER = re.compile(r"[ \u00a0]*\d")


def _fixed(doc, rule, ctx, ws, i, n, spec, prep_text, end, b):
    """«в течении года» → «в течение года»: only before a word of time or a number (in «в течении
    реки» the noun is right), and not after a word that governs «в» + prepositional
    («заинтересованность в продолжении программы» is the noun)."""
    cases = set(spec.get("case") or [])
    if i > 0 and ws[i][2].lower() in ("в", "во") and _governs_v_loct(ctx, ws[i - 1][2]):
        return None
    if spec.get("not_after") and i > 0 and any(
            p.normal_form in spec["not_after"] or (p.tag.POS in ("GRND", "PRTF", "PRTS") and any(
                p.normal_form.startswith(x[:3]) for x in spec["not_after"]))
            for p in analyses(ctx, ws[i - 1][2]) or ()):
        return None  # «имели в виду решения», «имея в виду»
    if spec.get("unless_gent"):
        # «В заключении участники приняли …» (finally) → «В заключение»; «В заключении комиссии
        # указано» (in the commission's report) is the noun: only at a sentence start, and not
        # before a genitive
        if not prep_text[:1].isupper():
            return None
        following = words_after(doc.text, end, b.end)
        if not doc.text[end:end + 1] == ",":
            groups = noun_groups(ctx, following) if following else []
            # (a subject after it: «В заключение участники …», «… он …»; «В заключении сказано,
            # говорится» is the document)
            if not groups or possible_any(groups, {"gent"}) or not possible_any(groups, {"nomn"}):
                return None
    elif spec.get("any_noun"):
        following = words_after(doc.text, end, b.end)
        groups = noun_groups(ctx, following) if following else []
        if not groups or not possible_any(groups, cases):
            return None
        if spec.get("inanimate") and any("anim" in h.tag for g in groups for h in head_readings(g)):
            return None  # «говорил, не смотря на девушку»: the gerund of «смотреть»
    elif not _NUMBER_AFTER.match(doc.text, end, b.end) and not _numeral_after(ctx, doc.text, end, b.end):
        following = words_after(doc.text, end, b.end)
        group = noun_group(ctx, following) if following else None
        if group is None and len(following) > 1 and any(p.normal_form == "весь" for p in analyses(ctx, following[0][2]) or ()):
            group = noun_group(ctx, following[1:])  # «в течении всего года» («всего» is also a particle)
        if group is None:
            first = analyses(ctx, following[0][2]) if following else None
            if not (first and any(p.tag.POS == "NUMR" or "Anum" in p.tag for p in first)):
                return None
        else:
            heads = group.parses[-1]
            nouns = TIME_NOUNS if spec.get("time_only") else TIME_NOUNS | _DURATION
            if not any(h.normal_form in nouns for h in heads) or not possible(group, cases):
                return None
    right = spec["right"]
    if prep_text[:1].isupper():
        right = right[:1].upper() + right[1:]
    return rule.finding(doc, ws[i][0], end, [right], prep=prep_text,
                        message="'{match}' is the noun, not the preposition: write '{suggestion}'",
                        message_ru="«{match}» — существительное, а не предлог: пишите «{suggestion}»")


def _numeral_after(ctx, text, end, limit) -> bool:
    """A numeral right after ``end`` or after up to two adjectives («в течении последних двух лет»,
    «первых трёх месяцев»)."""
    following = words_after(text, end, limit)
    for k, (_, _, w) in enumerate(following[:3]):
        ps = analyses(ctx, w) or ()
        if any(p.tag.POS == "NUMR" for p in ps) and sum(p.score for p in ps if p.tag.POS == "NUMR") >= 0.45:
            return True
        if k == 2 or not any(p.tag.POS in ("ADJF", "PRTF") for p in ps):
            return False
    return False


def _governs_v_loct(ctx, word: str) -> bool:
    """The word governs «в» + prepositional in the table (участвовать, заинтересованность,
    нуждаться, уверенность …: `preposition_cases` and the right side of `wrong_prepositions`)."""
    govs = _v_loct_governors()
    return any(p.normal_form.replace("ё", "е") in govs for p in analyses(ctx, word) or ())


@lru_cache(maxsize=1)
def _v_loct_governors() -> frozenset[str]:
    t = table()
    out = set()
    for spec in t.get("preposition_cases") or []:
        if set(spec.get("prep") or []) & {"в", "во"} and "loct" in (spec.get("case") or []):
            out |= set(spec["words"])
    for spec in t.get("wrong_prepositions") or []:
        if spec.get("right") in ("в", "во") and "loct" in (spec.get("case") or []):
            out |= set(spec["words"])
    return frozenset(x.replace("ё", "е") for x in out)


_DURATION = {"жизнь", "сезон", "визит", "поездка", "проект", "программа", "кампания", "мероприятие", "форум",
             "конференция", "тренинг", "семинар", "встреча", "работа", "весь", "долгий", "последний", "ближайший"}
