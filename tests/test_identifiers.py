"""Typed identifiers: a user's report or direction id never collides with a name of the toolkit's.

Defined terms are keyed by (kind, id): a report whose id is `secretary_of_state` is defined at its
first mention like any other.  Private-use
characters, which the toolkit keeps for its own marks, are refused in a spec with one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from drafting import Draft
from tests.conftest import KIRKLEES, Result


def _renamed(old: str, new: str) -> str:
    return re.sub(rf"\b{re.escape(old)}\b", new, KIRKLEES.read_text(encoding="utf-8"))


def test_a_report_id_named_like_an_internal_term_builds_correctly(
    write_spec: Callable[..., Path], run: Callable[..., Result]
) -> None:
    spec = write_spec(_renamed("ofsted-2016", "secretary_of_state"))
    text = Draft.from_file(spec).text
    assert text == Draft.from_file(KIRKLEES).text
    assert 'inspection report of 25th November 2016 ("the 2016 Ofsted report")' in text
    assert run("check", spec).code == 0


def test_private_use_characters_are_refused_with_one_line(
    write_spec: Callable[..., Path], run: Callable[..., Result], tmp_path: Path
) -> None:
    spec = write_spec(KIRKLEES.read_text(encoding="utf-8").replace(
        "name: Kirklees Council", 'name: "Kirklees\\ue000 Council"'))  # fmt: skip
    result = run("build", spec, "-o", tmp_path / "out")
    assert result.code == 2 and result.err.count("\n") == 1
    assert re.search(r"spec\.yaml:\d+: council\.name: contains the private-use character U\+E000",
                     result.err)  # fmt: skip
    assert not (tmp_path / "out").exists()
