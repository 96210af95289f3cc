"""app.language.frequency gives wordfreq's own Zipf numbers without importing wordfreq (issue 13)."""
import re

import pytest
from wordfreq import zipf_frequency

from app.language.frequency import _table, zipf
from checkutil import SEED


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_same_numbers_as_wordfreq(lang):
    words = set(list(_table(lang))[::50])  # a spread of listed words, common to rare
    words |= {w.lower() for w in re.findall(r"\w+", SEED.read_text(encoding="utf-8"))}
    words |= {"ёлка", "елка", "всё", "naïve", "café", "don't", "two words", "e-mail", "x2", "zzqx", "абвгд"}
    differ = {w: (zipf(w, lang), zipf_frequency(w, lang, wordlist="small"))
              for w in words if zipf(w, lang) != zipf_frequency(w, lang, wordlist="small")}
    assert not differ


def test_common_and_unknown_words():
    assert zipf("the", "en") > 7 and zipf("и", "ru") > 7
    assert zipf("qzxv", "en") == 0.0


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_split_suggestions_same_as_wordfreq(lang):
    """The suggester offers splits ("green way", "down-payment"): several tokens, one number."""
    listed = list(_table(lang))
    pairs = [(listed[i], listed[-1 - 3 * i]) for i in range(0, 3000, 37)]
    texts = [f"{a} {b}" for a, b in pairs] + [f"{a}-{b}" for a, b in pairs] + [f"{a}qz {b}" for a, b in pairs]
    differ = [t for t in texts if zipf(t, lang) != zipf_frequency(t, lang, wordlist="small")]
    assert not differ


def test_clitics_same_as_wordfreq():
    """Hunspell suggests possessives and contractions (chafe's): one token, the table's number."""
    listed = [w for w in _table("en") if w.isalpha() and w.isascii()]
    bases = listed[::97] + ["a", "i", "o", "x", "don", "ca"]
    texts = [b + end for b in bases for end in ("'s", "'ll", "'re", "'ve", "'d", "n't")]
    texts += [w for w in _table("en") if "'" in w]
    differ = [t for t in texts if zipf(t, "en") != zipf_frequency(t, "en", wordlist="small")]
    assert not differ


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_bucket_string_and_sorted_table_agree(lang):
    """A process whose cache has no sorted table searches wordfreq's buckets joined into one string
    (issue 13): the same number as the sorted table for every listed word, 0 for others."""
    from app.language.frequency import _Blob, _Packed, _blob_file, _data_file, _pack_file, _read

    path = _data_file(lang)
    listed = _read(path)
    blob = _Blob(_blob_file(path), path, lang)
    blob._lookups = -(1 << 62)  # never sorted: every answer from the buckets
    packed = _Packed(_pack_file(path), path)
    words = list(listed)[::7]
    others = [w + "qz" for w in words[:500]] + ["", "a\nb", "zzqxv", "\udc80"]
    assert [blob.get(w) for w in words] == [listed[w] for w in words] == [packed.get(w) for w in words]
    assert all(blob.get(w) == 0.0 == packed.get(w) for w in others)


def test_many_lookups_sort_the_table_and_keep_it(tmp_path, monkeypatch):
    """After BLOB_LOOKUPS lookups the table is sorted and kept: the next process loads it sorted."""
    import app.language.frequency as frequency

    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(frequency, "_TABLES", {})
    table = frequency._table("ru")
    assert isinstance(table, frequency._Blob)
    words = list(frequency._read(frequency._data_file("ru")))[: frequency.BLOB_LOOKUPS + 5]
    before = [table.get(w) for w in words]
    assert table._sorted is not None
    monkeypatch.setattr(frequency, "_TABLES", {})
    again = frequency._table("ru")
    assert isinstance(again, frequency._Packed)
    assert [again.get(w) for w in words] == before
