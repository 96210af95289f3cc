"""getcase.py DIR ID OUT.txt: write a tune CLEAN case's text to a file (nothing for holdout)."""
import sys, yaml, pathlib
for f in pathlib.Path(sys.argv[1]).rglob("*.y*ml"):
    for c in (yaml.safe_load(f.read_text()) or {}).get("cases") or []:
        if c["id"] == sys.argv[2] and c.get("split") != "holdout" and c.get("kind", "").startswith("clean") and c.get("text"):
            pathlib.Path(sys.argv[3]).write_text(c["text"]); print("ok")
