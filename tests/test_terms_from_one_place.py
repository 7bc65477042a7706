"""Defined terms come from one place: every clause, rendered under each variant of each term,
says the term the spec defines and never a hard-coded long or short form of it.

Every clause of the direction (recitals, operative paragraphs, Terms of Reference) is put into
one spec with made-up parameters; the spec's terms are set to each variant in turn (marker
values no clause could contain by chance, and the real forms), and the text is searched for
every form of every term other than the spec's own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafting import Draft, load_library
from drafting.library._clauses import Clause

#: Families laid out by the build (title, signature, duration, revocation), the letter's, and the
#: descriptions of reports, which are not paragraphs a spec lists.
STRUCTURAL = {"title", "signature", "duration", "revocation", "letter", "reference"}

#: Every form a term has had in published directions; a clause may print only the spec's own.
FORMS = {
    "functions": ["children's social care functions", "children's social care services functions"],
    "act": ["the 1996 Act"],
    "tor": ["the Terms of Reference"],
    "board": ["the Improvement Board", "Improvement Board ("],
    "annex": ["the Annex ", "the Annex.", "Annex A", "the Schedule"],
    "report": ["the 2019 Ofsted report", "the Ofsted report"],
    "direction": ["the first direction"],
}

VARIANTS: list[dict[str, Any]] = [
    {
        "terms": {
            "functions": "FUNCTIONS-TERM",
            "education_act": "ACT-TERM",
            "terms_of_reference": "TOR-TERM",
        },
        "improvement_board": {"name": "BOARD-NAME", "term": "BOARD-TERM"},
        "annex_name": "ANNEX-NAME",
        "report_term": "REPORT-TERM",
        "direction_term": "DIRECTION-TERM",
        "own": set(),
    },
    {
        "terms": {"functions": "children's social care services functions"},
        "improvement_board": {
            "name": "the Westshire Improvement Board",
            "term": "the Improvement Board",
        },
        "annex_name": "Annex A",
        "report_term": "the 2019 Ofsted report",
        "direction_term": "the first direction",
        "own": {"functions", "act", "tor", "board", "annex", "report", "direction"},
    },
    {
        "terms": {"functions": None, "education_act": None},
        "improvement_board": {"name": "BOARD-NAME", "term": None},
        "annex_name": "the Schedule",
        "report_term": None,
        "direction_term": None,
        "own": {"tor", "annex", "functions"},  # undefined: the functions described in full
    },
]


def _value(clause: Clause, name: str) -> Any:
    param = clause.spec.params[name]
    if "default" in param.model_fields_set and param.type not in ("report", "direction"):
        return param.default
    return {
        "text": "TEXT",
        "texts": ["TEXT ONE", "TEXT TWO"],
        "bool": False,
        "choice": (param.choices or [""])[0],
        "report": "ofsted",
        "reports": ["ofsted"],
        "direction": "first",
    }[param.type]


def _entry(clause: Clause) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "clause": clause.id,
        "with": {name: _value(clause, name) for name in clause.spec.params},
    }
    if clause.spec.closes_list:  # a lead-in lists something
        entry["items"] = [{"text": "an item of the list"}]
    return entry


def _spec(variant: dict[str, Any]) -> dict[str, Any]:
    clauses = [c for c in load_library() if c.family not in STRUCTURAL]
    recitals = [_entry(c) for c in clauses if c.family == "recital"]
    annex = [_entry(c) for c in clauses if c.family == "tor"]
    operative = [_entry(c) for c in clauses if c.family not in ("recital", "tor")]
    report: dict[str, Any] = {
        "id": "ofsted",
        "kind": "ofsted-inspection",
        "date": "2019-05-20",
        "judgement": "inadequate",
        "subject": "SUBJECT",
        "summary": "which found SUMMARY",
        "term": variant["report_term"],
        "grades": {"leadership": "inadequate"},
    }
    return {
        "date": "2019-09-02",
        "council": {"name": "Westshire County Council", "area": "Westshire"},
        "secretary_of_state": {"pronoun": "she"},
        "appointee": {
            "kind": "organisation",
            "name": "Eastshire County Council",
            "pronoun": "it",
            "role": "improvement adviser",
            "reference": "Eastshire County Council",
        },
        "terms": variant["terms"],
        "improvement_board": variant["improvement_board"],
        "reports": [report],
        "earlier_directions": [
            {
                "id": "first",
                "date": "2018-03-05",
                "required": "REQUIRED",
                "term": variant["direction_term"],
                "revoked": True,
            }
        ],
        "recitals": recitals,
        "operative": {"paragraphs": [{"clause": "operative.directs", "items": operative}]},
        "annex": {"name": variant["annex_name"], "paragraphs": annex},
    }


@pytest.mark.parametrize("variant", VARIANTS, ids=["markers", "published-forms", "undefined"])
def test_every_clause_says_the_spec_s_own_terms(
    variant: dict[str, Any], write_spec: Callable[..., Path]
) -> None:
    text = Draft.from_file(write_spec(_spec(variant))).text
    body = text.split("\n", 1)[1]  # the title names the Act in capitals, as every title does
    for term, forms in FORMS.items():
        if term in variant["own"]:
            continue
        for form in forms:
            assert form not in body, f"{form!r} where the spec says otherwise ({term})"
    for marker in ("FUNCTIONS-TERM", "TOR-TERM", "BOARD-TERM", "ANNEX-NAME", "REPORT-TERM"):
        if marker in str(variant):
            assert marker in body, marker
