"""Run LanguageTool's HTTP server beside `pressroom serve`: started with the app, restarted when it
dies, stopped with the app.

The server is ``scripts/languagetool.sh run PORT`` (fetches LanguageTool the first time, then
``exec java ... HTTPServer`` on 127.0.0.1). It runs in its own process group and gets SIGTERM when
the supervising process dies, even by SIGKILL (Linux PR_SET_PDEATHSIG), so no Java process is
left behind. A server that already answers at the URL is used as it is, not started twice.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from app.checks.languagetool import client

SCRIPT = client.ROOT / "scripts" / "languagetool.sh"
BACKOFF = (1, 2, 5, 10, 30, 60)  # seconds before the 1st, 2nd, ... restart


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Supervisor:
    def __init__(self, port: int = 8081, log_dir: Path | None = None, say=None):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = Path(log_dir or client.CACHE) / f"serve-{port}.log"
        self.say = say or (lambda msg: print(f"pressroom: {msg}", file=sys.stderr, flush=True))
        self.proc: subprocess.Popen | None = None
        self.restarts = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.external = False

    def missing(self) -> str | None:
        """Why LanguageTool cannot run here (one line), or None."""
        if not SCRIPT.is_file():
            return f"{SCRIPT} not found"
        for tool in ("java", "bash"):
            if shutil.which(tool) is None:
                return f"{tool} is not installed (bash scripts/install-system-deps.sh installs it)"
        lib = client.CACHE / f"lib-{os.environ.get('LT_VERSION', '6.7')}" / ".complete"
        if not lib.is_file() and shutil.which("mvn") is None:
            return "LanguageTool is not fetched and mvn is missing (run `make languagetool-fetch`)"
        return None

    def start(self) -> bool:
        """Start supervising; True when a server is (or will be) at self.url."""
        from types import SimpleNamespace

        os.environ["PRESSROOM_LANGUAGETOOL_URL"] = self.url
        if client.probe(SimpleNamespace(languagetool={}), timeout=1.0):
            self.external = True
            self.say(f"LanguageTool: using the server already running at {self.url}")
            return True
        why = self.missing()
        if why:
            self.say(f"LanguageTool: not started ({why}); checks run without it")
            os.environ.pop("PRESSROOM_LANGUAGETOOL_URL", None)
            return False
        self._thread = threading.Thread(target=self._run, name="languagetool-supervisor", daemon=True)
        self._thread.start()
        self.say(f"LanguageTool: starting at {self.url} (log: {self.log_path}); findings join when it answers")
        return True

    def _spawn(self) -> subprocess.Popen:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        try:
            return subprocess.Popen(["bash", str(SCRIPT), "run", str(self.port)], stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent, env=dict(os.environ))
        finally:
            log.close()

    def _run(self) -> None:
        # every spawn happens on this thread: PR_SET_PDEATHSIG follows the thread that forked
        failures = 0
        while not self._stop.is_set():
            started = time.monotonic()
            self.proc = self._spawn()
            while self.proc.poll() is None:
                if self._stop.wait(0.5):
                    return
            if self._stop.is_set():
                return
            if time.monotonic() - started > 300:
                failures = 0  # it ran for a while: start the back-off again
            delay = BACKOFF[min(failures, len(BACKOFF) - 1)]
            failures += 1
            self.restarts += 1
            self.say(f"LanguageTool exited (code {self.proc.returncode}); restarting in {delay} s")
            if self._stop.wait(delay):
                return

    def stop(self) -> None:
        self._stop.set()
        proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def wait_ready(self, timeout: float = 120.0) -> bool:
        from types import SimpleNamespace

        client.reset()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if client.probe(SimpleNamespace(languagetool={}), timeout=1.0):
                return True
            client.reset()
            time.sleep(0.5)
        return False
