"""`pressroom lint`: check drafts and report findings."""
from __future__ import annotations

import argparse
import json
import os
import stat
import sys

from app.core.files import is_writable, refuse_existing, write_atomic
from app.core.readers import expand_paths, read_path
from app.engine.config import Config, load_config
from app.engine.finding import SEVERITIES
from app.engine.linter import LintContext, LintResult, lint, validate_selectors
from app.engine.rules import load_rules
from app.errors import InputError, PressroomError, UsageError
from app.output import format_text, to_json_dict, to_sarif


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1, 2, ...; 0 = all cores)")
    return n


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
    p.add_argument("--messages", choices=("en", "ru"), default=None,
                   help="language of the finding messages (default: messages in pressroom.toml, else en)")
    p.add_argument("--fail-level", choices=SEVERITIES, default=None, help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--config", metavar="FILE", help="pressroom.toml to use (default: nearest in this or a parent folder)")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help="files checked in parallel (default 1; 0 = all cores)")
    p.add_argument("--no-color", action="store_true", help="no colours in the text report")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing when there are no findings")
    p.add_argument("--languagetool", nargs="?", const="on", default=None, metavar="auto|on|off",
                   help="ask the LanguageTool server too: auto (the default: when one answers a quick probe, "
                        "silently offline otherwise), on (--languagetool alone: always, with a notice when it is "
                        "missing), off (see `pressroom languagetool`)")
    p.add_argument("--no-languagetool", dest="languagetool", action="store_const", const="off",
                   help="do not ask the LanguageTool server (offline checks only)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report (or the fixed draft with --fix) to FILE")
    p.add_argument("--annotate", metavar="OUT.docx",
                   help="also write a copy of the draft (TXT/MD drafts: a DOCX made from the text) with one Word "
                        "review comment per finding; the draft itself is not modified")
    p.add_argument("--fix", action="store_true",
                   help="apply the safe fixes (TXT, MD, DOCX), lint again and report what remains; "
                        "needs --output FILE, --in-place or --diff")
    p.add_argument("--in-place", action="store_true", help="with --fix: replace the draft, keeping a copy as DRAFT.bak")
    p.add_argument("--diff", action="store_true", help="with --fix: show what would change (unified diff), write nothing")
    p.add_argument("--force", action="store_true", help="replace an existing --output / --annotate file (never done without it)")
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


# Documents checked at once when LanguageTool is on: scripts/languagetool.sh starts the server with
# 4 check threads; two documents in flight keep a 2-core machine's server and Python both busy.
LT_PARALLEL = 2


def lint_paths(paths: list[str], config: Config, lang: str, select, ignore, options, jobs: int = 1,
               progress: bool = False) -> tuple[list[LintResult], list[dict]]:
    results: dict[str, LintResult] = {}
    errors: list[dict] = []
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    total = len(paths)

    def tick(i: int, path: str) -> None:
        if progress:
            print(f"\r\033[K[{i}/{total}] {path[-60:]}", end="", file=sys.stderr, flush=True)

    if jobs > 1 and total > 1 and "-" not in paths:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # multiprocessing: ~15 ms (issue 13)

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
    elif options.get("languagetool") and total > 1 and "-" not in paths:
        # LanguageTool checks documents in parallel (its check threads): while one document waits
        # for the server, the next one's offline checks run. Threads, not processes: the wait
        # releases the GIL and the dictionaries are loaded once (issue 13).
        from concurrent.futures import ThreadPoolExecutor

        load_rules()
        with ThreadPoolExecutor(max_workers=min(LT_PARALLEL, total)) as pool:
            done = pool.map(lambda p: _lint_one(p, config, lang, select, ignore, options), paths)
            for i, (path, res, err) in enumerate(done, 1):
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
    _lt_mode_of_args(args)
    if not args.paths:
        if sys.stdin.isatty():
            raise UsageError("no PATH given (give files or folders, or - to read standard input)")
        args.paths = ["-"]
    lang = args.lang or config.language
    validate_selectors(args.select + args.ignore, load_rules())
    if config.path is not None:  # a typo in pressroom.toml must not silently check everything
        where = f"config file {config.path}: [rules]"
        validate_selectors(config.select + config.ignore + list(config.severity), load_rules(), where)
    for handler in _HANDLERS:
        code = handler(args, config, lang)
        if code is not None:
            return code
    paths = expand_paths(args.paths)
    if args.output and any(_same_file(p, args.output) for p in paths):
        raise UsageError(f"--output {args.output} is a draft being checked; the report would overwrite it")
    options = {"languagetool": languagetool_wanted(args, config)}
    progress = sys.stderr.isatty() and len(paths) > 1 and not args.quiet
    results, errors = lint_paths(paths, config, lang, args.select, args.ignore, options, args.jobs, progress)
    return _report(args, config, results, errors, report_to_file=bool(args.output))


def _report(args, config: Config, results: list[LintResult], errors: list[dict], report_to_file: bool) -> int:
    """Print notices, errors and the report; return the exit code."""
    notices: list[str] = []
    for r in results:
        for n in r.notices:
            if n not in notices:
                notices.append(n)
    for n in notices:
        print(f"pressroom: notice: {n}", file=sys.stderr)
    for e in errors:
        print(f"pressroom: error: {e['message']}", file=sys.stderr)
    lang = getattr(args, "messages", None) or config.messages
    if args.format == "json":
        out = json.dumps(to_json_dict(results, errors, notices, lang=lang), ensure_ascii=False, indent=2)
    elif args.format == "sarif":
        out = json.dumps(to_sarif(results, lang=lang), ensure_ascii=False, indent=2)
    else:
        color = sys.stdout.isatty() and not args.no_color and "NO_COLOR" not in os.environ and not report_to_file
        out = format_text(results, color=color, quiet=args.quiet, lang=lang)
    if report_to_file:
        write_atomic(args.output, (out + "\n").encode("utf-8"), overwrite=getattr(args, "force", False))
    elif out and (results or not errors or args.format != "text"):
        print(out)  # (no "0 finding(s) in 0 file(s)" when nothing could be read: it looks clean)
    if errors and not results:
        return 2
    fail = args.fail_level or config.fail_level
    if any(r.reaches(fail) for r in results):
        return 1
    return 2 if errors else 0


def _same_file(a: str, b: str) -> bool:
    if a == "-" or b == "-":
        return False
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def _read_draft(path: str, lang: str):
    """(raw bytes, Document) of one draft; raw bytes are None for standard input."""
    from app.core.files import read_regular_file, read_stream
    from app.core.readers import MAX_BYTES, read_bytes

    if path == "-":
        data = read_stream(sys.stdin.buffer, MAX_BYTES)
        return data, read_bytes(data, "<stdin>", None, lang)
    doc = read_path(path, lang)
    data = doc.docx.data if doc.docx is not None else read_regular_file(path, MAX_BYTES)
    return data, doc


LT_MODES = ("auto", "on", "off")


def _lt_mode_of_args(args) -> None:
    """`--languagetool PATH`: the flag takes no value there; PATH is a draft (argparse cannot know)."""
    mode = getattr(args, "languagetool", None)
    if mode is not None and mode not in LT_MODES:
        args.paths = list(args.paths) + [mode]
        args.languagetool = "on"


def languagetool_wanted(args, config: Config) -> bool:
    """Resolve --languagetool auto|on|off (default: [languagetool] enabled, else PRESSROOM_LANGUAGETOOL,
    else auto). auto: a server that answers a health probe within half a second is used; none means
    offline checks and no notice. on: always asked, and a missing server is a notice."""
    mode = getattr(args, "languagetool", None)
    if mode is None:
        enabled = config.languagetool.get("enabled")
        mode = {True: "on", False: "off", "auto": "auto"}.get(enabled) or \
            os.environ.get("PRESSROOM_LANGUAGETOOL", "auto").strip().lower()
        if mode not in LT_MODES:
            raise UsageError(f"PRESSROOM_LANGUAGETOOL must be auto, on or off (got {mode!r})")
    if mode == "off":
        return False
    if mode == "on":
        return True
    cached = getattr(args, "_lt_probe", None)
    if cached is None:
        from app.checks.languagetool import client

        cached = client.probe(config, timeout=0.5)
        try:
            args._lt_probe = cached
        except AttributeError:  # pragma: no cover
            pass
    return cached


def _lint_doc(doc, args, config: Config) -> LintResult:
    options = {"languagetool": languagetool_wanted(args, config)}
    ctx = LintContext(config=config, options=options)
    return lint(doc, config, args.select, args.ignore, context=ctx)


def _where(doc, f) -> str:
    line, col = doc.line_col(f.offset)
    return f"{line}:{col}"


def _check_fix_usage(args) -> None:
    if (args.in_place or args.diff) and not args.fix:
        raise UsageError("--in-place and --diff work with --fix")
    if args.fix:
        modes = sum(bool(x) for x in (args.output, args.in_place, args.diff))
        if modes == 0:
            raise UsageError("--fix needs --output FILE (fixed copy), --in-place (replace the draft, keep a .bak) or --diff (show only)")
        if modes > 1:
            raise UsageError("--fix: choose one of --output FILE, --in-place and --diff")
        if args.in_place and "-" in args.paths:
            raise UsageError("--in-place cannot replace standard input; use --output FILE")
        if args.in_place and not getattr(args, "force", False):
            for p in args.paths:
                if os.path.isfile(p) and os.path.lexists(p + ".bak"):
                    raise UsageError(f"--in-place: {p}.bak exists (the copy of the draft would replace it); move it or add --force")
    if args.annotate:
        if not args.annotate.lower().endswith(".docx"):
            raise UsageError(f"--annotate {args.annotate}: the annotated copy is a Word file; name it .docx")
        for p in args.paths:
            if _same_file(p, args.annotate):
                raise UsageError(f"--annotate {args.annotate} is the draft itself; the original is never modified, choose another file")
        if args.output and _same_file(args.output, args.annotate):
            raise UsageError(f"--output and --annotate both name {args.output}; one would overwrite the other")
    force = getattr(args, "force", False)
    if args.output and not any(_same_file(p, args.output) for p in args.paths):
        refuse_existing(args.output, "--output", force)
    if args.annotate:
        refuse_existing(args.annotate, "--annotate", force)


def _fix_and_annotate(args, config: Config, lang: str) -> int | None:
    """Handler for --fix / --in-place / --diff / --annotate (None: a plain lint run)."""
    _check_fix_usage(args)
    if not (args.fix or args.annotate):
        return None
    from app.core.readers import expand_paths

    paths = expand_paths(args.paths)
    if args.annotate and len(paths) != 1:
        raise UsageError("--annotate takes exactly one draft")
    if args.fix and args.output:
        if len(paths) != 1:
            raise UsageError("--fix --output FILE takes exactly one draft (use --in-place for several)")
        if _same_file(paths[0], args.output):
            raise UsageError(f"--output {args.output} is the draft itself; use --in-place to replace it (a .bak copy is kept)")
        if args.annotate and _same_file(args.output, args.annotate):
            raise UsageError("--output and --annotate name the same file")
        src_ext = os.path.splitext(paths[0])[1].lower()
        out_ext = os.path.splitext(args.output)[1].lower()
        if src_ext == ".docx" and out_ext != ".docx":
            raise UsageError(f"--output {args.output}: the fixed draft is a Word file; name it .docx")
        if src_ext != ".docx" and out_ext == ".docx":
            raise UsageError(f"--output {args.output}: the fixed draft is plain text like the draft; "
                             "name it .txt or .md (--annotate writes a Word copy)")
    results: list[LintResult] = []
    errors: list[dict] = []
    for path in paths:
        try:
            original, doc = _read_draft(path, lang)
            result = _lint_doc(doc, args, config)
            if args.fix:
                result = _fix_one(args, config, lang, path, original, doc, result)
            if args.annotate:
                from app.annotate import annotate

                target = result.document
                data = annotate(target, result.findings, lang=getattr(args, "messages", None) or config.messages)
                write_atomic(args.annotate, data, overwrite=getattr(args, "force", False))
                print(f"pressroom: {args.annotate}: {len(result.findings)} comment(s) by Pressroom", file=sys.stderr)
            results.append(result)
        except PressroomError as e:
            if len(paths) == 1:
                raise
            errors.append({"path": path, "message": str(e)})
    if args.diff and not args.annotate:
        # stdout carries the diff; the exit code still tells whether findings would remain
        for r in results:
            for n in r.notices:
                print(f"pressroom: notice: {n}", file=sys.stderr)
        for e in errors:
            print(f"pressroom: error: {e['message']}", file=sys.stderr)
        if errors and not results:
            return 2
        fail = args.fail_level or config.fail_level
        return 1 if any(r.reaches(fail) for r in results) else (2 if errors else 0)
    return _report(args, config, results, errors, report_to_file=bool(args.output) and not args.fix)


def _fix_one(args, config: Config, lang: str, path: str, original: bytes, doc, result: LintResult) -> LintResult:
    """Apply the safe fixes of one draft, write them as asked, lint the result again."""
    import difflib

    from app.fix import fix_until_stable

    if doc.docx is not None and doc.docx.has_revisions:
        print(f"pressroom: notice: {path}: the draft has tracked changes; fixes edit the current text "
              "(they are not tracked) and the revisions are kept", file=sys.stderr)
    out = fix_until_stable(doc, result, original, lambda d: _lint_doc(d, args, config))
    data, fixed_doc, after, applied, skipped = out.data, out.document, out.result, out.applied, out.skipped
    if fixed_doc is not doc:
        fixed_doc.path = args.output or doc.path  # the remaining findings are reported on the written file
    changed = data != original
    if args.in_place and changed:
        if not is_writable(path) or not is_writable(os.path.dirname(os.path.abspath(path))):
            raise InputError(f"{path}: not writable; nothing changed")
    verb = "would fix" if args.diff else "fixed"
    shown = doc.path if path == "-" else path
    print(f"pressroom: {shown}: {verb} {len(applied)} finding(s); {len(after.findings)} remain", file=sys.stderr)
    for s in skipped:
        print(f"pressroom: {shown}:{_where(fixed_doc, s.finding)}: {s.finding.rule}: fix not applied: {s.reason}", file=sys.stderr)
    if args.diff:
        if changed:
            a = doc.source_text.splitlines(keepends=True)
            b = fixed_doc.source_text.splitlines(keepends=True)
            label = " (text)" if doc.format == "docx" else ""
            for line in difflib.unified_diff(a, b, f"a/{path}{label}", f"b/{path}{label}"):
                sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return after
    if args.in_place:
        if changed:
            write_atomic(path + ".bak", original, mode=stat.S_IMODE(os.stat(path).st_mode),  # as private as the draft
                         overwrite=getattr(args, "force", False))
            write_atomic(path, data)
        return after
    write_atomic(args.output, data, overwrite=getattr(args, "force", False))
    return after


_HANDLERS.append(_fix_and_annotate)
