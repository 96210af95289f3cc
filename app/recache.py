"""Compiled regular expressions kept on disk between `pressroom` processes (issue 13).

Pressroom's check modules and the facts model compile ~300 regular expressions when imported;
Python's ``re`` parses and compiles each in pure Python (~60 ms of a ~0.45 s cold lint). The result
of that work is a list of integers (the SRE code) with the group tables, which ``_sre.compile``
turns into a pattern object directly. ``install()`` keeps those per (pattern, flags) in the disk
cache folder (app.diskcache), keyed by the Python version and the SRE engine's magic number: a
pattern object built from the kept code is the one ``re.compile`` would build. Used by the CLI
only (``app.cli.main``); any problem (another Python, an unreadable file) means compiling as usual.
``PRESSROOM_CACHE_DIR=off`` turns it off with the other disk caches.
"""
from __future__ import annotations

import os
import pickle
import sys

_FORMAT = 1
_MAX = 5000  # patterns kept; more means the table starts again
_state: dict = {}


def _path():
    from app.diskcache import cache_dir, digest

    d = cache_dir()
    if d is None:
        return None
    return d / f"regex-{digest(_key())}.pickle"


def _key() -> str:
    import _sre

    return repr((_FORMAT, sys.version, _sre.MAGIC, sys.implementation.name))


def install() -> bool:
    """Route ``re``'s compilation through the kept table (once per process); False when not done."""
    if _state:
        return True
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False  # the internals below are the ones of CPython 3.11's re/_compiler.py
    import re._compiler as compiler
    import re._parser as parser

    import _sre

    path = _path()
    if path is None:
        return False
    try:
        with open(path, "rb") as f:
            key, table = pickle.load(f)
        if key != _key() or not isinstance(table, dict):
            table = {}  # another Python's file under the same name
    except Exception:  # noqa: BLE001 - missing or damaged: compile as usual and write it again
        table = {}
    original = compiler.compile
    _state.update(table=table, added=0, path=path, original=original)

    def compile(p, flags=0):  # noqa: A001 - the name re._compiler's callers use
        if not isinstance(p, (str, bytes)) or flags & compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (type(p).__name__, p, int(flags))
        hit = table.get(key)
        if hit is not None:
            return _sre.compile(p, *hit)
        # CPython 3.11's re._compiler.compile, keeping what it hands to _sre.compile
        parsed = parser.parse(p, flags)
        code = [int(c) for c in compiler._code(parsed, flags)]  # plain ints (the opcodes are named int subclasses)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if len(table) < _MAX:
            table[key] = args
            _state["added"] += 1
        return _sre.compile(p, *args)

    compiler.compile = compile
    _cache_dataclass_code(table)
    import atexit

    atexit.register(save)
    return True


def _cache_dataclass_code(table: dict) -> None:
    """The functions ``@dataclass`` writes (``__init__``, ``__repr__``, ``__eq__`` …) compiled once,
    kept in the same table (issue 13): CPython 3.11's dataclasses.py builds each from source text
    with ``exec(txt, globals, ns)``, ~0.2 ms of compiling a function, ~25 ms for the 30 dataclasses
    a lint run imports. A module-level ``exec`` in dataclasses takes the builtin's place there:
    the same text compiled as ``exec`` compiles it (filename "<string>", no future flags: dataclasses.py
    has none), kept as marshal bytes keyed by the text, run with the same namespaces."""
    import builtins
    import dataclasses
    import marshal

    builtins_compile = builtins.compile
    if "exec" in vars(dataclasses):
        return  # (installed already, or the module has its own)

    def exec_(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
        if type(source) is not str:
            return exec(source, globals, locals)
        key = ("code", source)
        hit = table.get(key)
        if hit is not None:
            code = marshal.loads(hit)
        else:
            code = builtins_compile(source, "<string>", "exec", dont_inherit=True)
            if len(table) < _MAX:
                table[key] = marshal.dumps(code)
                _state["added"] += 1
        return exec(code, globals, locals)

    dataclasses.exec = exec_


def save() -> None:
    """Write the table when this process compiled patterns it did not have (atomic rename)."""
    if not _state or not _state["added"]:
        return
    from app.diskcache import dump_atomic  # imported at exit only: the regex cache loads before the rest

    dump_atomic(_state["path"], (_key(), _state["table"]))
    _state["added"] = 0
