"""Waivers apply only against a spec's published text, on whole words, never doubling punctuation.

A spec compared with its own output (text, .docx, PDF) must match as it is: its
`published_differences` describe its published text, not its own documents.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from drafting.compare._diff import Waiver, compare
from drafting.read._normalise import read_paragraphs
from tests.conftest import KIRKLEES, ROOT, SAMPLE_IDS, SAMPLES, Result

PUBLISHED = ROOT / "samples" / "published"


@pytest.mark.parametrize("spec", SAMPLES, ids=SAMPLE_IDS)
def test_a_spec_diffs_clean_against_its_own_text_and_docx(
    spec: Path, run: Callable[..., Result], tmp_path: Path
) -> None:
    text = tmp_path / "own.txt"
    text.write_text(run("text", spec).out, encoding="utf-8")
    result = run("diff", spec, text)
    assert result.code == 0, result.out
    assert "waiver" not in result.out and ";;" not in result.out
    assert run("diff", text, spec).code == 0
    assert run("build", spec, "-o", tmp_path, "--no-check").code == 0
    docx = tmp_path / f"{spec.stem}.docx"
    assert run("diff", spec, docx).code == 0


@pytest.mark.slow
def test_a_spec_diffs_clean_against_its_own_pdf(
    run: Callable[..., Result], tmp_path: Path, soffice: None
) -> None:
    assert run("build", KIRKLEES, "-o", tmp_path, "--pdf").code == 0
    assert run("diff", KIRKLEES, tmp_path / f"{KIRKLEES.stem}.pdf").code == 0


def test_the_published_text_the_spec_names_is_waived_wherever_it_is(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    # `published:` is relative to the spec: a copy of both in another folder still pairs them.
    folder = tmp_path / "copy"
    (folder / "published").mkdir(parents=True)
    spec = folder / KIRKLEES.name
    shutil.copy(KIRKLEES, spec)
    shutil.copy(PUBLISHED / f"{KIRKLEES.stem}.txt", folder / "published")
    assert run("diff", spec, folder / "published" / f"{KIRKLEES.stem}.txt").code == 0
    # The same text under another name is not its published text: the differences show.
    other = tmp_path / "other.txt"
    shutil.copy(PUBLISHED / f"{KIRKLEES.stem}.txt", other)
    assert run("diff", spec, other).code == 1
    assert run("diff", spec, other, "--published").code == 0


def test_unused_waivers_are_listed_only_when_verbose(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    own = tmp_path / "own.txt"
    own.write_text(run("text", KIRKLEES).out, encoding="utf-8")
    quiet = run("diff", KIRKLEES, own, "--published")
    assert quiet.code == 0 and "unused waiver" not in quiet.out
    verbose = run("diff", KIRKLEES, own, "--published", "--verbose")
    assert verbose.code == 0 and "unused waiver: 'oversee the implementation'" in verbose.out
    report = json.loads(run("diff", KIRKLEES, own, "--published", "--format", "json").out)
    assert report["differ"] is False and report["unused_waivers"]


def _waived(waiver: Waiver, right: str) -> list[str]:
    comparison = compare(read_paragraphs("1. x\n"), read_paragraphs(right), [waiver])
    return [w.right for w in comparison.unused_waivers]


def test_waivers_match_whole_words_only() -> None:
    waiver = Waiver("the Council", "the Counc", "a slip")
    assert _waived(waiver, "1. the Council acts.\n") == ["the Counc"]
    assert _waived(waiver, "1. the Counc acts.\n") == []


def test_a_waiver_never_doubles_punctuation() -> None:
    # Published "Leeds City Council", generated "Leeds City Council;": text that already reads
    # as generated is left alone, not made "Council;;".
    waiver = Waiver("with Leeds City Council;", "with Leeds City Council", "the semicolon")
    left = read_paragraphs("1. A partnership with Leeds City Council;\n")
    for ending in (";", ""):
        right = f"1. A partnership with Leeds City Council{ending}\n"
        comparison = compare(left, read_paragraphs(right), [waiver])
        assert comparison.unwaived == []
        assert all(";;" not in (row.right.text if row.right else "") for row in comparison.rows)
