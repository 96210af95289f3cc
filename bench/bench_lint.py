"""Linter throughput: the seed draft in-process after warm-up, and a cold `pressroom lint` process."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
sys.path.insert(0, str(ROOT))

from app.core.readers import read_path  # noqa: E402
from app.engine.linter import lint  # noqa: E402


def warm(n: int = 30) -> float:
    lint(read_path(str(SEED)))  # warm-up: rules, dictionaries
    times = []
    for _ in range(n):
        t = time.perf_counter()
        lint(read_path(str(SEED)))
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold(n: int = 3) -> float:
    exe = Path(sys.executable).parent / "pressroom"
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run([str(exe), "lint", str(SEED), "--quiet"], capture_output=True)
        times.append(time.perf_counter() - t)
    return min(times)


def parallel_ratio() -> tuple[float, float] | None:
    """A folder of 80 real texts: serial vs --jobs 2 (only where ../shared/corpus is present)."""
    corpus = ROOT.parent / "shared" / "corpus" / "real"
    if not corpus.is_dir():
        return None
    exe = Path(sys.executable).parent / "pressroom"
    out = []
    for jobs in ("1", "2"):
        t = time.perf_counter()
        subprocess.run([str(exe), "lint", str(corpus), "-q", "--jobs", jobs], capture_output=True)
        out.append(time.perf_counter() - t)
    return out[0], out[1]


if __name__ == "__main__":
    w = warm()
    c = cold()
    pr = parallel_ratio()
    if pr:
        print(f"corpus folder (80 files): --jobs 1 {pr[0]:.2f} s, --jobs 2 {pr[1]:.2f} s, speed-up {pr[0] / pr[1]:.2f}x")
    words = len(SEED.read_text(encoding="utf-8").split())
    print(f"seed ({words} words): warm in-process lint median {w * 1000:.1f} ms; cold CLI best of 3 {c:.2f} s")
    ok = c < 1.5
    print(f"target cold CLI < 1.5 s: {'met' if ok else 'MISSED'}")
    sys.exit(0 if ok else 1)
