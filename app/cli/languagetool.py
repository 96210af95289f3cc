"""`pressroom languagetool start|stop|status|fetch`: the local LanguageTool HTTP server.

A thin shell over scripts/languagetool.sh, which fetches LanguageTool (pinned version) from Maven
Central with Maven into .cache/languagetool and runs org.languagetool.server.HTTPServer on
127.0.0.1. `pressroom lint --languagetool` finds the started server by itself.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

from app.checks.languagetool.client import ROOT
from app.errors import UsageError

SCRIPT = ROOT / "scripts" / "languagetool.sh"


def register(sub) -> None:
    p = sub.add_parser(
        "languagetool", help="start, stop or query the local LanguageTool server",
        description="Manage the local LanguageTool HTTP server used by `pressroom lint --languagetool`. "
                    "`start` downloads LanguageTool from Maven Central the first time (needs java and mvn).",
    )
    p.add_argument("action", choices=("start", "stop", "status", "fetch"), help="what to do")
    p.add_argument("--port", type=int, default=8081, help="port for `start` (default 8081; the server listens on 127.0.0.1 only)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not SCRIPT.is_file():
        raise UsageError(f"{SCRIPT} not found (run from a Pressroom checkout)")
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port must be between 1 and 65535 (got {args.port})")
    cmd = ["bash", str(SCRIPT), args.action]
    if args.action == "start":
        cmd.append(str(args.port))
    try:
        proc = subprocess.run(cmd, env=dict(os.environ), stdout=sys.stdout, stderr=sys.stderr)
    except OSError as e:
        raise UsageError(f"cannot run {SCRIPT}: {e.strerror or e}") from None
    if args.action == "status":
        return 0 if proc.returncode == 0 else 1
    return 0 if proc.returncode == 0 else 2
