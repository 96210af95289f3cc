"""Rendering one release in-process: target under 100 ms per release after warm-up.

Reports the median and the 90th percentile of N renders of each example (to memory, the web
app's path) and of the whole `load_release` + render + atomic write (the CLI's path).
Exit code 1 when the median misses the target.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.release import load_release  # noqa: E402
from app.release.render import render_release  # noqa: E402

TARGET_MS = 100.0
N = 30


def _time(fn, n=N) -> list[float]:
    fn()  # warm-up: imports, templates, emblem cache
    fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for yml in sorted((ROOT / "examples").glob("*.yml")):
            release = load_release(yml)
            mem = _time(lambda: render_release(release))
            disk = _time(lambda: render_release(load_release(yml), Path(tmp) / "out.docx"))
            med = statistics.median(mem)
            worst = max(worst, med)
            p90 = sorted(mem)[int(len(mem) * 0.9) - 1]
            print(f"{yml.stem:28s} render {med:6.1f} ms median, {p90:6.1f} ms p90; "
                  f"load+render+write {statistics.median(disk):6.1f} ms median")
    ok = worst < TARGET_MS
    print(f"target < {TARGET_MS:.0f} ms per release after warm-up: {'met' if ok else 'MISSED'} (worst median {worst:.1f} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
