"""pymorphy3's tags made on first use (issue 13: start-up): the analyser answers as pymorphy3's own."""
import pymorphy3
import pymorphy3_dicts_ru
import pytest

from app.language import _LazyTags, _with_lazy_tags, morph

WORDS = ("Стипендиаты", "получили", "гранты", "на", "обучение", "в", "вузах", "Алматы", "столичного", "региона",
         "бюро", "Казахстанское", "трёхлетний", "Предистория", "зеленее", "шли", "ЕС", "о", "нём", "qwerty")


def _describe(m, word):
    out = []
    for p in m.parse(word):
        lex = [(x.word, str(x.tag)) for x in p.lexeme]
        inf = p.inflect({"plur", "gent"})
        out.append((p.word, str(p.tag), p.normal_form, p.score, lex, inf and (inf.word, str(inf.tag))))
    return out


def test_parses_lexemes_and_inflections_are_pymorphy3s_own():
    path = pymorphy3_dicts_ru.get_path()
    lazy = _with_lazy_tags(lambda: pymorphy3.MorphAnalyzer(path=path, lang="ru"))
    plain = pymorphy3.MorphAnalyzer(path=path, lang="ru")
    assert isinstance(lazy.dictionary.gramtab, _LazyTags) and not isinstance(plain.dictionary.gramtab, _LazyTags)
    assert dict.__len__(lazy.dictionary.gramtab) == 0  # nothing made before a word is parsed
    for w in WORDS:
        assert _describe(lazy, w) == _describe(plain, w), w
    made = dict.__len__(lazy.dictionary.gramtab)
    assert 0 < made < len(plain.dictionary.gramtab) == len(lazy.dictionary.gramtab)
    tags = lazy.dictionary.gramtab
    assert tags[7] is tags[7] and tags[7] == plain.dictionary.gramtab[7]
    assert tags[-1] == plain.dictionary.gramtab[-1]
    with pytest.raises(IndexError):
        tags[len(plain.dictionary.gramtab)]


def test_the_shared_analyser_has_the_lazy_table():
    assert isinstance(morph().dictionary.gramtab, _LazyTags)
