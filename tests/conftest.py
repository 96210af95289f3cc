"""Shared fixtures. Engineers append their own fixtures below; keep the ones above working."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
# `pressroom lint` uses a LanguageTool server by default when one answers (issue 16); the session's
# server (languagetool_server) must not change what other tests see: off unless a test asks.
os.environ.setdefault("PRESSROOM_LANGUAGETOOL", "off")


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-text corpus not found at {CORPUS} (it ships beside the repo in CI, not in a user's clone)")
    return CORPUS


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"CliResult(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def cli():
    """Run `pressroom ARGS` in-process; returns CliResult(code, out, err)."""
    from app.cli import main

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        old_stdin = sys.stdin
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main([str(a) for a in args])
                except SystemExit as e:
                    code = e.code if isinstance(e.code, int) else 2
        finally:
            sys.stdin = old_stdin
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def cli_proc():
    """Run the installed `pressroom` console script as a real process."""
    exe = Path(sys.executable).parent / "pressroom"

    def run(*args: str, stdin: bytes | None = None, cwd: str | None = None, timeout: int = 120) -> CliResult:
        p = subprocess.run([str(exe), *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                           timeout=timeout, env={**os.environ, "NO_COLOR": "1"})
        return CliResult(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))

    return run


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----- web app (issue 7) -------------------------------------------------------------------------
from webauth import SignedInClient, make_user, sign_in  # noqa: E402,F401 (accounts, issue 15)


@pytest.fixture
def make_web_app(tmp_path):
    """Build the Flask app on a fresh, migrated database (SQLite in tmp_path unless a URL is given)."""
    from app.web import create_app, upgrade_database

    def make(database_url: str | None = None, signed_in: bool = True, **config):
        """signed_in: app.test_client() is signed in as 'author' of the default organisation
        (accounts, issue 15); False: anonymous clients."""
        cfg = {"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "test-secret",
               "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp_path / 'web.db'}"}
        cfg.update(config)
        app = create_app(cfg)
        with app.app_context():
            upgrade_database()
            if signed_in:
                app.config["TEST_SIGNED_IN"] = make_user(app, "author").get_id()
        app.test_client_class = SignedInClient
        return app

    return make


@pytest.fixture
def web_app(make_web_app):
    """The app with CSRF off (tests of CSRF itself use make_web_app())."""
    return make_web_app(WTF_CSRF_ENABLED=False)


@pytest.fixture
def web_client(web_app):
    return web_app.test_client()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """A throw-away PostgreSQL server (Debian's binaries) on a free port; yields a base URL."""
    import glob
    import shutil

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        pytest.skip("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); "
                    "run scripts/install-system-deps.sh as root to install the 'postgresql' package")
    bindir = os.path.dirname(bins[-1])
    import tempfile

    # Not under pytest's 0700 tmp root: the server may run as another user who must reach it.
    base = Path(tempfile.mkdtemp(prefix="pressroom-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: use the postgres account
        runuser = shutil.which("runuser")
        if not runuser:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as a non-root user")
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and no 'postgres' user exists to run the server")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        os.chown(sock, pw.pw_uid, pw.pw_gid)
        os.chmod(base, 0o755)
        prefix = [runuser, "-u", "postgres", "--"]
    port = _free_port()
    init = subprocess.run(prefix + [f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "pressroom", "-E", "UTF8",
                                    "--locale=C"], capture_output=True, text=True)
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"initdb failed: {init.stderr.strip()[-500:]}")
    log = base / "server.log"
    subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                             f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://pressroom@127.0.0.1:{port}"
    finally:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's PostgreSQL server."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"


# ----- LanguageTool (issue 4): ONE real server per test session, started with the project's script ---


@pytest.fixture(scope="session")
def languagetool_server(tmp_path_factory):
    """URL of a real LanguageTool HTTP server (scripts/languagetool.sh: Maven Central -> .cache/languagetool).

    Skips only when Java or Maven is absent. Sets PRESSROOM_LANGUAGETOOL_URL for the session."""
    import shutil

    missing = [t for t in ("java", "mvn") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"LanguageTool tests need {' and '.join(missing)} (bash scripts/install-system-deps.sh installs them)")
    run_dir = tmp_path_factory.mktemp("languagetool")
    port = _free_port()
    env = dict(os.environ, LT_RUN=str(run_dir))
    script = ROOT / "scripts" / "languagetool.sh"
    proc = subprocess.run(["bash", str(script), "start", str(port)], env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"LanguageTool server did not start: {proc.stderr[-2000:]}")
    url = f"http://127.0.0.1:{port}"
    # Warm-up (issue 13): the JIT makes the first checks of each language take seconds on a busy
    # machine, longer than the client's per-request timeout; the tests are about answers, not that.
    import urllib.parse
    import urllib.request

    for lang, text in (("ru-RU", "Проект финансируется Европейским Союзом."), ("en-GB", "The project are funded.")):
        try:
            urllib.request.urlopen(f"{url}/v2/check", urllib.parse.urlencode({"text": text, "language": lang}).encode(),
                                   timeout=300).read()
        except OSError:
            pass
    old = os.environ.get("PRESSROOM_LANGUAGETOOL_URL")
    os.environ["PRESSROOM_LANGUAGETOOL_URL"] = url
    try:
        yield url
    finally:
        if old is None:
            os.environ.pop("PRESSROOM_LANGUAGETOOL_URL", None)
        else:
            os.environ["PRESSROOM_LANGUAGETOOL_URL"] = old
        subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, timeout=60)


# ----- CI: a skipped test means a missing install step, not a pass --------------------------------
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped in CI, where everything must be installed by `make test`: {reason}"
