"""Writing documents: all or nothing, never over a file unasked, never over an input.

Faults are made to happen where they would hurt (the second document's write, a rename, a name
taken meanwhile) and the folder is then read: old documents whole, no temporary file left, and
a one-line message saying what was and was not written.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from drafting._errors import OutputError
from drafting.read._docx import docx_text
from drafting.spec._yaml import dump_yaml
from drafting.support import _output
from drafting.support._output import write_all
from tests.conftest import KIRKLEES, Result
from tests.test_letter import with_letter

OLD = b"the drafter's previous version"


@pytest.fixture
def both(tmp_path: Path) -> Path:
    """A spec with a direction and a letter, in a folder of its own."""
    spec = tmp_path / "spec" / "kirklees.yaml"
    spec.parent.mkdir()
    spec.write_text(dump_yaml(with_letter()), encoding="utf-8")
    return spec


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _fail_on(call: int, error: int) -> Callable[..., int]:
    """An `os.write` that fails (as a full disk does) on its `call`-th document (a zip)."""
    real = os.write
    calls = [0]

    def write(descriptor: int, data: bytes | memoryview) -> int:
        document = bytes(data[:2]) == b"PK"  # not the cache's entries, written on the way
        calls[0] += document
        if document and calls[0] == call:
            raise OSError(error, os.strerror(error))
        return real(descriptor, data)

    return write


# --- all or nothing ------------------------------------------------------------------------------


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding the previous direction and letter."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("kirklees.docx", "kirklees-letter.docx"):
        (folder / name).write_bytes(OLD)
    return folder


def test_a_disk_that_fills_at_the_second_document_leaves_both_old_ones(
    run: Callable[..., Result], both: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", _fail_on(2, errno.ENOSPC))
    result = run("build", both, "-o", out, "--force", "--no-check")
    assert result.code == 2 and result.err.count("\n") == 1
    assert "No space left on device; nothing was written" in result.err
    assert _names(out) == ["kirklees-letter.docx", "kirklees.docx"]
    assert all((out / name).read_bytes() == OLD for name in _names(out))


def test_a_rename_that_fails_puts_the_first_document_back(
    run: Callable[..., Result], both: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    calls = [0]

    def replace(source: str | Path, target: str | Path) -> None:
        calls[0] += 1
        if calls[0] == 2:  # the second document's rename into place
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = run("build", both, "-o", out, "--force", "--no-check")
    assert result.code == 2 and "Input/output error; nothing was written" in result.err
    assert _names(out) == ["kirklees-letter.docx", "kirklees.docx"]
    assert all((out / name).read_bytes() == OLD for name in _names(out))


def test_a_write_that_fails_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the 28-second kill test meant to show, shown by failing the write itself: a
    # non-atomic write (straight into the file) would leave half a document here.
    target = tmp_path / "direction.docx"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "write", _fail_on(1, errno.EIO))
    with pytest.raises(OutputError, match="Input/output error; nothing was written"):
        write_all({target: b"PK" + b"new" * 100_000}, force=True)
    assert target.read_bytes() == OLD
    assert _names(tmp_path) == ["direction.docx"]


def test_no_overwrite_is_decided_at_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another build takes the name after this one checked it and before it puts its file there.
    target = tmp_path / "direction.docx"
    real = os.link

    def link(source: str | Path, destination: str | Path, **kwargs: bool) -> None:
        if Path(destination) == target and not target.exists():
            target.write_bytes(b"the other build's document")
        real(source, destination, **kwargs)

    monkeypatch.setattr(os, "link", link)
    with pytest.raises(OutputError, match="already exists; use --force"):
        write_all({target: b"this build's document"}, force=False)
    assert target.read_bytes() == b"the other build's document"
    assert _names(tmp_path) == ["direction.docx"]


def test_two_builds_racing_for_one_name_never_both_succeed(tmp_path: Path) -> None:
    target = tmp_path / "direction.docx"
    for _ in range(20):
        target.unlink(missing_ok=True)
        outcomes: list[str] = []

        def build(content: bytes, outcomes: list[str] = outcomes) -> None:
            try:
                write_all({target: content}, force=False)
                outcomes.append("written")
            except OutputError:
                outcomes.append("refused")

        threads = [threading.Thread(target=build, args=(bytes([n]) * 1000,)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["refused", "written"]
        assert _names(tmp_path) == ["direction.docx"]


def test_stale_part_files_of_a_killed_run_are_removed_by_the_next(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".{_output._tag(Path(f'{KIRKLEES.stem}.docx'))}-abcdef.part"
    stale.write_bytes(b"half a document")
    unrelated = out / ".notes.part"
    unrelated.write_bytes(b"someone else's")
    assert run("build", KIRKLEES, "-o", out).code == 0
    assert _names(out) == [".notes.part", f"{KIRKLEES.stem}.docx"]


def test_a_part_file_being_written_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "direction.docx"
    busy = _output._stage(target, b"another build's document", None)
    try:
        write_all({target: b"this build's"}, force=True)
        assert busy.path.exists()
    finally:
        busy.discard()


# --- names and folders -------------------------------------------------------------------------


def test_temporary_names_are_short_enough_for_a_long_spec_name(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    spec = tmp_path / f"{'k' * 230}.yaml"
    spec.write_text(dump_yaml(with_letter()), encoding="utf-8")
    result = run("build", spec, "--no-check")
    assert result.code == 0, result.err
    assert _names(tmp_path) == sorted([spec.name, f"{'k' * 230}.docx", f"{'k' * 230}-letter.docx"])


def test_a_name_too_long_for_the_folder_writes_nothing(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    spec = tmp_path / f"{'k' * 248}.yaml"  # the letter's name would be 260 bytes
    spec.write_text(dump_yaml(with_letter()), encoding="utf-8")
    result = run("build", spec, "--no-check")
    assert result.code == 2 and result.err.count("\n") == 1
    assert "-letter.docx: the file name is too long" in result.err
    assert _names(tmp_path) == [spec.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_read_only_folder_writes_nothing(run: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    result = run("build", KIRKLEES, "-o", out)
    assert result.code == 2 and "the output folder is not writable" in result.err


def test_an_append_only_folder_is_refused_before_anything_is_written(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `chattr +a` needs privileges a test may not have; the folder's flags are what is asked.
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{KIRKLEES.stem}.docx").write_bytes(OLD)
    monkeypatch.setattr(_output, "_locked_folder", lambda folder: folder == out)
    result = run("build", KIRKLEES, "-o", out, "--force")
    assert result.code == 2 and "append-only or immutable" in result.err
    assert _names(out) == [f"{KIRKLEES.stem}.docx"]


def test_an_output_that_is_an_input_is_refused_even_with_force(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    spec = tmp_path / "spec.docx"  # a spec named .docx: its document would have its name
    shutil.copy(KIRKLEES, spec)
    original = spec.read_bytes()
    published = tmp_path / "published.txt"
    published.write_text("7. Some text.\n", encoding="utf-8")
    yaml_spec = tmp_path / "spec.yaml"
    shutil.copy(KIRKLEES, yaml_spec)
    for arguments in (
        ["build", spec, "--force"],
        ["diff", yaml_spec, published, "--html", yaml_spec, "--force"],
        ["diff", yaml_spec, published, "--redline", published, "--force"],
    ):
        result = run(*arguments)
        assert result.code == 2 and "is one of the command's inputs" in result.err
    assert spec.read_bytes() == original and yaml_spec.read_bytes() == KIRKLEES.read_bytes()
    with pytest.raises(OutputError, match="is one of the command's inputs"):
        write_all({spec: b"document"}, force=True, inputs=[spec])


def test_pdf_added_beside_identical_word_documents_needs_no_force(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert run("build", KIRKLEES, "-o", out).code == 0
    docx = out / f"{KIRKLEES.stem}.docx"
    before = docx.stat().st_mtime_ns
    monkeypatch.setattr(
        "drafting.render._pdf.render_pdfs", lambda documents: dict.fromkeys(documents, b"%PDF")
    )
    result = run("build", KIRKLEES, "-o", out, "--pdf")
    assert result.code == 0, result.err
    assert _names(out) == [f"{KIRKLEES.stem}.docx", f"{KIRKLEES.stem}.pdf"]
    assert docx.stat().st_mtime_ns == before  # left as it was
    assert "STATUTORY DIRECTION TO KIRKLEES" in docx_text(docx)
    docx.write_bytes(OLD)  # a different document there still needs --force
    result = run("build", KIRKLEES, "-o", out, "--pdf")
    assert result.code == 2 and "already exists; use --force" in result.err


def test_a_real_append_only_folder_writes_nothing(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{KIRKLEES.stem}.docx").write_bytes(OLD)
    if subprocess.run(["chattr", "+a", str(out)], capture_output=True).returncode != 0:
        pytest.skip("chattr +a needs root on a file system with inode flags")
    try:
        result = run("build", KIRKLEES, "-o", out, "--force")
        assert result.code == 2 and result.err.count("\n") == 1
        assert "append-only or immutable" in result.err
        assert _names(out) == [f"{KIRKLEES.stem}.docx"]
        assert (out / f"{KIRKLEES.stem}.docx").read_bytes() == OLD
    finally:
        subprocess.run(["chattr", "-a", str(out)], check=True)
