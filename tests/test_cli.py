"""The command line as a drafter uses it: build, text, clauses."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from drafting import Draft
from tests.conftest import KIRKLEES, Result


def test_build_writes_the_docx_and_prints_its_path(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    result = run("build", KIRKLEES, "-o", tmp_path)
    expected = tmp_path / "kirklees-2018-01-25-direction.docx"
    assert (result.code, result.out, result.err) == (0, f"{expected}\n", "")
    assert expected.read_bytes()[:2] == b"PK"


def test_build_refuses_to_overwrite_without_force(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "kirklees-2018-01-25-direction.docx"
    target.write_bytes(b"the drafter's edited copy")
    refused = run("build", KIRKLEES, "-o", tmp_path)
    assert refused.code == 2 and "already exists; use --force" in refused.err
    assert target.read_bytes() == b"the drafter's edited copy"
    assert run("build", KIRKLEES, "-o", tmp_path, "--force").code == 0
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary files left


def test_build_into_a_missing_folder_creates_it(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README's `drafting build my-direction.yaml -o out/`, on a fresh clone, nested deeper.
    monkeypatch.chdir(tmp_path)
    result = run("build", KIRKLEES, "-o", "out/drafts/")
    assert result.code == 0, result.err
    assert [p.name for p in (tmp_path / "out" / "drafts").iterdir()] == [f"{KIRKLEES.stem}.docx"]


def test_text_prints_the_direction(run: Callable[..., Result]) -> None:
    result = run("text", KIRKLEES)
    assert result.code == 0
    assert result.out == Draft.from_file(KIRKLEES).text
    assert "7. Pursuant to his powers" in result.out and "   b. To co-operate" in result.out


def test_clauses_list_and_show(run: Callable[..., Result]) -> None:
    listing = run("clauses", "list")
    assert listing.code == 0
    assert "access.co-operate" in listing.out and "tor.chair-improvement-board" in listing.out
    tor = run("clauses", "list", "--family", "tor")
    assert tor.out and all(line.startswith("tor.") for line in tor.out.splitlines())
    shown = run("clauses", "show", "access.co-operate")
    assert "purpose: text" in shown.out and "any premises of" in shown.out
    unknown = run("clauses", "show", "access.cooperate")
    assert unknown.code == 2 and "did you mean 'access.co-operate'?" in unknown.err


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "drafting.cli", "text", str(KIRKLEES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0 and completed.stdout.startswith("STATUTORY DIRECTION")


def test_the_process_exits_with_the_commands_status(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    completed = subprocess.run(
        [sys.executable, "-m", "drafting.cli", "build", str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr == f"drafting: error: {missing}: no such file\n"
