"""Score the linter on the blind evaluation sets (written by sessions that never read the checks).

    .venv/bin/python tests/eval/score.py figures  [--split tune|holdout|all] [--kind K] [--show] [--json]
    .venv/bin/python tests/eval/score.py language [...]

(a script, not ``-m tests.eval.score``: a dependency installs a top-level ``tests`` package.)

A planted error is found when an error or warning of the kind's categories overlaps one of the
case's acceptable spans (a missing element: a structure finding whose rule names the element).
"named" counts those plus the cases where such a finding blames another figure but names the
planted one among its related places (recall counts only the first).
False alarms: error/warning findings on clean texts (the figures set counts figures findings only:
its clean texts are paragraphs, not whole releases). On the holdout split only aggregates are
printed: nobody tunes to it.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

KIND_CATEGORIES = {
    "preposition-case": {"grammar"}, "verb-government": {"grammar"},
    "latin-word": {"homoglyph"}, "cyrillic-in-english": {"homoglyph"},
    "eu-informal-name": {"consistency", "visibility", "style"},
    "org-name-mismatch": {"consistency", "visibility"},
    "capitalised-typo": {"spelling"},
    "missing-funding-statement": {"structure", "visibility"},
    "missing-date-line": {"structure"}, "missing-label": {"structure"},
    "broken-email": {"contact"},
}
MISSING_RULE_WORD = {"missing-funding-statement": "funding", "missing-date-line": "date", "missing-label": "label"}
CLEAN_KINDS = {"clean", "clean-docx"}


def load_cases(data_dirs: list[Path]) -> list[dict]:
    cases = []
    for d in data_dirs:
        for f in sorted(d.glob("*.yml")) + sorted(d.glob("*.yaml")):
            loaded = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            for c in loaded.get("cases") or []:
                c["_file"] = f.name
                cases.append(c)
    return cases


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", str(s))
    return " ".join(s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").split())


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _same_correction(text: str, f, span, want: str) -> bool:
    """The finding's suggestion, put in place of its own span, gives the text the case's suggestion
    gives in place of the case's span: the same correction of a wider or narrower span («за
    проезд» → «проезд» is «оплатит за проезд» → «оплатит проезд»)."""
    if span is None:
        return False
    a, b = span
    lo, hi = min(a, f.offset), max(b, f.end)
    expected = _norm(text[lo:a] + want + text[b:hi])
    return any(_norm(text[lo:f.offset] + s + text[f.end:hi]) == expected for s in f.suggestions)


def _categories(kind: str, set_name: str) -> set[str]:
    if set_name == "figures":
        return {"figures"}
    return KIND_CATEGORIES.get(kind, set())


def score_case(case: dict, set_name: str, lint_doc) -> dict:
    from eval_build import case_document

    kind = case.get("kind", "clean")
    try:
        doc, fmt = case_document(case)
    except Exception as e:  # a case we cannot build is reported, never silently dropped
        return {"id": case["id"], "kind": kind, "error": f"{type(e).__name__}: {e}"}
    findings = [f for f in lint_doc(doc) if f.severity in ("error", "warning")]
    words = len(doc.text.split())
    res = {"id": case["id"], "kind": kind, "split": case.get("split", "tune"), "format": fmt, "words": words,
           "lang": case.get("lang")}
    def fd(f):
        return {"rule": f.rule, "severity": f.severity, "text": doc.span_text(f.offset, f.end),
                "suggestions": list(f.suggestions[:3]), "offset": f.offset}
    if kind in CLEAN_KINDS:
        alarms = [f for f in findings if set_name != "figures" or f.category == "figures"]
        res["false_alarms"] = [fd(f) for f in alarms]
        return res
    cats = _categories(kind, set_name)
    err = case.get("error") or {}
    spans = [s for s in (err.get("spans") or []) if s]
    hit = None
    relevant = [f for f in findings if f.category in cats]
    if spans:
        text = doc.source_text
        occ = _occurrences(text, spans[0])
        n = int(err.get("occurrence") or 0)
        if n and 0 < n <= len(occ):
            occ = [occ[n - 1]]
        for s in spans[1:]:
            occ += _occurrences(text, s)
        res["span_found_in_text"] = bool(occ)
        hit_span = None
        for f in relevant:
            for a, b in occ:
                if (f.offset < b and f.end > a) or (f.length == 0 and a <= f.offset <= b):
                    hit, hit_span = f, (a, b)
                    break
            if hit:
                break
        outside = [f for f in relevant if f is not hit and not any(f.offset < b and f.end > a for a, b in occ)]
        if hit is None:  # found the contradiction but blamed another figure: the planted one is only named
            res["named"] = any(o < b and o + max(n, 1) > a for f in relevant for o, n in f.related for a, b in occ)
    else:
        word = MISSING_RULE_WORD.get(kind, "")
        for f in findings:
            if f.category in cats and word in f.rule:
                hit = f
                break
        outside = []
    res["hit"] = hit is not None
    if hit is not None:
        res["finding"] = fd(hit)
        want = err.get("suggestion")
        if want:
            res["suggestion_ok"] = any(_norm(s) == _norm(want) for s in hit.suggestions) or (
                spans and _same_correction(doc.source_text, hit, hit_span, want))
    res["collateral"] = [fd(f) for f in outside]
    return res


def default_lint():
    from app.engine.config import Config
    from app.engine.linter import LintContext, lint

    config = Config()
    ctx = LintContext(config=config)

    def run(doc):
        return lint(doc, config, context=ctx).findings
    return run


def summarise(results: list[dict]) -> dict:
    kinds: dict[str, dict] = defaultdict(lambda: {"n": 0, "hits": 0, "named": 0, "sugg_n": 0, "sugg_ok": 0,
                                                 "false_alarms": 0, "collateral": 0, "words": 0, "broken": 0})
    for r in results:
        k = kinds[r["kind"]]
        k["n"] += 1
        k["words"] += r.get("words", 0)
        if "error" in r:
            k["broken"] += 1
            continue
        if r["kind"] in CLEAN_KINDS:
            k["false_alarms"] += len(r["false_alarms"])
            k["clean_texts_with_alarm"] = k.get("clean_texts_with_alarm", 0) + bool(r["false_alarms"])
        else:
            k["hits"] += r["hit"]
            k["named"] += r["hit"] or bool(r.get("named"))
            k["collateral"] += len(r["collateral"])
            if "suggestion_ok" in r:
                k["sugg_n"] += 1
                k["sugg_ok"] += r["suggestion_ok"]
    for k in kinds.values():
        k["recall"] = round(k["hits"] / k["n"], 3) if k["n"] else None
    by_rule: dict[str, int] = defaultdict(int)  # an aggregate: which rules raise the false alarms
    for r in results:
        for f in r.get("false_alarms", []):
            by_rule[f["rule"]] += 1
    total_words = sum(r.get("words", 0) for r in results)
    alarms = sum(k["false_alarms"] for name, k in kinds.items() if name in CLEAN_KINDS)
    clean_words = sum(k["words"] for name, k in kinds.items() if name in CLEAN_KINDS)
    err = [k for name, k in kinds.items() if name not in CLEAN_KINDS]
    return {"kinds": dict(kinds), "cases": len(results), "words": total_words,
            "recall": round(sum(k["hits"] for k in err) / max(1, sum(k["n"] for k in err)), 3),
            "recall_named": round(sum(k["named"] for k in err) / max(1, sum(k["n"] for k in err)), 3),
            "false_alarms_clean": alarms, "false_alarms_by_rule": dict(sorted(by_rule.items())),
            "false_alarms_per_1000_words_clean": round(1000 * alarms / clean_words, 2) if clean_words else None,
            "collateral_per_1000_words_variants": round(
                1000 * sum(k["collateral"] for k in err) / max(1, sum(k["words"] for k in err)), 2)}


def _half(cases: list[dict], half: str) -> list[dict]:
    """Every other case of each kind: 'fit' (1st, 3rd, ...) to look at while fixing, 'check' (2nd, 4th, ...)
    to read only as aggregates -- a fix that lifts 'fit' but not 'check' fits phrasings, not the family."""
    seen: dict[str, int] = {}
    out = []
    for c in cases:
        i = seen.get(c.get("kind"), 0)
        seen[c.get("kind")] = i + 1
        if (i % 2 == 0) == (half == "fit"):
            out.append(c)
    return out


def run(set_name: str, split: str = "tune", kind: str | None = None, data: list[Path] | None = None,
        lint_doc=None, half: str | None = None) -> tuple[dict, list[dict]]:
    dirs = data or [HERE / set_name]
    cases = [c for c in load_cases(dirs) if split == "all" or c.get("split", "tune") == split]
    if kind:
        cases = [c for c in cases if c.get("kind") == kind]
    if half:
        cases = _half(cases, half)
    lint_doc = lint_doc or default_lint()
    results = [score_case(c, set_name, lint_doc) for c in cases]
    return summarise(results), results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tests/eval/score.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("set", choices=["figures", "language"])
    ap.add_argument("--split", choices=["tune", "holdout", "all"], default="tune")
    ap.add_argument("--kind")
    ap.add_argument("--data", action="append", type=Path, help="folder of case files (repeatable)")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms and collateral (tune split only)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--half", choices=["fit", "check"],
                    help="every other case of each kind: 'fit' to read while fixing, 'check' only as aggregates")
    ap.add_argument("--ignore-rule", action="append", default=[],
                    help="leave this rule's findings out (e.g. a required element the writers' clean texts lack)")
    args = ap.parse_args(argv)
    lint_doc = None
    if args.ignore_rule:
        base = default_lint()
        skip = set(args.ignore_rule)

        def lint_doc(doc):
            return [f for f in base(doc) if f.rule not in skip]
    summary, results = run(args.set, args.split, args.kind, args.data, lint_doc, args.half)
    if args.half == "check":
        args.show = False  # the check half is read only as aggregates
    if args.json:
        out = {"summary": summary}
        if args.show and args.split == "tune":
            out["results"] = results
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.set} / {args.split}: {summary['cases']} cases, {summary['words']} words; "
          f"recall {summary['recall']} (with the planted figure only named among a finding's related places: "
          f"{summary['recall_named']}); false alarms on clean texts {summary['false_alarms_clean']} "
          f"({summary['false_alarms_per_1000_words_clean']} per 1000 words); "
          f"collateral on variants {summary['collateral_per_1000_words_variants']} per 1000 words")
    if summary["false_alarms_by_rule"]:
        print("false alarms by rule: " + ", ".join(f"{k} {v}" for k, v in summary["false_alarms_by_rule"].items()))
    print(f"{'kind':28} {'n':>4} {'hits':>5} {'named':>6} {'recall':>7} {'sugg ok':>8} {'alarms':>7} {'collat':>7} {'broken':>6}")
    for name, k in sorted(summary["kinds"].items()):
        sugg = f"{k['sugg_ok']}/{k['sugg_n']}" if k["sugg_n"] else "-"
        rec = "-" if name in CLEAN_KINDS else f"{k['recall']:.2f}"
        print(f"{name:28} {k['n']:>4} {k['hits']:>5} {k['named']:>6} {rec:>7} {sugg:>8} {k['false_alarms']:>7} {k['collateral']:>7} {k['broken']:>6}")
    if args.show:
        if args.split != "tune":
            print("(--show lists details on the tune split only)", file=sys.stderr)
            return 0
        for r in results:
            if "error" in r:
                print(f"BROKEN {r['id']}: {r['error']}")
            elif r["kind"] in CLEAN_KINDS:
                for f in r["false_alarms"]:
                    print(f"ALARM  {r['id']}: {f['rule']} {f['text']!r} -> {f['suggestions']}")
            else:
                if not r["hit"]:
                    print(f"{'NAMED ' if r.get('named') else 'MISS  '} {r['id']} ({r['kind']})" + ("" if r.get("span_found_in_text", True) else " [span not in extracted text]"))
                elif r.get("suggestion_ok") is False:
                    print(f"SUGG   {r['id']}: {r['finding']['rule']} {r['finding']['text']!r} -> {r['finding']['suggestions']}")
                for f in r["collateral"]:
                    print(f"EXTRA  {r['id']}: {f['rule']} {f['text']!r} -> {f['suggestions']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
