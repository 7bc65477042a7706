"""The cache can never run code it did not make, nor change a document.

Every test here tampers with the cache the way someone who can write its folder could, and sees
the same document come out (the entry ignored and prepared again) and nothing run.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting import Draft
from drafting.library import _clauses as clauses_module
from drafting.ooxml import _write as write_module
from drafting.render._word import render_docx
from drafting.support import _cache
from tests.conftest import KIRKLEES


def _forget() -> None:
    """Forget everything loaded in this process, as a new process starts."""
    clauses_module._load_library.cache_clear()
    clauses_module._compiled.cache_clear()
    clauses_module._CODE.clear()
    write_module._load_template.cache_clear()


def _build() -> bytes:
    """The Kirklees direction, built as a new process would build it."""
    _forget()
    return render_docx(Draft.from_file(KIRKLEES), "direction")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTING_CACHE_DIR", str(folder))
    yield folder
    _forget()


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


class _Gadget:
    """Unpickling this runs a command: what a planted entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


@pytest.mark.slow
def test_a_flipped_byte_in_any_entry_never_changes_the_document(cache: Path) -> None:
    expected = _build()
    entries = _entries(cache)
    assert [p.name.split("-")[0] for p in entries] == ["clauses", "template"]
    originals = {path: path.read_bytes() for path in entries}
    chance = random.Random(18)
    for path, original in originals.items():
        # The header, the signature and the payload each get their share of flips.
        places = [0, 5, 16, 20, 47, 48, 49, len(original) - 1]
        places += chance.sample(range(len(original)), 24)
        for place in places:
            damaged = bytearray(original)
            damaged[place] ^= 1 << chance.randrange(8)
            for other, content in originals.items():  # the rest as the first build left them
                other.write_bytes(content)
            path.write_bytes(bytes(damaged))
            assert _build() == expected, f"{path.name} byte {place}"
            assert path.read_bytes() == original  # ignored, prepared again and stored anew


def test_a_planted_gadget_pickle_is_never_run(cache: Path, tmp_path: Path) -> None:
    expected = _build()
    marker = tmp_path / "ran"
    gadget = pickle.dumps(_Gadget(marker))
    for path in _entries(cache):
        header = path.read_bytes()[: len(_cache._FORMAT) + _cache._TAG_SIZE]
        path.write_bytes(gadget)  # a bare pickle, as the old cache would have read it
        assert _build() == expected
        path.write_bytes(header + gadget)  # behind the right header and an old signature
        assert _build() == expected
    assert not marker.exists()


def test_even_a_signed_entry_is_read_only_into_the_classes_of_prepared_inputs(
    cache: Path, tmp_path: Path
) -> None:
    _build()
    marker = tmp_path / "ran"
    key = _cache._key(cache)
    assert key is not None
    name = "clauses-0-0"
    entry = cache / f"{name}.pickle"
    entry.write_bytes(_cache._sign(key, name, pickle.dumps(_Gadget(marker))))
    assert _cache._read_entry(entry, name, key) is None
    assert not marker.exists()


@pytest.mark.parametrize("value", ["a str", None, ({}, b"not marshal"), 5])
def test_a_signed_entry_of_the_wrong_shape_is_prepared_again(cache: Path, value: object) -> None:
    expected = _build()
    key = _cache._key(cache)
    assert key is not None
    for path in _entries(cache):
        path.write_bytes(_cache._sign(key, path.stem, pickle.dumps(value)))
        assert _build() == expected


def test_a_fifo_or_a_link_in_place_of_an_entry_is_ignored(cache: Path, tmp_path: Path) -> None:
    expected = _build()
    outside = tmp_path / "outside.pickle"
    for path in _entries(cache):
        shutil.copy(path, outside)
        path.unlink()
        os.mkfifo(path)
        assert _build() == expected  # does not hang
        path.unlink()
        path.symlink_to(outside)
        assert _build() == expected


def test_a_folder_others_can_write_is_not_used(cache: Path) -> None:
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)  # the umask took write access from the others: give it back
    expected = _build()
    assert list(cache.iterdir()) == []  # neither a key nor an entry
    cache.chmod(0o700)
    assert _build() == expected
    assert len(_entries(cache)) == 2


def test_an_entry_others_can_write_is_not_read(cache: Path) -> None:
    expected = _build()
    for path in _entries(cache):
        path.chmod(0o666)
    before = {path: path.stat().st_mtime_ns for path in _entries(cache)}
    assert _build() == expected
    for path in _entries(cache):
        assert path.stat().st_mode & 0o022 == 0  # prepared again, stored anew
        assert path.stat().st_mtime_ns >= before[path]


def test_a_key_others_can_read_turns_the_cache_off(cache: Path) -> None:
    expected = _build()
    (cache / "key").chmod(0o644)
    for path in _entries(cache):
        path.unlink()
    assert _build() == expected
    assert _entries(cache) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_folder_made_by_another_user_is_not_used(cache: Path) -> None:
    import pwd

    nobody = pwd.getpwnam("nobody")
    cache.mkdir(mode=0o700)
    os.chown(cache, nobody.pw_uid, nobody.pw_gid)
    expected = _build()
    assert list(cache.iterdir()) == []
    os.chown(cache, os.geteuid(), os.getegid())
    assert _build() == expected
