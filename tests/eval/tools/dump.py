"""dump.py FILE [lang]: facts and relations of a text file (run with PYTHONPATH=worktree)."""
import sys
from app.core.readers import read_path
from app.facts.model import facts
p = sys.argv[1]
doc = read_path(p) if True else None
m = facts(doc)
print("scopes:", m.scopes)
for f in m.facts:
    print(f"{f.id:3} {f.kind:8} {f.text!r:28} v={f.value:g} u={f.unit} role={f.role} hedge={f.hedge} scope={f.scope!r} place={f.place} sub={f.subset} label={f.label!r} meta={ {k:v for k,v in f.meta.items() if k!='words'} }")
for r in m.relations:
    print(r.kind, [(i, m.get(i).text) for i in r.facts], "complete" if r.complete else "partial", r.origin, r.note)
