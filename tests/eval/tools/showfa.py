import sys, yaml, pathlib
d = pathlib.Path(sys.argv[1]); ids = set(sys.argv[2:])
for f in sorted(d.rglob("*.y*ml")):
    for c in (yaml.safe_load(f.read_text()) or {}).get("cases") or []:
        if c.get("id") in ids:
            if c.get("split") == "holdout" or c.get("kind") not in ("clean", "clean-docx"): print("(not a tune clean text: not shown)"); continue
            print("=====", c["id"]); print(yaml.safe_dump(c.get("text") or c.get("docx"), allow_unicode=True, sort_keys=False, width=200))
