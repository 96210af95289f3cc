"""Writing files safely: a temporary file beside the target, then a rename.

Never a half-written file; the permissions of a replaced file are kept; read-only targets are
refused even for root.
"""
from __future__ import annotations

import os
import stat

from app.errors import InputError


def refuse_existing(path: str | os.PathLike, option: str, force: bool) -> None:
    """A usage error when ``path`` exists and ``--force`` was not given (checked before any work)."""
    from app.errors import UsageError

    path = os.fspath(path)
    if path == "-" or force or not os.path.lexists(path):
        return
    if os.path.isdir(path):
        raise UsageError(f"{option} {path}: is a folder")
    if not is_writable(path):
        raise InputError(f"{path}: not writable")
    raise UsageError(f"{option} {path}: the file exists; add --force to replace it")


def write_atomic(path: str | os.PathLike, data: bytes, mode: int | None = None, overwrite: bool = True) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file.

    ``mode``: the permissions to give the file (default: those of the file replaced, else umask).
    ``overwrite=False``: never replace an existing file, even one created a moment ago (the
    temporary file is hard-linked to the name, which fails when the name exists)."""
    path = os.fspath(path)
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise InputError(f"{path}: folder {folder} does not exist")
    if os.path.isdir(target):
        raise InputError(f"{path}: is a folder")
    if os.path.exists(target) and not is_writable(target) or not is_writable(folder):
        raise InputError(f"{path}: not writable")
    import tempfile  # ~10 ms of imports (random, hashlib …): only when a file is written (issue 13)

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pressroom-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _mode_for(target) if mode is None else mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            finally:
                os.unlink(tmp)
    except FileExistsError:
        raise InputError(f"{path}: the file exists; add --force to replace it") from None
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


def read_regular_file(path: str | os.PathLike, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file, at most ``limit + 1`` of them whatever ``st_size`` says (the
    caller refuses more than ``limit``). A FIFO, a device (/dev/zero), a socket or a folder is
    refused before anything is read: the file is opened non-blocking, so a FIFO without a writer
    does not hang the open, and checked with fstat on the opened descriptor (no race)."""
    path = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a {what}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a folder, not a {what}")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, device or socket); give a {what} saved on disk")
        os.set_blocking(fd, True)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def read_stream(stream, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a stream (standard input may be /dev/zero or endless)."""
    chunks, left = [], limit + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
