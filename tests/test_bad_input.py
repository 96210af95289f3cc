"""Bad input: one clear line on stderr, exit code 2, never a traceback."""
from __future__ import annotations

import io
import zipfile

import docx


def _assert_refused(r, *needles):
    assert r.code == 2, r
    assert "Traceback" not in r.err
    line = r.err.strip().splitlines()[-1]
    assert line.startswith("pressroom: error:"), r.err
    for n in needles:
        assert n in line, line


def _docx_bytes(text="Пресс-релиз") -> bytes:
    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_missing_file(cli, tmp_path):
    _assert_refused(cli("lint", tmp_path / "nope.txt"), "no such file")


def test_folder_without_drafts(cli, tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    _assert_refused(cli("lint", tmp_path), "folder has no drafts")


def test_empty_file(cli, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n", encoding="utf-8")
    _assert_refused(cli("lint", p), "empty")


def test_binary_garbage(cli, tmp_path):
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(range(256)) * 40)
    _assert_refused(cli("lint", p), "binary")


def test_legacy_doc(cli, tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _assert_refused(cli("lint", p), ".doc", "save it as .docx")


def test_pdf(cli, tmp_path):
    p = tmp_path / "release.pdf"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    _assert_refused(cli("lint", p), "PDF")
    p2 = tmp_path / "renamed.txt"
    p2.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    _assert_refused(cli("lint", p2), "PDF")


def test_corrupted_docx(cli, tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(_docx_bytes()[:1500])
    _assert_refused(cli("lint", p), "corrupted DOCX")
    p.write_bytes(b"this is not a zip at all, just text named .docx")
    _assert_refused(cli("lint", p), "not a valid DOCX")


def test_zip_that_is_not_a_word_document(cli, tmp_path):
    p = tmp_path / "archive.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _assert_refused(cli("lint", p), "not a Word document")


def test_password_protected_docx(cli, tmp_path):
    # Word stores an encrypted .docx as an OLE compound file (EncryptionInfo + EncryptedPackage).
    p = tmp_path / "secret.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024 + "EncryptionInfo".encode("utf-16-le")
                  + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    _assert_refused(cli("lint", p), "password-protected")


def test_zip_bomb_refused_before_parsing(cli, tmp_path):
    p = tmp_path / "bomb.docx"
    good = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in good.infolist():
            zf.writestr(info.filename, good.read(info.filename))
        with zf.open("word/media/padding.bin", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(260):
                fh.write(chunk)
    assert p.stat().st_size < 2 * 1024 * 1024
    _assert_refused(cli("lint", p), "zip bomb")


def test_external_entities_refused(cli, tmp_path):
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes("&xxe;")))
    p = tmp_path / "xxe.docx"
    with zipfile.ZipFile(p, "w") as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
                )
            zf.writestr(info.filename, data)
    _assert_refused(cli("lint", p), "external entities")


def test_file_over_20_mb(cli, tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write(("Текст пресс-релиза. " * 100 + "\n").encode() * 6000)
    assert p.stat().st_size > 20 * 1024 * 1024
    _assert_refused(cli("lint", p), "larger than 20 MB")


def test_unknown_encoding(cli, tmp_path):
    p = tmp_path / "weird.txt"
    p.write_bytes("日本語のテキスト".encode("shift_jis") * 20)
    r = cli("lint", p)
    assert r.code == 2 and "Traceback" not in r.err


def test_bad_config(cli, tmp_path):
    (tmp_path / "pressroom.toml").write_text("language = [broken", encoding="utf-8")
    d = tmp_path / "d.txt"
    d.write_text("Текст.\n", encoding="utf-8")
    _assert_refused(cli("lint", d, "--config", tmp_path / "pressroom.toml"), "invalid TOML")
    (tmp_path / "pressroom.toml").write_text('colour = "blue"\n', encoding="utf-8")
    _assert_refused(cli("lint", d, "--config", tmp_path / "pressroom.toml"), "unknown setting")


def test_unknown_option_is_usage_error(cli):
    r = cli("lint", "--no-such-flag")
    assert r.code == 2 and "unrecognized arguments" in r.err


def test_one_bad_file_among_good_ones_still_reports_the_rest(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Сроки: 2024-2026 гг.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("", encoding="utf-8")
    r = cli("lint", good, bad, "--select", "typography", "--fail-level", "error")
    assert r.code == 2  # an input error is a failure even though good.txt has only warnings
    assert "typography.range-hyphen" in r.out and "bad.txt: file is empty" in r.err
