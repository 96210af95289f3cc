"""mkdocx.py DIR ID OUT.docx: a tune clean docx case as a file."""
import sys, yaml, pathlib
sys.path.insert(0, "tests/eval")
from eval_build import docx_bytes
for f in pathlib.Path(sys.argv[1]).rglob("*.y*ml"):
    for c in (yaml.safe_load(f.read_text()) or {}).get("cases") or []:
        if c["id"] == sys.argv[2] and c.get("split") != "holdout" and c.get("kind", "").startswith("clean") and c.get("docx"):
            pathlib.Path(sys.argv[3]).write_bytes(docx_bytes(c["docx"])); print("ok")
