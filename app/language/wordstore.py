"""Per-word answers kept on disk between processes (issue 13): Hunspell's suggestions.

A Hunspell suggestion costs 10-40 ms a word (ru_RU; the n-gram pass is off), and the same unknown
words (names of places, transliterations, an organisation's typo) come back in the next draft of a
release and in the next release of the same project. ``WordStore(name, sources)`` is an SQLite
file in the disk cache folder (app.diskcache.cache_dir) whose name carries a hash of the sources'
paths, sizes and mtimes (the dictionary's .dic and .aff) and of Pressroom's version: another
dictionary is another file, never a stale answer. SQLite makes it safe for processes writing at
the same time (a busy database only means asking Hunspell); new answers are written once, when the
process ends; the file is bounded (MAX_ROWS words, the oldest dropped). Any problem means asking
Hunspell as before. ``PRESSROOM_CACHE_DIR=off`` turns it off.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Iterable

from app import __version__

_FORMAT = 1
MAX_ROWS = 50_000
_OPEN: list["WordStore"] = []
_LOCK = threading.Lock()


class WordStore:
    def __init__(self, name: str, sources: Iterable[Path]):
        from app.diskcache import cache_dir

        stamp = []
        for p in sources:
            try:
                st = os.stat(p)
                stamp.append((str(p), st.st_size, st.st_mtime_ns))
            except OSError:
                stamp.append((str(p), None, None))
        from app.diskcache import digest

        key = digest(repr((_FORMAT, __version__, stamp)))
        d = cache_dir()
        self.path = d / f"words-{name}-{key}.sqlite" if d is not None else None
        self._db = None
        self._failed = self.path is None
        self._new: dict[str, str] = {}
        self._lock = threading.Lock()

    def _conn(self):
        if self._db is None and not self._failed:
            try:
                import sqlite3

                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.path), timeout=1.0, check_same_thread=False, isolation_level=None)
                db.execute("CREATE TABLE IF NOT EXISTS answers (word TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db = db
                with _LOCK:
                    if not _OPEN:
                        import atexit

                        atexit.register(flush_all)
                    _OPEN.append(self)
            except Exception:  # noqa: BLE001 - no cache: ask the dictionary
                self._failed = True
        return self._db

    def get(self, word: str):
        """The kept answer for ``word`` (JSON-decoded), or None."""
        if word in self._new:
            return json.loads(self._new[word])
        with self._lock:
            db = self._conn()
            if db is None:
                return None
            try:
                row = db.execute("SELECT value FROM answers WHERE word = ?", (word,)).fetchone()
            except Exception:  # noqa: BLE001 - busy or damaged: ask the dictionary
                return None
        return json.loads(row[0]) if row else None

    def put(self, word: str, value) -> None:
        if not self._failed and len(self._new) < MAX_ROWS:
            self._new[word] = json.dumps(value, ensure_ascii=False)

    def flush(self) -> None:
        """Write the new answers in one transaction and drop the oldest rows past MAX_ROWS."""
        with self._lock:
            if not self._new:
                return
            db = self._conn()
            if db is None:
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO answers (word, value) VALUES (?, ?)", self._new.items())
                n = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
                if n > MAX_ROWS:
                    db.execute("DELETE FROM answers WHERE rowid IN (SELECT rowid FROM answers ORDER BY rowid LIMIT ?)",
                               (n - MAX_ROWS,))
                db.execute("COMMIT")
                self._new.clear()
            except Exception:  # noqa: BLE001 - another process holds it: the answers are only lost
                try:
                    db.execute("ROLLBACK")
                except Exception:  # noqa: BLE001
                    pass


def flush_all() -> None:
    for s in list(_OPEN):
        s.flush()
