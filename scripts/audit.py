"""`make audit`: pip-audit over the installed dependencies (PyPI's vulnerability data, then OSV).

Exit 0: no known vulnerability; 1: one or more (listed); 2: no vulnerability source answered from
this machine (said in one line: nothing was checked, which is not the same as clean).
"""
from __future__ import annotations

import json
import subprocess
import sys

SOURCES = ("pypi", "osv")


def audit(source: str) -> dict | None:
    p = subprocess.run([sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "-f", "json", "-s", source,
                        "--skip-editable"], capture_output=True, text=True, timeout=600)
    try:
        return json.loads(p.stdout)
    except ValueError:
        return None  # the source could not be reached (pip-audit printed a traceback)


def main() -> int:
    tried = []
    for source in SOURCES:
        report = audit(source)
        deps = (report or {}).get("dependencies") or []
        checked = [d for d in deps if "skip_reason" not in d]
        if not checked:
            tried.append(f"{source}: {'unreachable' if report is None else 'answered for no package'}")
            continue
        vulns = [(d["name"], d["version"], v) for d in checked for v in d.get("vulns") or []]
        for name, version, v in vulns:
            fix = ", ".join(v.get("fix_versions") or []) or "no fixed version yet"
            print(f"pressroom: audit: {name} {version}: {v.get('id')} (fixed in: {fix})")
        print(f"pressroom: audit: {len(vulns)} known vulnerabilit{'y' if len(vulns) == 1 else 'ies'} in "
              f"{len(checked)} packages checked with {source} ({len(deps) - len(checked)} not found there)")
        return 1 if vulns else 0
    print(f"pressroom: audit: no vulnerability source is reachable from this machine ({'; '.join(tried)}); nothing was checked")
    return 2


if __name__ == "__main__":
    sys.exit(main())
