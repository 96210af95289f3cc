"""Language checks (issue 4): speed targets, measured here and never in timed tests.

- cold `pressroom lint` of the seed (a new process: imports, rules, dictionaries): < 1.5 s wall
- warm: the offline language checks (spelling, homoglyph, grammar) on a one-page release,
  after warm-up, in-process: < 20 ms (median of 20 runs)
- dictionary loading (pymorphy3 + Hunspell ru_RU/en_GB/en_US) once per process: reported
- LanguageTool server start (scripts/languagetool.sh start, already fetched): reported only
  (`python bench/bench_language.py --lt`)
Exit code 1 when a target is missed.
"""
from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
PY = ROOT / ".venv" / "bin" / "python"
COLD_TARGET = 1.5
WARM_TARGET = 0.020


def cold() -> float:
    exe = str(PY if PY.exists() else sys.executable)
    best = None
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([exe, "-m", "app", "lint", str(SEED), "-q"], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - t)
    best = min(times)
    return statistics.median(times), best


def warm() -> tuple[float, float]:
    from app.core.readers import read_path
    from app.engine.config import Config
    from app.engine.linter import LintContext, lint
    from app.engine.rules import load_rules
    from app.language.spelling import speller

    t = time.perf_counter()
    speller(None, "ru"), speller(None, "en")
    load = time.perf_counter() - t
    rules = [r for r in load_rules() if r.category in ("spelling", "homoglyph", "grammar")]
    cfg = Config()
    runs = []
    for i in range(25):
        doc = read_path(str(SEED))  # a fresh document each time: only the process caches stay warm
        ctx = LintContext(config=cfg)
        t = time.perf_counter()
        lint(doc, cfg, rules=rules, context=ctx)
        if i >= 5:
            runs.append(time.perf_counter() - t)
    return statistics.median(runs), load


def lt_start() -> float | None:
    if not (shutil.which("java") and shutil.which("mvn")):
        return None
    subprocess.run(["bash", "scripts/languagetool.sh", "fetch"], cwd=ROOT, check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = tempfile.mkdtemp()
    env = dict(os.environ, LT_RUN=run)
    t = time.perf_counter()
    subprocess.run(["bash", "scripts/languagetool.sh", "start", str(port)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    started = time.perf_counter() - t
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode({"text": SEED.read_text("utf-8"), "language": "ru-RU"}).encode()
    t = time.perf_counter()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/check", data, timeout=60).read()
    first = time.perf_counter() - t
    t = time.perf_counter()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/check", data, timeout=60).read()
    second = time.perf_counter() - t
    subprocess.run(["bash", "scripts/languagetool.sh", "stop"], cwd=ROOT, env=env, capture_output=True)
    shutil.rmtree(run, ignore_errors=True)
    print(f"LanguageTool server start: {started:.2f} s; first check of the seed {first:.2f} s, second {second:.2f} s")
    return started


def main() -> int:
    missed = []
    med, best = cold()
    print(f"cold `pressroom lint` of the seed: median {med:.2f} s, best {best:.2f} s (target < {COLD_TARGET} s)")
    if med >= COLD_TARGET:
        missed.append("cold")
    w, load = warm()
    print(f"dictionaries loaded once per process in {load:.2f} s")
    print(f"warm language checks on the seed (one page, {len(SEED.read_text('utf-8').split())} words): "
          f"median {w * 1000:.1f} ms (target < {WARM_TARGET * 1000:.0f} ms)")
    if w >= WARM_TARGET:
        missed.append("warm")
    if "--lt" in sys.argv:
        lt_start()
    if missed:
        print("missed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
