"""Official names of European agencies quoted in their own language are not spelling errors,
while a real typo next to them still is (issue 11)."""
from checkutil import lint_str, spans

RULE = "spelling.unknown-word"


def _unknown(text):
    doc, findings = lint_str(text, "en", select=[RULE])
    return [s for r, s in spans(doc, findings, RULE)]


def test_german_agency_names_are_quiet():
    text = ("BISHKEK, 12 March 2026 – The Kreditanstalt für Wiederaufbau and the Bundesministerium für "
            "wirtschaftliche Zusammenarbeit und Entwicklung signed a grant for rural schools. "
            "The Physikalisch-Technische Bundesanstalt will train the laboratory staff.\n")
    found = _unknown(text)
    for w in ("für", "wirtschaftliche", "und"):
        assert w not in found


def test_french_agency_name_is_quiet_and_typo_still_found():
    text = ("DUSHANBE, 4 May 2026 – The Agence française de développement opened a new office. "
            "The goverment welcomed the partnership.\n")
    found = _unknown(text)
    assert "française" not in found and "développement" not in found
    assert "goverment" in found
