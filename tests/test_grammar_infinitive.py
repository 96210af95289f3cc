"""app.language.infinitive_word reads a participle's infinitive from its paradigm (issue 13): it must
give what pymorphy3's own ``inflect({"INFN"})`` gives, for every reading it is asked about."""
from __future__ import annotations

import itertools

import pytest

from app.language import infinitive_word, morph


def _expected(p):
    try:
        f = p.inflect({"INFN"})
    except ValueError:
        return None
    return f.word if f is not None else None


@pytest.mark.parametrize("prefix", ["проведен", "участвовавш", "посвящ", "способству", "руковод", "обучен",
                                    "шедш", "пришедш", "ид", "выделенн", "организова", "поддержа"])
def test_same_infinitive_as_inflect_for_dictionary_participles(prefix):
    m = morph()
    seen = 0
    for p in itertools.islice(m.iter_known_word_parses(prefix), 4000):
        if p.tag.POS in ("PRTF", "PRTS", "GRND", "VERB", "INFN"):
            assert infinitive_word(p) == _expected(p), (p.word, str(p.tag))
            seen += 1
    assert seen > 0


@pytest.mark.parametrize("word", ["участвовавшие", "посвящённая", "проведён", "шедший", "мониторящие",
                                  "задокументированный", "онлайн-обученные", "переобучаемые", "суперорганизованный"])
def test_same_infinitive_for_parsed_words_guessed_or_not(word):
    for p in morph().parse(word):
        assert infinitive_word(p) == _expected(p), (word, str(p.tag))


def test_a_noun_has_no_infinitive():
    p = next(p for p in morph().parse("стол") if p.tag.POS == "NOUN")
    assert infinitive_word(p) is None
