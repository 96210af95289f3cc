"""app.diskcache (issue 13): derived data kept between processes, never stale, never in the way."""
import os
import subprocess
import sys

from app.diskcache import cached
from app.engine.vocabulary import _cache_name, _load_vocabulary


def _vocab(root):
    return cached(_cache_name(root), sorted(root.rglob("*.txt")), lambda: _load_vocabulary(root))


def test_an_edited_word_list_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "vocab"
    root.mkdir()
    (root / "accept.txt").write_text("Жамоат\n", encoding="utf-8")
    assert _vocab(root).accepts("Жамоат") and not _vocab(root).accepts("Бахористон")
    assert list((tmp_path / "cache").glob("vocabulary-*.pickle"))  # kept on disk
    (root / "accept.txt").write_text("Жамоат\nБахористон\n", encoding="utf-8")
    assert _vocab(root).accepts("Бахористон")  # a list edited (size/mtime changed): built again
    (root / "accept-more.txt").write_text("Хукумат\n", encoding="utf-8")
    assert _vocab(root).accepts("Хукумат")  # a list added
    (root / "accept-more.txt").unlink()
    assert not _vocab(root).accepts("Хукумат")  # a list removed


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(cache))
    src = tmp_path / "src.txt"
    src.write_text("x", encoding="utf-8")
    assert cached("thing", [src], lambda: {"v": 1}) == {"v": 1}
    damaged = list(cache.glob("thing-*.pickle"))
    assert damaged
    for f in damaged:
        f.write_bytes(b"\x80garbage")
    assert cached("thing", [src], lambda: {"v": 2}) == {"v": 2}
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(src / "not-a-dir"))  # cannot be created
    assert cached("thing", [src], lambda: {"v": 3}) == {"v": 3}
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", "off")
    assert cached("thing", [src], lambda: {"v": 4}) == {"v": 4}


def test_lint_in_a_fresh_process_uses_a_new_vocabulary_word(tmp_path):
    """The user's view: a word added to a vocabulary list is accepted by the next `pressroom lint`."""
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "cache"), PRESSROOM_LANGUAGETOOL="off")
    code = ("import sys; from pathlib import Path; from app.engine.vocabulary import load_vocabulary;"
            "print(load_vocabulary(Path(sys.argv[1])).accepts('Qwertyzab'))")
    root = tmp_path / "vocab"
    root.mkdir()
    (root / "accept.txt").write_text("Other\n", encoding="utf-8")
    run = lambda: subprocess.run([sys.executable, "-c", code, str(root)], env=env, capture_output=True,  # noqa: E731
                                 text=True, check=True).stdout.strip()
    assert run() == "False"
    (root / "accept.txt").write_text("Other\nQwertyzab\n", encoding="utf-8")
    assert run() == "True"


def test_long_byte_strings_come_back_mapped_and_a_lost_blob_is_built_again(tmp_path, monkeypatch):
    from app.diskcache import MAP_MIN, cached_mapped

    cache = tmp_path / "cache"
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(cache))
    src = tmp_path / "words.dic"
    src.write_text("x", encoding="utf-8")
    long = b"\n" + b"\n".join(b"w%07d" % i for i in range(MAP_MIN // 4)) + b"\n"
    builds = []

    def build():
        builds.append(1)
        return (3, long, b"short", {"k": [1]}, None)

    first = cached_mapped("words", [src], build)
    assert first == (3, long, b"short", {"k": [1]}, None) and len(builds) == 1
    again = cached_mapped("words", [src], build)
    assert len(builds) == 1
    assert type(again[1]) is not bytes and again[1][:] == long and len(again[1]) == len(long)
    assert again[1].find(b"\nw0000100\n") == long.find(b"\nw0000100\n")
    assert again[1].rfind(b"\n", 0, 20) == long.rfind(b"\n", 0, 20)
    assert again[2] == b"short" and again[3] == {"k": [1]} and again[4] is None
    (blob,) = cache.glob("words-*.blob")
    blob.unlink()  # gone (or cut short): built again, not an error
    assert cached_mapped("words", [src], build)[1] == long and len(builds) == 2
    src.write_text("xy", encoding="utf-8")  # the source changed: a new build replaces the old blob
    cached_mapped("words", [src], build)
    assert len(builds) == 3 and len(list(cache.glob("words-*.blob"))) == 1
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", "off")
    assert cached_mapped("words", [src], build)[1] == long
