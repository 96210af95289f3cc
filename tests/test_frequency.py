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
