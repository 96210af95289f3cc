"""The PDF attachment keeps the release's links clickable (issue 14): the DOCX has real hyperlinks
(w:hyperlink with r:id to mailto:) for the contacts' e-mails, and the PDF made from it by LibreOffice
has a URI link annotation over each address (LibreOffice 7.4 headless writes none; app.release.deliver
adds them)."""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
needs_lo = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
                              reason="LibreOffice and poppler-utils are installed by scripts/install-system-deps.sh")


def _release():
    from app.release import load_release

    return load_release(ROOT / "examples" / "rule-of-law-forum-ru.yml")


def test_docx_has_real_hyperlinks_for_the_emails():
    from app.release.deliver import docx_links
    from app.release.render import render_bytes

    rel = _release()
    links = docx_links(render_bytes(rel, draft=False))
    assert {(c.email, f"mailto:{c.email}") for c in rel.contacts if c.email} <= set(links)


def _annots(pdf: bytes) -> list[tuple[str, list[float]]]:
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Link" and "/A" in a:
                out.append((str(a["/A"].get("/URI")), [float(x) for x in a["/Rect"]]))
    return out


@needs_lo
def test_pdf_has_uri_link_annotations(tmp_path):
    from app.release.deliver import render_pdf

    rel = _release()
    pdf = render_pdf(rel, draft=True)
    uris = [u for u, _r in _annots(pdf)]
    for c in rel.contacts:
        if c.email:
            assert uris.count(f"mailto:{c.email}") == 1, uris
    # the same document otherwise: text, the DRAFT mark, embedded fonts
    (tmp_path / "r.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert all(c.email in text for c in rel.contacts if c.email)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
    assert "yes" in fonts.splitlines()[2]
    # each annotation covers its address: the words pdftotext finds inside the box are the address
    for uri, (x0, y0, x1, y1) in _annots(pdf):
        assert x1 - x0 > 50 and 5 < y1 - y0 < 30


@needs_lo
def test_web_pdf_download_has_links(web_client):
    """The form's Download PDF (what a user attaches to the e-mail) has the links too."""
    import json

    import yaml

    p = json.loads(json.dumps(yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text("utf-8")), default=str))
    data = {k: str(p[k]) for k in ("language", "date", "city", "label", "headline", "subheadline", "lead", "organisation") if k in p}
    data["body"] = "\n\n".join(p.get("body", []))
    for lst in ("quotes", "projects", "contacts"):
        for i, e in enumerate(p.get(lst, [])):
            for k, v in e.items():
                data[f"{lst}-{i}-{k}"] = "\n".join(v) if isinstance(v, list) else str(v)
    rid = web_client.post("/releases/autosave", data=data).json["id"]
    r = web_client.get(f"/releases/{rid}/download.pdf")
    assert r.status_code == 200
    assert {u for u, _ in _annots(r.data)} >= {f"mailto:{c['email']}" for c in p["contacts"] if c.get("email")}
