"""ablate.py MODE DATA...: which call sites of "same" relations the hits and false alarms rest on.
MODE: list  -> every call site of a same relation seen, with counts
      SITE[,SITE] -> score with those call sites' same relations dropped (aggregates only)
Run from /work/main with PYTHONPATH=. ; DATA: folders; SPLIT env (tune|holdout), KIND env."""
import os, sys, collections, json
from pathlib import Path
sys.path.insert(0, "tests/eval")
import score
from app.facts import model as M

mode = sys.argv[1]
data = [Path(p) for p in sys.argv[2:]]
drop = set() if mode == "list" else set(mode.split(","))
seen = collections.Counter()
orig = M._Builder.rel


def rel(self, kind, ids, complete=True, origin="text", note=""):
    if kind == "same":
        f = sys._getframe(1)
        site = f"{Path(f.f_code.co_filename).stem}:{f.f_code.co_name}:{f.f_lineno}"
        if f.f_code.co_name == "_same_chain":
            g = f.f_back
            site += f"<{g.f_code.co_name}:{g.f_lineno}"
            if g.f_code.co_name == "_people_of_one_action":
                site += f"<{g.f_back.f_code.co_name}:{g.f_back.f_lineno}"
        seen[site] += 1
        if site in drop:
            return
    return orig(self, kind, ids, complete, origin, note)


M._Builder.rel = rel
import app.facts.products as P  # noqa (they call b.rel: the same patched method)
summary, results = score.run("figures", os.environ.get("SPLIT", "tune"), os.environ.get("KIND") or None, data, None, os.environ.get("HALF") or None)
err = {k: v for k, v in summary["kinds"].items() if k != "clean"}
print(json.dumps({"drop": sorted(drop), "recall": summary["recall"], "fa": summary["false_alarms_clean"],
                  "hits": {k: v["hits"] for k, v in err.items()}}))
if mode == "list":
    for s, n in seen.most_common():
        print(n, s)
