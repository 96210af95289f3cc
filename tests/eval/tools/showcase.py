import sys, yaml, pathlib
d = pathlib.Path(sys.argv[1]); ids = set(sys.argv[2:])
for f in sorted(d.rglob("*.y*ml")):
    for c in (yaml.safe_load(f.read_text()) or {}).get("cases") or []:
        if c.get("id") in ids:
            if c.get("split") == "holdout" or "tenth" in str(f): print("(holdout/tenth: not shown)"); continue
            print("=====", f, c["id"], c.get("kind")); print(yaml.safe_dump(c, allow_unicode=True, sort_keys=False))
