"""The `pressroom` command: a thin shell over the core.

Each sub-command lives in its own module here with ``register(subparsers)``; the handler returns
the exit code: 0 clean, 1 findings at or above the fail level, 2 usage or input error.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__
from app.errors import PressroomError

COMMANDS = ("lint", "rules", "render", "serve", "languagetool", "users", "backup")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: one line, exit 2 (the full usage is one --help away)
        print(f"pressroom: error: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(2)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv`` naming a command first (``lint …``), only that command's module is
    imported and registered (issue 13: `pressroom lint` need not import the web, render and backup
    commands); anything else (``--help``, no command, a typo) gets every command."""
    parser = _Parser(prog="pressroom", description="Write and check press releases of EU-funded projects.")
    parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    names = COMMANDS
    if argv and argv[0] in COMMANDS:
        names = (argv[0],)
    for name in names:
        try:
            module = importlib.import_module(f"app.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"app.cli.{name}":
                continue
            raise
        module.register(sub)
    parser.set_defaults(_commands=sub.choices)
    return parser


def main(argv: list[str] | None = None) -> int:
    from app.recache import install

    install()  # compiled regular expressions from the disk cache (issue 13)
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args, extra = parser.parse_known_args(argv)
    if extra:  # name the sub-command's --help, not the top-level one
        parser = args._commands.get(getattr(args, "command", None) or "", parser)
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except PressroomError as e:
        print(f"pressroom: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pressroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
