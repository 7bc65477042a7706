"""The cache of prepared inputs: used when it matches, never stale, never an error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafting import ClauseLibrary, ClauseLibraryError, Draft
from drafting.library import _clauses as clauses_module
from tests.conftest import KIRKLEES, ROOT


def _load(folder: Path) -> ClauseLibrary:
    """Load a library as a new process would (past the in-process memo)."""
    library: ClauseLibrary = clauses_module._load_library.__wrapped__(folder)
    return library


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "clauses"
    shutil.copytree(ROOT / "clauses", folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTING_CACHE_DIR", str(folder))
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("clauses-*.pickle"))


def test_the_second_load_reads_what_the_first_prepared(
    library: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load(library)
    assert len(_entries(cache)) == 1

    def no_compiling(files: list[Path]) -> None:
        raise AssertionError("the library was compiled again")

    monkeypatch.setattr(clauses_module, "_compile_library", no_compiling)
    second = _load(library)
    assert second.ids == first.ids
    assert [c.spec for c in second] == [c.spec for c in first]


def test_an_edited_clause_file_is_read_afresh(library: Path, cache: Path) -> None:
    _load(library)
    duration = library / "duration.yaml"
    text = duration.read_text("utf-8")
    edited = text.replace("will remain in force until", "shall remain in force until", 1)
    assert edited != text
    duration.write_text(edited, "utf-8")
    reloaded = _load(library)
    assert "shall remain" in reloaded.clauses["duration.until-revoked"].spec.text
    assert len(_entries(cache)) == 1  # the stale entry is gone


def test_a_damaged_entry_is_prepared_again(library: Path, cache: Path) -> None:
    first = _load(library)
    [entry] = _entries(cache)
    entry.write_bytes(b"not a pickle")
    assert _load(library).ids == first.ids
    assert entry.read_bytes().startswith(b"drafting-cache") and entry.stat().st_size > 1000


def test_a_library_that_fails_is_not_stored(library: Path, cache: Path) -> None:
    (library / "broken.yaml").write_text(
        "family: broken\nclauses:\n  broken.x:\n    title: X\n    text: '{{ unclosed'\n", "utf-8"
    )
    for _ in range(2):
        with pytest.raises(ClauseLibraryError, match=r"broken\.x"):
            _load(library)
    assert _entries(cache) == []


def test_the_cache_turned_off_or_unwritable_only_costs_time(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTING_CACHE_DIR", "")
    assert _load(library).ids
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("DRAFTING_CACHE_DIR", str(not_a_folder))
    assert _load(library).ids
    assert list(tmp_path.glob("**/*.pickle")) == []


def test_a_cached_build_gives_the_same_document(library: Path, cache: Path) -> None:
    fresh = Draft.from_file(KIRKLEES, _load(library)).text
    cached = Draft.from_file(KIRKLEES, _load(library)).text
    assert cached == fresh


def test_a_build_from_the_cache_does_not_load_lxml(tmp_path: Path) -> None:
    # The Word templates are prepared with lxml once, then read back ready to write on.
    probe = (
        "import sys; from drafting.cli import main; "
        f"code = main(['build', {str(KIRKLEES)!r}, '-o', {str(tmp_path)!r}, '--force']); "
        "print(code, 'lxml' in sys.modules)"
    )
    environment = {**os.environ, "DRAFTING_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=environment
        )
        for _ in range(2)
    ]
    assert [run.stdout.split()[-2:] for run in runs] == [["0", "True"], ["0", "False"]]
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.pickle")) == [
        "clauses",
        "template",
    ]


def test_a_source_that_cannot_be_read_is_reported_as_before(library: Path, cache: Path) -> None:
    (library / "folder.yaml").mkdir()
    with pytest.raises(ClauseLibraryError, match=r"folder\.yaml: is a directory"):
        _load(library)
