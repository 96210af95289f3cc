"""Run every benchmark in bench/ (files named bench_*.py) and print their reports.

Benchmarks report ratios and times measured in one run (these machines are noisy); targets are
checked here, never in timed tests. Exit code 1 when a benchmark reports a missed target.
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        if len(sys.argv) > 1 and not any(a in script.name for a in sys.argv[1:]):
            continue
        print(f"== {script.name}")
        try:
            runpy.run_path(str(script), run_name="__main__")
        except SystemExit as e:
            if e.code:
                failed.append(script.name)
    if failed:
        print("missed targets: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
