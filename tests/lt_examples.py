"""LanguageTool's own marked examples, read from the language jars scripts/languagetool.sh fetched.

Each incorrect example of grammar.xml (``<example correction="…">… <marker>span</marker> …</example>``)
becomes (rule id, text, start, end). Left out, with the reason: rules LanguageTool itself has off by
default (default="off"/"temp_off") or only at level=picky (tags="picky"), and the LanguageTool rules
Pressroom switches off for press releases (rules/lt.yml, options.disabled, each with its reason).
"""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def jar(lang: str) -> Path | None:
    import os

    home = Path(os.environ.get("LT_HOME") or ROOT / ".cache" / "languagetool")
    found = sorted(home.glob(f"lib-*/language-{lang}-*.jar"))
    return found[-1] if found else None


def _disabled(lang: str) -> set[str]:
    import yaml

    data = yaml.safe_load((ROOT / "rules" / "lt.yml").read_text(encoding="utf-8"))
    off = data.get("options", {}).get("disabled", {})
    return set(off.get("all", [])) | set(off.get(lang, []))


def examples(lang: str) -> tuple[list[tuple[str, str, int, int]], dict[str, int]]:
    """(examples, counts of what was left out and why)."""
    from lxml import etree

    path = jar(lang)
    if path is None:
        return [], {}
    with zipfile.ZipFile(path) as z:
        data = z.read(f"org/languagetool/rules/{lang}/grammar.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    root = etree.fromstring(data, parser)
    disabled = _disabled(lang)
    out, skipped = [], {"off by default": 0, "picky": 0, "off in rules/lt.yml": 0, "no marker text": 0}
    for ex in root.iter("example"):
        if ex.get("correction") is None and ex.get("type") != "incorrect":
            continue
        marker = ex.find("marker")
        if marker is None:
            continue
        rule = ex.getparent()
        group = rule.getparent() if rule.getparent() is not None and rule.getparent().tag == "rulegroup" else None
        rid = (group.get("id") if group is not None else None) or rule.get("id") or ""
        if rule.get("default") in ("off", "temp_off") or (group is not None and group.get("default") in ("off", "temp_off")):
            skipped["off by default"] += 1
            continue
        if "picky" in f"{rule.get('tags') or ''} {(group.get('tags') if group is not None else '') or ''}":
            skipped["picky"] += 1
            continue
        if rid in disabled:
            skipped["off in rules/lt.yml"] += 1
            continue
        before = (ex.text or "")
        span = "".join(marker.itertext())
        after = marker.tail or ""
        text = before + span + after
        if not span.strip():
            skipped["no marker text"] += 1
            continue
        out.append((rid, text, len(before), len(before) + len(span)))
    return out, skipped


def sample(items: list, n: int | None, seed: int = 16) -> list:
    """All of them, or n picked at random with a fixed seed (the same every run)."""
    if n is None or n >= len(items):
        return items
    return random.Random(seed).sample(items, n)
