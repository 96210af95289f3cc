"""Writing files safely: a temporary file beside the target, then a rename.

Never a half-written file; the permissions of a replaced file are kept; read-only targets are
refused even for root.
"""
from __future__ import annotations

import os
import stat
import tempfile

from app.errors import InputError


def write_atomic(path: str | os.PathLike, data: bytes, mode: int | None = None) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file.

    ``mode``: the permissions to give the file (default: those of the file replaced, else umask)."""
    path = os.fspath(path)
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise InputError(f"{path}: folder {folder} does not exist")
    if os.path.isdir(target):
        raise InputError(f"{path}: is a folder")
    if os.path.exists(target) and not is_writable(target) or not is_writable(folder):
        raise InputError(f"{path}: not writable")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pressroom-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _mode_for(target) if mode is None else mode)
        os.replace(tmp, target)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from None


def _mode_for(target: str) -> int:
    """Keep the permissions of a file being replaced; new files get the usual umask mode."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def is_writable(path: str) -> bool:
    """Writable, and not marked read-only (root ignores permissions; we still respect the flag)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
