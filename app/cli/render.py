"""`pressroom render`: a release file (YAML or JSON) -> a finished DOCX in the EU visibility template."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.engine.config import load_config
from app.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "render", help="render a release (YAML/JSON) into a DOCX in the EU visibility template",
        description="Render a press release described in YAML or JSON (see README, 'Release file format', or --schema) into a DOCX "
                    "with the EU emblem, funding statement, disclaimer and boilerplate. Exit codes: 0 written, "
                    "2 usage or input error (nothing written).",
    )
    p.add_argument("release", metavar="RELEASE", nargs="?", help="release file (.yml, .yaml or .json)")
    p.add_argument("--output", "-o", metavar="FILE", help="DOCX to write (default: RELEASE with .docx)")
    p.add_argument("--draft", action="store_true", help="mark the document as a draft (DRAFT / ПРОЕКТ)")
    p.add_argument("--config", metavar="FILE", help="pressroom.toml to use (default: nearest in this or a parent folder)")
    p.add_argument("--check", action="store_true", help="only validate the release; write nothing")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of release files and exit")
    p.add_argument("--force", action="store_true", help="replace an existing output file (never done without it)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.release.validate import ReleaseInvalid, load_release

    if args.schema:
        import json

        from app.release.model import json_schema

        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    if not args.release:
        raise UsageError("no RELEASE given (a .yml or .json release file)")
    config = load_config(args.config)
    out = args.output or str(Path(args.release).with_suffix(".docx"))
    if not args.check and not out.lower().endswith(".docx"):
        raise UsageError(f"--output {out}: the output must be a .docx file")
    if not args.check and Path(out).resolve() == Path(args.release).resolve():
        raise UsageError("--output would overwrite the release file")
    if not args.check:
        from app.core.files import refuse_existing

        refuse_existing(out, "--output", args.force)
    try:
        release = load_release(args.release)
    except ReleaseInvalid as e:
        for line in e.lines():
            print(f"pressroom: error: {line}", file=sys.stderr)
        return 2
    if args.check:
        return 0
    from app.release.render import render_release

    render_release(release, out, draft=args.draft, config=config, overwrite=args.force)
    print(out)
    return 0
