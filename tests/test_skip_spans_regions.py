"""app.language._skip_spans (issue 13): the e-mail/URL pattern run only around its anchors finds
exactly what one scan of the whole text finds."""
import random

from app.language import _SKIP_SPANS, _skip_spans


def _whole(text):
    return [m.span() for m in _SKIP_SPANS.finditer(text)]


def test_spans_of_addresses_links_and_domains():
    text = "Write to press.office @ delegation.eu or see www.example.int/news and the file plan.docx, @handle."
    got = _skip_spans(text)
    assert got == _whole(text)
    assert [text[a:b] for a, b in got] == ["press.office @ delegation.eu", "www.example.int/news", "plan.docx",
                                           "@handle"]


def test_no_anchor_no_span():
    assert _skip_spans("The grant of EUR 2 million. No address here: none.") == []


def test_broken_address_across_line_breaks_and_odd_spaces():
    for text in ("name\n@\ndomain.org", "name\u00a0@@\u2003x.kz,,y", "a @ b @ c.com", "x.\u212az end", "WWW.EU.INT/ ok"):
        assert _skip_spans(text) == _whole(text), text


def test_random_texts_agree_with_one_scan():
    rng = random.Random(2026)
    parts = list("ab.@ :/w-+_,1") + ["\n", "\u00a0", "\u2003", "\u212a", "\u017f", "\u0131", "\u0130", "com", "org",
                                    "www", "http", "://", ".kz", ".docx", "@@", " @ ", "COM", "д"]
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 60)))
        assert _skip_spans(text) == _whole(text), repr(text)
