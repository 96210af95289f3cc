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
    p.add_argument("--output", "-o", metavar="FILE", help="file to write (default: RELEASE with the format's suffix)")
    p.add_argument("--format", "-f", choices=("docx", "pdf", "html", "txt"), default=None,
                   help="docx (default), pdf (LibreOffice from the DOCX, same DRAFT marking), html or txt "
                        "(the body of an e-mail); default: from the --output suffix, else docx")
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
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else "docx"
        fmt = {"htm": "html", "text": "txt"}.get(suffix, suffix)
        if fmt not in ("docx", "pdf", "html", "txt"):
            raise UsageError(f"--output {args.output}: the output must be a .docx, .pdf, .html or .txt file (or give --format)")
    out = args.output or str(Path(args.release).with_suffix("." + fmt))
    ext = Path(out).suffix.lower()
    if not args.check and ext not in {"docx": (".docx",), "pdf": (".pdf",), "html": (".html", ".htm"), "txt": (".txt", ".text")}[fmt]:
        raise UsageError(f"--output {out}: a {fmt} file must end with .{fmt}")
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

    if fmt == "docx":
        render_release(release, out, draft=args.draft, config=config, overwrite=args.force)
    else:
        from app.core.files import write_atomic
        from app.release.deliver import render_html, render_pdf, render_text

        if fmt == "pdf":
            data = render_pdf(release, draft=args.draft, config=config)
        else:
            fn = render_html if fmt == "html" else render_text
            text = fn(release, draft=args.draft, config=config)
            if fmt == "html":
                text = f'<!doctype html>\n<html lang="{release.language}"><head><meta charset="utf-8"><title>' \
                       f'{__import__("html").escape(release.headline)}</title></head><body>\n{text}\n</body></html>\n'
            data = text.encode("utf-8")
        write_atomic(out, data, overwrite=args.force)
    print(out)
    return 0
