#!/bin/bash
# corpus.sh WORKTREE [select]: error/warning findings over ../shared/corpus/real (read in place), by rule
W=${1:-/work/main}; SEL=${2:-}
cd $W && PYTHONPATH=$W /work/main/.venv/bin/python - "$SEL" <<'PY'
import json, subprocess, sys, collections
sel = sys.argv[1]
cmd = ["/work/main/.venv/bin/python", "-c", "from app.cli import main; main()", "lint", "/work/shared/corpus/real", "--format", "json", "--no-languagetool"]
if sel: cmd += ["--select", sel]
out = subprocess.run(cmd, capture_output=True, text=True).stdout
data = json.loads(out)
c = collections.Counter(); rows = []
files = data.get("files") if isinstance(data, dict) else data
for f in files:
    for x in f.get("findings", []):
        if x.get("severity") in ("error", "warning"):
            c[x["rule"]] += 1; rows.append((f.get("path"), x["rule"], x.get("text") or x.get("match",""), x.get("message","")[:100]))
print("error/warning findings:", sum(c.values()), dict(c))
for r in rows: print(*r, sep=" | ")
PY
