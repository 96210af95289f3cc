"""Annotated DOCX: one Word review comment per finding, on exactly the flagged text (issue 6)."""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import uuid

import pytest
from lxml import etree

from checkutil import SEED

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag):
    return f"{{{W}}}{tag}"


def build_docx(paragraphs, header: str | None = None) -> bytes:
    """paragraphs: list of lists of (text, {bold, italic, underline, size}) runs, or plain strings."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    for para in paragraphs:
        p = d.add_paragraph()
        if isinstance(para, str):
            para = [(para, {})]
        for text, fmt in para:
            r = p.add_run(text)
            r.bold = fmt.get("bold")
            r.italic = fmt.get("italic")
            r.underline = fmt.get("underline")
            if fmt.get("size"):
                r.font.size = Pt(fmt["size"])
    if header is not None:
        d.sections[0].header.paragraphs[0].text = header
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def seed_as_docx() -> bytes:
    """The seed's non-empty lines as paragraphs, each cut into three runs of different formatting."""
    paras = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        a, b = len(line) // 3, 2 * len(line) // 3
        paras.append([(line[:a], {}), (line[a:b], {"bold": True}), (line[b:], {"italic": True, "size": 13})])
    return build_docx(paras)


def read(data: bytes, name="x.docx"):
    from app.core.readers import read_bytes

    return read_bytes(data, name)


def lint_doc(doc, select=()):
    from app.engine.linter import lint

    return lint(doc, select=list(select)).findings


def char_formats(doc) -> list:
    """For every character of Document.text: the XML of its run properties."""
    out = [None] * len(doc.text)
    for s in doc.docx.segments:
        rpr = s.run.find(q("rPr"))
        xml = etree.tostring(rpr) if rpr is not None else b""
        for i in range(s.start, s.end):
            out[i] = xml
    return out


def pressroom_comments(doc) -> list[dict]:
    return [c for c in doc.docx.comments.values() if c["author"] == "Pressroom"]


def assert_one_comment_per_finding(doc, findings, annotated):
    comments = pressroom_comments(annotated)
    assert len(comments) == len(findings)
    got = sorted((c["start"], c["end"], c["text"].splitlines()[-1]) for c in comments)
    want = sorted((f.offset, f.end, f"Rule: {f.rule}") for f in findings)
    assert got == want
    for c in comments:
        assert annotated.text[c["start"]:c["end"]] == doc.source_text[c["start"]:c["end"]]


def test_seed_txt_annotated_one_comment_per_finding_on_exact_text():
    from app.annotate import annotate
    from app.core.readers import read_path

    doc = read_path(str(SEED))
    findings = lint_doc(doc)
    assert any(f.rule == "typography.range-hyphen" for f in findings)
    annotated = read(annotate(doc, findings))
    # The DOCX made from the text has the same text (one paragraph per line).
    assert annotated.text == doc.source_text
    assert_one_comment_per_finding(doc, findings, annotated)
    rng = next(c for c in pressroom_comments(annotated) if "typography.range-hyphen" in c["text"])
    assert annotated.text[rng["start"]:rng["end"]] == "2024-2026"
    assert rng["text"].startswith("Warning: ") and "Suggestion: 2024–2026" in rng["text"]


def test_seed_docx_comments_on_exact_spans_and_formatting_unchanged():
    from app.annotate import annotate

    data = seed_as_docx()
    doc = read(data)
    findings = lint_doc(doc)
    assert len(findings) >= 3
    out = annotate(doc, findings)
    annotated = read(out)
    assert annotated.text == doc.text
    assert_one_comment_per_finding(doc, findings, annotated)
    # Runs were split around the spans, but every character keeps its formatting.
    assert char_formats(annotated) == char_formats(doc)
    # The input is not touched.
    assert doc.docx.data == data and read(data).docx.comments == {}


def test_missing_element_anchored_where_it_belongs():
    from app.annotate import annotate
    from app.core.readers import read_bytes
    from app.engine.finding import Finding

    doc = read_bytes("Title\n\nFirst paragraph.\nLast paragraph.\n".encode(), "d.txt")
    end = doc.end_anchor()
    f = Finding("structure.missing-disclaimer", "structure", "error", "No disclaimer", end, 0,
                ["This publication was funded by the EU."], "\n\nThis publication was funded by the EU.")
    annotated = read(annotate(doc, [f]))
    (c,) = pressroom_comments(annotated)
    assert c["start"] == c["end"] == end
    assert annotated.text[:end].endswith("Last paragraph.")
    assert "Error: No disclaimer" in c["text"]


def test_cli_annotate_writes_docx_keeps_original(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    shutil.copy(SEED, draft)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp_path / "review.docx"
    r = cli("lint", draft, "--annotate", out, "--format", "json")
    plain = cli("lint", draft, "--format", "json")
    assert r.code == plain.code and r.out == plain.out  # report and exit code unchanged
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    import docx

    d = docx.Document(str(out))  # opens in python-docx
    import json

    n = len(json.loads(r.out)["files"][0]["findings"])
    assert len([c for c in d.comments if c.author == "Pressroom"]) == n
    assert f"{n} comment(s)" in r.err


def test_cli_annotate_refuses_the_draft_itself_and_non_docx(cli, tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(seed_as_docx())
    before = draft.read_bytes()
    r = cli("lint", draft, "--annotate", draft)
    assert r.code == 2 and "never modified" in r.err and "Traceback" not in r.err
    r = cli("lint", draft, "--annotate", tmp_path / "out.txt")
    assert r.code == 2 and ".docx" in r.err
    assert draft.read_bytes() == before


def test_cli_annotate_read_only_target(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    shutil.copy(SEED, draft)
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    r = cli("lint", draft, "--annotate", target)
    assert r.code == 2 and "not writable" in r.err
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["out.docx"]  # no temp file left behind


def test_existing_comments_and_tracked_changes_are_kept():
    """A reviewer's comment and tracked changes survive; the current text is what gets linted."""
    import docx
    from app.annotate import annotate

    d = docx.Document()
    p1 = d.add_paragraph()
    r1 = p1.add_run("Мнение редактора.")
    d.add_comment(r1, text="Хорошо написано", author="Editor", initials="ED")
    p2 = d.add_paragraph()
    p2.add_run("Проект длится ")
    body = p2._p
    ins = etree.SubElement(body, q("ins"), {q("id"): "101", q("author"): "Editor", q("date"): "2025-01-01T00:00:00Z"})
    ir = etree.SubElement(ins, q("r"))
    it = etree.SubElement(ir, q("t"))
    it.text = "(2024-2026)"
    dl = etree.SubElement(body, q("del"), {q("id"): "102", q("author"): "Editor", q("date"): "2025-01-01T00:00:00Z"})
    dr = etree.SubElement(dl, q("r"))
    dt = etree.SubElement(dr, q("delText"))
    dt.text = " удалено"
    tail = etree.SubElement(body, q("r"))
    tt = etree.SubElement(tail, q("t"))
    tt.text = " лет."
    buf = io.BytesIO()
    d.save(buf)
    doc = read(buf.getvalue())
    assert doc.docx.has_revisions and "удалено" not in doc.text
    findings = [f for f in lint_doc(doc) if f.rule == "typography.range-hyphen"]
    assert len(findings) == 1
    out = annotate(doc, findings)
    annotated = read(out)
    editor = [c for c in annotated.docx.comments.values() if c["author"] == "Editor"]
    assert len(editor) == 1 and editor[0]["text"] == "Хорошо написано"
    assert annotated.text[editor[0]["start"]:editor[0]["end"]] == "Мнение редактора."
    (mine,) = pressroom_comments(annotated)
    assert annotated.text[mine["start"]:mine["end"]] == "2024-2026"
    root = etree.fromstring(zip_part(out, "word/document.xml"))
    assert root.find(f".//{q('del')}//{q('delText')}").text == " удалено"
    assert "".join(t.text for t in root.iterfind(f".//{q('ins')}//{q('t')}")) == "(2024-2026)"


def zip_part(data: bytes, name: str) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def test_findings_in_header_are_commented_in_the_body():
    from app.annotate import annotate

    data = build_docx(["Текст релиза без ошибок."], header="Проект  ЕС")
    doc = read(data)
    findings = [f for f in lint_doc(doc) if f.rule == "typography.double-space"]
    assert findings and doc.block_at(findings[0].offset).kind == "header"
    annotated = read(annotate(doc, findings))
    (c,) = pressroom_comments(annotated)
    assert "in a header" in c["text"]
    assert c["start"] == c["end"] == 0


def test_round_trip_and_pressroom_ignore_suppresses_its_rule():
    """Annotate, a reviewer answers with `pressroom-ignore RULE` on a span, the next run honours it."""
    import docx
    from app.annotate import annotate

    data = build_docx([
        [("Проект длится ", {}), ("2024-2026", {"bold": True}), (" гг., собрал  80 участников .", {})],
        "Второй абзац (2020-2021 гг.).",
    ])
    doc = read(data)
    first = lint_doc(doc, ["typography"])
    rules = sorted(f.rule for f in first)
    assert rules.count("typography.range-hyphen") == 2
    annotated_bytes = annotate(doc, first)
    annotated = read(annotated_bytes)
    # Our own comments do not suppress anything: the same findings come back.
    assert sorted(f.rule for f in lint_doc(annotated, ["typography"])) == rules
    # A reviewer marks the first range as intended, on its run.
    d = docx.Document(io.BytesIO(annotated_bytes))
    run = next(r for r in d.paragraphs[0].runs if r.text == "2024-2026")
    d.add_comment(run, text="pressroom-ignore typography.range-hyphen\nтак в договоре", author="Reviewer")
    buf = io.BytesIO()
    d.save(buf)
    reviewed = read(buf.getvalue())
    again = lint_doc(reviewed, ["typography"])
    hyphen = [f for f in again if f.rule == "typography.range-hyphen"]
    assert [reviewed.text[f.offset:f.end] for f in hyphen] == ["2020-2021"]  # only the other one
    assert any(f.rule == "typography.double-space" for f in again)  # other rules still run there
    # A second annotation keeps every earlier comment (ours and the reviewer's).
    twice = read(annotate(reviewed, again))
    authors = sorted(c["author"] for c in twice.docx.comments.values())
    assert authors.count("Reviewer") == 1
    assert authors.count("Pressroom") == len(first) + len(again)


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.skip("LibreOffice not installed (scripts/install-system-deps.sh installs libreoffice-writer-nogui)")
    return exe


@pytest.mark.slow
def test_annotated_docx_converts_in_libreoffice_and_comments_survive(tmp_path):
    from app.annotate import annotate

    exe = _soffice()
    doc = read(seed_as_docx())
    findings = lint_doc(doc)
    src = tmp_path / "annotated.docx"
    src.write_bytes(annotate(doc, findings))
    profile = f"file:///tmp/pressroom-lo-{uuid.uuid4().hex}"
    for fmt in ("pdf", "docx"):
        outdir = tmp_path / fmt
        p = subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                            "--outdir", str(outdir), str(src)], capture_output=True, timeout=180)
        assert p.returncode == 0, p.stderr
        out = outdir / f"annotated.{fmt}"
        assert out.exists() and out.stat().st_size > 1000
    assert (tmp_path / "pdf" / "annotated.pdf").read_bytes().startswith(b"%PDF")
    # LibreOffice read our comments and wrote them back on the same text.
    back = read((tmp_path / "docx" / "annotated.docx").read_bytes())
    # (LibreOffice stores a comment on a point, e.g. a missing disclaimer, as a bare reference.)
    spans = sorted((back.text[c["start"]:c["end"]] if "start" in c else "", c["text"].splitlines()[-1])
                   for c in pressroom_comments(back))
    assert spans == sorted((doc.text[f.offset:f.end], f"Rule: {f.rule}") for f in findings)
    shutil.rmtree(profile[len("file://"):], ignore_errors=True)


def test_comments_in_russian_with_messages_ru(cli, tmp_path):
    import docx as _docx

    src = tmp_path / "draft.txt"
    src.write_text("Сроки: 2024-2026 гг. Пишите по adpecy info@lprc.kz.\n", encoding="utf-8")
    out = tmp_path / "review.docx"
    r = cli("lint", src, "--annotate", out, "--messages", "ru", "--select", "typography,homoglyph")
    assert r.code in (0, 1), r
    texts = [c.text for c in _docx.Document(out).comments]
    assert any(t.startswith("Предупреждение: ") and "Правило: typography.range-hyphen" in t for t in texts), texts
    assert any(t.startswith("Ошибка: ") and "«adpecy»" in t and "Вариант: адресу" in t for t in texts), texts
