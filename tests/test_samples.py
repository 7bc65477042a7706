"""Every sample regenerates its published direction, in text and in Word.

The generated text must equal the golden text beside these tests (regenerate on purpose with
`UPDATE_GOLDEN=1 pytest tests/test_samples.py`), match the published text word for word apart
from the slips the sample lists, and be exactly what the generated .docx shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafting import Draft, load_library
from drafting.compare._compare import compare_files
from drafting.compare._diff import Waiver, compare
from drafting.compare._report import describe
from drafting.read._docx import docx_text
from drafting.read._normalise import read_paragraphs
from drafting.render._word import render_docx
from tests.conftest import ROOT, SAMPLE_IDS, SAMPLES

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(params=SAMPLES, ids=SAMPLE_IDS)
def draft(request: pytest.FixtureRequest) -> Draft:
    path: Path = request.param
    return Draft.from_file(path)


def test_every_published_text_has_a_sample() -> None:
    published = {p.stem for p in (ROOT / "samples" / "published").glob("*.txt")}
    assert published == set(SAMPLE_IDS)


def test_text_equals_golden(draft: Draft) -> None:
    golden = GOLDEN / f"{draft.path.stem}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(draft.text, encoding="utf-8")
    assert draft.text == golden.read_text(encoding="utf-8")


def published(name: str) -> Path:
    return ROOT / "samples" / "published" / f"{name}.txt"


def test_matches_published_text_apart_from_listed_slips(draft: Draft) -> None:
    comparison = compare_files(draft.path, published(draft.path.stem))
    assert not comparison.unwaived, [describe(d) for d in comparison.unwaived]
    assert not comparison.unused_waivers
    assert len(comparison.differences) >= 1  # each published text has slips, listed and waived


def test_every_listed_slip_has_a_reason(draft: Draft) -> None:
    for difference in draft.spec.published_differences:
        assert len(difference.reason.split()) >= 3, difference


def test_docx_shows_the_same_text(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "direction.docx"
    path.write_bytes(render_docx(draft))
    assert docx_text(path) == draft.text


def test_a_changed_clause_word_breaks_the_published_match(tmp_path: Path) -> None:
    """The regression is live: rewording one clause makes a sample stop matching."""
    clauses = tmp_path / "clauses"
    clauses.mkdir()
    for source in (ROOT / "clauses").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        text = text.replace("at all reasonable times access", "at any reasonable time access")
        (clauses / source.name).write_text(text, encoding="utf-8")

    draft = Draft.from_file(SAMPLES[0], load_library(clauses))
    waivers = [Waiver(d.generated, d.published, d.reason) for d in draft.spec.published_differences]
    text = published(SAMPLES[0].stem).read_text(encoding="utf-8")
    comparison = compare(read_paragraphs(draft.text), read_paragraphs(text), waivers)
    assert [d.kind for d in comparison.unwaived] == ["changed"]
    where, what = describe(comparison.unwaived[0])
    assert where == "b. ↔ b."
    assert "[-any-] {+all+} reasonable [-time-] {+times+}" in what


def _entries(entries: list[Any]) -> Iterator[Any]:
    for entry in entries:
        yield entry
        yield from _entries([*entry.items, *entry.bullets])


def test_buckinghamshire_comes_from_library_clauses() -> None:
    """At least 90% of its paragraph, item and bullet entries are clauses, not free text."""
    spec = Draft.from_file(ROOT / "samples" / "buckinghamshire-2018-07-12-direction.yaml").spec
    assert spec.recitals is not None and spec.operative is not None and spec.annex is not None
    entries = list(_entries([*spec.recitals, *spec.operative.paragraphs, *spec.annex.paragraphs]))
    clauses = [entry for entry in entries if entry.clause is not None]
    assert len(entries) >= 25
    assert len(clauses) / len(entries) >= 0.9, [e.text for e in entries if e.clause is None]
