"""The review's pure core (issue 15 part B): per-field word diffs, anchored comments that follow
their text, the submitted version as DOCX with Word comments, and an edited DOCX read back as
proposed changes per field."""
from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import pytest

from app.errors import InputError
from app.release import load_release
from app.release.render import render_bytes
from app.review.anchors import Outdated, apply_replacement, make_anchor, reanchor
from app.review.compare import compare_docx
from app.review.diff import diff_fields, ops_html, word_diff
from app.review.fields import field_text, field_texts, set_field
from app.review.word import Note, commented_docx

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def payload() -> dict:
    return json.loads(json.dumps(load_release(ROOT / "examples" / "rural-schools-en.yml").to_dict()))


@pytest.fixture(scope="module")
def rendered(payload) -> bytes:
    from app.release import Release

    return render_bytes(Release.from_dict(payload, base_dir=str(ROOT / "examples")))


def _comments(docx: bytes) -> list[tuple[str, str, str]]:
    """(author, comment text, commented text) of every Word comment in a DOCX."""
    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    texts = {c.get(W + "id"): (c.get(W + "author"), "\n".join("".join(t.text or "" for t in p.iter(W + "t"))
                                                               for p in c.iter(W + "p"))) for c in comments.iter(W + "comment")}
    spans: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            spans.setdefault(el.get(W + "id"), [])
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t":
            for cid in open_ids:
                spans[cid].append(el.text or "")
    return [(texts[c][0], texts[c][1], "".join(spans.get(c, []))) for c in texts]


# ----- fields --------------------------------------------------------------------------------------
def test_fields_have_the_form_ids_and_set_field_round_trips(payload):
    f = dict(field_texts(payload))
    assert f["headline"].startswith("120 rural teachers")
    assert f["body"].count("\n\n") == 1  # two paragraphs, as the form shows them
    assert f["quotes-1-speaker"] == "Marco Rossi"
    changed = set_field(payload, "body", f["body"] + "\n\nA third paragraph.")
    assert changed["body"][-1] == "A third paragraph." and len(payload["body"]) == 2  # a copy
    assert set_field(payload, "contacts-0-email", " x@y.kz ")["contacts"][0]["email"] == "x@y.kz"
    with pytest.raises(ValueError):
        set_field(payload, "projects-0-total_budget", "1")
    with pytest.raises(ValueError):
        set_field(payload, "quotes-7-text", "x")


# ----- diff ----------------------------------------------------------------------------------------
def test_word_diff_marks_changed_words_only():
    ops = word_diff("The course combined online modules.", "The course combined two online modules!")
    changed = [(o.kind, o.old, o.new) for o in ops if o.kind != "equal"]
    assert changed == [("insert", "", "two "), ("replace", ".", "!")]
    assert "".join(o.old for o in ops) == "The course combined online modules."
    assert "".join(o.new for o in ops) == "The course combined two online modules!"
    assert ops_html(ops) == "The course combined <ins>two </ins>online modules<del>.</del><ins>!</ins>"
    # two neighbouring changed words read as one replacement
    ops = word_diff("in Almaty Region today", "in Zhetysu oblast today")
    assert [(o.old, o.new) for o in ops if o.kind != "equal"] == [("Almaty Region", "Zhetysu oblast")]
    assert ops_html(word_diff("<b>", "<i>")) == "&lt;<del>b</del><ins>i</ins>&gt;"


def test_diff_fields_lists_changed_added_and_removed_fields(payload):
    new = set_field(payload, "headline", payload["headline"].replace("120", "125"))
    new = set_field(new, "subheadline", "A new subheadline")
    new = set_field(new, "quotes-0-position", "")
    new["projects"][0]["eu_contribution"] = 410000
    diffs = {d.field: d for d in diff_fields(payload, new)}
    assert set(diffs) == {"headline", "subheadline", "quotes-0-position", "projects-0-eu_contribution"}
    assert [(o.old, o.new) for o in diffs["headline"].ops if o.kind != "equal"] == [("120", "125")]
    assert diffs["subheadline"].old is None and diffs["quotes-0-position"].new is None
    assert diffs["projects-0-eu_contribution"].old == "400 000"
    assert diff_fields(payload, copy.deepcopy(payload)) == []


def test_word_diff_of_long_text_is_fast():
    import time

    a = " ".join(f"word{i}" for i in range(20000))
    b = a.replace("word10000 ", "changed ")
    t = time.perf_counter()
    ops = word_diff(a, b)
    assert time.perf_counter() - t < 5
    assert [(o.old, o.new) for o in ops if o.kind != "equal"] == [("word10000", "changed")]


# ----- anchors -------------------------------------------------------------------------------------
def test_anchor_follows_its_text_and_becomes_outdated_when_it_is_gone():
    text = "Teachers learned to prepare lessons. Teachers learned to keep data safe."
    s = text.rindex("Teachers")
    a = make_anchor("body", text, s, s + len("Teachers learned"))
    assert reanchor(a, text) == a
    moved = "In 2025, " + text
    b = reanchor(a, moved)
    assert moved[b.start:b.end] == "Teachers learned" and b.start == s + len("In 2025, ")  # the second one
    first_gone = text.replace("Teachers learned to prepare lessons. ", "")
    c = reanchor(a, first_gone)
    assert (c.start, first_gone[c.start:c.end]) == (0, "Teachers learned")
    assert reanchor(a, text.replace("Teachers learned to keep", "Pupils keep").replace("Teachers learned to prepare", "We prepare")) is None
    assert reanchor(a, None) is None  # the field was removed
    whole = make_anchor("headline", "x")
    assert reanchor(whole, "anything").whole_field
    with pytest.raises(ValueError):
        make_anchor("body", "short", 2, 10)


def test_apply_replacement_uses_the_moved_span_and_refuses_an_outdated_one():
    text = "The project expects to reach about 9 000 pupils by 2027."
    i = text.index("9 000")
    a = make_anchor("body", text, i, i + 5)
    assert apply_replacement(text, a, "9\u00a0000") == text.replace("9 000", "9\u00a0000")
    edited = "By 2027, " + text
    assert apply_replacement(edited, a, "10 000") == edited.replace("9 000", "10 000")
    with pytest.raises(Outdated):
        apply_replacement(text.replace("9 000", "8 500"), a, "10 000")


# ----- DOCX with the reviewer's comments ---------------------------------------------------------------
def test_commented_docx_puts_each_comment_on_its_span(payload, rendered):
    body = field_text(payload, "body")
    i = body.index("87%")
    notes = [
        Note(make_anchor("body", body, i, i + 3), "Source of this figure?", author="Anna Petrova",
             replacement="about 87%"),
        Note(make_anchor("headline", payload["headline"]), "Shorter, please.", author="Anna Petrova"),
        Note(make_anchor("quotes-1-text", field_text(payload, "quotes-1-text"), 0, 13), "OK", author="Anna Petrova",
             replies=[("Dana", "Thank you")]),
        Note(make_anchor("lead", "gone text", 0, 4), "Outdated one", author="Anna Petrova"),
    ]
    out = commented_docx(rendered, payload, notes, lang="en")
    got = _comments(out)
    assert len(got) == 4
    by_text = {c[1].split("\n")[0]: c for c in got}
    assert by_text["Source of this figure?"][2] == "87%"
    assert "Proposed replacement: «about 87%»" in by_text["Source of this figure?"][1]
    assert by_text["Source of this figure?"][0] == "Anna Petrova"
    assert by_text["Shorter, please."][2] == payload["headline"]
    assert by_text["OK"][2] == "Good schools"  # inside the quotation marks the renderer adds
    assert "Reply (Dana): Thank you" in by_text["OK"][1]
    assert "no longer there" in by_text["Outdated one"][1] and "«gone»" in by_text["Outdated one"][1]
    # the document's text is unchanged
    from app.core.readers import read_bytes

    assert read_bytes(out, "a.docx", "docx").text == read_bytes(rendered, "b.docx", "docx").text


# ----- an edited DOCX read back as proposals ----------------------------------------------------------------
def _edit(rendered: bytes, edits) -> bytes:
    """The DOCX as the Delegation would return it: python-docx edits of paragraphs' text."""
    import docx

    d = docx.Document(io.BytesIO(rendered))
    for fn in edits:
        fn(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _replace_in(old: str, new: str):
    def fn(d):
        for p in d.paragraphs:
            for r in p.runs:
                if old in r.text:
                    r.text = r.text.replace(old, new)
                    return
        raise AssertionError(old)
    return fn


def _insert_after(anchor: str, text: str):
    def fn(d):
        import copy as cp

        for p in d.paragraphs:
            if anchor in p.text:
                new = cp.deepcopy(p._p)
                p._p.addnext(new)
                from docx.text.paragraph import Paragraph

                np = Paragraph(new, p._parent)
                for r in np.runs[1:]:
                    r._r.getparent().remove(r._r)
                np.runs[0].text = text
                return
        raise AssertionError(anchor)
    return fn


def test_compare_docx_proposes_changes_per_field(payload, rendered):
    edited = _edit(rendered, [
        _replace_in("digital teaching methods", "modern digital teaching methods"),  # lead
        _replace_in("87%", "nearly 90%"),  # body, first paragraph
        _replace_in("Marco Rossi", "Marco Rossi-Bianchi"),  # a quote's speaker
        _replace_in("Background", "About the project"),  # Pressroom's own heading: not a field
        _insert_after("9\u00a0000 pupils", "A new paragraph from the Delegation."),
    ])
    cmp = compare_docx(edited, "edited.docx", rendered, payload)
    props = {(p.field, p.old, p.new) for p in cmp.proposals}
    assert ("lead", "", "modern ") in props
    assert ("body", "87", "nearly 90") in props  # the smallest change: the per cent sign stays
    assert ("quotes-1-speaker", "", "-Bianchi") in props
    assert cmp.outside == 1
    body_add = [p for p in cmp.proposals if p.field == "body" and "Delegation" in p.new]
    assert len(body_add) == 1
    # accepting every proposal of a field (from the end backwards) gives the Delegation's text
    body = field_text(payload, "body")
    for p in sorted((p for p in cmp.proposals if p.field == "body"), key=lambda p: -p.start):
        body = body[:p.start] + p.new + body[p.end:]
    new_payload = set_field(payload, "body", body)
    assert new_payload["body"][-1] == "A new paragraph from the Delegation."
    assert "nearly 90% of the participants" in new_payload["body"][0]
    assert len(new_payload["body"]) == 3


def test_compare_docx_reads_tracked_changes_as_accepted(payload, rendered):
    import re

    with zipfile.ZipFile(io.BytesIO(rendered)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    # wrap the run with "87%" in a deletion and add an insertion after it
    m = re.search(r"<w:r>(?:(?!<w:r>).)*?<w:t[^>]*>[^<]*87%[^<]*</w:t></w:r>", xml, re.S)
    assert m
    run = m.group(0)
    t_text = re.search(r"<w:t[^>]*>([^<]*)</w:t>", run).group(1)
    before, after = t_text.split("87%")
    rpr = re.search(r"<w:rPr>.*?</w:rPr>", run, re.S)
    rpr = rpr.group(0) if rpr else ""
    new = (f'<w:r>{rpr}<w:t xml:space="preserve">{before}</w:t></w:r>'
           f'<w:del w:id="901" w:author="EU" w:date="2026-03-01T00:00:00Z"><w:r>{rpr}<w:delText>87%</w:delText></w:r></w:del>'
           f'<w:ins w:id="902" w:author="EU" w:date="2026-03-01T00:00:00Z"><w:r>{rpr}<w:t>86%</w:t></w:r></w:ins>'
           f'<w:r>{rpr}<w:t xml:space="preserve">{after}</w:t></w:r>')
    parts["word/document.xml"] = xml.replace(run, new).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    cmp = compare_docx(buf.getvalue(), "tracked.docx", rendered, payload)
    assert cmp.has_revisions
    assert [(p.field, p.old, p.new) for p in cmp.proposals] == [("body", "87", "86")]


def test_compare_docx_refuses_hostile_and_unrelated_files(payload, rendered):
    with pytest.raises(InputError, match="not a valid DOCX"):
        compare_docx(b"just text", "x.docx", rendered, payload)
    with pytest.raises(InputError, match="legacy Word"):
        compare_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\0" * 100,
                     "x.docx", rendered, payload)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
        z.writestr("word/document.xml", "<x/>")
    with pytest.raises(InputError):
        compare_docx(bomb.getvalue(), "x.docx", rendered, payload)
    import docx

    other = docx.Document()
    other.add_paragraph("Minutes of the meeting of the board on an unrelated subject entirely.")
    buf = io.BytesIO()
    other.save(buf)
    with pytest.raises(InputError, match="does not look like an edited copy"):
        compare_docx(buf.getvalue(), "other.docx", rendered, payload)


def test_compare_docx_of_the_unchanged_document_proposes_nothing(payload, rendered):
    draft = render_bytes(__import__("app.release", fromlist=["Release"]).Release.from_dict(payload), draft=True)
    cmp = compare_docx(draft, "same.docx", rendered, payload)
    assert cmp.proposals == []


@pytest.mark.parametrize("example", ["rule-of-law-forum-ru.yml", "rule-of-law-forum-en.yml", "rural-schools-en.yml"])
def test_every_field_is_found_in_the_rendered_document(example):
    """A comment on the last word of every field lands on that word in the DOCX, in both languages
    (the renderer's quotation marks, dashes, no-break spaces and upper-case city notwithstanding)."""
    import re

    from app.release import Release

    release = load_release(ROOT / "examples" / example)
    p = json.loads(json.dumps(release.to_dict()))
    p.pop("logos", None)
    data = render_bytes(Release.from_dict(p))
    notes, expected = [], {}
    for fid, text in field_texts(p):
        words = list(re.finditer(r"\w+", text))
        if not words:
            continue
        w = words[-1]
        notes.append(Note(make_anchor(fid, text, w.start(), w.end()), f"on {fid}"))
        expected[f"on {fid}"] = w.group()
    got = {c[1].split("\n")[0]: c[2] for c in _comments(commented_docx(data, p, notes))}
    wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k, "").upper().replace(" ", "") != v.upper()}  # a phone is regrouped
    assert not wrong and len(got) == len(expected) > 15
