"""The LanguageTool HTTP server as a client sees it (through ``language-tool-python``).

Where the server is, in this order:
1. ``PRESSROOM_LANGUAGETOOL_URL`` or ``[languagetool] url`` in pressroom.toml;
2. the server ``pressroom languagetool start`` / ``make languagetool`` started (its port is in
   ``.cache/languagetool/server.port``), else http://127.0.0.1:8081;
3. with ``[languagetool] download = true``: the server language-tool-python downloads and starts
   itself (on machines that reach its download site).
Every request has a time limit (``[languagetool] timeout``, default 10 s) and is tried once; a
server that failed is not asked again for a minute, so a batch run does not wait on it per file.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from app import RULES_DIR

ROOT = Path(RULES_DIR).resolve().parent
CACHE = Path(os.environ.get("LT_HOME") or ROOT / ".cache" / "languagetool")
DEFAULT_TIMEOUT = 10.0
RETRY_AFTER = 60.0

_LOCK = threading.Lock()
_CLIENTS: dict[tuple[str, str], Any] = {}
_DEAD: dict[str, tuple[float, str]] = {}  # url -> (retry after, the failure, said once per run)


class Unavailable(Exception):
    """LanguageTool could not answer; the message says why, in one line."""


def server_url(config) -> tuple[str | None, str]:
    """(url, where it came from); url None means: let language-tool-python run its own."""
    env = os.environ.get("PRESSROOM_LANGUAGETOOL_URL")
    if env:
        return env, "PRESSROOM_LANGUAGETOOL_URL"
    lt = getattr(config, "languagetool", {}) or {}
    if lt.get("url"):
        return str(lt["url"]), "pressroom.toml"
    port_file = CACHE / "server.port"
    if port_file.is_file():
        try:
            return f"http://127.0.0.1:{int(port_file.read_text().strip())}", "pressroom languagetool start"
        except ValueError:
            pass
    if lt.get("download"):
        return None, "language-tool-python download"
    return "http://127.0.0.1:8081", "default"


def lt_language(doc_language: str, config) -> str:
    if doc_language == "ru":
        return "ru-RU"
    variant = str((getattr(config, "style", {}) or {}).get("english", "en_GB")).replace("_", "-")
    return variant if variant in ("en-GB", "en-US") else "en-GB"


def _make_client(url: str | None, language: str, timeout: float):
    import language_tool_python
    from language_tool_python import LanguageTool

    class _Client(LanguageTool):
        _TIMEOUT = timeout  # per request (the library's default is 300 s)

        def _query_server(self, url, params=None, num_tries=2, method="get"):
            return super()._query_server(url, params, num_tries=1, method=method)

        def _create_params(self, text):
            # The library joins its rule sets in set order, which changes with every process
            # (string hashing). The server keys its cached pipelines by the request's parameters,
            # so each new order built a new Russian pipeline: 1.6-3.4 s on the first request of
            # every `pressroom lint` (issue 13). Sorted, one pipeline serves every process.
            params = super()._create_params(text)
            for key in ("disabledRules", "enabledRules", "disabledCategories", "enabledCategories"):
                if params.get(key):
                    params[key] = ",".join(sorted(params[key].split(",")))
            return params

    _ = language_tool_python
    if url is None:
        return _Client(language)
    return _Client(language, remote_server=url)


def check(text: str, language: str, config, disabled: list[str]) -> list[dict]:
    """LanguageTool's matches for text as plain dicts (offset, length, message, replacements,
    rule id, category id, issue type). Raises Unavailable."""
    lt = getattr(config, "languagetool", {}) or {}
    timeout = float(lt.get("timeout", DEFAULT_TIMEOUT))
    url, where = server_url(config)
    key = url or "<language-tool-python>"
    dead_until, why = _DEAD.get(key, (0.0, ""))
    if time.monotonic() < dead_until:
        raise Unavailable(why)  # the same text: the notice is printed once
    try:
        with _LOCK:
            client = _CLIENTS.get((key, language))
            if client is None:
                client = _make_client(url, language, timeout)
                _CLIENTS[(key, language)] = client
        client.disabled_rules = set(disabled)
        matches = client.check(text)
    except Exception as e:  # noqa: BLE001 - any failure of the optional server is a notice
        with _LOCK:
            _CLIENTS.pop((key, language), None)
        why = f"LanguageTool at {key} ({where}) {_reason(e, timeout)}"
        _DEAD[key] = (time.monotonic() + RETRY_AFTER, why)
        raise Unavailable(why) from None
    _DEAD.pop(key, None)
    out = []
    for m in matches:
        out.append({
            "offset": m.offset, "length": m.error_length, "message": m.message,
            "replacements": list(m.replacements or []), "rule": m.rule_id,
            "category": m.category, "issue": getattr(m, "rule_issue_type", None) or "",
        })
    return out


def _reason(e: Exception, timeout: float) -> str:
    text = str(e)
    if "timed out" in text.lower() or "timeout" in type(e).__name__.lower():
        return f"is too slow (no answer within the {timeout:g} s limit)"
    if "refused" in text.lower() or "NewConnectionError" in text or "Max retries" in text:
        return "is unreachable (connection refused; start it with `pressroom languagetool start`)"
    first = text.splitlines()[0][:160] if text else type(e).__name__
    return f"failed: {first}"


def reset() -> None:
    """Forget clients and failures (tests)."""
    with _LOCK:
        _CLIENTS.clear()
        _DEAD.clear()


# ----- raw HTTP access (the LanguageTool-compatible API merges the server's own matches) ---------
# A request from Pressroom to a LanguageTool server carries this header; Pressroom's own /v2/check
# answers such a request without asking a server itself (no loop when the URL points back at us).
FORWARDED_HEADER = "X-Pressroom-Forwarded"


def base_url(url: str) -> str:
    url = url.rstrip("/")
    return url[: -len("/v2")] if url.endswith("/v2") else url


def probe(config, timeout: float = 0.5) -> bool:
    """Does a LanguageTool server answer at the configured URL within timeout (GET /v2/languages)?
    A server that failed a check is not probed for a minute; a failed probe is not remembered (a
    server that is still starting is found as soon as it answers)."""
    url, _where = server_url(config)
    if url is None:
        return False
    dead_until, _why = _DEAD.get(url, (0.0, ""))
    if time.monotonic() < dead_until:
        return False
    if not _port_open(url, timeout):
        return False  # nothing listens there: answered without importing requests (~0.15 s, issue 13)
    import requests

    try:
        r = requests.get(base_url(url) + "/v2/languages", timeout=timeout, headers={FORWARDED_HEADER: "1"})
        ok = r.status_code == 200 and r.headers.get("content-type", "").startswith("application/json")
    except Exception:  # noqa: BLE001 - anything but an answer means: not there
        ok = False
    return ok


def _port_open(url: str, timeout: float) -> bool:
    """Does anything accept a TCP connection at the URL's host and port? (True when unsure.)"""
    import socket
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return True
    if not host:
        return True
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def check_raw(text: str, language: str, config, params: dict[str, str] | None = None) -> dict:
    """The server's JSON answer to POST /v2/check (offsets in UTF-16 code units of text), as it
    is. Raises Unavailable (and remembers the failure for a minute)."""
    import requests

    lt = getattr(config, "languagetool", {}) or {}
    timeout = float(lt.get("timeout", DEFAULT_TIMEOUT))
    url, where = server_url(config)
    if url is None:
        raise Unavailable("no LanguageTool server URL is configured")
    dead_until, why = _DEAD.get(url, (0.0, ""))
    if time.monotonic() < dead_until:
        raise Unavailable(why)
    form = {"text": text, "language": language, **(params or {})}
    try:
        r = requests.post(base_url(url) + "/v2/check", data=form, timeout=timeout,
                          headers={FORWARDED_HEADER: "1"})
    except Exception as e:  # noqa: BLE001
        why = f"LanguageTool at {url} ({where}) {_reason(e, timeout)}"
        _DEAD[url] = (time.monotonic() + RETRY_AFTER, why)
        raise Unavailable(why) from None
    if r.status_code != 200:
        first = (r.text or "").strip().splitlines()[0][:160] if r.text else ""
        raise Unavailable(f"LanguageTool at {url} answered {r.status_code}: {first}")
    try:
        data = r.json()
    except ValueError:
        raise Unavailable(f"LanguageTool at {url} did not answer JSON") from None
    _DEAD.pop(url, None)
    return data
