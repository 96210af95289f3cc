"""The organisation the disclaimer names must be the organisation of the release.

«Ее содержание является исключительной ответственностью <X> …» / "… the sole responsibility of
<X> and …": X must be named the same way elsewhere in the release (word lemmas compared, so the
case does not matter; the aliases of rules/vocab/organisations.yaml count as the same name:
ПРООН = UNDP). A name in quotes is compared by the quoted part and its legal form (общественный
фонд ≠ общественное объединение). Copying a disclaimer from another release, or from memory,
leaves a name that is not the release's: «ОО «Центр поддержки предпринимателей»» in the
disclaimer, «ОФ «Центр поддержки предпринимательства»» in the body.
"""
from __future__ import annotations

import re

from app.language import get, match_case, morph
from app.language.orgs import alias_lemma_seqs, contains, lemma, lemmas

RU = re.compile(r"ответственност(?:ью|и)\s+(?P<org>[^.\n]{2,200}?)\s+и\s+(?:не\s+обязательно|необязательно|не\s+отража|"
                r"никоим|может\s+не)", re.I)
# «Ответственность за её содержание несёт исключительно <X>; она не обязательно отражает …» (the
# 2018 wording as projects in the region render it): X in the nominative
# (also without the adverb, «за содержание данной публикации», and a noun as the second clause's
# subject: «…; публикация не обязательно отражает …»)
RU2 = re.compile(r"ответственность\s+за\s+(?:(?:е[её]|его|их)\s+)?содержание(?:\s+(?:данн|настоящ|эт)\w+\s+[а-яё]+)?\s+"
                 r"нес[её]т\s+(?:исключительно\s+|только\s+|лишь\s+|полностью\s+)?"
                 r"(?P<org>[^.\n;]{2,200}?)\s*(?:[;,]\s*(?:и\s+)?|\s+и\s+)(?:(?:оно|она|он|они|(?:данн|настоящ|эт)\w+|"
                 r"публикаци\w+|материал\w*|издани\w+|брошюр\w+|видеоролик\w*|документ\w*|содержани\w+)\s+){0,2}"
                 r"(?:не\s+обязательно|необязательно|не\s+отража|никоим|может\s+не)", re.I)
EN = re.compile(r"sole\s+responsibility\s+of\s+(?:the\s+)?(?P<org>[^.\n]{2,200}?)\s+and\s+(?:do|does|can|may|shall)\b",
                re.I)
PLACEHOLDER = re.compile(r"[<\[]|название\s+организации|name\s+of\s+(?:the\s+)?organi[sz]ation", re.I)
# a quoted name, with one name quoted inside it («Центр поддержки предпринимательства „Ишонч“»,
# also in the same quotes: «Центр «Умут»»); every alternative starts with another character, so
# the match stays linear
QUOTED = re.compile(r"[«\"“„](?P<q>(?:[^«»\"“”„\n]|„[^«»\"“”„\n]{1,60}[“”]|“[^«»\"“”„\n]{1,60}”"
                    r"|«[^«»\"“”„\n]{1,60}»){2,120})[»\"”“]")
ACR_TAIL = re.compile(r"\s*\((?P<acr>[^()\n]{2,12})\)\s*$")
# the head noun of a legal form, also from its abbreviation
FORM_HEADS = {"фонд", "объединение", "организация", "ассоциация", "учреждение", "центр", "союз", "палата",
              "институт", "общество", "сеть", "агентство", "бюро", "партнерство", "foundation", "association",
              "organisation", "organization", "centre", "center", "union", "network", "agency", "bureau"}
ABBR_HEADS = {"оф": {"фонд"}, "оо": {"объединение", "организация"}, "нно": {"организация"},
              "оюл": {"объединение"}, "ру": {"учреждение"}, "гу": {"учреждение"}, "ао": {"общество"},
              "ооо": {"общество"}, "тоо": {"товарищество"}, "ассоциация": {"ассоциация"},
              "по": {"объединение", "общество"}, "ро": {"объединение"}, "чф": {"фонд"},
              "pf": {"foundation", "fund"}, "pa": {"association"}, "ngo": {"organisation", "organization"},
              "ou": {"association"}, "pu": {"association", "union"}}


def _body_lemmas(ctx, doc, skip: tuple[int, int]) -> list[str]:
    """Lemmas of the release outside the disclaimer sentence, e-mail addresses and URLs blanked
    (nigina@akdn.org does not name the Aga Khan Development Network)."""
    import bisect

    from app.language import skip_spans

    cached = doc.meta.get("_org_body_lemmas")
    if cached is None:
        # once per document, not once per disclaimer (a long file with one disclaimer a page was
        # quadratic: 1000 pages, ~100 CPU-s; issue 13)
        text = list(doc.text)
        for s, e in skip_spans(doc):
            text[s:e] = " " * (e - s)
        text = "".join(text)
        every = lemmas(ctx, text)
        cached = doc.meta["_org_body_lemmas"] = (text, every, [st for _, st, _ in every])
    text, every, starts = cached
    a, b = skip
    if _straddles(text, a) or _straddles(text, b):
        return [x for x, _, _ in lemmas(ctx, text[:a])] + ["|"] + [x for x, _, _ in lemmas(ctx, text[b:])]
    i = bisect.bisect_left(starts, a)  # the words ending by a: orgs.WORD cannot run across a
    j = bisect.bisect_left(starts, b)
    return [x for x, _, _ in every[:i]] + ["|"] + [x for x, _, _ in every[j:]]


def _straddles(text: str, i: int) -> bool:
    """Could one word of orgs.WORD ([^\\W\\d_]+(?:-[^\\W\\d_]+)*|\\d+) run across offset i?"""
    if i <= 0 or i >= len(text):
        return False

    def letter(c: str) -> bool:
        return c.isalnum() and not c.isdecimal()

    x, y = text[i - 1], text[i]
    if letter(x) and letter(y) or x.isdecimal() and y.isdecimal():
        return True
    if x == "-" and letter(y) and i >= 2 and letter(text[i - 2]):
        return True
    return y == "-" and letter(x) and i + 1 < len(text) and letter(text[i + 1])


def _form_heads(ctx, words: list[str]) -> set[str]:
    out = set()
    for w in words:
        lw = w.lower()
        if lw in ABBR_HEADS:
            out |= ABBR_HEADS[lw]
        else:
            from app.language.orgs import lemma

            le = lemma(ctx, w)
            if le in FORM_HEADS:
                out.add(le)
    return out


_EXPAND = {"оф": ["общественный", "фонд"], "ооо": ["общество", "с", "ограниченный", "ответственность"],
           "нно": ["негосударственный", "некоммерческий", "организация"],
           "оо": ["общественный", "объединение"], "оюл": ["объединение", "юридический", "лицо"],
           "pf": ["public", "foundation"], "pa": ["public", "association"],
           "ngo": ["non-governmental", "organization"]}


def _expanded(ctx, words: list[str]) -> list[str]:
    from app.language.orgs import lemma

    out: list[str] = []
    for w in words:
        out.extend(_EXPAND.get(w.lower(), [lemma(ctx, w)]))
    return out


def _numbers(ctx, text: str, nominative: bool = False) -> list[str | None]:
    """The grammatical number of each noun and adjective of ``text`` when all its readings agree
    (None otherwise: «инициативы» is a singular genitive or a plural nominative, «гражданской» says
    singular); ``nominative``: of its nominative readings only (a quoted name after its legal form
    is not declined: «фонда «Медиа Инициативы»» is plural)."""
    from app.language.orgs import WORD as OWORD

    out = []
    m = morph(ctx)
    head_seen = prep = False
    for w in OWORD.finditer(text):
        parses = m.parse(w.group(0).lower())
        if any(p.tag.POS == "PREP" for p in parses[:1]):
            prep = True
        ps = [p for p in parses if p.tag.POS == "NOUN"] or [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        if head_seen and not prep and any(p.tag.case == "gent" for p in ps):
            # after the head noun (and before any preposition) the words of a name depend on it in the
            # genitive: «Союз ассоциации …» is one association (the nominative plural reading is out)
            ps = [p for p in ps if p.tag.case == "gent"]
        elif nominative and any(p.tag.case == "nomn" for p in ps):
            ps = [p for p in ps if p.tag.case == "nomn"]
        if any(p.tag.POS == "NOUN" and "Fixd" not in p.tag for p in ps):
            head_seen = True  # (not an undeclined word: «Медиа Инициативы» — the head is «Инициативы»)
        nums = {p.tag.number for p in ps}
        out.append(nums.pop() if len(nums) == 1 else None)
    return out


def _same_number(ctx, a: str, b: str, nominative: bool = False) -> bool:
    """«Ремесленники Ферганы» and «Ремесленник Ферганы» are two names (plural and singular)."""
    return all(x is None or y is None or x == y
               for x, y in zip(_numbers(ctx, a, nominative), _numbers(ctx, b, nominative)))


def _quoted_in_body(ctx, doc, q_lemmas: list[str], skip: tuple[int, int], q_text: str | None = None, n: int = 3):
    """Quoted names of the body whose lemmas equal ``q_lemmas``, with the ``n`` (at least 3) words
    before each."""
    out = []
    for m in QUOTED.finditer(doc.text):
        if skip[0] <= m.start() < skip[1]:
            continue
        if [x for x, _, _ in lemmas(ctx, m.group("q"))] != q_lemmas:
            continue
        n = max(3, n)
        before = re.findall(r"[^\W\d_]+", doc.text[max(0, m.start() - 20 * n):m.start()])[-n:]
        if q_text is not None:
            # after a legal form both names stand undeclined, in the nominative
            nominative = bool(before and _form_heads(ctx, before[-2:])) and q_text != m.group("q")
            if not _same_number(ctx, q_text, m.group("q"), nominative):
                continue
        out.append((m, before))
    return out


def _sentence(doc, offset: int) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.start, s.end
    return offset, offset


def check(doc, rule, ctx):
    if doc.language == "ru":
        found = sorted(list(RU.finditer(doc.text)) + list(RU2.finditer(doc.text)), key=lambda m: m.start())
    else:
        found = list(EN.finditer(doc.text))
    for k, m in enumerate(found):
        # a file of many releases: a disclaimer's variants are looked for in its own release (from the
        # previous disclaimer to the next one), so a long file stays linear
        region = (found[k - 1].end() if k else 0, found[k + 1].start() if k + 1 < len(found) else len(doc.text))
        org = m.group("org").strip()
        start = m.start("org") + (len(m.group("org")) - len(m.group("org").lstrip()))
        end = start + len(org)
        if PLACEHOLDER.search(org) or not (re.search(r"[A-ZА-ЯЁ]", org) or QUOTED.search(org)):
            continue
        skip = _sentence(doc, m.start())
        body = _body_lemmas(ctx, doc, skip)
        office = _office(ctx, doc, org, body, skip, region)
        if office is not None:
            if office:  # the release ties the organisation to another city or country
                yield rule.finding(doc, start, end, office, organisation=org,
                                   message="'{match}' in the disclaimer places the organisation elsewhere than the "
                                           "release ('{suggestion}'); name the organisation of the release",
                                   message_ru="«{match}» в оговорке называет организацию в другом месте, чем релиз "
                                              "(«{suggestion}»); укажите организацию релиза")
            continue
        partner = _partner_only(ctx, doc, org, skip, region)
        if partner:
            yield rule.finding(doc, start, end, partner, organisation=org,
                               message="The disclaimer names '{match}', which the release names only as a partner; "
                                       "name the organisation that implements the project ('{suggestion}')",
                               message_ru="В оговорке названа «{match}», а в релизе это только партнер; укажите "
                                          "организацию, которая реализует проект («{suggestion}»)")
            continue
        if not _named(ctx, doc, org, body, skip) and _all_named(ctx, doc, org, body, skip):
            continue  # "ACTED and Mercy Corps": each named in the release
        if not _named(ctx, doc, org, body, skip) and _initials_named(ctx, doc, org, skip):
            continue  # «Агентства развития и инвестирования сообществ» for the release's АРИС
        if _named(ctx, doc, org, body, skip):
            yield from _acronym_anagrams(doc, rule, org, skip, region)
            if doc.language == "en" and not QUOTED.search(org):
                variants = list(_variants(doc, rule, org, skip, region))
                full = ACR_TAIL.sub("", org).strip()
                said = {doc.text[v.offset:v.offset + v.length] for v in variants}
                if variants and ACR_TAIL.search(org) and len(said) == 1 and \
                        not any(contains(body, seq) for seq in alias_lemma_seqs(ctx, full)):
                    # "… of the Kazakh Bar Association (KBA)" in the disclaimer, "Kazakhstan Bar
                    # Association" wherever the release spells KBA out: only the acronym made the
                    # disclaimer's name look like the release's; its words are the odd ones
                    yield rule.finding(doc, start, start + len(full), sorted(said), organisation=said.pop(),
                                       message="'{match}' in the disclaimer names the organisation differently "
                                               "from the rest of the release ('{organisation}'); use one name",
                                       message_ru="«{match}» в оговорке называет организацию иначе, чем остальной "
                                                  "текст («{organisation}»); используйте одно название")
                else:
                    yield from variants
            elif doc.language == "en":
                yield from _variants_ru(ctx, doc, rule, org, skip, region, (start, end))
            else:
                variants = list(_variants_ru(ctx, doc, rule, org, skip, region, (start, end)))
                yield from variants or _variants_plain(ctx, doc, rule, org, skip, region)
            continue
        sugg = [x for x in _suggestions(ctx, doc, org, skip) if x != org] \
            or _body_name(ctx, doc, org, skip)
        q = QUOTED.search(org)
        if q and sugg and re.fullmatch(r"[A-ZА-ЯЁ]{2,10}", q.group("q")) and re.fullmatch(r"[A-ZА-ЯЁ]{2,10}", sugg[0]):
            # «ОО «ЦИПР»» for the release's ЦПИР: the acronym in the disclaimer's own frame («ОО «ЦПИР»»)
            sugg = [org[:q.start("q")] + sugg[0] + org[q.end("q"):]] + sugg[1:]
        yield rule.finding(doc, start, end, sugg, organisation=org)


# "UNDP in Turkmenistan", «Академия ОБСЕ в Бишкеке», «ПРООН в Узбекистане»: an organisation and the
# city or country of its office (one or two capitalised words after in / в / во)
_OFFICE = re.compile(r"^(?P<core>.*?[\w»\")])\s+(?P<prep>in|в|во)\s+(?:the\s+)?"
                     r"(?P<place>[A-ZА-ЯЁ][\w'’-]*(?:\s+[A-ZА-ЯЁ][\w'’-]*)?)$")
# a parenthesis, a comma-free acronym list, between an organisation and its "in <place>"
_BETWEEN = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?")
_STATE_WORDS = {"республика", "republic", "the", "of"}
# one country, two names: the Kyrgyz Republic is Kyrgyzstan, Туркмения is Туркменистан
_COUNTRY = {"kyrgyz": "kyrgyzstan", "кыргызский": "кыргызстан", "киргизский": "кыргызстан", "киргизия": "кыргызстан",
            "kirghizia": "kyrgyzstan", "туркмения": "туркменистан", "таджикский": "таджикистан",
            "tajik": "tajikistan", "узбекский": "узбекистан", "uzbek": "uzbekistan", "казахский": "казахстан",
            "kazakh": "kazakhstan"}


# "UNDP Kyrgyzstan", "UNICEF Tajikistan": a country office named without "in"
_OFFICE_BARE = re.compile(r"^(?P<core>.*?[A-Z]{2,10})\s+(?P<place>Kazakhstan|Kyrgyzstan|Uzbekistan|Tajikistan|Turkmenistan)$")


def _place_key(ctx, place: str) -> frozenset:
    return frozenset(_COUNTRY.get(x, x) for x, _, _ in lemmas(ctx, place) if x not in _STATE_WORDS)


def _office(ctx, doc, org: str, body: list[str], skip, region=None):
    """The disclaimer's "<organisation> in <place>" against the places the release ties the same
    organisation to. None: not such a name, or nothing to say (the usual checks decide); []: the same
    body (the release writes it in that place, or names it and that place without tying it to
    another one: a country office's suffix); [suggestion]: the release places it elsewhere only."""
    m = _OFFICE.match(org) or _OFFICE_BARE.match(org)
    if m is None or PLACEHOLDER.search(org):
        return None
    core, place = m.group("core"), m.group("place")
    prep = m.groupdict().get("prep") or "in"
    if not _named(ctx, doc, core, body, skip):
        return None
    key = _place_key(ctx, place)
    if not key:
        return None
    every = doc.meta.get("_org_all_lemmas")
    if every is None:
        every = doc.meta["_org_all_lemmas"] = lemmas(ctx, doc.text)
    ra, rb = region or (0, len(doc.text))
    seqs = [s for s in alias_lemma_seqs(ctx, ACR_TAIL.sub("", core).strip()) if s]
    places: list[str] = []
    for k in range(len(every)):
        a = every[k][1]
        if not (ra <= a < rb) or skip[0] <= a < skip[1]:
            continue
        for seq in seqs:
            n = len(seq)
            if every[k][0] != seq[0] or [x for x, _, _ in every[k:k + n]] != seq:
                continue
            end = every[k + n - 1][2]
            if re.search(r"[.!?;\n]", doc.text[a:end]):
                continue
            gap = _BETWEEN.match(doc.text, end)
            pm = re.match(r"(?:in|в|во)\s+(?:the\s+)?([A-ZА-ЯЁ][\w'’-]*(?:\s+[A-ZА-ЯЁ][\w'’-]*)?)|"
                          r"(Kazakhstan|Kyrgyzstan|Uzbekistan|Tajikistan|Turkmenistan)(?![\w-])",
                          doc.text[gap.end():gap.end() + 80])
            if pm:
                places.append(pm.group(1) or pm.group(2))
            break
    if any(_place_key(ctx, p) & key for p in places):
        return []
    if places:
        best = max(set(places), key=places.count)
        return [f"{core} {prep} {best}"]
    body_text = doc.text[ra:skip[0]] + " " + doc.text[skip[1]:rb]
    if key & _place_key(ctx, body_text):
        return []  # "UNDP" in a release from Uzbekistan, "UNDP in Uzbekistan" in the disclaimer
    return None


# "in partnership with X", «в сотрудничестве с X»: X takes part, another body implements ("with the
# support of", «при поддержке» are left out: the implementer is often named that way)
_PARTNER_BEFORE = re.compile(r"(?:in\s+partnership\s+with|in\s+cooperation\s+with|in\s+co-operation\s+with|"
                             r"in\s+collaboration\s+with|jointly\s+with|together\s+with|"
                             r"в\s+партн[её]рстве\s+с|в\s+сотрудничестве\s+с|во\s+взаимодействии\s+с|совместно\s+с|"
                             r"при\s+участии)\s+(?:the\s+)?$", re.I)
# "implemented by Y", "Y, which is implementing", «реализует(ся) Y»: the implementer
_IMPLEMENTER = re.compile(r"(?:(?:implemented|run|led|managed|carried\s+out)\s+by\s+(?:the\s+)?|"
                          r"реализу(?:ет|ют|ется|ются)\s+|реализуем\w+\s+)"
                          r"(?P<y>[A-ZА-ЯЁ][A-ZА-ЯЁ]{1,9}(?![\w-])(?:[ \u00a0]+[«\"“„][^«»\"“”„\n]{1,80}[»\"”“])?)")


def _occurrences_any(ctx, doc, name: str, skip, region=None) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``name`` or one of its aliases (lemmas) outside ``skip``."""
    every = doc.meta.get("_org_all_lemmas")
    if every is None:
        every = doc.meta["_org_all_lemmas"] = lemmas(ctx, doc.text)
    ra, rb = region or (0, len(doc.text))
    seqs = [s for s in alias_lemma_seqs(ctx, name) if s]
    out = []
    for k in range(len(every)):
        a = every[k][1]
        if not (ra <= a < rb) or skip[0] <= a < skip[1]:
            continue
        for seq in seqs:
            n = len(seq)
            if every[k][0] == seq[0] and [x for x, _, _ in every[k:k + n]] == seq:
                out.append((a, every[k + n - 1][2]))
                break
    return out


def _partner_only(ctx, doc, org: str, skip, region=None) -> list[str]:
    """The disclaimer's organisation is named in the release only as a partner ("in partnership with
    the Ministry …") while the release says another body implements the project ("implemented by
    GIZ", «реализует ПРООН»): [that body's acronym], else []."""
    name = re.sub(r"^(?:the|The)\s+", "", ACR_TAIL.sub("", org).strip())
    occ = _occurrences_any(ctx, doc, name, skip, region)
    if not occ:
        return []
    for a, _ in occ:
        if not _PARTNER_BEFORE.search(doc.text[max(0, a - 40):a]):
            return []
    mine = {tuple(s) for s in alias_lemma_seqs(ctx, name)}
    ra, rb = region or (0, len(doc.text))
    for m in _IMPLEMENTER.finditer(doc.text, ra, rb):
        if skip[0] <= m.start() < skip[1]:
            continue
        y = m.group("y")
        if y.lower() in _EU or tuple(x for x, _, _ in lemmas(ctx, y)) in mine:
            continue
        if any(tuple(s) in mine for s in alias_lemma_seqs(ctx, y)):
            continue
        return [y]
    return []


# A capitalised name of three words or more (linking words allowed inside): an organisation's name.
# An enumeration inside a name is one ("National Institute of Deserts, Flora and Fauna": «, X and Y»).
EN_NAME = re.compile(r"\b[A-Z][\w'’-]*+(?:\s++(?:(?:of|for|and|on|in|the|de)\s++)?[A-Z][\w'’-]*+"
                     r"|,\s++[A-Z][\w'’-]*+\s++and\s++[A-Z][\w'’-]*+){2,8}")
_LINK = {"of", "for", "and", "on", "in", "the", "de"}


def _content(words: list[str]) -> list[str]:
    # (an apostrophe says nothing of the name: "Water Users Association" is the Water Users' Association)
    return [w.lower().replace("’", "'").removesuffix("'s").rstrip("'") for w in words if w.lower() not in _LINK]


def _variants(doc, rule, org: str, skip, region=None):
    """The disclaimer's organisation said another way elsewhere ("Bishkek Legal Assistance
    Network" for the Bishkek Legal Aid Network): a name sharing most of its words but not all."""
    mine = _content(org.split())
    if len(mine) < 3:
        return
    mine_set = set(mine)
    a, b = region or (0, len(doc.text))
    for m in EN_NAME.finditer(doc.text, a, b):
        if skip[0] <= m.start() < skip[1]:
            continue
        words = m.group(0).split("\n")[0].split()  # one line: a contact line is not followed by its name
        # drop a sentence's first word and leading "The" ("The Kyrgyz Media …")
        while words and words[0].lower() in _LINK:
            words = words[1:]
        theirs = _content(words)
        if len(theirs) < 3 or theirs == mine:
            continue
        text = " ".join(words)
        if _has_words(org, text) or _has_words(m.group(0), org):
            continue  # a part of the name, or the name inside a longer one (not "… Services" for "… Service")
        if _inside_quotes(doc, m.start()) or re.match(r"\s*[«\"“„]", doc.text[m.end():m.end() + 3]):
            continue  # a project's name in quotes; a legal form before a quoted name
        if any(_is_head(None, w) for w in mine) and not any(_is_head(None, w) for w in theirs):
            continue  # "Resilient Mountain Communities" (a project) is no "… Network"
        heads_mine = [w for w in mine if _is_head(None, w)]
        heads_theirs = [w for w in theirs if _is_head(None, w)]
        if heads_mine and heads_theirs:
            t_head = _EN_NORM.get(heads_theirs[-1], heads_theirs[-1]).removesuffix("s")
            norm_mine = [_EN_NORM.get(w, w).removesuffix("s") for w in heads_mine]
            if t_head in norm_mine and t_head != norm_mine[-1]:
                continue  # "Women's Resource Centres in Osh": the network's members, not the network
        shared = mine_set & set(theirs)
        same_head = bool(heads_mine and heads_theirs) and _en_head(heads_theirs[-1]) == _en_head(heads_mine[-1])
        if heads_mine and heads_theirs and heads_theirs[-1] not in mine_set and not same_head and (
                len(shared) < 3 or [w for w in mine if w not in heads_mine] != [w for w in theirs if w not in heads_theirs]):
            # "Aga Khan Development Network" / "Aga Khan Foundation": two bodies of one family;
            # "Sughd Water Users Federation" / "Association of Water Users of Sughd": another body.
            # Only the head changed ("… Initiative Fund" / "… Initiative Foundation"): one body.
            continue
        if heads_mine and heads_theirs and heads_theirs[-1] not in mine_set and not same_head and not (
                {_EN_NORM.get(heads_theirs[-1], heads_theirs[-1]), _EN_NORM.get(heads_mine[-1], heads_mine[-1])}
                <= FORM_HEADS | {"fund"}):
            continue  # "… Water Partnership Programme" of the "… Water Partnership Network": its programme
        reordered = set(theirs) == mine_set and len(theirs) == len(mine) and theirs != mine
        if reordered or len(shared) >= 2 and len(shared) >= 0.5 * min(len(mine_set), len(set(theirs))) \
                and len(shared) < max(len(mine_set), len(set(theirs))):
            # (the same words in another order is another way to say it: "Rural Advisory Service of
            # Issyk-Kul" for the "Issyk-Kul Rural Advisory Service")
            start = m.start() + m.group(0).index(words[0])
            yield rule.finding(doc, start, start + len(text), [ACR_TAIL.sub("", org)], organisation=org,
                               message="'{match}' names the organisation differently from the disclaimer and the rest "
                                       "of the release ('{organisation}'); use one name",
                               message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                          "(«{organisation}»); используйте одно название")


def _has_words(text: str, part: str) -> bool:
    """``part`` occurs in ``text`` as whole words."""
    return re.search(r"(?<![\w'’-])" + re.escape(part) + r"(?![\w'’])", text) is not None  # "…Network-supported" too


def _en_head(word: str) -> str:
    """A head noun in one spelling and number (Services → service, Centres → center)."""
    w = _EN_NORM.get(word, word)
    return _EN_NORM.get(w.removesuffix("s"), w.removesuffix("s")) if len(w) > 3 and not w.endswith("ss") else w


_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|и\s+)?|\s(?:and|и)\s)\s*")


def _all_named(ctx, doc, org: str, body: list[str], skip) -> bool:
    """A disclaimer naming two or more organisations ("ACTED and Mercy Corps", «ПРООН и ЮНИСЕФ»),
    each named in the release. Each part must start with a capital (not «Союза промышленников и
    предпринимателей»)."""
    if QUOTED.search(org):
        return False
    parts = [p.strip() for p in _JOINT.split(org) if p.strip()]
    parts = [re.sub(r"^(?:the|The)\s+", "", p) for p in parts]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return False
    return all(_named(ctx, doc, p, body, skip) for p in parts)


def _named(ctx, doc, org: str, body: list[str], skip) -> bool:
    q = QUOTED.search(org)
    if q:
        q_lemmas = [x for x, _, _ in lemmas(ctx, q.group("q"))]
        pre_words = re.findall(r"[^\W\d_]+", org[:q.start()])
        # (all the words before the quoted name: «Центра развития сельских женщин «Умут»»)
        hits = _quoted_in_body(ctx, doc, q_lemmas, skip, q.group("q") if doc.language == "ru" else None,
                               len(pre_words))
        if not hits:
            return False
        mine = _form_heads(ctx, pre_words)
        if not pre_words:
            return True
        pre = _expanded(ctx, pre_words)
        only_form = all(w.lower() in ABBR_HEADS or _form_heads(ctx, [w]) or w.islower() for w in pre_words) \
            and not any(w[:1].isupper() and w.lower() not in ABBR_HEADS for w in pre_words)
        for _, before in hits:
            theirs_pre = _expanded(ctx, before)
            if theirs_pre[-len(pre):] == pre:
                if doc.language == "ru" and len(pre) == len(pre_words) and len(theirs_pre) == len(before) \
                        and len(before) >= len(pre_words) \
                        and not _same_number(ctx, " ".join(pre_words), " ".join(before[-len(pre_words):])):
                    continue  # «Центра развития сельской женщины «Умут»» for «… сельских женщин «Умут»»
                return True  # the same words before the quoted name
            if only_form:
                theirs = _form_heads(ctx, before)
                if not theirs or theirs & mine:
                    return True  # a legal form only, and a compatible one (or none) in the body
        return False
    names = [org]
    acr = ACR_TAIL.search(org)
    if acr:
        full = org[:acr.start()]
        if any(contains(body, seq) for seq in alias_lemma_seqs(ctx, full)):
            return not _acronym_differs(doc, full, acr.group("acr"), skip, ctx)
        if _defined_otherwise(ctx, doc, full, acr.group("acr"), skip):
            return False  # the body spells the acronym out another way
        names = [full, acr.group("acr")]
    else:
        inner = re.search(r"\((?P<acr>[A-ZА-ЯЁ][A-ZА-ЯЁa-z]{1,9})\)", org)
        if inner:  # "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"
            names = [org, (org[:inner.start()] + org[inner.end():]).strip(), inner.group("acr")]
    cap = re.search(r"(?<![\w-])[A-ZА-ЯЁ]", org)
    if cap and cap.start() > 0 and org[:cap.start()].islower():
        names.append(org[cap.start():])  # «программы BOMCA»: the name is BOMCA
    for name in names:
        for seq in alias_lemma_seqs(ctx, name):
            if contains(body, seq):
                if name == org and doc.language == "ru" and _number_differs(ctx, doc, org, skip):
                    return False  # «Ассоциации фермера …» for the «Ассоциация фермеров …» of the release
                return True
    return False


_CAPS_TOKEN = re.compile(r"(?=[A-ZА-ЯЁ])(?<![\w-])[A-ZА-ЯЁ]{3,8}(?![\w-])")


def _acronym_anagrams(doc, rule, org: str, skip, region=None):
    """The organisation's acronym with its letters in another order elsewhere in the release ("LRPC"
    for LPRC, «АПР» for АРП): a slip, when that spelling is defined nowhere and names no other body."""
    from app.language.orgs import alias_groups

    mine = {m.group(0) for m in _CAPS_TOKEN.finditer(org)}
    a, b = region or (0, len(doc.text))
    if not mine:
        acr = ACR_TAIL.search(org)
        mine = {acr.group("acr")} if acr else set()
    body = doc.text[a:b]
    known = {g for group in alias_groups() for g in group}
    defined = {x.group("acr") for x in ACR_DEF.finditer(doc.text)}
    seen = set()
    for m in _CAPS_TOKEN.finditer(body):
        t = m.group(0)
        start = a + m.start()
        if skip[0] <= start < skip[1] or t in mine or t in seen or t in known or t in defined:
            continue
        if any(len(x) == len(t) and sorted(x) == sorted(t) for x in mine):
            seen.add(t)
            right = next(x for x in mine if sorted(x) == sorted(t))
            yield rule.finding(doc, start, start + len(t), [right], organisation=org,
                               message="'{match}' names the organisation differently from the disclaimer and the rest "
                                       "of the release ('{organisation}'); use one name",
                               message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                          "(«{organisation}»); используйте одно название")


def _occurrences_of(ctx, doc, name: str, skip) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``name``'s lemma sequence in the release outside ``skip``."""
    seq = [x for x, _, _ in lemmas(ctx, name)]
    if len(seq) < 2:
        return []
    every = doc.meta.get("_org_all_lemmas")
    if every is None:
        every = doc.meta["_org_all_lemmas"] = lemmas(ctx, doc.text)  # once per document
    out = []
    for k in range(len(every) - len(seq) + 1):
        if every[k][0] == seq[0] and [x for x, _, _ in every[k:k + len(seq)]] == seq:
            a, b = every[k][1], every[k + len(seq) - 1][2]
            if not (skip[0] <= a < skip[1]) and not re.search(r"[.!?;\n]", doc.text[a:b]):
                out.append((a, b))
    return out


def _number_differs(ctx, doc, org: str, skip) -> bool:
    """Every occurrence of a Russian name (two words or more, no quotes) in the release has a noun in
    another number than the disclaimer's («фермера» / «фермеров»): the words are the same lemmas,
    the name is not the same."""
    if QUOTED.search(org) or ACR_TAIL.search(org) or len(lemmas(ctx, org)) < 2:
        return False
    occ = _occurrences_of(ctx, doc, org, skip)
    return bool(occ) and not any(_same_number(ctx, org, doc.text[a:b]) for a, b in occ)


def _acronym_differs(doc, full: str, acr: str, skip, ctx=None) -> bool:
    """The body never writes the disclaimer's acronym and defines the same name with another one:
    "… Development (ACDT)" in the disclaimer, "… Development (ACTED)" in the release; in Russian
    the name in any case («Казахстанского … бюро (КМБ)» for «Казахстанское … бюро (КМБПЧ)»)."""
    text = doc.text[:skip[0]] + " " + doc.text[skip[1]:]
    if re.search(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
        return False
    name = re.escape(full.strip()).replace(r"\ ", r"\s+")
    if any(m.group(1) != acr for m in re.finditer(name + r"\s*\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё-]{1,11})\)", text)):
        return True
    if doc.language != "ru":
        return False
    for _, b in _occurrences_of(ctx, doc, full.strip(), skip):
        m = re.match(r"\s*\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё-]{1,11})\)", doc.text[b:b + 16])
        if m and m.group(1) != acr:
            return True
    return False


def _suggestions(ctx, doc, org: str, skip) -> list[str]:
    """The body's organisation with the closest quoted name, in the disclaimer's case (best effort)."""
    q = QUOTED.search(org)
    if not q:
        return []
    mine = set(x for x, _, _ in lemmas(ctx, q.group("q")))
    best = None
    for m in QUOTED.finditer(doc.text):
        if skip[0] <= m.start() < skip[1]:
            continue
        theirs = set(x for x, _, _ in lemmas(ctx, m.group("q")))
        score = len(mine & theirs) / max(1, len(mine | theirs))
        if score > 0 and (best is None or score > best[0]):
            best = (score, m)
    if best is None:
        import difflib

        key = _translit_key(q.group("q"))
        for m in QUOTED.finditer(doc.text):
            if skip[0] <= m.start() < skip[1]:
                continue
            score = difflib.SequenceMatcher(None, key, _translit_key(m.group("q"))).ratio()
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, m)  # «Акжол» for «Ак Жол»: the same name spelled another way
    if best is None:
        return []
    m = best[1]
    form = org[:q.start()].strip()
    body_form = re.findall(r"[^\W\d_]+", doc.text[max(0, m.start() - 60):m.start()])[-2:]
    heads = _form_heads(ctx, body_form)
    if form and heads and not (_form_heads(ctx, form.split()) & heads):
        if body_form and body_form[-1].lower() in ABBR_HEADS and body_form[-1].isupper():
            form = body_form[-1]  # ОФ «…» in the body: its abbreviation
        elif doc.language == "ru":
            form = _genitive_form(ctx, body_form, form) or form
        else:
            form = " ".join(body_form)
    elif form and doc.language == "en" and lemmas(ctx, q.group("q")) == lemmas(ctx, m.group("q")):
        # the same quoted name after other words: the body's capitalised words before it, as many
        # as the disclaimer has ("Legal Aid Centre" → "Legal Assistance Centre")
        mine_pre = [w for w in form.split() if w.lower() != "the"]
        theirs = re.findall(r"[^\W\d_]+", doc.text[max(0, m.start() - 80):m.start()])[-len(mine_pre):]
        if len(theirs) == len(mine_pre) and all(w[:1].isupper() for w in theirs) \
                and [w.lower() for w in theirs] != [w.lower() for w in mine_pre]:
            form = " ".join(theirs)
    return [f"{form} {m.group(0)}".strip()]


def _genitive_form(ctx, words: list[str], template: str) -> str | None:
    """«Общественный фонд» → «общественного фонда» (the case a disclaimer's «ответственностью» needs)."""
    m = morph(ctx)
    if len(words) == 1 and words[0].lower() in ("оф", "оо"):
        words = {"оф": ["общественный", "фонд"], "оо": ["общественное", "объединение"]}[words[0].lower()]
    out = []
    for w in words:
        p = m.parse(w.lower())[0]
        f = p.inflect({"gent"})
        if f is None:
            return None
        out.append(f.word)
    text = " ".join(out)
    return match_case(template.split()[0], text.split()[0]) + text[len(text.split()[0]):]


def _defined_otherwise(ctx, doc, full: str, acr: str, skip) -> bool:
    """The body defines ``acr`` with other words than the disclaimer's ``full`` name (the last
    words before «(ACR)» compared by lemmas)."""
    mine = [x for x, _, _ in lemmas(ctx, full)]
    for m in re.finditer(r"\(" + re.escape(acr) + r"\)", doc.text):
        if skip[0] <= m.start() < skip[1]:
            continue
        before = doc.text[max(0, m.start() - 160):m.start()]
        cut = max(before.rfind(ch) for ch in ".,;:!?()\n")
        theirs = [x for x, _, _ in lemmas(ctx, before[cut + 1:])]
        if not theirs:
            continue
        n = min(len(mine), len(theirs))
        if theirs[-n:] != mine[-n:]:
            return True
    return False


def _variants_ru(ctx, doc, rule, org: str, skip, region=None, org_span=None):
    """A quoted name of the body said another way than the disclaimer's, elsewhere in the release:
    one word replaced («Центр поддержки предпринимательства» for «Центр поддержки
    предпринимателей»), added or dropped after a legal form («фонда «Голос местного сообщества»»
    for «Голос сообщества»), words spelled another way («Маорифат барои хама» for «Маърифат барои
    ҳама»), or the same quoted name after another legal form («ОО «Мээрим»» for «ОФ «Мээрим»»)."""
    q = QUOTED.search(org)
    if not q:
        return
    mine = [x for x, _, _ in lemmas(ctx, q.group("q"))]
    my_forms = _legal_forms(ctx, re.findall(r"[^\W\d_]+", org[:q.start()]))
    my_abbr = _form_abbreviations(re.findall(r"[^\W\d_]+", org[:q.start()])[-2:])
    seen = set()
    conflicts: list = []
    agree = False
    ra, rb = region or (0, len(doc.text))
    for m in QUOTED.finditer(doc.text, ra, rb):
        if skip[0] <= m.start() < skip[1]:
            continue
        theirs = [x for x, _, _ in lemmas(ctx, m.group("q"))]
        if tuple(theirs) in seen:
            continue
        before_m = list(re.finditer(r"[^\W\d_]+", doc.text[max(0, m.start() - 60):m.start()]))[-3:]
        if before_m and doc.text[max(0, m.start() - 60) + before_m[-1].end():m.start()].strip(" \u00a0") not in ("",):
            before_m = []  # «…», «…»: a list of names, not a legal form right before this one
        before = [x.group(0) for x in before_m]
        if any(lemma(ctx, w) in NOT_ORGS for w in before[-2:]):
            continue  # «конкурса «Голос сообщества»», the "Safe Homes" project: not an organisation
        if theirs == mine:
            their_forms = _legal_forms(ctx, before[-2:])
            their_abbr = _form_abbreviations(before[-2:])
            if my_forms and their_forms:
                # (two abbreviations of one script that differ are two legal forms, whatever their
                # kind: ННО «…» is not ОО «…»; the abbreviation is part of the registered name)
                if my_forms & their_forms and not (my_abbr and their_abbr and not my_abbr & their_abbr
                                                   and _one_script(my_abbr | their_abbr)):
                    agree = True
                else:
                    k = next((j for j in range(len(before)) if _legal_forms(ctx, before[j:j + 1])
                              or lemma(ctx, before[j]) in _FORM_ADJECTIVES), len(before) - 1)
                    conflicts.append((max(0, m.start() - 60) + before_m[k].start(), m, before[k:]))
            if doc.language == "ru" and m.group("q") != q.group("q") and _form_heads(ctx, before[-2:]) \
                    and _form_heads(ctx, re.findall(r"[^\W\d_]+", org[:q.start()])[-2:]) \
                    and not _same_number(ctx, q.group("q"), m.group("q"), nominative=True):
                # «ассоциации «Гончар Риштана»» for «Гончары Риштана»: after its legal form a quoted
                # name stands undeclined, another number is another name
                seen.add(tuple(theirs))
                yield rule.finding(doc, m.start("q"), m.end("q"), [q.group("q")], organisation=org,
                                   message="'{match}' names the organisation differently from the disclaimer and "
                                           "the rest of the release ('{organisation}'); use one name",
                                   message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                              "(«{organisation}»); используйте одно название")
            continue
        if len(mine) < 2 or len(theirs) < 1:
            continue
        d = _distance_one(mine, theirs)
        if len(theirs) == len(mine):
            ok = d is not None or _spelled_alike(ctx, q.group("q"), m.group("q"))
        else:
            # a word added or dropped: only after a legal form (a project's longer title is not it)
            ok = d is not None and min(len(mine), len(theirs)) >= 2 and bool(_form_heads(ctx, before[-2:])) \
                and not any(w in _STOPS for w in d if w)
        if not ok:
            continue
        seen.add(tuple(theirs))
        yield rule.finding(doc, m.start("q"), m.end("q"), [q.group("q")], organisation=org,
                           message="'{match}' names the organisation differently from the disclaimer and the rest "
                                   "of the release ('{organisation}'); use one name",
                           message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                      "(«{organisation}»); используйте одно название")
    if conflicts:
        _, m, form = conflicts[0]
        if agree:
            # the disclaimer's legal form is the release's: the mention with another one is the variant
            yield rule.finding(doc, conflicts[0][0], m.end(), _form_suggestion(ctx, org, q, form, m.group(0)),
                               organisation=org,
                               message="'{match}' names the organisation with another legal form than the "
                                       "disclaimer and the rest of the release ('{organisation}'); use one name",
                               message_ru="«{match}» называет организацию с другой организационно-правовой формой, "
                                          "чем оговорка и остальной текст («{organisation}»); используйте одно название")
        elif org_span is not None:
            # every legal form the release writes is another one: the disclaimer's is the odd one
            name = doc.text[conflicts[0][0]:m.end()]
            if doc.language == "ru" and not (len(form) == 1 and form[0].isupper()):
                name = _to_case_of(ctx, org, name)
            if org[:1].islower() and not name.split()[0].isupper():
                name = name[:1].lower() + name[1:]
            yield rule.finding(doc, org_span[0], org_span[1], [name], organisation=org)


# legal forms proper (a centre, network or union may share its founder's quoted name)
LEGAL_FORMS = {"фонд", "объединение", "организация", "ассоциация", "foundation", "fund", "association", "organisation",
               "organization"}
_FORM_ADJECTIVES = {"общественный", "частный", "некоммерческий", "негосударственный", "благотворительный",
                    "международный", "public", "private", "charitable", "non-governmental", "non-profit"}
_FORM_ABBR = {("fund", "ru"): "ОФ", ("association", "ru"): "ОО", ("fund", "en"): "PF", ("association", "en"): "PA"}


# two kinds of legal form: a foundation (фонд, ОФ, PF) and a membership body — «общественное
# объединение», «общественная организация» (ОО), ННО, an association: the laws of the five countries
# name one body each of these ways; only a foundation against a membership body is another name
_FORM_KIND = {"фонд": "fund", "foundation": "fund", "fund": "fund", "объединение": "association",
              "организация": "association", "ассоциация": "association", "association": "association",
              "organisation": "association", "organization": "association"}


def _legal_forms(ctx, words: list[str]) -> set[str]:
    """The kinds of legal form the words name: an abbreviation (ОФ, ОО, ННО, PF, PA) or a head after
    its adjective (общественный фонд, Public Association); a bare «организация «X»» or "the
    organisation" is a word for any body, not its legal form."""
    out = set()
    for k, w in enumerate(words):
        if w.isupper() and w.lower() in ABBR_HEADS:
            out |= {_FORM_KIND.get(x, x) for x in ABBR_HEADS[w.lower()] if x in LEGAL_FORMS}
        elif k > 0 and lemma(ctx, words[k - 1]) in _FORM_ADJECTIVES:
            out |= {_FORM_KIND.get(x, x) for x in _form_heads(ctx, [w]) if x in LEGAL_FORMS}
    return out


def _form_abbreviations(words: list[str]) -> set[str]:
    """The abbreviations of legal forms among the words (ОО, ННО, ОФ, ОЮЛ, PA, PF, NGO)."""
    return {w.lower() for w in words if w.isupper() and w.lower() in ABBR_HEADS and w.lower() in _LEGAL_ABBR}


# abbreviations that name a legal form (not «ПО», «АО» …, which are also words or other things)
_LEGAL_ABBR = {"оф", "оо", "нно", "оюл", "чф", "pf", "pa", "ngo", "pu", "ou"}


def _one_script(abbrs: set[str]) -> bool:
    return len({bool(re.search("[а-яё]", a)) for a in abbrs}) == 1


def _form_suggestion(ctx, org: str, q, body_form: list[str], quoted: str) -> list[str]:
    """The disclaimer's legal form before the body's quoted name: an abbreviation for an
    abbreviation («ОО «Мээрим»» → «ОФ «Мээрим»»), else the written-out form in the body's case."""
    mine_words = re.findall(r"[^\W\d_]+", org[:q.start()])
    mine_words = [w for w in mine_words if w.lower() not in ("the",)]
    if not mine_words:
        return []
    if len(body_form) == 1 and body_form[0].isupper():
        abbr = next((w for w in mine_words if w.isupper() and w.lower() in ABBR_HEADS), None)
        if abbr is None:
            lang = "ru" if re.search("[а-яё]", body_form[0].lower()) else "en"
            abbr = next((_FORM_ABBR[(f, lang)] for f in _legal_forms(ctx, mine_words) if (f, lang) in _FORM_ABBR), None)
        return [f"{abbr} {quoted}"] if abbr else []
    if any(w.isupper() and w.lower() in _EXPAND for w in mine_words):
        mine_words = [x for w in mine_words for x in (_EXPAND_WORDS.get(w.lower(), [w]) if w.isupper() else [w])]
    text = " ".join(mine_words)
    if re.search("[а-яё]", text.lower()):
        text = _to_case_of(ctx, " ".join(body_form), text + " " + quoted)
        text = text[:len(text) - len(quoted)].strip()
    return [match_case(body_form[0], text.split()[0]) + text[len(text.split()[0]):] + " " + quoted]


_EXPAND_WORDS = {"оф": ["общественный", "фонд"], "оо": ["общественное", "объединение"],
                 "pf": ["Public", "Foundation"], "pa": ["Public", "Association"]}


def _translit_key(s: str) -> str:
    s = s.lower().replace("ё", "е")
    for a, b in (("ҳ", "х"), ("қ", "к"), ("ғ", "г"), ("ӯ", "у"), ("ӣ", "и"), ("ҷ", "ч"), ("ә", "а"), ("ө", "о"),
                 ("ү", "у"), ("ң", "н"), ("һ", "х"), ("і", "и")):
        s = s.replace(a, b)
    return re.sub(r"[ъь'’`\-\s]", "", s)


def _spelled_alike(ctx, a: str, b: str) -> bool:
    """Two quoted names of the same words spelled another way (a transliteration or a typo in two
    words or more: «Маърифат барои ҳама» / «Маорифат барои хама»): every word whose lemma differs is
    close in letters, and at least two differ (one is the one-word rule's)."""
    import difflib

    wa, wb = WORD_RX.findall(a), WORD_RX.findall(b)
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = 0
    for x, y in zip(wa, wb):
        if lemma(ctx, x) == lemma(ctx, y):
            continue
        kx, ky = _translit_key(x), _translit_key(y)
        if kx != ky and (min(len(kx), len(ky)) < 3 or difflib.SequenceMatcher(None, kx, ky).ratio() < 0.75):
            return False
        differ += 1
    return differ >= 2


WORD_RX = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_STOPS = {"и", "в", "во", "на", "по", "при", "для", "от", "из", "к", "о", "об", "с", "со", "of", "and", "for", "the"}


# words that introduce a quoted name that is not an organisation's: projects, programmes, events
NOT_ORGS = {"проект", "программа", "конкурс", "форум", "кампания", "акция", "фестиваль", "инициатива", "премия",
            "марафон", "турнир", "выставка", "тренинг", "курс", "конференция", "семинар", "платформа", "приложение",
            "портал", "компонент", "project", "programme", "program", "contest", "competition", "campaign",
            "initiative", "festival", "award", "forum", "conference", "platform", "app", "portal", "component"}


def _distance_one(a: list[str], b: list[str]):
    """The one word by which ``b`` differs from ``a`` (inserted, dropped or replaced), or None
    when they are equal or differ by more."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return (a[diff[0]], b[diff[0]]) if len(diff) == 1 else None
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            return (long_[k], None)
    return None


_SPELLED_OUT = {("организация", "объединить", "нация"): "оон", ("united", "nations"): "un"}


def _collapse(seq: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """«Организации Объединенных Наций» and «ООН» as one word (one name, two spellings)."""
    out, i = [], 0
    while i < len(seq):
        for words, short in _SPELLED_OUT.items():
            n = len(words)
            if tuple(x for x, _, _ in seq[i:i + n]) == words:
                out.append((short, seq[i][1], seq[i + n - 1][2]))
                i += n
                break
        else:
            out.append(seq[i])
            i += 1
    return out


# the name goes on with what the organisation works on: «… по окружающей среде», "… for Refugees"
_CONTINUES = re.compile(r"[ \u00a0]+(?:по|for|on)[ \u00a0]+[A-Za-zА-Яа-яЁё]")


def _variants_plain(ctx, doc, rule, org: str, skip, region=None):
    """The disclaimer's organisation (three words or more, no quotes) said elsewhere with one
    word added, dropped or replaced («Казахстанское бюро по правам человека …» for «Казахстанского
    международного бюро …»); names of places and people that differ are other organisations."""
    if QUOTED.search(org):
        return
    acr = ACR_TAIL.search(org)
    name = org[:acr.start()] if acr else org
    mine = [x for x, _, _ in lemmas(ctx, name)]
    if len(mine) < 3:
        return
    ra, rb = region or (0, len(doc.text))
    text = list(doc.text[ra:rb])
    from app.language import skip_spans

    for a, b in list(skip_spans(doc)) + [skip]:
        a, b = max(a, ra) - ra, min(b, rb) - ra
        if a < b:
            text[a:b] = " " * (b - a)
    body = _collapse(lemmas(ctx, "".join(text), ra))
    mine = [x for x, _, _ in _collapse(lemmas(ctx, name))]
    L = len(mine)
    exact = set()
    for i in range(len(body) - L + 1):
        if [x for x, _, _ in body[i:i + L]] == mine:
            exact.update(range(i, i + L))
    # an occurrence with the same lemmas and a noun in another number, when another agrees with the
    # disclaimer («Председатель Ассоциации фермера …» for «Ассоциации фермеров …»)
    occ = _occurrences_of(ctx, doc, name, skip)
    same = [(a, b) for a, b in occ if _same_number(ctx, name, doc.text[a:b])]
    if same and len(same) < len(occ):
        a, b = next((a, b) for a, b in occ if (a, b) not in same)
        yield rule.finding(doc, a, b, [name.strip()], organisation=org,
                           message="'{match}' names the organisation differently from the disclaimer and the rest "
                                   "of the release ('{organisation}'); use one name",
                           message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                      "(«{organisation}»); используйте одно название")
        return
    done = -1
    for i in range(len(body)):
        if i < done:
            continue
        for n in (L, L - 1, L + 1):
            win = body[i:i + n]
            if len(win) != n or win[0][0] != mine[0] and win[-1][0] != mine[-1]:
                continue
            a, b = win[0][1], win[-1][2]
            if re.search(r"[.!?;\n]", doc.text[a:b]) or not doc.text[a:a + 1].isupper():
                continue
            if exact & set(range(i, i + n)):
                continue  # part of the name written right
            seq = [x for x, _, _ in win]
            d = _distance_one(mine, seq)
            if d is None:
                continue
            words = [w for w in d if w]
            if any(w in _STOPS or len(w) < 3 for w in words):
                continue
            if len(words) == 2 and _pos(ctx, words[0]) != _pos(ctx, words[1]):
                continue  # «Председатель Ассоциации …» for «Казахстанской ассоциации …»: a noun is no adjective
            if n <= L and _CONTINUES.match(doc.text, b):
                continue  # «Программа ООН по окружающей среде» (UNEP) is not «Программа развития ООН»: another mandate
            span = doc.text[a:b]
            if any(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", span)[1:] if lemmas(ctx, w)[0][0] in words):
                continue  # another place or person: another organisation
            yield rule.finding(doc, a, b, [name.strip()], organisation=org,
                               message="'{match}' names the organisation differently from the disclaimer and the rest "
                                       "of the release ('{organisation}'); use one name",
                               message_ru="«{match}» называет организацию иначе, чем оговорка и остальной текст "
                                          "(«{organisation}»); используйте одно название")
            done = i + n
            break


def _pos(ctx, word: str) -> str | None:
    if not re.search("[а-яё]", word):
        return None
    ps = morph(ctx).parse(word)
    return ps[0].tag.POS if ps else None


# ---- the body's name for a disclaimer that names another organisation ---------------------------

HEADS_EXTRA = {"программа", "комитет", "министерство", "служба", "совет", "палата", "управление", "миссия",
               "представительство", "кооператив", "школа", "университет", "академия", "инициатива",
               "programme", "program", "committee", "ministry", "council", "office", "mission", "fund",
               "institute", "alliance", "coalition", "cooperative", "school", "university", "initiative",
               "society", "trust", "service", "delegation", "chamber", "federation", "forum",
               # the Russian words of the English heads above, and leagues, consortia, movements, clubs
               "лига", "альянс", "коалиция", "федерация", "консорциум", "движение", "клуб", "конфедерация",
               "league", "consortium", "movement", "club", "confederation"}
_EN_NORM = {"programme": "program", "centre": "center", "organisation": "organization", "organisations": "organization",
            "centres": "center", "programmes": "program"}
RU_CAP_RUN = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-Яа-яЁё]+)*(?:\s+(?:[А-ЯЁа-яё]+(?:-[А-Яа-яЁё]+)*|[A-Z]{2,10}|ООН))"
                        r"{0,10}(?:\s*\([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{1,9}\))?")
ACR_DEF = re.compile(r"\((?P<acr>[A-ZА-ЯЁ][A-ZА-ЯЁ-]{1,9})\)")
_EU = {"ес", "eu", "еу"}


def _inside_quotes(doc, i: int) -> bool:
    """Is offset ``i`` inside a quoted name (the document's quoted spans, found once)?"""
    spans = doc.meta.get("_org_quoted_spans")
    if spans is None:
        spans = doc.meta["_org_quoted_spans"] = [(m.start("q"), m.end("q")) for m in QUOTED.finditer(doc.text)]
    from app.language import in_spans

    return in_spans(spans, i, i + 1)


def _norm_tokens(ctx, text: str) -> list[str]:
    out = []
    for x, _, _ in lemmas(ctx, text):
        if x in _STOPS or x in _LINK:
            continue
        if re.fullmatch(r"[a-z'’-]+", x):
            x = x.replace("’", "'").removesuffix("'s")
            x = _EN_NORM.get(x, x)
            if len(x) > 3 and x.endswith("s") and not x.endswith("ss"):
                x = x[:-1]
        out.append(x)
    return out


def _is_head(ctx, word: str) -> bool:
    from app.language.orgs import lemma

    le = lemma(ctx, word)
    heads = FORM_HEADS | HEADS_EXTRA
    return le in heads or _EN_NORM.get(le, le) in heads or (
        re.fullmatch(r"[a-z'’-]+", le) is not None and _en_head(le) in heads | {"program", "center", "organization"})


def _dice(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def _candidates(ctx, doc, skip) -> list[tuple[int, str]]:
    """The names of ``_all_candidates`` outside the disclaimer sentence ``skip``."""
    return [(off, name) for off, name in _all_candidates(ctx, doc) if not skip[0] <= off < skip[1]]


_MAX_CANDIDATES = 2000  # a book-length file: the first names (found once per document) are enough


def _all_candidates(ctx, doc) -> list[tuple[int, str]]:
    cached = doc.meta.get("_org_candidates")
    if cached is None:
        cached = doc.meta["_org_candidates"] = _find_candidates(ctx, doc, (-1, -1))[:_MAX_CANDIDATES]
    return cached


def _find_candidates(ctx, doc, skip) -> list[tuple[int, str]]:
    """(offset, name) of the organisation names of the release outside the disclaimer sentence:
    capitalised names with a head noun (Foundation, Network, фонд, бюро…), names defined with an
    acronym ("… (UNDP)"), quoted names with their legal form."""
    from app.language import skip_spans

    from app.language import in_spans

    spans = skip_spans(doc)

    def outside(a, b):
        return not (skip[0] < b and a < skip[1]) and not in_spans(spans, a, b)

    out: list[tuple[int, str]] = []
    text = doc.text
    rx = EN_NAME if doc.language == "en" else RU_CAP_RUN
    found = []
    for m in rx.finditer(text):
        # one line at a time: a contact block's lines are not one name
        pos = m.start()
        for line in m.group(0).split("\n"):
            if line.strip():
                found.append((pos, line))
            pos += len(line) + 1
    for start, line in found:
        if not outside(start, start + len(line)) or _inside_quotes(doc, start):
            continue
        lead = len(line) - len(line.lstrip())
        start, line = start + lead, line.strip()
        words = line.split()
        while words and (words[0].lower() in _LINK or words[0] in ("The", "This", "A")):
            words = words[1:]
        name = " ".join(words)
        if doc.language == "ru":
            # cut a run at its last head noun's dependants: words up to the end, trimmed below
            m_ = morph(ctx)
            segs, cur = [], []
            for w in name.split():
                if not w[:1].isupper() and any(p.tag.POS in ("VERB", "INFN", "PRTS", "ADVB", "GRND", "PRED")
                                               for p in m_.parse(w.lower())[:1]):
                    segs.append(cur)
                    cur = []  # «Семинар провело Казахстанское агентство …»: a sentence, names after the verb
                else:
                    cur.append(w)
            segs.append(cur)
            for ws in segs:
                for k in range(len(ws)):
                    if not ws[k][:1].isupper():
                        continue
                    stop = next((j for j in range(k + 1, len(ws)) if ws[j].lower() in _CUT), len(ws))
                    for n in range(stop, k, -1):  # «… Туркменистана при поддержке …»: the name ends before «при»
                        if ws[n - 1].lower() in _STOPS:
                            continue
                        if n - k >= 2 and any(_is_head(ctx, w) for w in ws[k:n]) \
                                and not (k > 0 and lemma(ctx, ws[k - 1]) == "европейский"):
                            out.append((start, " ".join(ws[k:n])))
                            if ws is segs[-1] and n == len(ws):
                                # «Центр развития сельских женщин «Умут»»: the quoted name after
                                # the run is the name's own end (the suggestion keeps it)
                                q = QUOTED.match(text, start + len(line) + 1) \
                                    if text[start + len(line):start + len(line) + 1] == " " else None
                                if q is not None:
                                    out.append((start, " ".join(ws[k:n]) + " " + q.group(0)))
            continue
        if words and any(_is_head(ctx, w) for w in words):
            end = start + len(line)
            acr = re.match(r"\s*\((?P<a>[A-Z][A-Za-z]{1,9})\)", text[end:end + 14])
            out.append((start, name + (f" ({acr.group('a')})" if acr else "")))
            q = QUOTED.match(text, end + 1) if not acr and text[end:end + 1] == " " else None
            if q is not None:
                out.append((start, name + " " + q.group(0)))  # 'the Centre for Rural Women "Umut"'
    for m in ACR_DEF.finditer(text):
        if outside(m.start(), m.end()) and m.group("acr").lower() not in _EU:
            out.append((m.start(), m.group("acr")))
    for m in QUOTED.finditer(text):
        if not outside(m.start(), m.end()):
            continue
        # (a hyphenated word is one word: «Информационно-консультационный центр «Агро»»)
        before = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[max(0, m.start() - 60):m.start()])[-3:]
        form = [w for w in before if w.lower() in ABBR_HEADS or _form_heads(ctx, [w])]
        if form:
            k = before.index(form[0])
            if k > 0 and before[k - 1].lower() in ("общественный", "общественного", "общественное", "общественной",
                                                    "общественная", "public", "private", "частный", "частного"):
                k -= 1
            elif k > 0 and doc.language == "ru" and before[k - 1][:1].isupper() and any(
                    p.tag.POS == "ADJF" for p in morph(ctx).parse(before[k - 1].lower())[:1]):
                k -= 1  # «Бишкекский центр «Правосудие для всех»»: the name's own adjective
            out.append((m.start(), " ".join(before[k:]) + " " + m.group(0)))
    return out


_CUT = {"при", "в", "во", "на", "с", "со", "для", "от", "из", "к", "за", "совместно", "вместе"}

# the release's own organisation is the one that implements, runs or organises
_IMPLEMENTS = re.compile(r"(?:реализ\w+|провел\w*|провёл|организова\w+|осуществля\w+|implemented\s+by|run\s+by|"
                         r"organi[sz]ed\s+by|led\s+by|managed\s+by)\s*$", re.I)


# words an acronym leaves out («Агентство развития и инвестирования сообществ» is АРИС)
_ACR_SKIP = {"и", "в", "во", "по", "для", "при", "of", "and", "for", "the", "in", "on", "to"}
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _initials(name: str) -> set[str]:
    """The acronyms a name may have: the first letters of its words (an all-capitals word whole,
    the parts of a hyphenated word each or the word once), with or without its short words."""
    words = _WORDS.findall(ACR_TAIL.sub("", name))
    if len(words) < 2:
        return set()
    out = set()
    for keep_short in (False, True):
        for split in (False, True):
            letters = []
            for w in words:
                if w.lower() in _ACR_SKIP and not keep_short:
                    continue
                if w.isupper() and len(w) > 1:
                    letters.append(w)
                    continue
                parts = w.split("-") if split else [w]
                letters.extend(x[:1].upper() for x in parts if x)
            out.add("".join(letters))
    return {x for x in out if 3 <= len(x) <= 10}


_ACRONYM = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]{2,10}(?![\w-])")


def _initials_named(ctx, doc, org: str, skip) -> bool:
    """The release writes, outside the disclaimer, the acronym the disclaimer's name spells out
    («Агентства развития и инвестирования сообществ» for АРИС; "Community Legal Aid Network" for
    CLAN), and never spells it out itself (a release that defines "… Programme (UNDP)" is compared
    by that name: "Program" in the disclaimer is its slip)."""
    mine = _initials(org)
    if not mine:
        return False
    text = doc.text[:skip[0]] + " " + doc.text[skip[1]:]
    if not any(m.group(0) in mine and f"({m.group(0)})" not in text for m in _ACRONYM.finditer(text)):
        return False
    # (a release that spells out a name like the disclaimer's anywhere is compared by that name)
    words = _norm_tokens(ctx, ACR_TAIL.sub("", org))
    return not any(_dice(words, _norm_tokens(ctx, ACR_TAIL.sub("", name))) >= 0.3 for _, name in _candidates(ctx, doc, skip))


# capitals that name no organisation of a release's own («США», «СНГ»: countries and unions)
_NOT_ORGS = {"США", "СНГ", "ЕАЭС", "ШОС", "ОДКБ", "USA", "CIS", "ЕС", "EU", "ЕУ", "КР", "РК", "РТ", "РУз", "ВВП", "GDP",
             "НДС", "VAT", "ИТ", "IT", "ПК", "PC", "СМИ", "ЦУР", "SDG", "SDGS", "COVID", "ВИЧ", "HIV", "СПИД", "AIDS"}


def _bare_acronyms(ctx, doc, skip, mine_forms) -> list[str]:
    """Acronyms the release uses without spelling them out («Проект реализует ПРООН»), most used
    first: those of the organisations list, then any written twice or more."""
    from app.language.orgs import alias_groups

    text = doc.text[:skip[0]] + " " + doc.text[skip[1]:]
    counts: dict[str, int] = {}
    for m in _ACRONYM.finditer(text):
        t = m.group(0)
        if len(t) >= 3 and t not in _NOT_ORGS:
            counts[t] = counts.get(t, 0) + 1
    known = {g for group in alias_groups() for g in group}
    out = [t for t in counts if tuple(x for x, _, _ in lemmas(ctx, t)) not in mine_forms
           and (t in known or counts[t] >= 2)]
    return sorted(out, key=lambda t: (t not in known, -counts[t]))


def _contacts_text(doc) -> str:
    from app.checks.structure.parts import structure

    c = structure(doc).contacts
    if c is None:
        return ""
    return doc.text[max(0, c.start - 200):c.end + 200]


def _body_name(ctx, doc, org: str, skip) -> list[str]:
    """The organisation the release names, in place of the disclaimer's: the body's name most like
    it (by words compared as lemmas), else the acronym of the contacts block or the first one the
    release defines. Russian names are put in the genitive the disclaimer needs."""
    acr = ACR_TAIL.search(org)
    full = org[:acr.start()] if acr else org
    mine = _norm_tokens(ctx, full)
    if not mine:
        return []
    cands = _candidates(ctx, doc, skip)
    mine_heads = {w for w in mine if _is_head(ctx, w)}
    best = None
    for off, name in cands:
        core = ACR_TAIL.sub("", name)
        theirs = _norm_tokens(ctx, core)
        other_acr = ACR_TAIL.search(name)
        if not theirs or [x for x, _, _ in lemmas(ctx, core)] == [x for x, _, _ in lemmas(ctx, full)] \
                and (doc.language != "ru" or _same_number(ctx, core, full)) \
                and not (doc.language == "ru" and acr and other_acr and other_acr.group("acr") != acr.group("acr")):
            # the same name (in Russian: the same lemmas in the same number, and the same acronym: the
            # body's «… (КМБПЧ)» in the disclaimer's case for its «… (КМБ)»; in English the acronym alone)
            continue
        score = _dice(mine, theirs)
        if mine_heads and not (mine_heads & set(theirs)):
            score *= 0.8
        if best is None or score > best[0] + 1e-9:
            best = (score, off, name)
    if best is not None and best[0] >= 0.4:
        name = best[2]
        # the body's whole name at that place, not a shorter span of it: «Ассоциация сельских учителей
        # Таджикистана» for the disclaimer's «Таджикской ассоциации сельских учителей» (the shorter
        # candidate shares more of its words, the longer is what the release calls the body)
        longer = [n for off, n in cands if off == best[1] and n.startswith(name + " ")
                  and _dice(mine, _norm_tokens(ctx, ACR_TAIL.sub("", n))) >= 0.4]
        if longer:
            name = max(longer, key=len)
    else:
        contacts = _contacts_text(doc)
        acrs = [n for _, n in cands if re.fullmatch(r"[A-ZА-ЯЁ][A-ZА-ЯЁ-]{1,9}", n)]
        mine_forms = {tuple(s) for s in alias_lemma_seqs(ctx, full)} | {tuple(s) for s in alias_lemma_seqs(ctx, org)}
        acrs = [a for a in acrs if tuple(x for x, _, _ in lemmas(ctx, a)) not in mine_forms]
        in_contacts = [a for a in acrs if re.search(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", contacts)]
        if not in_contacts:
            # an organisation of the aliases list named in the contacts block (ПРООН в Туркменистане)
            from app.language.orgs import alias_groups

            for group in alias_groups():
                for g in group:
                    if re.fullmatch(r"[A-ZА-ЯЁ]{2,10}", g) and g.lower() not in _EU and re.search(r"(?<![\w-])" + re.escape(g) + r"(?![\w-])", contacts) \
                            and tuple(x for x, _, _ in lemmas(ctx, g)) not in mine_forms:
                        in_contacts.append(g)
        implementer = [n for off, n in cands if len(n.split()) >= 2 and _IMPLEMENTS.search(
            doc.text[max(0, off - 40):off])]
        pick = (in_contacts or acrs or implementer or _bare_acronyms(ctx, doc, skip, mine_forms))[:1]
        if not pick:
            return []
        name = pick[0]
    if not acr:
        name = ACR_TAIL.sub("", name)
    if doc.language == "ru":
        name = _to_case_of(ctx, org, name)
    same = [x for x, _, _ in lemmas(ctx, name)] == [x for x, _, _ in lemmas(ctx, org)] and (
        doc.language != "ru" or _same_number(ctx, name, org))
    return [name] if name.strip() and not same and name != org else []


def _to_case_of(ctx, org: str, name: str) -> str:
    """«Казахстанское международное бюро …» in the case of the disclaimer's «Казахстанского бюро …»
    (the words up to the head noun agree; the rest depends on it and stays)."""
    m = morph(ctx)
    first = re.match(r"[^\W\d_]+", org)
    case = "gent"
    if first:
        ps = [p for p in m.parse(first.group(0).lower()) if p.tag.case]
        if ps and not first.group(0).isupper():
            case = ps[0].tag.case
    words = name.split(" ")
    out = []
    done = False
    for w in words:
        if re.search(r"[«\"“„(]", w):
            done = True
        if done or not re.fullmatch(r"[А-Яа-яЁё-]+", w) or (w.isupper() and len(w) > 1):
            out.append(w)
            continue
        ps = m.parse(w.lower())
        if ps and ps[0].tag.POS == "CONJ":
            # «Продовольственная и сельскохозяйственная организация»: «и» (also a letter's name, a
            # noun to pymorphy3) joins two adjectives of the head; both agree with it
            out.append(w)
            continue
        noun = next((p for p in ps if p.tag.POS == "NOUN"), None)
        adj = next((p for p in ps if p.tag.POS in ("ADJF", "PRTF")), None)
        p = adj if adj is not None and (noun is None or ps[0] is adj) else noun
        if p is None:
            out.append(w)
            continue
        want = {case, p.tag.number} if p.tag.number else {case}
        if p.tag.POS != "NOUN" and p.tag.number == "sing" and p.tag.gender:
            want.add(p.tag.gender)
        f = p.inflect({x for x in want if x})
        out.append(match_case(w, f.word) if f else w)
        if p.tag.POS == "NOUN":
            done = True
    return " ".join(out)
