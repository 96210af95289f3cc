"""Who may use the LanguageTool-compatible API.

Anonymous requests are answered on the loopback interface only (the editor on the same machine);
from elsewhere a request needs ``username`` and ``apiKey``. Whether a pair is valid is decided by
one function the shell passes in (``token_valid``), so API tokens of user accounts can replace the
configured ones without touching this module.
"""
from __future__ import annotations

import hmac
import ipaddress
from typing import Callable, Mapping

from app.ltapi.request import ApiError


def is_loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address((address or "").split("%")[0]).is_loopback
    except ValueError:
        return False


def configured_tokens(value) -> dict[str, str]:
    """Tokens from the configuration: a mapping user -> token, or "user:token,user2:token2"."""
    if not value:
        return {}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if k and v}
    out = {}
    for item in str(value).split(","):
        user, sep, token = item.strip().partition(":")
        if sep and user and token:
            out[user] = token
    return out


def tokens_check(tokens: Mapping[str, str]) -> Callable[[str, str], bool]:
    """A token_valid function over configured tokens (constant-time comparison)."""
    def valid(username: str, api_key: str) -> bool:
        expected = tokens.get(username)
        return expected is not None and hmac.compare_digest(expected.encode(), api_key.encode())

    return valid


def authorise(remote_addr: str | None, username: str | None, api_key: str | None,
              token_valid: Callable[[str, str], bool], anonymous_local: bool = True) -> str:
    """The name the request is counted under (rate limit), or ApiError 403."""
    if username and api_key:
        if token_valid(username, api_key):
            return f"user:{username}"
        raise ApiError(403, "Error: Authentication failed: the username or the apiKey is not valid")
    if anonymous_local and is_loopback(remote_addr):
        return f"ip:{remote_addr}"
    raise ApiError(403, "Error: Authentication required: this server answers anonymous requests from the same "
                        "machine only; send 'username' and 'apiKey' (an API token of this Pressroom server)")
