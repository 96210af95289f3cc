"""The release form's live check: the time from a keystroke to the updated Checks panel.

Two figures: the server's /releases/live for the seed's release typed into the form (median of
warm runs, Flask test client), and, when Debian Chromium and Playwright are installed, the whole
path in the browser (keystroke -> 500 ms debounce -> request -> panel rendered), median of 5.
Target: the panel is updated within 1.5 s of the keystroke. Timing code: bench/webtiming.py.
"""
from __future__ import annotations

import sys

import yaml

from webtiming import ROOT, browser_available, browser_page, keystroke_ms, median_ms, report_browser, signed_in_app


def _form_data(r: dict) -> dict:
    out = {k: str(r[k]) for k in ("language", "date", "city", "headline", "subheadline", "lead", "organisation") if k in r}
    out["body"] = "\n\n".join(r.get("body", []))
    out["background"] = "\n\n".join(r.get("background", []))
    for lst in ("quotes", "projects", "contacts"):
        for i, e in enumerate(r.get(lst, [])):
            for k, v in e.items():
                out[f"{lst}-{i}-{k}"] = "\n".join(v) if isinstance(v, list) else str(v)
    return out


def main() -> int:
    app, client = signed_in_app("pressroom-bench-live-")
    seed = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text("utf-8"))
    data = _form_data(seed)
    server_ms = median_ms(lambda i: client.post("/releases/live", headers={"Accept-Language": "ru"},
                                                data=dict(data, headline=data["headline"] + " " * (i % 2))))
    print(f"server /releases/live (seed release, warm): median {server_ms:.0f} ms of 7 runs")
    return report_browser(_browser(app, data) if browser_available() else None, "panel updated")


def _browser(app, data: dict) -> float:
    with browser_page(app) as (page, base):
        page.goto(base + "/releases/new")
        for k, v in data.items():
            if page.locator(f"#{k}").count() and k != "language":
                if k.endswith(("currency", "funding")):
                    page.select_option(f"#{k}", v)
                else:
                    page.fill(f"#{k}", v)
        page.wait_for_function("() => document.querySelector('#live-summary .count')")
        page.wait_for_timeout(1500)
        return keystroke_ms(page, "live-summary", "headline")


if __name__ == "__main__":
    sys.exit(main())
