"""`pressroom rules [RULE-ID]`: list the rules, or explain one."""
from __future__ import annotations

import textwrap

from app.engine.rules import load_rules, selector_matches
from app.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("rules", help="list every rule, or explain one", description="List every rule, or explain RULE-ID with its examples.")
    p.add_argument("rule", nargs="?", metavar="RULE-ID", help="a rule id, category or prefix")
    p.set_defaults(func=run)


def _example(s: str, width: int = 90) -> str:
    """An example on one line, spaces kept as they are (a double space may be the very point)."""
    s = s.replace("\r\n", "\n").replace("\n", "↵").replace("\t", "⇥")
    return s if len(s) <= width else s[: width - 3] + "..."


def run(args) -> int:
    rules = load_rules()
    if not args.rule:
        width = max(len(r.id) for r in rules)
        for r in rules:
            example = r.examples_fail[0].text if r.examples_fail else ""
            print(f"{r.id:<{width}}  {r.severity:<7}  {r.category:<11}  {','.join(r.languages):<5}  e.g. {_example(example, 60)!r}")
        print(f"\n{len(rules)} rules. `pressroom rules RULE-ID` explains one.")
        return 0
    exact = [r for r in rules if r.id == args.rule]
    chosen = exact or [r for r in rules if selector_matches(args.rule, r.id, r.category)]
    if not chosen:
        raise UsageError(f"no rule '{args.rule}' (see `pressroom rules`)")
    for i, r in enumerate(chosen):
        if i:
            print("\n" + "-" * 60 + "\n")
        print(f"{r.id}  ({r.severity}, {r.category}, languages: {', '.join(r.languages)}, type: {r.type})")
        if r.title:
            print(r.title)
        print(f"\nMessage: {r.message}")
        if r.message_ru:
            print(f"Message (ru): {r.message_ru}")
        if r.description:
            print("\n" + textwrap.fill(" ".join(r.description.split()), 90))
        if r.link:
            print(f"\nSource: {r.link}")
        print("\nExamples that trigger it:")
        for e in r.examples_fail:
            print(f"  ✗ {_example(e.text, 100)}")
        if r.examples_pass:
            print("Examples that do not:")
            for e in r.examples_pass:
                print(f"  ✓ {_example(e.text, 100)}")
        print(f"\nSilence it: --ignore {r.id}, or in pressroom.toml [rules] ignore = [\"{r.id}\"]")
    return 0
