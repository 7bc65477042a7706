"""List punctuation is computed, not typed: what a drafter sees at the end of each item.

Under a lead-in ("directs the Council as follows:", "has carefully considered:", "shall:") the
items end ";", the next-to-last "; and", the last "." — for lists of any length, one item
included — whatever the clauses' own wording ends with.  An item that is a clause with its own
sub-paragraphs (amenities, access) closes on its last words; `end:` replaces the closing
punctuation of a whole entry and never a lead-in's colon; a lead-in with nothing under it is
refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafting import Draft, load_library
from tests.conftest import Result


def _spec(items: list[Any], **extra: Any) -> dict[str, Any]:
    """A short direction whose operative paragraph directs the council to do `items`."""
    return {
        "date": "2019-09-02",
        "council": {"name": "Westshire County Council", "area": "Westshire"},
        "secretary_of_state": {"pronoun": "she"},
        "appointee": {"name": "Alex Jones", "pronoun": "she", "role": "Commissioner"},
        "recitals": [{"text": 'Westshire County Council ("the Council") is failing.'}],
        "operative": {
            "paragraphs": [{"clause": "operative.directs", "items": [dict(i) for i in items]}]
        },
        "duration": {},
        "signature": {"name": "A N Other"},
        **extra,
    }


def _directs(text: str) -> list[str]:
    """The lines of the operative paragraph's list, as the text renderer writes them."""
    body = text.split("NOW THEREFORE:", 1)[1].split("This direction will remain", 1)[0]
    return [line.strip() for line in body.strip().splitlines()[1:-1]]  # to "2." (duration)


def _text(write_spec: Callable[..., Path], data: dict[str, Any]) -> str:
    return Draft.from_file(write_spec(data)).text


COMPLY = {"clause": "compliance.instructions"}  # its wording ends ";"
REVIEWS = {"clause": "monitoring.performance-reviews"}  # its wording ends "."
AMENITIES = {"clause": "amenities.support"}  # "including:" then two items of its own


@pytest.mark.parametrize(
    ("items", "endings"),
    [
        ([COMPLY], ["."]),
        ([REVIEWS, COMPLY], ["; and", "."]),
        ([COMPLY, REVIEWS, COMPLY], [";", "; and", "."]),
        ([REVIEWS, REVIEWS, REVIEWS, REVIEWS], [";", ";", "; and", "."]),
    ],
    ids=["one", "two", "three", "four"],
)
def test_a_list_of_any_length_closes_as_lists_are_drafted(
    items: list[Any], endings: list[str], write_spec: Callable[..., Path]
) -> None:
    lines = _directs(_text(write_spec, _spec(items)))
    assert len(lines) == len(endings)
    for line, ending in zip(lines, endings, strict=True):
        assert line.endswith(ending) and not line.endswith(f"{ending}{ending[-1]}"), line
        if ending == ";":
            assert not line.endswith("; and")


def test_an_item_with_sub_paragraphs_closes_on_its_last_words(
    write_spec: Callable[..., Path],
) -> None:
    middle = _directs(_text(write_spec, _spec([COMPLY, AMENITIES, REVIEWS])))
    assert middle[-2] == "ii. providing office space, meeting rooms or computer facilities; and"
    last = _directs(_text(write_spec, _spec([COMPLY, AMENITIES])))
    assert last[-1] == "ii. providing office space, meeting rooms or computer facilities."
    assert last[-3].endswith("including:")  # the lead-in keeps its colon


def test_end_replaces_the_whole_entry_s_closing_never_the_lead_in_s_colon(
    write_spec: Callable[..., Path],
) -> None:
    lines = _directs(_text(write_spec, _spec([{**AMENITIES, "end": "."}, COMPLY])))
    assert lines[0].endswith("including:")
    assert lines[2] == "ii. providing office space, meeting rooms or computer facilities."
    assert lines[3].endswith(
        "children's social care functions and provide such assistance as she may require."
    )


def test_a_one_item_considered_list_ends_with_a_full_stop(write_spec: Callable[..., Path]) -> None:
    report = {
        "id": "ofsted",
        "kind": "ofsted-inspection",
        "date": "2019-05-20",
        "summary": "which found services inadequate",
    }
    data = _spec([COMPLY], reports=[report])
    data["recitals"].append(
        {
            "clause": "recital.considered",
            "items": [{"clause": "recital.considered-item", "with": {"report": "ofsted"}}],
        }
    )
    text = _text(write_spec, data)
    assert (
        "a. Ofsted's inspection report of 20 May 2019, which found services inadequate.\n" in text
    )


def test_a_lead_in_with_nothing_under_it_is_refused(
    write_spec: Callable[..., Path], run: Callable[..., Result], tmp_path: Path
) -> None:
    spec = write_spec(_spec([]))
    result = run("build", spec, "-o", tmp_path / "out")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "spec.yaml:" in result.err and "operative.paragraphs[0]" in result.err
    assert "clause 'operative.directs' introduces a list" in result.err
    assert not (tmp_path / "out").exists()


def test_every_lead_in_a_clause_is_offered_under_closes_its_list() -> None:
    library = load_library()
    parents = {c.spec.under for c in library if c.spec.under}
    for parent in parents:
        clause = library.get(parent)
        assert clause is not None and clause.spec.closes_list, parent
