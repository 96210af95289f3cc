"""Read drafts (TXT, MD, DOCX, standard input) into a Document.

Every failure is an InputError with one line a user can act on.
"""
from __future__ import annotations

import sys
from pathlib import Path

from app.core.document import Document
from app.core.language import SUPPORTED, detect_language
from app.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
DRAFT_SUFFIXES = (".docx", ".txt", ".md", ".markdown")


def sniff(data: bytes) -> str | None:
    """Recognise formats we refuse or read as DOCX from their first bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return None


def read_bytes(data: bytes, name: str = "<stdin>", fmt: str | None = None, language: str = "auto") -> Document:
    """Build a Document from raw bytes. ``fmt`` is txt, md or docx; guessed from name and content."""
    if len(data) > MAX_BYTES:
        size = "larger than 20 MB" if len(data) == MAX_BYTES + 1 else f"{len(data) / 1048576:.1f} MB"  # a bounded read
        raise InputError(f"{name}: file is {size}; drafts larger than 20 MB are refused")
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    kind = sniff(data)
    suffix = Path(name).suffix.lower()
    if fmt is None:
        fmt = {".docx": "docx", ".md": "md", ".markdown": "md"}.get(suffix, "txt")
    if kind == "pdf":
        raise InputError(f"{name}: this is a PDF; Pressroom reads DOCX, TXT and MD (export the draft from Word as .docx)")
    if kind == "rtf":
        raise InputError(f"{name}: this is an RTF file; save it as .docx or .txt first")
    if kind == "ole":
        # An OLE container is an encrypted DOCX (its streams EncryptionInfo / EncryptedPackage) or
        # a legacy .doc (WordDocument) or another Office file; the directory names are UTF-16.
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise InputError(f"{name}: this DOCX is password-protected (encrypted); remove the password in Word and save again")
        if "WordDocument".encode("utf-16-le") in data:
            renamed = " renamed .docx" if suffix == ".docx" else ""
            raise InputError(f"{name}: this is a legacy Word .doc file{renamed}, not a DOCX; open it in Word and save it as .docx")
        raise InputError(f"{name}: this is a legacy Office (OLE) file, not a DOCX; save it as .docx first")
    if kind == "zip" or fmt == "docx":
        if kind != "zip":
            raise InputError(f"{name}: not a valid DOCX file (it is not a ZIP package); the file may be corrupted")
        from app.core.readers.docx import read_docx

        doc = read_docx(data, name)
    else:
        from app.core.readers.text import read_text

        doc = read_text(data, name, markdown=(fmt == "md"))
    set_language(doc, language)
    return doc


def set_language(doc: Document, language: str = "auto") -> None:
    if language and language != "auto":
        if language not in SUPPORTED:
            raise InputError(f"unsupported language '{language}' (use one of: auto, {', '.join(SUPPORTED)})")
        doc.language = language
    else:
        doc.language = detect_language(doc.text)


def read_path(path: str, language: str = "auto") -> Document:
    """Read one draft from a path, or standard input for ``-``."""
    from app.core.files import read_regular_file, read_stream

    if path == "-":
        data = read_stream(sys.stdin.buffer, MAX_BYTES)
        return read_bytes(data, "<stdin>", None, language)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder (give files, or a folder with .docx/.txt/.md drafts)")
    suffix = p.suffix.lower()
    if suffix == ".doc":
        raise InputError(f"{path}: legacy Word .doc files are not supported; save it as .docx first")
    if suffix == ".pdf":
        raise InputError(f"{path}: this is a PDF; Pressroom reads DOCX, TXT and MD (export the draft from Word as .docx)")
    try:
        size = p.stat().st_size
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if size > MAX_BYTES:
        raise InputError(f"{path}: file is {size / 1048576:.1f} MB; drafts larger than 20 MB are refused")
    data = read_regular_file(path, MAX_BYTES)
    if len(data) > MAX_BYTES:  # it grew, or st_size lied
        raise InputError(f"{path}: file is larger than 20 MB; drafts larger than 20 MB are refused")
    return read_bytes(data, str(path), None, language)


def expand_paths(paths: list[str]) -> list[str]:
    """Files to lint: folders expand to the drafts inside them, recursively, sorted."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in DRAFT_SUFFIXES and not f.name.startswith((".", "~$"))
            )
            if not found:
                raise InputError(f"{path}: folder has no drafts (.docx, .txt or .md)")
            out.extend(found)
        else:
            out.append(path)
    return out
