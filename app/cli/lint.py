"""`pressroom lint`: check drafts and report findings."""
from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed

from app.core.readers import expand_paths, read_path
from app.engine.config import Config, load_config
from app.engine.finding import SEVERITIES
from app.engine.linter import LintContext, LintResult, lint, validate_selectors
from app.engine.rules import load_rules
from app.errors import InputError, PressroomError, UsageError
from app.output import format_text, to_json_dict, to_sarif


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def register(sub) -> None:
    p = sub.add_parser(
        "lint", help="check drafts (DOCX, TXT, MD) and report findings",
        description="Check press-release drafts. Exit codes: 0 clean, 1 findings at or above --fail-level, 2 usage or input error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (all .docx/.txt/.md inside); - reads standard input")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text", help="report format (default: text)")
    p.add_argument("--lang", choices=("auto", "ru", "en"), default=None, help="document language (default: auto-detect)")
    p.add_argument("--select", type=_csv, default=[], metavar="LIST", help="only these rule ids, categories or id prefixes")
    p.add_argument("--ignore", type=_csv, default=[], metavar="LIST", help="skip these rule ids, categories or id prefixes")
    p.add_argument("--fail-level", choices=SEVERITIES, default=None, help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--config", metavar="FILE", help="pressroom.toml to use (default: nearest in this or a parent folder)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="files checked in parallel (default 1; 0 = all cores)")
    p.add_argument("--no-color", action="store_true", help="no colours in the text report")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing when there are no findings")
    p.add_argument("--languagetool", action="store_true", help="also ask the LanguageTool server (see `pressroom languagetool`)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report (or the fixed draft with --fix) to FILE")
    p.set_defaults(func=run)
    for extend in _EXTENSIONS:
        extend(p)


# Other modules (annotate, fix) add their options and handlers here.
_EXTENSIONS: list = []
_HANDLERS: list = []


def _lint_one(path: str, config: Config, lang: str, select, ignore, options) -> tuple[str, LintResult | None, str | None]:
    try:
        doc = read_path(path, lang)
        ctx = LintContext(config=config, options=dict(options))
        result = lint(doc, config, select, ignore, context=ctx)
        return path, result, None
    except PressroomError as e:
        return path, None, str(e)


def _portable(result: LintResult) -> LintResult:
    result.document.docx = None  # python-docx objects do not cross process boundaries
    return result


def _worker(args):
    path, res, err = _lint_one(*args)
    return path, (_portable(res) if res else None), err


def lint_paths(paths: list[str], config: Config, lang: str, select, ignore, options, jobs: int = 1,
               progress: bool = False) -> tuple[list[LintResult], list[dict]]:
    results: dict[str, LintResult] = {}
    errors: list[dict] = []
    jobs = os.cpu_count() or 1 if jobs == 0 else max(1, jobs)
    total = len(paths)

    def tick(i: int, path: str) -> None:
        if progress:
            print(f"\r\033[K[{i}/{total}] {path[-60:]}", end="", file=sys.stderr, flush=True)

    if jobs > 1 and total > 1 and "-" not in paths:
        load_rules()
        with ProcessPoolExecutor(max_workers=min(jobs, total)) as pool:
            futures = [pool.submit(_worker, (p, config, lang, select, ignore, options)) for p in paths]
            for i, fut in enumerate(as_completed(futures), 1):
                path, res, err = fut.result()
                tick(i, path)
                if err:
                    errors.append({"path": path, "message": err})
                else:
                    results[path] = res
    else:
        for i, path in enumerate(paths, 1):
            tick(i, path)
            path, res, err = _lint_one(path, config, lang, select, ignore, options)
            if err:
                errors.append({"path": path, "message": err})
            else:
                results[path] = res
    if progress:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    ordered = [results[p] for p in paths if p in results]
    return ordered, errors


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not args.paths:
        if sys.stdin.isatty():
            raise UsageError("no PATH given (give files or folders, or - to read standard input)")
        args.paths = ["-"]
    lang = args.lang or config.language
    validate_selectors(args.select + args.ignore, load_rules())
    for handler in _HANDLERS:
        code = handler(args, config, lang)
        if code is not None:
            return code
    paths = expand_paths(args.paths)
    options = {"languagetool": bool(args.languagetool or config.languagetool.get("enabled"))}
    progress = sys.stderr.isatty() and len(paths) > 1 and not args.quiet
    results, errors = lint_paths(paths, config, lang, args.select, args.ignore, options, args.jobs, progress)
    notices: list[str] = []
    for r in results:
        for n in r.notices:
            if n not in notices:
                notices.append(n)
    for n in notices:
        print(f"pressroom: notice: {n}", file=sys.stderr)
    for e in errors:
        print(f"pressroom: error: {e['message']}", file=sys.stderr)
    if args.format == "json":
        out = json.dumps(to_json_dict(results, errors, notices), ensure_ascii=False, indent=2)
    elif args.format == "sarif":
        out = json.dumps(to_sarif(results), ensure_ascii=False, indent=2)
    else:
        color = sys.stdout.isatty() and not args.no_color and "NO_COLOR" not in os.environ and not args.output
        out = format_text(results, color=color, quiet=args.quiet)
    if args.output:
        write_atomic(args.output, (out + "\n").encode("utf-8"))
    elif out:
        print(out)
    if errors and not results:
        return 2
    fail = args.fail_level or config.fail_level
    if any(r.reaches(fail) for r in results):
        return 1
    return 2 if errors else 0


def write_atomic(path: str, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    import tempfile

    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise InputError(f"{path}: folder {folder} does not exist")
    if os.path.exists(target) and not os.access(target, os.W_OK) or not os.access(folder, os.W_OK):
        raise InputError(f"{path}: not writable")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pressroom-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from None
