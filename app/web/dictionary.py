"""The organisation's dictionary: words the spelling checks accept in every later check on the web,
stored in the database per organisation (``app.web.tenancy.current_organisation_id``), exported
and imported as a ``pressroom.toml`` vocabulary file so the command line agrees."""
from __future__ import annotations

import dataclasses
import re
import tomllib

from sqlalchemy import select

from app.engine.config import Config
from app.errors import InputError
from app.web.extensions import db
from app.web.models import DictionaryWord
from app.web.tenancy import current_organisation_id

MAX_WORDS = 5000
_WORD = re.compile(r"^[^\W\d_][\w\-’'.]{0,98}$")


def _scope(stmt):
    org = current_organisation_id()
    col = DictionaryWord.organisation_id
    return stmt.where(col.is_(None) if org is None else col == org)


def words() -> list[str]:
    return list(db.session.execute(_scope(select(DictionaryWord.word)).order_by(DictionaryWord.word)).scalars())


def clean(word: str) -> str:
    w = " ".join((word or "").split()).strip(".,;:!?«»\"“”()[]")
    if not _WORD.fullmatch(w or ""):
        raise InputError(f"not a word: {word[:40]!r}")
    return w


def add(word: str) -> str:
    w = clean(word)
    exists = db.session.execute(_scope(select(DictionaryWord).where(DictionaryWord.word == w))).scalar_one_or_none()
    if exists is None:
        if len(words()) >= MAX_WORDS:
            raise InputError(f"the dictionary is full ({MAX_WORDS} words)")
        db.session.add(DictionaryWord(word=w, organisation_id=current_organisation_id()))
        db.session.commit()
    return w


def remove(word: str) -> None:
    for rec in db.session.execute(_scope(select(DictionaryWord).where(DictionaryWord.word == word))).scalars():
        db.session.delete(rec)
    db.session.commit()


def export_toml() -> str:
    """A pressroom.toml vocabulary section the command line reads (``[vocabulary] accept``)."""
    items = ",\n".join("  " + _toml_string(w) for w in words())
    return ("# Pressroom: the organisation's dictionary, exported from the web app.\n"
            "# Put it in pressroom.toml (or merge the [vocabulary] section into yours).\n"
            "[vocabulary]\naccept = [\n" + (items + ",\n" if items else "") + "]\n")


def _toml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def import_toml(text: str) -> int:
    """Add the [vocabulary] accept words of a pressroom.toml; returns how many were new."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"not a valid pressroom.toml: {e}") from None
    accept = (data.get("vocabulary") or {}).get("accept") if isinstance(data.get("vocabulary"), dict) else None
    if not isinstance(accept, list) or not all(isinstance(w, str) for w in accept):
        raise InputError("no [vocabulary] accept = [...] list of words in this file")
    before = set(words())
    for w in accept[:MAX_WORDS]:
        try:
            add(w)
        except InputError:
            continue
    return len(set(words()) - before)


def with_dictionary(config: Config) -> Config:
    """The configuration with the organisation's words accepted."""
    extra = words()
    if not extra:
        return config
    return dataclasses.replace(config, accept=list(config.accept) + extra)
