"""Shared fixtures: the samples, a command-line runner, and specs written on the fly."""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # mypy sees the source folder; at run time it is installed as drafting.cli
    from cli import main
else:
    from drafting.cli import main
import yaml

from drafting.spec._yaml import dump_yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
SAMPLE_IDS = [path.stem for path in SAMPLES]
KIRKLEES = ROOT / "samples" / "kirklees-2018-01-25-direction.yaml"
#: A report for specs made up to render every clause: an inspection with each field a clause uses.
FIXTURE_REPORT: dict[str, Any] = {
    "id": "ofsted",
    "kind": "ofsted-inspection",
    "date": "2019-05-20",
    "judgement": "inadequate",
    "subject": "SUBJECT",
    "summary": "which found SUMMARY",
    "term": "the 2019 Ofsted report",
    "grades": {"leadership": "inadequate"},
}


def pytest_configure(config: pytest.Config) -> None:
    """Keep the compiled clause library of this run in a folder of its own, not the user's."""
    os.environ["DRAFTING_CACHE_DIR"] = tempfile.mkdtemp(prefix="drafting-test-cache-")


#: How to install what `--pdf` needs; the reason a LibreOffice test gives when it is skipped.
INSTALL_LIBREOFFICE = (
    "LibreOffice is not installed: sudo apt-get install libreoffice-writer-nogui "
    "fonts-liberation (or `make setup`)"
)


@pytest.fixture
def soffice() -> None:
    """Skip a test that needs LibreOffice where it is absent, except in CI, which installs it."""
    if shutil.which("soffice") is None and not os.environ.get("CI"):
        pytest.skip(INSTALL_LIBREOFFICE)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("DRAFTING_CACHE_DIR", ""), ignore_errors=True)


@dataclass
class Result:
    """What a command-line run shows the user."""

    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the `drafting` command line in-process, as a user would type it."""

    def runner(*args: str | Path) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner


def load_sample(path: Path = KIRKLEES) -> dict[str, Any]:
    """A sample spec as plain data, to vary in a test."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


@pytest.fixture
def write_spec(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Write spec data (or raw text) to a file in a temporary folder."""

    def writer(data: dict[str, Any] | str, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_text(dump_yaml(data), encoding="utf-8")
        return path

    yield writer
