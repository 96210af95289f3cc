"""The check page's editor (issue 14): the time from a keystroke in the edited draft to the updated
findings list.

Figures: the server's /check/<id>/live for the seed draft as TXT and for the seed release as DOCX
(the DOCX path writes the edit into the runs, reads the file back and checks it), median of warm
runs (Flask test client); and, with Debian Chromium and Playwright, the browser's keystroke -> 500 ms
debounce -> request -> list rendered, median of 5. Target: within 1.5 s of the keystroke.
Run by `make bench` (part 'scripts' runs every bench/bench_*.py). Timing code: bench/webtiming.py.
"""
from __future__ import annotations

import html
import io
import re
import sys

from webtiming import ROOT, browser_available, browser_page, keystroke_ms, median_ms, report_browser, signed_in_app


def _upload(client, data: bytes, name: str) -> str:
    r = client.post("/check", data={"draft": (io.BytesIO(data), name), "language": "auto"}, content_type="multipart/form-data")
    return r.headers["Location"].rstrip("/").split("/")[-1]


def _editor_text(client, cid: str) -> str:
    page = client.get(f"/check/{cid}").get_data(as_text=True)
    return html.unescape(re.search(r'<textarea id="editor-text"[^>]*>\n(.*?)</textarea>', page, re.S).group(1))


def _server(client, cid: str, text: str) -> float:
    return median_ms(lambda i: client.post(f"/check/{cid}/live", data={"text": text + " " * (i % 2)}))


def main() -> int:
    from app.release import load_release
    from app.release.render import render_bytes

    app, client = signed_in_app("pressroom-bench-check-")
    seed = (ROOT / "examples" / "000_87413283a02d3cbb.txt").read_bytes()
    txt = _upload(client, seed, "seed.txt")
    ms_txt = _server(client, txt, _editor_text(client, txt))
    docx = _upload(client, render_bytes(load_release(ROOT / "examples" / "rule-of-law-forum-ru.yml"), draft=False), "release.docx")
    ms_docx = _server(client, docx, _editor_text(client, docx).replace("Форум", "форум", 1))
    print(f"server /check/<id>/live: seed TXT median {ms_txt:.0f} ms, seed release DOCX (edit written into the runs) "
          f"median {ms_docx:.0f} ms, of 7 warm runs")
    return report_browser(_browser(app, txt) if browser_available() else None, "check page findings updated")


def _browser(app, cid: str) -> float:
    with browser_page(app) as (page, base):
        page.goto(f"{base}/check/{cid}")
        page.click("#edit-btn")
        page.wait_for_selector("#edit-list li")
        page.wait_for_timeout(1000)
        return keystroke_ms(page, "edit-list", "editor-text")


if __name__ == "__main__":
    sys.exit(main())
