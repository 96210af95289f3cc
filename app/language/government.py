"""Government of Russian prepositions and verbs: the table (rules/grammar/government-table.yaml)
and the pymorphy3 side of it — noun groups after a word, the cases each can be in, and the group
put into another case with its number kept.

A noun group is a run of adjectives (full adjectives, participles, pronominal and ordinal
adjectives) ending in a noun or a pronoun, with only spaces (or an opening quote) between the
words; every word must be a dictionary word. A group is *possible* in a case when one reading of
its head is in that case and every adjective has a reading that agrees with it.
"""
from __future__ import annotations

import os

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


from app import RULES_DIR
from app.language import get, match_case, morph

TABLE_PATH = RULES_DIR / "grammar" / "government-table.yaml"
_CASE = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct", "voct": "nomn"}
# a word, also with a number before a hyphen («30-летию», «10-летнего»: anniversaries and ages)
WORD = re.compile(r"(?:\d{1,4}-)?[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_YEARS = re.compile(r"\d{1,4}-лет(?:и[еяюи]|ие[мй]|ием|н)", re.I)
# Words of time that stand in the accusative after any verb («руководит второй год»).
TIME_NOUNS = {"год", "месяц", "неделя", "день", "час", "минута", "время", "сутки", "раз", "лето", "зима",
              "весна", "осень", "вечер", "утро", "ночь", "период", "срок", "полгода", "квартал", "семестр",
              "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
              "воскресенье", "число", "сезон", "выходные"}
_ADJ_POS = {"ADJF", "PRTF"}
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
_HEAD_POS = {"NOUN", "NPRO"}


# Set while the words after «в», «во», «на» are read: a noun of the table's `second_locative` is
# put in its second prepositional («в саду», «на мосту», «в году»), not in «саде», «мосте».
AFTER_V_NA: ContextVar[bool] = ContextVar("after_v_na", default=False)


def second_locative_lemmas() -> frozenset[str]:
    return frozenset(table().get("second_locative") or ())


@lru_cache(maxsize=1)
def singular_only() -> frozenset[str]:
    """The table's `singular_only` nouns (ё as е): read in the singular only."""
    return frozenset(x.replace("ё", "е") for x in table().get("singular_only") or ())


@dataclass(frozen=True)
class Group:
    start: int
    end: int
    words: tuple[tuple[int, int, str], ...]  # (start, end, text)
    parses: tuple[tuple[Any, ...], ...]       # readings per word (dictionary readings only)


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    from app.diskcache import load_yaml

    data = dict(load_yaml(TABLE_PATH) or {})  # kept in the disk cache (issue 13)
    rows = family_rows(data.get("government_families") or [])
    if rows:
        data["wrong_prepositions"] = list(data.get("wrong_prepositions") or []) + rows
    return data


def family_rows(families: list[dict]) -> list[dict]:
    """The `government_families` of the table as rows of `wrong_prepositions`: a family is one
    construction shared by many governors (verbs of speech and thought that take «что» — «о» is
    wrong after them; verbs and nouns of the instrumental — «над» is wrong), with the verbs
    (every form through pymorphy3's lemma: tenses, participles), the nouns that keep the verb's
    construction (`nouns`, in `noun_case` when the verb's accusative becomes a genitive:
    «обсудить планы» → «обсуждение планов»), and the words of the same meaning that do take the
    wrong preposition (`correct`: «заметка о», «отзыв о»; never flagged, a word listed there is
    dropped from the family's words)."""
    out = []
    for fam in families:
        correct = {w.replace("ё", "е") for w in fam.get("correct") or []}
        base = {k: fam[k] for k in ("wrong", "right", "case", "wrong_case", "heads", "strict", "skip_object")
                if k in fam}
        base.setdefault("right", "")
        words = [w for w in fam.get("words") or [] if w.replace("ё", "е") not in correct]
        if words:
            out.append({**base, "words": words, "example": fam.get("example", ""), "family": fam.get("name", "")})
        nouns = [w for w in fam.get("nouns") or [] if w.replace("ё", "е") not in correct]
        if nouns:
            row = {**base, "words": nouns, "case": fam.get("noun_case") or fam["case"],
                   "example": fam.get("noun_example", ""), "family": fam.get("name", "")}
            out.append(row)
    return out


def case_of(tag) -> str | None:
    c = tag.case
    return _CASE.get(c, c)


def analyses(ctx, word: str):
    """Dictionary readings of ``word`` (None when pymorphy3 only guesses)."""
    cache = get(ctx, "government.analyses", dict)
    w = word.lower()
    hit = cache.get(w, False)
    if hit is not False:
        return hit
    m = morph(ctx)
    if _YEARS.match(w):
        # «30-летию», «10-летнего»: pymorphy3 guesses them from «-летие», «-летний» (not dictionary words)
        out = tuple(p for p in m.parse(w) if p.tag.POS in ("NOUN", "ADJF")) or None
        cache[w] = out
        return out
    if w[:1].isdigit():
        cache[w] = None
        return None
    if not (m.word_is_known(w) or ("ё" in w and m.word_is_known(w.replace("ё", "е")))):
        # a regional term of the accept vocabulary (акимат, джамоат): pymorphy3's guessed noun
        # readings whose lemma the vocabulary holds
        vocab = getattr(ctx, "vocabulary", None)
        out = None
        if vocab is not None:
            listed = vocab.accepts(w)  # a listed form (махаллей): any of the guessed noun readings
            guessed = tuple(p for p in m.parse(w) if p.tag.POS == "NOUN" and (listed or vocab.accepts(p.normal_form)))
            out = guessed or None
    else:
        out = tuple(p for p in m.parse(w) if p.is_known)
        if out and any(p.tag.number == "plur" and p.tag.POS == "NOUN" for p in out):
            lone = singular_only()
            kept = tuple(p for p in out if not (p.tag.POS == "NOUN" and p.tag.number == "plur"
                                                and p.normal_form.replace("ё", "е") in lone))
            out = kept or out  # «за помощи», «оказали поддержки»: no plural of «помощь», «поддержка»
        out = out or None
    if len(cache) > 200_000:
        cache.clear()
    cache[w] = out
    return out


def _hyphenated_noun(m, w: str):
    """«онлайн-платформы», «медиа-центра», «пилот-проекта»: a noun of an unchanging first part and
    a dictionary noun, read (and inflected) as that noun — pymorphy3's readings of the whole word
    whose case and number the last part has in the dictionary; None otherwise."""
    first, last = w.rsplit("-", 1)
    if len(first) < 2 or len(last) < 3 or "-" in first or not m.word_is_known(last):
        return None
    known = {(case_of(q.tag), q.tag.number) for q in m.parse(last) if q.is_known and q.tag.POS == "NOUN"}
    out = tuple(p for p in m.parse(w) if p.tag.POS == "NOUN" and (case_of(p.tag), p.tag.number) in known
                and not ({"Fixd"} | _PROPER) & set(p.tag.grammemes) and p.word.startswith(first + "-"))
    return out or None


def _dictionary_word(ctx, word: str) -> bool:
    m = morph(ctx)
    w = word.lower()
    return m.word_is_known(w) or ("ё" in w and m.word_is_known(w.replace("ё", "е")))


def words_after(text: str, pos: int, end: int, limit: int = 5) -> list[tuple[int, int, str]]:
    """Up to ``limit`` Cyrillic words from ``pos`` with only spaces (or an opening quote) between."""
    out = []
    last = pos
    for m in WORD.finditer(text, pos, end):
        gap = text[last:m.start()]
        if (gap.strip(" \u00a0«„\"") if not out else gap.strip(" \u00a0")) or "\n" in gap:
            break
        out.append((m.start(), m.end(), m.group(0)))
        last = m.end()
        if len(out) >= limit:
            break
    return out


POSSESSIVES = {"его", "ее", "её", "их"}  # indeclinable: agree with anything, stay as they are
COORDINATORS = {"и", "или"}  # between two adjectives of one noun: kept as they are


def noun_groups(ctx, ws: list[tuple[int, int, str]], adjectives: bool = True,
                phrases: bool = False) -> list[Group]:
    """See ``_noun_groups``; with ``phrases``, a participle or adjective pymorphy3 marks as used as
    a noun (Subx: «нуждающимся», «пострадавшим от наводнения», «желающих») is a group of its own
    when no noun follows it: «для нуждающимся» → «нуждающихся». Kept per document: the checks
    read the same words after a word again (a preposition's group, its conjunct, a verb's object:
    about half the calls on the real corpus)."""
    cache = get(ctx, "government.noun_groups", dict)
    key = (tuple(ws), adjectives, phrases)
    hit = cache.get(key)
    if hit is None:
        if len(cache) > 50_000:
            cache.clear()
        hit = cache[key] = _noun_groups_of(ctx, ws, adjectives, phrases)
    return list(hit)


def _noun_groups_of(ctx, ws, adjectives, phrases) -> list[Group]:
    out = _noun_groups(ctx, ws, adjectives, phrases)
    if out or not phrases or not ws or not ws[0][2][:1].islower():
        return out
    ps = analyses(ctx, ws[0][2]) or ()
    if not ps or not all(p.tag.POS in _ADJ_POS and "Subx" in p.tag for p in ps):
        return out
    if len(ws) > 1:
        nxt = analyses(ctx, ws[1][2]) or ()
        if not nxt or any(q.tag.POS in _HEAD_POS | _ADJ_POS | {"NUMR"} for q in nxt):
            return out  # a noun or an unknown word after it: not a noun of its own
    return [Group(ws[0][0], ws[0][1], (ws[0],), (ps,))]


def _noun_groups(ctx, ws: list[tuple[int, int, str]], adjectives: bool = True,
                 phrases: bool = False) -> list[Group]:
    """Every way to read a noun group at the start of ``ws``, shortest first: a word that can be
    a noun (or a pronoun) and an adjective gives two («для этого | кабинет», «при том
    количестве»). Empty when a word is unknown, a numeral or an abbreviation.

    With ``phrases``, a participle's own words inside the group are kept as they are (Русская
    грамматика 1980, § 1596: the participial phrase before its noun): an adverb before an
    adjective or a participle («своевременно оказанной поддержки») and a passive participle's agent
    in the instrumental («утверждённого министерством плана», «оказанной Евросоюзом помощи», also
    with its genitive: «утверждённого Министерством образования плана»), when the noun after them
    agrees with the participle; and a lower-case hyphenated noun the dictionary lacks is read as
    its last part («онлайн-платформы»)."""
    parses = []
    out: list[Group] = []
    skip = set()
    for k, (s, e, w) in enumerate(ws):
        if k in skip:
            parses.append(())
            continue
        if phrases and adjectives and k + 1 < len(ws) and _adverb_before_adjective(ctx, w, ws[k + 1][2]):
            parses.append(())
            continue
        if phrases and adjectives and k + 3 < len(ws) and ws[k + 1][2].lower() in COORDINATORS \
                and _adverb_before_adjective(ctx, ws[k + 2][2], ws[k + 3][2]) \
                and _adverb_before_adjective(ctx, w, ws[k + 3][2]):
            parses.append(())  # «своевременно и качественно выполненной работы»: coordinated adverbs
            skip.add(k + 1)
            continue
        if w.lower() in POSSESSIVES and k + 1 < len(ws):
            parses.append(())  # «к его совершению»
            continue
        if w.lower() in COORDINATORS and 0 < k < len(ws) - 1 and parses and parses[-1] \
                and any(p.tag.POS in _ADJ_POS for p in parses[-1]) and adjectives:
            parses.append(())  # «благодаря слаженной и быстрой работе»: coordinated adjectives
            continue
        if (w.isupper() and len(w) > 1) or len(w) < 2:
            return out  # an abbreviation (ИГ, ООН, г., т.): pymorphy3's readings of it mean nothing
        ps = analyses(ctx, w)
        if not ps and phrases and "-" in w and w[:1].islower():
            ps = _hyphenated_noun(morph(ctx), w.lower())  # (after a preposition only)
        if not ps and k + 1 < len(ws):
            ps = _guessed_adjective(ctx, w, ws[k + 1][2])
        if not ps or any("Abbr" in p.tag or "Init" in p.tag for p in ps):
            return out
        if k + 1 < len(ws) and not all(p.is_known for p in ps) and not _dictionary_word(ctx, ws[k + 1][2]):
            return out  # a local term of two words (айыл окмоту): it does not decline
        if any(p.tag.POS in ("PREP", "CONJ", "PRCL", "INTJ") for p in ps):
            return out  # «после» is a preposition before it is the ambassador's prepositional case
        if k > 0 and _mostly_verb(ps):
            return out  # «среди которых | были»: the verb, not the plural of «быль»
        if w[:1].islower():
            # a lower-case word is not a name (котором is not the town of Kotor)
            ps = tuple(p for p in ps if not _PROPER & set(p.tag.grammemes)) or ps
        poss = {p.tag.POS for p in ps}
        if "NUMR" in poss:
            return out
        parses.append(ps)
        if phrases and "PRTF" in poss and not (poss & _HEAD_POS):
            skip |= _agent_words(ctx, ws, k, ps) or _participle_complements(ctx, ws, k, ps)
        if poss & _HEAD_POS:
            out.append(Group(ws[0][0], e, tuple(ws[:k + 1]), tuple(parses)))
            if not (poss & _ADJ_POS) or k + 1 >= len(ws):
                return out
            if sum(p.score for p in ps if p.tag.POS in _ADJ_POS) < 0.1 and "Apro" not in ps[0].tag:
                return out  # «данных» is rarely the participle of «дать»: «последних данных | министерства»
            continue
        if not adjectives or not (poss & _ADJ_POS):
            return out
    return out


def _mostly_verb(ps) -> bool:
    """A finite verb or a short participle far more often than anything else («были», «стали»):
    not a word of a noun group after its first word."""
    verb = sum(p.score for p in ps if p.tag.POS in ("VERB", "INFN", "PRTS", "GRND"))
    return verb >= 0.8 and sum(p.score for p in ps if p.tag.POS in _HEAD_POS | _ADJ_POS) < 0.05


def _adverb_before_adjective(ctx, word: str, nxt: str) -> bool:
    """A lower-case adverb («своевременно», «специально», «заранее»; the short neuter adjective
    pymorphy3 also reads is left out) before a word that can only be an adjective or a participle."""
    if not word[:1].islower():
        return False
    ps = analyses(ctx, word) or ()
    if not ps or not all(p.tag.POS == "ADVB" or (p.tag.POS == "ADJS" and p.tag.gender == "neut") for p in ps) \
            or sum(p.score for p in ps if p.tag.POS == "ADVB") < 0.5:
        return False
    qs = analyses(ctx, nxt) or ()
    return bool(qs) and all(q.tag.POS in _ADJ_POS for q in qs)


def _agent_words(ctx, ws, k: int, prtf) -> set[int]:
    """The indexes of a passive participle's agent after it (an instrumental noun, optionally with
    a genitive noun: «утверждённого министерством | плана», «Министерством образования») or of an
    adverb after it («достигнутых ранее | договорённостей»), when the word after them is a noun
    agreeing with the participle; empty otherwise."""
    passive = [p for p in prtf if p.tag.POS == "PRTF" and "pssv" in p.tag]
    if k + 2 >= len(ws):
        return set()
    if not passive:
        return _active_object(ctx, ws, k, prtf)

    def nouns(i):
        return [p for p in analyses(ctx, ws[i][2]) or () if p.tag.POS in _HEAD_POS]

    def only(i, case):
        ps = analyses(ctx, ws[i][2]) or ()
        return bool(ps) and all(p.tag.POS in _HEAD_POS and case_of(p.tag) == case for p in ps)

    def head(i):
        return i < len(ws) and any(_agree(a, h) for a in passive for h in nouns(i))

    adverb = analyses(ctx, ws[k + 1][2]) or ()
    if adverb and all(p.tag.POS == "ADVB" for p in adverb) and head(k + 2):
        return {k + 1}  # «достигнутых ранее договорённостей»
    if not only(k + 1, "ablt") or head(k + 1):
        return set()
    # (the longer reading first: «разработанного Министерством образования графика», where
    # «образования» would also agree with the participle)
    if k + 3 < len(ws) and any(case_of(p.tag) == "gent" for p in nouns(k + 2)) and head(k + 3):
        return {k + 1, k + 2}
    if head(k + 2):
        return {k + 1}
    return set()


def _active_object(ctx, ws, k: int, prtf) -> set[int]:
    """The indexes of an active participle's own object between it and its noun (Русская грамматика
    1980, § 1596: «занимающимся животноводством | фермерам», «оказывающих помощь | организаций»,
    also with the object's genitive: «занимающихся разведением скота | фермеров»): a lower-case noun
    in an oblique case that does not agree with the participle, then a noun that does; empty
    otherwise (so that the participle's object is never read as the group's head)."""
    active = [p for p in prtf if p.tag.POS == "PRTF" and "actv" in p.tag]
    if not active:
        return set()

    def nouns(i):
        return [p for p in analyses(ctx, ws[i][2]) or () if p.tag.POS in _HEAD_POS]

    def plain_noun(i, j):
        # a noun in an oblique case; the participle's reading that agrees with the noun at ``j``
        # does not agree with it («занимающимся» agrees with «животноводством» only as a singular
        # instrumental, with «фермерам» as a plural dative)
        w = ws[i][2]
        ps = analyses(ctx, w) or ()
        if not (ps and w[:1].islower() and all(p.tag.POS == "NOUN" for p in ps)
                and any(case_of(p.tag) in ("gent", "datv", "accs", "ablt") for p in ps)):
            return False
        hs = [h for h in nouns(j) if "Abbr" not in h.tag] if j < len(ws) else []
        return any(_agree(a, h) and not any(_agree(a, p) for p in ps) for a in active for h in hs)

    if k + 3 < len(ws) and plain_noun(k + 1, k + 3) and plain_noun(k + 2, k + 3) \
            and any(case_of(p.tag) == "gent" for p in nouns(k + 2)):
        return {k + 1, k + 2}  # «занимающихся разведением скота | фермеров»
    if plain_noun(k + 1, k + 2):
        return {k + 1}
    return set()


_MAX_INSIDE = 7  # words of a participle's own phrase inside a noun group


def _participle_complements(ctx, ws, k: int, prtf) -> set[int]:
    """The indexes of a participle's own words between it and its noun (Русская грамматика 1980,
    § 1596): adverbs («проведённому весной обследованию») and prepositional phrases («достигнутых
    за год результатов», «открытых в прошлом году в Маргилане и Кувасае центров»), when the word
    after them is a noun agreeing with the participle; empty otherwise."""
    parts = [p for p in prtf if p.tag.POS in _ADJ_POS]
    if not parts:
        return set()

    def head(i):
        qs = analyses(ctx, ws[i][2]) or ()
        if any(q.tag.POS in ("PREP", "CONJ", "PRCL") for q in qs):
            return False  # («в» is also the abbreviation of «вольт»)
        return any(_agree(a, h) for a in parts for h in qs if h.tag.POS in _HEAD_POS and "Abbr" not in h.tag)

    skipped: set[int] = set()
    j = k + 1
    while j < len(ws) and len(skipped) <= _MAX_INSIDE:
        if skipped and head(j):
            return skipped
        ps = analyses(ctx, ws[j][2]) or ()
        if not ps:
            return set()
        adverb = sum(p.score for p in ps if p.tag.POS == "ADVB")
        if adverb >= 0.25 and not any(p.tag.POS in ("PREP", "CONJ", "PRCL") for p in ps):
            skipped.add(j)  # «весной», «ранее», «успешно»
            j += 1
            continue
        if not any(p.tag.POS == "PREP" for p in ps) or ws[j][2][:1].isupper():
            return set()
        skipped.add(j)  # the preposition, then its noun group (names and «и» between them)
        j += 1
        inside = 0
        while j < len(ws) and len(skipped) <= _MAX_INSIDE:
            w = ws[j][2]
            qs = analyses(ctx, w) or ()
            if inside and head(j) and not _agrees_with(ctx, ws[j - 1][2], qs) and not _noun_genitive(ctx, ws[j - 1][2], qs, parts) \
                    and not _genitive_before_head(ctx, ws, j, head):
                # (not the noun of the phrase's own adjective: «пострадавших от домашнего насилия»;
                # nor the genitive of the phrase's noun: «принятых в ходе сессии решениях»)
                break
            if inside and w.lower() in COORDINATORS:
                pass
            elif not qs and w[:1].isupper():
                pass  # a name the dictionary lacks («в Маргилане»)
            elif not qs or not any(q.tag.POS in _HEAD_POS | _ADJ_POS | {"NUMR"} for q in qs):
                break
            skipped.add(j)
            j += 1
            inside += 1
        if not inside:
            return set()
    return set()


def _genitive_before_head(ctx, ws, j: int, head) -> bool:
    """ws[j] agrees with the participle but is the genitive of the noun before it, and the next
    word is a noun agreeing with the participle too: that one is the head («опубликованного на
    сайте министерства | отчёта»)."""
    if j + 1 >= len(ws) or not head(j + 1):
        return False
    if not any(p.tag.POS == "NOUN" for p in analyses(ctx, ws[j - 1][2]) or ()):
        return False
    return any(case_of(q.tag) == "gent" and q.tag.POS == "NOUN" for q in analyses(ctx, ws[j][2]) or ())


def _noun_genitive(ctx, prev: str, qs, parts) -> bool:
    """A word after a noun that can be its genitive and agrees with the participle only in another
    case («в ходе | сессии»: «сессии» agrees with «принятых» only as a plural accusative)."""
    if not any(p.tag.POS == "NOUN" for p in analyses(ctx, prev) or ()):
        return False
    if not any(case_of(q.tag) == "gent" and q.tag.POS == "NOUN" for q in qs):
        return False
    return not any(case_of(h.tag) == "gent" and _agree(a, h) for a in parts for h in qs if h.tag.POS in _HEAD_POS)


def _agrees_with(ctx, adj: str, noun_parses) -> bool:
    """``adj`` is an adjective or a participle agreeing with one of the noun readings."""
    a = [p for p in analyses(ctx, adj) or () if p.tag.POS in _ADJ_POS]
    return any(_agree(x, h) for x in a for h in noun_parses if h.tag.POS in _HEAD_POS)


_ADJ_ENDINGS = ("ому", "ему", "ого", "его", "ыми", "ими", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие",
                "ых", "их", "ым", "им", "ую", "юю")


def _guessed_adjective(ctx, word: str, noun: str):
    """A lower-case word the dictionary lacks with a full adjective's ending before a dictionary
    word («неонатальному оборудованию», «агроэкологических практик»): pymorphy3's guessed
    adjective readings, when they are most of its guesses; None otherwise."""
    w = word.lower()
    if not word[:1].islower() or len(w) < 7 or not w.endswith(_ADJ_ENDINGS) or not _dictionary_word(ctx, noun):
        return None
    ps = morph(ctx).parse(w)
    adj = tuple(p for p in ps if p.tag.POS == "ADJF" and not (_PROPER & set(p.tag.grammemes)))
    if not adj or sum(p.score for p in adj) < 0.6:
        return None
    return adj


def noun_group(ctx, ws: list[tuple[int, int, str]], adjectives: bool = True) -> Group | None:
    """The longest reading of the noun group at the start of ``ws`` (see ``noun_groups``)."""
    gs = noun_groups(ctx, ws, adjectives)
    return gs[-1] if gs else None


def _agree(adj, head) -> bool:
    a, n = adj.tag, head.tag
    if "Fixd" in a:
        return True
    if case_of(a) != case_of(n) or a.number != n.number:
        return False
    if a.number == "sing" and n.gender in ("masc", "femn", "neut") and "ms-f" not in n and "GNdr" not in n:
        return a.gender == n.gender or a.gender is None
    return True


def head_readings(group: Group) -> list:
    """Readings of the head that every adjective of the group agrees with, in any case."""
    head = group.parses[-1]
    out = []
    alone = len(group.words) == 1
    for h in head:
        if h.tag.POS not in _HEAD_POS and not (alone and ("Apro" in h.tag or "Subx" in h.tag)):
            continue  # a pronoun adjective alone is a pronoun («о том», «при этом», «обо всём»)
        if all(not ps or any(_agree(a, h) for a in ps if a.tag.POS in _ADJ_POS or "Apro" in a.tag)
               for ps in group.parses[:-1]):
            out.append(h)
    return out


def best_group(groups: list[Group]) -> Group:
    """The longest reading of a group whose words agree (the longest of all when none does)."""
    readable = [g for g in groups if head_readings(g)]
    return (readable or groups)[-1]


def possible_any(groups: list[Group], cases: set[str], also: set[str] = frozenset()) -> bool:
    """Some reading of the group is in one of ``cases``; a longer reading whose words do not agree
    («данные | мониторинга») counts only when no reading of the group agrees."""
    readable = [g for g in groups if head_readings(g)]
    if len(readable) > 1:
        # «о новых возможностей»: «новых» read alone as the noun «новое» (a rare reading) does not
        # save the longer group it is the adjective of
        readable = [g for g in readable[:-1] if not rare_noun(g)] + readable[-1:]
    return any(possible(g, cases, also) for g in (readable or groups))


def rare_noun(group: Group) -> bool:
    """The group's last word is an adjective pymorphy3 rarely reads as a noun («новым» as «новое»,
    score under 0.1), unlike «учёным», «военным» (then «учёным института» is a noun and its
    genitive)."""
    ps = group.parses[-1]
    nouns = sum(p.score for p in ps if p.tag.POS in _HEAD_POS)  # a pronoun is no rare noun («для этого кабинет»)
    return any(p.tag.POS in ("ADJF", "PRTF") for p in ps) and nouns < 0.1


def possible(group: Group, cases: set[str], also: set[str] = frozenset()) -> bool:
    """Some reading of the whole group is in one of ``cases`` (``accs-anim``: an animate
    accusative), or the head does not decline."""
    heads = head_readings(group)
    if not heads:
        return True  # not a noun group we understand: say nothing
    for h in heads:
        if "Fixd" in h.tag:
            return True
        c = case_of(h.tag)
        if c in cases:
            return True
        if c == "accs" and "accs-anim" in also and "anim" in h.tag:
            return True
        if c == "accs" and "accs-inan" in also and "anim" not in h.tag:
            return True
        if c == "nomn" and "nomn-plur-anim" in also and h.tag.number == "plur" and "anim" in h.tag:
            return True
    return False


def inflect_group(group: Group, case: str, prefer_lemma_case: str | None = None) -> list[str]:
    """The group put into ``case``, keeping the number the writer most likely meant; best first.

    The head's reading is chosen among the readings the adjectives agree with: first the lemmas
    that have a reading in ``prefer_lemma_case`` (the case writers confuse this one with:
    «согласно графика» is the genitive of «график», not «графика»), then by pymorphy3's score of
    the lemma; the number is the one with the highest score for that lemma («благодаря усилия» is
    far more often the plural: «усилиям»)."""
    heads = head_readings(group)
    if not heads:
        return []
    by_lemma: dict[str, list] = {}
    for h in heads:
        by_lemma.setdefault(h.normal_form, []).append(h)

    def lemma_key(item):
        lemma, rs = item
        has_pref = prefer_lemma_case is not None and any(case_of(r.tag) == prefer_lemma_case for r in rs)
        return (not has_pref, -sum(r.score for r in rs))

    out: list[str] = []
    for lemma, rs in sorted(by_lemma.items(), key=lemma_key):
        numbers: dict[str, float] = {}
        for r in rs:
            numbers[r.tag.number] = numbers.get(r.tag.number, 0.0) + r.score
        for number, _ in sorted(numbers.items(), key=lambda kv: -kv[1]):
            head = next(r for r in sorted(rs, key=lambda r: -r.score) if r.tag.number == number)
            form = _inflect_words(group, head, case, number)
            if form and form not in out:
                out.append(form)
    return out


def _inflect_words(group: Group, head, case: str, number: str, force: bool = False) -> str | None:
    grams = {case, number} if number else {case}
    try:
        hf = head.inflect(grams)
    except ValueError:
        hf = None
    if hf is None:
        return None
    if case == "loct" and number == "sing" and AFTER_V_NA.get() and head.normal_form in second_locative_lemmas():
        try:
            h2 = head.inflect({"loc2", "sing"})
        except ValueError:
            h2 = None
        if h2 is not None and "loc2" in h2.tag:
            hf = h2  # «в школьном саду», «на мосту»
    words_out = []
    gender = hf.tag.gender if number == "sing" else None
    anim = "anim" in hf.tag
    for (s, e, w), ps in zip(group.words[:-1], group.parses[:-1]):
        if not ps:
            words_out.append(w)
            continue
        adj = next((a for a in ps if _agree(a, head)), None)
        if adj is None and force:
            adj = next((a for a in sorted(ps, key=lambda a: -a.score) if a.tag.POS in _ADJ_POS or "Apro" in a.tag), None)
        if adj is None:
            return None
        g = {case, number}
        if gender in ("masc", "femn", "neut"):
            g.add(gender)
        if case == "accs" and (number == "plur" or gender == "masc"):
            g.add("anim" if anim else "inan")
        try:
            f = adj.inflect(g)
        except ValueError:
            f = None
        if f is not None and ("Supr" in adj.tag or f.word[:3] != w.lower().replace("ё", "е")[:3]):
            # «лучший» → «лучшего», «высших» → «высшим», not pymorphy3's «наихорошего», «высочайшим»
            alt = _same_stem(adj, g, w)
            low = w.lower().replace("ё", "е")
            if alt is not None and _common_prefix(alt.word.replace("ё", "е"), low) > _common_prefix(f.word.replace("ё", "е"), low):
                f = alt
        if f is None:
            return None
        words_out.append(match_case(w, f.word))
    hw = group.words[-1][2]
    words_out.append(match_case(hw, hf.word))
    if "ё" not in "".join(w for _, _, w in group.words):
        words_out = [x.replace("ё", "е").replace("Ё", "Е") for x in words_out]
    return " ".join(words_out)


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix((a, b)))


def _same_stem(adj, grams: set, word: str):
    """The form of ``adj``'s lexeme with ``grams`` that keeps the most of ``word``'s beginning:
    pymorphy3 puts superlatives and suppletive comparatives under the positive («лучший» under
    «хороший», «высшей» under «высокий») and inflects them to «наихорошего»; None when no form
    shares three letters."""
    w = word.lower().replace("ё", "е")
    best, score = None, 2
    for f in adj.lexeme:
        if not grams <= set(f.tag.grammemes) | ({"inan"} if "anim" not in f.tag else set()):
            continue
        n = _common_prefix(f.word.replace("ё", "е"), w)
        if n > score:
            best, score = f, n
    return best


# pronoun adjectives that stand before their noun only: «благодаря нашим партнёров» is one group
# broken in case; этот, тот, который are not («для этого ему»), and neither are «весь», «каждый»
# («вопреки всему проект …»: a probe of the lang-tune round)
ATTRIBUTIVE_PRONOUNS = {"наш", "ваш", "свой", "мой", "твой"}
_POSSESSIVE_ADJ = ATTRIBUTIVE_PRONOUNS


def disagreeing(group: Group) -> bool:
    """An adjective and a noun that agree in number (and gender) but not in case («новым
    технологий», «местным властей»): a plain adjective (never a pronoun, a participle or a word
    pymorphy3 reads as a noun: «этого ему», «в котором он», «пострадавшим района»), a lower-case
    common noun. Anything looser is not one group («в дальнейшем органы», «подведомственном
    Роскомнадзору»)."""
    if len(group.words) != 2 or head_readings(group) or not group.parses[0]:
        return False
    adj, head = group.parses
    if group.words[1][2][:1].isupper():
        return False
    if sum(a.score for a in adj if a.tag.POS == "NOUN") < 0.1:
        adj = [a for a in adj if a.tag.POS != "NOUN"]  # «новым» is rarely «новое»
    if not all(a.tag.POS == "ADJF" and (not ({"Apro", "Anum", "Subx"} & set(a.tag.grammemes))
                                        or a.normal_form in _POSSESSIVE_ADJ) for a in adj):
        return False  # (a possessive is an adjective here: «с нашими партнёров» → «нашими партнёрами»)
    if not all(h.tag.POS == "NOUN" and not (_PROPER & set(h.tag.grammemes)) for h in head):
        return False
    return any(a.tag.number == h.tag.number and (a.tag.number == "plur" or a.tag.gender == h.tag.gender)
               for a in adj for h in head)


def repair_group(group: Group, cases: list[str]) -> list[str]:
    """A group whose words do not agree («благодаря новым технологий», «при поддержке местным
    властей») put right in one of ``cases``, keeping the part that is already in it: the head's
    reading in the case with the adjectives made to agree, or the adjectives' common reading in
    the case with the head inflected to it. Empty when neither part is in the case."""
    head = [h for h in group.parses[-1] if h.tag.POS in _HEAD_POS]
    adjs = [ps for ps in group.parses[:-1] if ps]
    if not head or not adjs:
        return []
    out: list[str] = []
    numbers = {a.tag.number for ps in adjs for a in ps} & {h.tag.number for h in head}
    head = [h for h in head if h.tag.number in numbers]
    for h in sorted((h for h in head if case_of(h.tag) in cases), key=lambda h: -h.score):
        form = _inflect_words(group, h, case_of(h.tag), h.tag.number, force=True)
        if form and form not in out:
            out.append(form)
    common = None
    for ps in adjs:
        # (the adjectives' own number: «в соответствии с действующим законодательствам» →
        # «действующим законодательством», the head put into the adjective's number)
        feats = {(case_of(a.tag), a.tag.number, a.tag.gender) for a in ps
                 if (a.tag.POS in _ADJ_POS or "Apro" in a.tag) and case_of(a.tag) in cases}
        common = feats if common is None else common & feats
    all_heads = [h for h in group.parses[-1] if h.tag.POS in _HEAD_POS]
    for case, number, gender in sorted(common or (), key=lambda f: (cases.index(f[0]), f[1] not in numbers)):
        for h in sorted(head if number in numbers else all_heads, key=lambda h: -h.score):
            if number == "sing" and h.tag.gender != gender and "ms-f" not in h.tag:
                continue
            form = _inflect_words(group, h, case, number, force=True)
            if form and form not in out:
                out.append(form)
            break
    return out


@dataclass(frozen=True)
class NumeralGroup:
    start: int
    end: int
    numerals: tuple[tuple[int, int, str], ...]
    numeral_parses: tuple[tuple[Any, ...], ...]
    rest: Group  # the noun group after the numerals


def numeral_group(ctx, ws: list[tuple[int, int, str]]) -> NumeralGroup | None:
    """A cardinal numeral phrase at the start of ``ws`` («два дня», «двадцать пять участников»):
    up to three numeral words (pymorphy3 NUMR readings only) and the noun group after them."""
    nums, parses = [], []
    for s, e, w in ws[:3]:
        every = analyses(ctx, w) or ()
        ps = tuple(p for p in every if p.tag.POS == "NUMR")
        # «три» is rarely the imperative of «тереть»; «сорок» is a numeral as often as the magpies,
        # «сто» more often than the abbreviation (СТО) pymorphy3 also reads
        words = sum(p.score for p in every if "Abbr" not in p.tag)
        if not ps or sum(p.score for p in ps) < 0.45 * words or (len(w) > 1 and w.isupper()):
            break
        nums.append((s, e, w))
        parses.append(ps)
    if not nums or len(nums) >= len(ws):
        return None
    rest = noun_group(ctx, ws[len(nums):])
    if rest is None:
        return None
    return NumeralGroup(nums[0][0], rest.end, tuple(nums), tuple(parses), rest)


def numeral_cases(g: NumeralGroup) -> set[str]:
    """The cases every numeral word of the phrase can be in."""
    out = None
    for ps in g.numeral_parses:
        cs = {case_of(p.tag) for p in ps}
        out = cs if out is None else out & cs
    return out or set()


def inflect_numeral_group(g: NumeralGroup, case: str) -> list[str]:
    """The phrase in an oblique ``case``: every numeral in that case, the noun group in the plural
    of it («в течение два дня» → «двух дней»)."""
    if case in ("nomn", "accs"):
        return []
    words = []
    for (s, e, w), ps in zip(g.numerals, g.numeral_parses):
        try:
            f = ps[0].inflect({case})
        except ValueError:
            f = None
        if f is None:
            return []
        words.append(match_case(w, f.word))
    one = any(p.normal_form == "один" for p in g.rest.parses[0])
    if any(case_of(h.tag) == case and (h.tag.number == "plur" or one) for h in head_readings(g.rest)):
        # the noun group is in the case already, in the plural or after «один» («в тридцать двух
        # школах» → «тридцати двух школах», «в двадцать одном районе» → «двадцати одном районе»):
        # only the numerals change
        words += [w for _, _, w in g.rest.words]
        if "ё" not in "".join(w for _, _, w in g.numerals + g.rest.words):
            words = [x.replace("ё", "е").replace("Ё", "Е") for x in words]
        return [" ".join(words)]
    # the noun group after a numeral of 2–4 does not agree in the usual way («два новых насоса»):
    # every word goes into the plural of the case on its own
    for (s, e, w), ps in zip(g.rest.words, g.rest.parses):
        if not ps:
            words.append(w)
            continue
        last = (s, e, w) == g.rest.words[-1]
        cands = [p for p in ps if (p.tag.POS in _HEAD_POS if last else p.tag.POS in _ADJ_POS)]
        if not cands:
            return []
        if any(case_of(p.tag) == case and p.tag.number == "plur" for p in cands):
            words.append(w)  # already right («пяти лет»)
            continue
        best = max(cands, key=lambda p: p.score)
        try:
            f = best.inflect({case, "plur"})
        except ValueError:
            f = None
        if f is None:
            return []
        words.append(match_case(w, f.word))
    if "ё" not in "".join(w for _, _, w in g.numerals + g.rest.words):
        words = [x.replace("ё", "е").replace("Ё", "Е") for x in words]
    rest = words.pop()
    return [" ".join(words + [rest])]
