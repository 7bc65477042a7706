"""The routes of directions published since 2018, each a spec under `tests/specs/route-*.yaml`.

Each is built three times: with a person as appointee (she), with several advisers (they) and
with an organisation (it).  Every build has no finding from the checks, and its text is pinned
in `tests/golden/routes/` (regenerate on purpose with `UPDATE_GOLDEN=1`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafting import Draft
from drafting.checks import check_draft

SPECS = Path(__file__).parent / "specs"
GOLDEN = Path(__file__).parent / "golden" / "routes"
ROUTES = sorted(SPECS.glob("route-*.yaml"))

APPOINTEES: dict[str, dict[str, Any]] = {
    "person": {
        "kind": "person",
        "name": "Alex Morgan",
        "pronoun": "she",
        "role": "Children's Services Commissioner",
        "short": "the Commissioner",
    },
    "advisers": {
        "kind": "advisers",
        "name": "Jo Bloggs and Sam Patel",
        "pronoun": "they",
        "role": "improvement advisers",
        "reference": "the Secretary of State's advisers",
        "short": "the advisers",
    },
    "organisation": {
        "kind": "organisation",
        "name": "Eastshire County Council",
        "pronoun": "it",
        "role": "improvement adviser",
        "reference": "Eastshire County Council",
        "appointed_as": "the Council's improvement adviser",
    },
}
#: The pronouns an appointee of each kind must never be given.
WRONG = {"person": r"\b(?:it|its|they|their)\b", "advisers": r"\b(?:she|her|it|its)\b"}


def _build(route: Path, kind: str, write_spec: Callable[..., Path]) -> Draft:
    data = yaml.safe_load(route.read_text(encoding="utf-8"))
    data["appointee"] = APPOINTEES[kind]
    return Draft.from_file(write_spec(data, f"{route.stem}-{kind}.yaml"))


@pytest.mark.parametrize("kind", sorted(APPOINTEES))
@pytest.mark.parametrize("route", ROUTES, ids=[r.stem for r in ROUTES])
def test_route_builds_clean_and_reads_as_pinned(
    route: Path, kind: str, write_spec: Callable[..., Path]
) -> None:
    draft = _build(route, kind, write_spec)
    for report in check_draft(draft):
        assert report.findings == [], [(f.code, f.where, f.message) for f in report.findings]
    golden = GOLDEN / f"{route.stem}-{kind}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(draft.text, encoding="utf-8")
    assert draft.text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("route", ROUTES, ids=[r.stem for r in ROUTES])
def test_each_appointee_is_named_and_given_its_own_pronouns(
    route: Path, write_spec: Callable[..., Path]
) -> None:
    organisation = _build(route, "organisation", write_spec).text
    assert "Eastshire County Council" in organisation
    assert "the Commissioner" not in organisation and "advisers'" not in organisation
    advisers = _build(route, "advisers", write_spec).text
    person = _build(route, "person", write_spec).text
    for text, kind in ((advisers, "advisers"), (person, "person")):
        for sentence in re.split(r"(?<=[.;:])\s", text):
            if "appears to" in sentence or "may reasonably require" in sentence:
                assert not re.search(WRONG[kind], sentence.split("appears to")[-1]), sentence


def test_the_routes_cover_what_is_published_since_2018() -> None:
    stems = {route.stem for route in ROUTES}
    assert {
        "route-revised-direction",
        "route-improvement-board",
        "route-trust",
        "route-send",
        "route-tor-shapes",
    } <= stems


def test_a_clause_citing_an_annex_the_spec_lacks_is_an_error_naming_it(
    write_spec: Callable[..., Path], run: Callable[..., Any]
) -> None:
    data = yaml.safe_load((SPECS / "route-improvement-board.yaml").read_text(encoding="utf-8"))
    del data["annex"]
    result = run("build", write_spec(data), "-o", write_spec({}, "unused.yaml").parent / "out")
    assert result.code == 2
    assert "clause 'recital.appointment' refers to the annex, and the spec has no annex" in (
        result.err
    )


def test_annex_a_takes_no_article(write_spec: Callable[..., Path], run: Callable[..., Any]) -> None:
    data = yaml.safe_load((SPECS / "route-send.yaml").read_text(encoding="utf-8"))
    data["annex"]["name"] = "the Annex A"
    result = run("text", write_spec(data))
    assert result.code == 2
    assert 'annex.name: "the Annex A": an annex with a letter takes no article' in result.err
