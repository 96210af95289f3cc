"""Safe autofix (`pressroom lint --fix`): TXT byte-identical outside the fixes, DOCX formatting kept."""
from __future__ import annotations

import difflib
import io
import shutil

import pytest
from lxml import etree

from checkutil import SEED
from test_annotate import build_docx, char_formats, q, read, seed_as_docx, zip_part


def _doc(data: bytes, name: str):
    from app.core.readers import read_bytes

    return read_bytes(data, name)


def _lint(doc, select=("typography",)):
    """Own drafts are checked with the typography rules only (other rules come and go)."""
    from app.engine.linter import lint

    return lint(doc, select=list(select)).findings


def _finding(offset, length, fix, rule="typography.test"):
    from app.engine.finding import Finding

    return Finding(rule, "typography", "warning", "test", offset, length, [fix], fix)


# ----- TXT / MD --------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1251", b""),
                                          ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_txt_fixes_keep_encoding_and_every_other_byte(encoding, bom):
    from app.fix import apply_fixes

    text = "Проект (2024-2026 гг.) собрал  80 участников .\r\nВторая строка без ошибок.\r\n"
    raw = bom + text.encode(encoding)
    doc = _doc(raw, "draft.txt")
    findings = _lint(doc)
    rules = {f.rule for f in findings if f.fix is not None}
    assert {"typography.range-hyphen", "typography.double-space", "typography.space-before-punctuation"} <= rules
    data, applied, skipped = apply_fixes(doc, findings, raw)
    expected = "Проект (2024–2026 гг.) собрал 80 участников.\r\nВторая строка без ошибок.\r\n"
    assert data == bom + expected.encode(encoding)
    assert not skipped and {f.rule for f in applied} == rules
    assert all(f.fix is None for f in _lint(_doc(data, "draft.txt")))


def test_overlapping_fixes_first_applied_rest_reported():
    from app.fix import apply_fixes

    doc = _doc("abcdef ghij\n".encode(), "d.txt")
    f1 = _finding(0, 4, "ABCD", "r.one")
    f2 = _finding(2, 4, "XXXX", "r.two")  # overlaps f1
    f3 = _finding(7, 4, "GHIJ", "r.three")
    f4 = _finding(7, 4, "GHIJ", "r.four")  # same fix from another rule: applied once
    f5 = _finding(11, 0, " END", "r.five")  # insert at the end of the line
    nofix = _finding(0, 1, None, "spelling.x")
    data, applied, skipped = apply_fixes(doc, [f3, f2, f1, f4, f5, nofix])
    assert data == "ABCDef GHIJ END\n".encode()
    assert {f.rule for f in applied} == {"r.one", "r.three", "r.four", "r.five"}
    assert [(s.finding.rule, s.reason) for s in skipped] == [("r.two", "it overlaps the fix of r.one")]


def test_markdown_fix_never_touches_markup():
    from app.fix import apply_fixes

    src = "# Заголовок\n\nПроект **2024-2026** собрал  80 человек.\n"
    raw = src.encode()
    doc = _doc(raw, "d.md")
    data, applied, skipped = apply_fixes(doc, _lint(doc), raw)
    assert data.decode() == "# Заголовок\n\nПроект **2024–2026** собрал 80 человек.\n"
    # A fix over blanked markup (here the `**`) is refused.
    star = src.index("**")
    data, applied, skipped = apply_fixes(doc, [_finding(star - 1, 3, " ")], raw)
    assert data == raw and skipped and "markup" in skipped[0].reason


# ----- DOCX ------------------------------------------------------------------------------------

def _formatted_draft() -> bytes:
    return build_docx([
        [("Проект длится ", {}), ("2024", {"bold": True}), ("-2026 гг. и ", {"italic": True}),
         ("собрал ", {"underline": True}), (" 80 участников", {"size": 14}), (" .", {"bold": True})],
        "Второй абзац без ошибок.",
    ])


def test_docx_fix_keeps_formatting_of_every_character():
    from app.fix import apply_fixes

    data = _formatted_draft()
    doc = read(data)
    before = char_formats(doc)
    out, applied, skipped = apply_fixes(doc, _lint(doc))
    assert not skipped
    assert {f.rule for f in applied} >= {"typography.range-hyphen", "typography.double-space",
                                         "typography.space-before-punctuation"}
    fixed = read(out)
    assert fixed.text == "Проект длится 2024–2026 гг. и собрал 80 участников.\nВторой абзац без ошибок."
    after = char_formats(fixed)
    # Map every kept character back: its run properties are exactly the old ones; the en dash
    # took the place (and formatting) of the hyphen.
    sm = difflib.SequenceMatcher(None, doc.text, fixed.text, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            assert after[b0:b1] == before[a0:a1], (op, doc.text[a0:a1])
        else:
            assert op == "delete", (op, doc.text[a0:a1], fixed.text[b0:b1])
    assert doc.docx.data == data  # the input Document is untouched


def test_docx_fix_keeps_comments_and_tracked_changes(tmp_path):
    import docx
    from app.fix import apply_fixes

    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("Проект  (2024-2026) идёт.")
    d.add_comment(r, text="Проверить даты", author="Editor")
    p2 = d.add_paragraph()
    ins = etree.SubElement(p2._p, q("ins"), {q("id"): "7", q("author"): "Editor", q("date"): "2025-01-01T00:00:00Z"})
    t = etree.SubElement(etree.SubElement(ins, q("r")), q("t"))
    t.text = "Вставлено  редактором."
    dl = etree.SubElement(p2._p, q("del"), {q("id"): "8", q("author"): "Editor", q("date"): "2025-01-01T00:00:00Z"})
    etree.SubElement(etree.SubElement(dl, q("r")), q("delText")).text = " Удалено."
    buf = io.BytesIO()
    d.save(buf)
    doc = read(buf.getvalue())
    out, applied, skipped = apply_fixes(doc, _lint(doc))
    fixed = read(out)
    assert fixed.text == "Проект (2024–2026) идёт.\nВставлено редактором."
    (c,) = fixed.docx.comments.values()
    assert c["author"] == "Editor" and c["text"] == "Проверить даты"
    assert fixed.text[c["start"]:c["end"]] == "Проект (2024–2026) идёт."
    root = etree.fromstring(zip_part(out, "word/document.xml"))
    assert root.find(f".//{q('del')}//{q('delText')}").text == " Удалено."
    assert "".join(x.text for x in root.iterfind(f".//{q('ins')}//{q('t')}")) == "Вставлено редактором."


def test_docx_missing_statement_becomes_a_new_paragraph():
    from app.fix import apply_fixes

    data = build_docx(["Заголовок", [("Текст релиза.", {"italic": True})]])
    doc = read(data)
    end = doc.end_anchor()
    f = _finding(end, 0, "\n\nЭтот проект финансируется Европейским союзом.", "structure.missing-test")
    out, applied, skipped = apply_fixes(doc, [f])
    assert applied == [f] and not skipped
    fixed = read(out)
    assert fixed.text == "Заголовок\nТекст релиза.\nЭтот проект финансируется Европейским союзом."
    assert [b.kind for b in fixed.blocks] == ["paragraph"] * 3
    # The old paragraphs keep their formatting; the new one is plain.
    assert char_formats(fixed)[: len(doc.text)] == char_formats(doc)
    # A one-line insert goes into the run before it, with its formatting.
    g = _finding(end, 0, " Конец.")
    fixed2 = read(apply_fixes(doc, [g])[0])
    assert fixed2.text.endswith("Текст релиза. Конец.")
    fm = char_formats(fixed2)
    assert fm[-1] == fm[end - 1] and b"<w:i/>" in fm[-1]


def test_docx_fix_in_header_is_applied_and_in_a_tab_is_refused():
    from app.fix import apply_fixes

    data = build_docx(["Текст."], header="Проект  ЕС")
    doc = read(data)
    out, applied, skipped = apply_fixes(doc, [f for f in _lint(doc) if f.rule == "typography.double-space"])
    assert applied and read(out).text.endswith("Проект ЕС")
    tab = build_docx(["A\tB"])
    tdoc = read(tab)
    out, applied, skipped = apply_fixes(tdoc, [_finding(1, 1, " ")])
    assert out is not None and not applied and "tab" in skipped[0].reason


# ----- the seed (acceptance) -------------------------------------------------------------------

SEED_REPAIRS = [
    # (rule id or category, text before, text after); xfail while the rule has no fix yet
    ("typography.range-hyphen", "(2024-2026 гг.)", "(2024–2026 гг.)"),
    ("contact.email", "omiroshnichenko @hotmail.com", "omiroshnichenko@hotmail.com"),
    ("contact.phone", "Tel: +701 744 44 29", "Tel: +7 701 744 44 29"),
    ("homoglyph", "электронному adpecy", "электронному адресу"),
]


def _fix_landed(rule: str) -> bool:
    from app.core.readers import read_path

    doc = read_path(str(SEED))
    return any(f.fix is not None and (f.rule == rule or f.rule.startswith(rule + ".") or f.category == rule)
               for f in _lint(doc, select=()))


def _seed_repair_params():
    for rule, before, after in SEED_REPAIRS:
        marks = [] if _fix_landed(rule) else [pytest.mark.xfail(strict=False, reason=f"the {rule} fix has not landed yet")]
        yield pytest.param(rule, before, after, marks=marks, id=rule)


@pytest.fixture(scope="module")
def seed_fixed_txt(tmp_path_factory):
    from app.cli import main

    tmp = tmp_path_factory.mktemp("seedfix")
    src = tmp / "seed.txt"
    shutil.copy(SEED, src)
    src.chmod(0o644)
    out = tmp / "fixed.txt"
    import contextlib

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["lint", str(src), "--fix", "--output", str(out), "--format", "json"])
    return src, out, code, err.getvalue()


@pytest.mark.parametrize("rule,before,after", list(_seed_repair_params()))
def test_seed_fix_repairs(seed_fixed_txt, rule, before, after):
    src, out, code, err = seed_fixed_txt
    new = out.read_text(encoding="utf-8")
    assert before in src.read_text(encoding="utf-8")
    assert after in new and before not in new


def test_seed_fix_changes_only_fixed_spans_and_relint_has_nothing_fixable(seed_fixed_txt):
    from app.core.readers import read_bytes, read_path
    from app.fix import apply_fixes, select_fixes

    src, out, code, err = seed_fixed_txt
    # Replay the passes of --fix: in each one, every change lies inside the span of a finding that
    # carries a fix; nothing else in the file moves.
    data = src.read_bytes()
    for _ in range(3):
        doc = read_bytes(data, "seed.txt")
        findings = _lint(doc, select=())
        new, applied, skipped = apply_fixes(doc, findings, data)
        if new == data:
            break
        spans = [(f.offset, f.end) for f in findings if f.fix is not None]
        old_text, new_text = doc.source_text, new.decode("utf-8")
        sm = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op != "equal":
                assert any(s <= a0 and a1 <= e for s, e in spans), (op, old_text[max(0, a0 - 30):a1 + 30])
        data = new
    assert out.read_bytes() == data != src.read_bytes()
    # Spelling is never fixed and what remains has no safe fix left.
    after = _lint(read_path(str(out)), select=())
    assert not [f for f in after if f.fix is not None and f.rule.startswith("spelling")]
    chosen, dupes, skipped = select_fixes(read_path(str(out)), after)
    assert not chosen, [(f.rule, f.fix) for f in chosen]
    assert "remain" in err


def test_seed_docx_fix_keeps_formatting():
    from app.fix import apply_fixes

    data = seed_as_docx()
    doc = read(data)
    before = char_formats(doc)
    out, applied, skipped = apply_fixes(doc, _lint(doc, select=()))
    assert any(f.rule == "typography.range-hyphen" for f in applied)
    fixed = read(out)
    assert "2024–2026" in fixed.text and "2024-2026" not in fixed.text
    after = char_formats(fixed)
    sm = difflib.SequenceMatcher(None, doc.text, fixed.text, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            assert after[b0:b1] == before[a0:a1]
        elif op == "insert" and "\n" not in fixed.text[b0:b1]:
            # inserted text takes the formatting of the character before it
            assert all(x == after[b0 - 1] for x in after[b0:b1])


# ----- CLI -------------------------------------------------------------------------------------

@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_bytes("Проект (2024-2026 гг.) собрал  80 участников .\n".encode())
    return p


def test_cli_fix_output_and_report(cli, draft, tmp_path):
    out = tmp_path / "fixed.txt"
    before = draft.read_bytes()
    r = cli("lint", "--select", "typography", draft, "--fix", "--output", out, "--format", "json")
    assert draft.read_bytes() == before
    assert out.read_text(encoding="utf-8") == "Проект (2024–2026 гг.) собрал 80 участников.\n"
    import json

    data = json.loads(r.out)
    assert data["version"] == 1 and data["files"][0]["findings"] == []
    assert r.code == 0 and "fixed 3 finding(s); 0 remain" in r.err


def test_cli_fix_in_place_keeps_bak(cli, draft):
    before = draft.read_bytes()
    draft.chmod(0o640)
    r = cli("lint", "--select", "typography", draft, "--fix", "--in-place")
    assert r.code == 0, r
    assert draft.with_name("draft.txt.bak").read_bytes() == before
    assert "2024–2026" in draft.read_text(encoding="utf-8")
    assert oct(draft.stat().st_mode & 0o777) == oct(0o640)  # permissions kept


def test_cli_fix_diff_writes_nothing(cli, draft):
    before = draft.read_bytes()
    r = cli("lint", "--select", "typography", draft, "--fix", "--diff")
    assert draft.read_bytes() == before
    assert not draft.with_name("draft.txt.bak").exists()
    assert "-Проект (2024-2026 гг.) собрал  80 участников .\n" in r.out
    assert "+Проект (2024–2026 гг.) собрал 80 участников.\n" in r.out
    assert "would fix 3" in r.err


def test_cli_fix_docx(cli, tmp_path):
    src = tmp_path / "draft.docx"
    src.write_bytes(_formatted_draft())
    out = tmp_path / "fixed.docx"
    r = cli("lint", "--select", "typography", src, "--fix", "-o", out)
    assert r.code == 0, r
    assert read(out.read_bytes()).text.startswith("Проект длится 2024–2026 гг. и собрал 80 участников.")
    r = cli("lint", "--select", "typography", src, "--fix", "--diff")
    assert "+Проект длится 2024–2026" in r.out and "(text)" in r.out


@pytest.mark.parametrize("args,message", [
    (["--fix"], "--fix needs --output FILE"),
    (["--in-place"], "--in-place and --diff work with --fix"),
    (["--fix", "--in-place", "--diff"], "choose one"),
])
def test_cli_fix_usage_errors(cli, draft, args, message):
    before = draft.read_bytes()
    r = cli("lint", draft, *args)
    assert r.code == 2 and message in r.err and "Traceback" not in r.err
    assert draft.read_bytes() == before


def test_cli_fix_output_equal_to_input_refused(cli, draft):
    before = draft.read_bytes()
    r = cli("lint", draft, "--fix", "--output", draft)
    assert r.code == 2 and "--in-place" in r.err
    assert draft.read_bytes() == before


def test_cli_fix_read_only_output_and_read_only_draft(cli, draft, tmp_path):
    ro = tmp_path / "ro.txt"
    ro.write_text("old", encoding="utf-8")
    ro.chmod(0o444)
    r = cli("lint", draft, "--fix", "--output", ro)
    assert r.code == 2 and "not writable" in r.err
    assert ro.read_text(encoding="utf-8") == "old"
    before = draft.read_bytes()
    draft.chmod(0o444)
    r = cli("lint", draft, "--fix", "--in-place")
    assert r.code == 2 and "not writable" in r.err
    assert draft.read_bytes() == before and not draft.with_name("draft.txt.bak").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pressroom-")]
    r = cli("lint", draft, "--fix", "--output", tmp_path / "missing" / "x.txt")
    assert r.code == 2 and "does not exist" in r.err


def test_cli_fix_corrupted_docx(cli, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    r = cli("lint", bad, "--fix", "--in-place")
    assert r.code == 2 and "corrupted" in r.err.lower() and "Traceback" not in r.err
    assert bad.read_bytes() == b"PK\x03\x04 this is not a zip"


def test_cli_fix_in_place_docx_with_comments_and_revisions(cli, tmp_path):
    import docx

    d = docx.Document()
    r = d.add_paragraph().add_run("Проект  (2024-2026) идёт.")
    d.add_comment(r, text="Проверить даты", author="Editor")
    p2 = d.add_paragraph()
    dl = etree.SubElement(p2._p, q("del"), {q("id"): "8", q("author"): "Editor", q("date"): "2025-01-01T00:00:00Z"})
    etree.SubElement(etree.SubElement(dl, q("r")), q("delText")).text = "Удалённый  текст."
    buf = io.BytesIO()
    d.save(buf)
    src = tmp_path / "draft.docx"
    src.write_bytes(buf.getvalue())
    r = cli("lint", "--select", "typography", src, "--fix", "--in-place")
    assert r.code == 0, r
    assert "tracked changes" in r.err and "fixed 2 finding(s); 0 remain" in r.err
    assert (tmp_path / "draft.docx.bak").read_bytes() == buf.getvalue()
    fixed = read(src.read_bytes())
    assert fixed.text.startswith("Проект (2024–2026) идёт.")
    assert [c["text"] for c in fixed.docx.comments.values()] == ["Проверить даты"]
    root = etree.fromstring(zip_part(src.read_bytes(), "word/document.xml"))
    assert root.find(f".//{q('del')}//{q('delText')}").text == "Удалённый  текст."  # deleted text untouched
