"""LibreOffice opens what Pressroom renders: DOCX -> PDF succeeds and the PDF text holds the
headline, the funding statement and the disclaimer (and the emblem's statement on page 1)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app.core import eu_texts
from app.release import load_release, render_release
from app.release.preview import docx_to_pdf, first_page_png, pdf_text, soffice

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    if not soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice/poppler not installed (scripts/install-system-deps.sh installs them)")
    tmp = tmp_path_factory.mktemp("pdf")
    out = {}
    for name in ("rule-of-law-forum-ru", "rural-schools-en"):
        release = load_release(ROOT / "examples" / f"{name}.yml")
        docx = tmp / f"{name}.docx"
        render_release(release, docx)
        out[name] = (release, docx_to_pdf(docx, tmp))
    return tmp, out


@pytest.mark.parametrize("name", ["rule-of-law-forum-ru", "rural-schools-en"])
def test_pdf_has_headline_statement_and_disclaimer(converted, name):
    _, out = converted
    release, pdf = out[name]
    assert pdf.stat().st_size > 10_000
    text = _norm(pdf_text(pdf))
    assert _norm(release.headline) in text
    assert _norm(eu_texts.funding_statement(release.language, cofunded=release.co_funded)) in text
    assert _norm(eu_texts.funding_statement(release.language, cofunded=release.co_funded, short=True)) in text
    disclaimer = _norm(eu_texts.disclaimer(release.language, release.organisation))
    assert disclaimer.split(".")[0] in text  # first sentence verbatim
    assert _norm(release.organisation) in text


def test_first_page_png(converted):
    tmp, out = converted
    from PIL import Image

    png = first_page_png(out["rural-schools-en"][1], tmp / "page.png", dpi=40)
    with Image.open(png) as im:
        w, h = im.size
        assert abs(h / w - 29.7 / 21) < 0.02  # A4
        # the emblem's blue is on the page, top left
        px = im.convert("RGB").load()
        blue = sum(1 for x in range(w // 3) for y in range(h // 8) if px[x, y][2] > 120 and px[x, y][0] < 60)
        assert blue > 50
