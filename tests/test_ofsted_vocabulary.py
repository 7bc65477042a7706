"""Ofsted's vocabulary by date: clauses name judgements as the report's framework does, and the
check catches a name from the other framework even where no date stands beside it.

The single inspection framework (reports to early 2018) judged "children looked after and
achieving permanence"; ILACS (since 2018) judges "the experiences and progress of children in
care and care leavers".  The frameworks, their dates and names are `drafting/ofsted.yaml`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafting import Draft, check_file
from drafting.checks._model import Finding

SIF_CHILDREN = (
    "children in need of help and protection and children looked after and achieving permanence"
)
ILACS_CHILDREN = "children who need help and protection and children in care and care leavers"


def _report(date: str, id: str = "ofsted") -> dict[str, Any]:
    return {
        "id": id,
        "kind": "ofsted-inspection",
        "date": date,
        "judgement": "inadequate",
        "summary": "which found services inadequate",
    }


def _spec(reports: list[dict[str, Any]], annex: list[Any], date: str = "2019-09-02") -> Any:
    return {
        "date": date,
        "council": {"name": "Westshire County Council", "area": "Westshire"},
        "secretary_of_state": {"pronoun": "she"},
        "appointee": {"name": "Alex Jones", "pronoun": "she", "role": "Commissioner"},
        "reports": reports,
        "recitals": [{"text": 'Westshire County Council ("the Council") is failing.'}],
        "operative": {"paragraphs": [{"text": "The Council shall improve."}]},
        "duration": {},
        "signature": {"name": "A N Other"},
        "annex": {"title_lines": ["Terms of Reference"], "paragraphs": annex},
    }


ACTIONS = {"clause": "tor.improvement-plan-actions"}


def _duties(*items: dict[str, Any]) -> list[Any]:
    """The annex's "The Commissioner shall:" with these duties under it."""
    return [{"clause": "tor.duties", "items": [dict(item) for item in items]}]


def findings(path: Path) -> list[Finding]:
    """What `drafting check` reports on a file, accepted findings aside."""
    return [finding for report in check_file(path) for finding in report.findings]


@pytest.mark.parametrize(
    ("reports", "date", "children"),
    [
        ([_report("2016-11-25")], "2017-01-10", SIF_CHILDREN),
        ([_report("2019-05-20")], "2019-09-02", ILACS_CHILDREN),
        # the latest inspection's framework, whatever order the spec lists them in
        (
            [_report("2019-05-20", "new"), _report("2016-11-25", "old")],
            "2019-09-02",
            ILACS_CHILDREN,
        ),
        ([], "2019-09-02", ILACS_CHILDREN),  # no inspection listed: the direction's date
        ([], "2016-03-01", SIF_CHILDREN),
    ],
    ids=["sif-report", "ilacs-report", "latest-of-two", "ilacs-date", "sif-date"],
)
def test_the_improvement_plan_names_the_children_as_the_framework_does(
    reports: list[dict[str, Any]], date: str, children: str, write_spec: Callable[..., Path]
) -> None:
    spec = write_spec(_spec(reports, _duties(ACTIONS), date))
    text = Draft.from_file(spec).text
    assert f"improve the quality of services for {children}.\n" in text
    assert findings(spec) == []


def test_a_report_named_in_the_clause_decides_its_framework(
    write_spec: Callable[..., Path],
) -> None:
    reports = [_report("2019-05-20", "new"), _report("2016-11-25", "old")]
    entry = {**ACTIONS, "with": {"report": "old"}}
    text = Draft.from_file(write_spec(_spec(reports, _duties(entry)))).text
    assert f"services for {SIF_CHILDREN}." in text


ILACS_RECITALS = (
    "STATUTORY DIRECTION TO WESTSHIRE COUNTY COUNCIL\n\nWHEREAS:\n\n"
    '1. The Secretary of State for Education ("the Secretary of State") has noted in respect of '
    'Westshire County Council ("the Council") that services are inadequate, as detailed in '
    "Ofsted's inspection report of {date}.\n\nNOW THEREFORE:\n\n2. The Council shall improve.\n\n"
    "Dated: 2 September 2019\n\nANNEX\n\n1. The Commissioner shall ensure the improvement plan "
    "improves services for children looked after and achieving permanence.\n"
)


@pytest.mark.parametrize(
    ("date", "flagged"), [("20 May 2019", True), ("25 November 2016", False)], ids=["slip", "clean"]
)
def test_a_judgement_with_no_date_beside_it_is_judged_by_the_document_s_inspection(
    date: str, flagged: bool, tmp_path: Path
) -> None:
    path = tmp_path / "direction.txt"
    path.write_text(ILACS_RECITALS.format(date=date), encoding="utf-8")
    found = [f for f in findings(path) if f.code == "OFSTED003"]
    assert bool(found) == flagged, found
    if flagged:
        assert found[0].where == "annex 1"


def test_a_spec_s_free_text_is_judged_by_the_spec_s_inspections(
    write_spec: Callable[..., Path],
) -> None:
    annex = [
        {"text": "Ensure services improve for children looked after and achieving permanence."}
    ]
    slip = write_spec(_spec([_report("2019-05-20")], annex), "slip.yaml")
    assert [f.code for f in findings(slip)] == ["OFSTED003"]
    clean = write_spec(_spec([_report("2016-11-25")], annex, "2017-01-10"), "clean.yaml")
    assert findings(clean) == []
