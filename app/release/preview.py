"""DOCX -> PDF (LibreOffice) -> PNG of the first page (pdftoppm): previews for docs/ and tests.

    python -m app.release.preview            # re-render docs/<example>.png for every examples/*.yml
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from app import PROJECT_ROOT
from app.errors import InputError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: str | Path, outdir: str | Path, timeout: int = 120) -> Path:
    """Convert with a private LibreOffice profile (no clash with a running office)."""
    exe = soffice()
    if not exe:
        raise InputError("LibreOffice (soffice) is not installed; run scripts/install-system-deps.sh")
    outdir = Path(outdir)
    with tempfile.TemporaryDirectory(prefix="pressroom-lo-") as profile:
        proc = subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
            capture_output=True, text=True, timeout=timeout,
        )
    pdf = outdir / (Path(docx).stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file():
        raise InputError(f"{docx}: LibreOffice could not convert it: {(proc.stderr or proc.stdout).strip()[:300]}")
    return pdf


def pdf_text(pdf: str | Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def first_page_png(pdf: str | Path, png: str | Path, dpi: int = 80) -> Path:
    png = Path(png)
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True, capture_output=True)
    return png


def main() -> int:
    from app.release import load_release
    from app.release.render import render_release

    docs = PROJECT_ROOT / "docs"
    with tempfile.TemporaryDirectory(prefix="pressroom-preview-") as tmp:
        for yml in sorted((PROJECT_ROOT / "examples").glob("*.yml")):
            docx = Path(tmp) / f"{yml.stem}.docx"
            render_release(load_release(yml), docx)
            pdf = docx_to_pdf(docx, tmp)
            out = first_page_png(pdf, docs / f"{yml.stem}.png")
            print(out.relative_to(PROJECT_ROOT))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
