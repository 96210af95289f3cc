"""Findings of every text a speed change must not move, as one JSON file (issue 13).

    .venv/bin/python bench/findings_snapshot.py OUT.json            write the snapshot
    .venv/bin/python bench/findings_snapshot.py OUT.json --diff OLD.json   write it and compare

What it lints, with `pressroom lint --format json` (whole processes, every offline check on):
the real corpora (../shared/corpus/real/en and ru, read in place), the seed, tests/drafts/, and the
example releases rendered to DOCX; in-process: every example of every rule (rules/**/*.yml,
``examples.fail`` and ``examples.pass``) with the full rule set. ``PRESSROOM_CACHE_DIR`` is a new
empty folder unless the environment names one (so a warm and a cold persistent cache can both be
compared). Exit 1 when --diff finds a difference (the differing entries are printed).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))
from textgen import CORPUS  # noqa: E402 - PRESSROOM_BENCH_CORPUS, else the shared corpus beside /work/main or a worktree


def _cli(paths: list[str], env: dict, lang: str | None = None) -> dict:
    cmd = [str(BIN / "pressroom"), "lint", *paths, "--format", "json", "--no-languagetool"]
    if lang:
        cmd += ["--lang", lang]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if p.returncode not in (0, 1):
        raise SystemExit(f"pressroom failed ({p.returncode}): {p.stderr[-2000:]}")
    data = json.loads(p.stdout)
    return {f["path"]: f for f in data["files"]}


def _rule_examples() -> dict:
    from app.core.readers import read_bytes
    from app.engine.config import Config
    from app.engine.linter import LintContext, lint
    from app.engine.rules import load_rules
    from app.output import to_json_dict

    out = {}
    for rule in load_rules():
        for kind, examples in (("fail", rule.examples_fail), ("pass", rule.examples_pass)):
            for i, ex in enumerate(examples):
                cfg = Config(**{k: v for k, v in ex.config.items() if k in Config.__dataclass_fields__})
                doc = read_bytes(ex.text.encode("utf-8"), "<text>", "txt", ex.lang or "auto")
                res = lint(doc, cfg, context=LintContext(config=cfg))
                out[f"{rule.id}:{kind}:{i}"] = to_json_dict([res])["files"][0]["findings"]
    return out


def snapshot(env: dict) -> dict:
    out: dict = {}
    for lang in ("en", "ru"):
        d = CORPUS / lang
        if d.is_dir():
            out[f"corpus-{lang}"] = _cli([str(d)], env, lang)
        else:
            print(f"findings_snapshot: no corpus at {d} (set PRESSROOM_BENCH_CORPUS): left out", file=sys.stderr)
    out["seed"] = _cli(["examples/000_87413283a02d3cbb.txt"], env)
    out["drafts"] = _cli(["tests/drafts"], env)
    with tempfile.TemporaryDirectory(prefix="pressroom-snapshot-") as tmp:
        docs = []
        for yml in sorted((ROOT / "examples").glob("*.yml")):
            target = Path(tmp) / f"{yml.stem}.docx"
            subprocess.run([str(BIN / "pressroom"), "render", str(yml), "-o", str(target)], check=True,
                           capture_output=True, env=env, cwd=ROOT)
            docs.append(str(target))
        got = _cli(docs, env)
        out["releases"] = {Path(k).name: {**v, "path": Path(k).name} for k, v in got.items()}
    out["rule-examples"] = _rule_examples()
    return out


def main() -> int:
    args = [a for a in sys.argv[1:]]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(args[0])
    old = Path(args[args.index("--diff") + 1]) if "--diff" in args else None
    env = dict(os.environ, PRESSROOM_LANGUAGETOOL="off")
    with tempfile.TemporaryDirectory(prefix="pressroom-snapshot-cache-") as cache:
        env.setdefault("PRESSROOM_CACHE_DIR", cache)
        os.environ["PRESSROOM_CACHE_DIR"] = env["PRESSROOM_CACHE_DIR"]
        os.environ["PRESSROOM_LANGUAGETOOL"] = "off"
        snap = snapshot(env)
    target.write_text(json.dumps(snap, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    n = sum(len(f["findings"]) for part in ("corpus-en", "corpus-ru", "seed", "drafts", "releases")
            for f in snap.get(part, {}).values())
    n += sum(len(v) for v in snap["rule-examples"].values())
    print(f"{target}: {n} findings")
    if old is None:
        return 0
    before = json.loads(old.read_text(encoding="utf-8"))
    bad = 0
    for part in sorted(set(before) | set(snap)):
        a, b = before.get(part, {}), snap.get(part, {})
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                bad += 1
                if bad <= 20:
                    print(f"DIFF {part} {key}:\n  before {json.dumps(a.get(key), ensure_ascii=False)[:600]}\n"
                          f"  after  {json.dumps(b.get(key), ensure_ascii=False)[:600]}")
    print("identical" if not bad else f"{bad} entries differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
