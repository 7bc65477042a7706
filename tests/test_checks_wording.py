"""The checks for plausible-but-wrong wording: each catches its slip in a short direction and
leaves the clean version of that direction alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import pytest

from drafting import Draft
from drafting.checks import check_file, check_subject
from drafting.checks._model import Subject, subject_paragraphs
from drafting.read._normalise import read_paragraphs
from tests.conftest import ROOT, Result, load_sample

HEAD = (
    "STATUTORY DIRECTION TO BUCKINGHAMSHIRE COUNCIL\n\nWHEREAS:\n\n"
    '1. The Secretary of State for Education ("the Secretary of State") has noted in respect of '
    'Buckinghamshire Council ("the Council") that services are inadequate.\n'
)


def codes(text: str, kind: Literal["direction", "letter"] = "direction") -> list[str]:
    subject = Subject("text", subject_paragraphs(read_paragraphs(text)), False, kind=kind)
    return [f.code for f in check_subject(subject)]


# (code, the slip, the clean version)
PAIRS = [
    (
        "TERM005",
        HEAD + "2. The Council shall comply with the instructions of the Commissioner.\n",
        HEAD + "2. The Secretary of State has appointed Ann Smith as Children's Services "
        'Commissioner ("the Commissioner").\n3. The Council shall comply with the instructions '
        "of the Commissioner.\n",
    ),
    (
        "TERM005",
        HEAD + "2. The Council shall report to each meeting of the Improvement Board.\n",
        HEAD + "2. The Council shall set up an Improvement Board.\n3. The Council shall report "
        "to each meeting of the Improvement Board.\n",
    ),
    (
        "TERM006",
        HEAD + '2. Ofsted\'s report of 1 May 2019 ("the 2019 Ofsted report") found failings.\n'
        "3. The Council shall address the Ofsted report.\n",
        HEAD + '2. Ofsted\'s report of 1 May 2019 ("the 2019 Ofsted report") found failings.\n'
        "3. The Council shall address the 2019 Ofsted report.\n",
    ),
    (
        "TERM006",
        HEAD + '2. The functions ("children\'s social care functions") are failing.\n'
        "3. The Council shall perform its children's social care services functions.\n",
        HEAD + '2. The functions ("children\'s social care functions") are failing.\n'
        "3. The Council shall perform its children's social care functions.\n",
    ),
    (
        "TERM002",  # a definition in single quotes is a definition
        HEAD + "2. The Council shall report to the Improvement Board.\n3. The Chair shall chair "
        "Buckinghamshire's Children's Services Improvement Board ('the Improvement Board').\n",
        HEAD + "2. The Chair shall chair Westshire's Children's Services Improvement Board ('the "
        "Improvement Board').\n3. The Council shall report to the Improvement Board.\n",
    ),
    (
        "LIST003",
        HEAD + "2. The Council shall:\n a. plan;\n b. act.\n c. review; and\n d. report.\n",
        HEAD + "2. The Council shall:\n a. plan;\n b. act;\n c. review; and\n d. report.\n",
    ),
    (
        "LIST004",
        HEAD + "2. The Secretary of State has carefully considered:\n a. the 2019 report;\n"
        "3. The Council shall act.\n",
        HEAD + "2. The Secretary of State has carefully considered:\n a. the 2019 report.\n"
        "3. The Council shall act.\n",
    ),
    (
        "PRON001",
        HEAD + "2. The Council shall:\n a. comply with the instructions of the adviser and "
        "provide such assistance as it may require;\n b. "
        "provide support as they may reasonably require.\n",
        HEAD + "2. The Council shall:\n a. comply with the instructions of the adviser and "
        "provide such assistance as it may require;\n b. "
        "provide support as it may reasonably require.\n",
    ),
    (
        "PLACE001",
        HEAD + "2. The Council shall co-operate with Leeds City Council on its plan.\n",
        HEAD + "2. The Secretary of State has appointed Leeds City Council as improvement "
        "adviser.\n3. The Council shall co-operate with Leeds City Council on its plan.\n",
    ),
    (
        "PLACE001",
        HEAD + "2. The Council shall improve services in Kirklees.\n",
        HEAD + "2. The Council shall improve services in Buckinghamshire.\n",
    ),
    (
        "OFSTED003",
        HEAD + "2. The 2022 Ofsted report found children looked after and achieving permanence "
        "to be inadequate.\n",
        HEAD + "2. The 2022 Ofsted report found the experiences and progress of children in care "
        "and care leavers to be inadequate.\n",
    ),
    (
        "OFSTED003",
        HEAD + "2. Ofsted's report of 5 March 2016 found the impact of leaders on social work "
        "practice with children and families to be inadequate.\n",
        HEAD + "2. Ofsted's report of 5 March 2016 found leadership, management and governance "
        "to be inadequate.\n",
    ),
    (
        "ANNEX001",
        HEAD + "2. The Terms of Reference are set out in the Annex A to this direction.\n",
        HEAD + "2. The Terms of Reference are set out in Annex A to this direction.\n",
    ),
    (
        "CITE004",
        HEAD + "2. Appoint a Director of Children's Services in accordance with section 19 of "
        "the Children Act 2004.\n",
        HEAD + "2. Appoint a Director of Children's Services in accordance with section 18 of "
        "the Children Act 2004.\n",
    ),
    (
        "CITE004",
        HEAD + "2. The lead member, under section 18 of the Children Act 2004, shall attend.\n",
        HEAD + "2. The lead member, under section 19 of the Children Act 2004, shall attend.\n",
    ),
    (
        "DATE007",
        HEAD + "2. This direction will remain in force for a period of 18 months.\n\nANNEX\n\n"
        "1. The direction lasts 2 years.\n",
        HEAD + "2. This direction will remain in force for a period of 18 months.\n\nANNEX\n\n"
        "1. The direction lasts 18 months.\n",
    ),
]


@pytest.mark.parametrize(("code", "slip", "clean"), PAIRS, ids=[p[0] for p in PAIRS])
def test_catches_the_slip_and_leaves_the_clean_version(code: str, slip: str, clean: str) -> None:
    assert code in codes(slip)
    assert code not in codes(clean)


LETTER = "Dear Matt,\n\n{body}\n\nRt Hon Jane Smith MP\nSecretary of State for Education\n"


def test_a_letter_mixing_first_and_third_person() -> None:
    slip = LETTER.format(
        body="I have carefully considered the case.\n\nThe Secretary of State is minded to "
        "appoint a Children's Services Commissioner."
    )
    clean = LETTER.format(
        body="I have carefully considered the case.\n\nI am minded to appoint a Children's "
        "Services Commissioner."
    )
    assert "VOICE001" in codes(slip, "letter")
    assert "VOICE001" not in codes(clean, "letter")


# --- a date given to the direction that is not its own, however phrased (DATE003, DATE006) -----

#: A direction dated 4 July 2022 whose operative paragraph 2 and annex paragraph 1 are filled in.
DATED = HEAD + "NOW THEREFORE\n\n2. {operative}\n\nDated: 4 July 2022\n\nANNEX\n\n1. {annex}\n"
ACTS = "The Council shall act."
#: (a phrasing with {} for the date, a date not the direction's, the direction's date so written)
PHRASINGS = [
    ("The Commissioner acts under the direction of {}.", "20 June 2022", "4 July 2022"),
    (
        "The Commissioner acts under the Direction issued to Buckinghamshire Council by the "
        "Secretary of State under section 497A of the Education Act 1996 in {}.",
        "December 2017",
        "July 2022",
    ),
    ("The statutory direction, made on {}, applies.", "3rd March 2019", "4th July 2022"),
    ("Since the direction was issued in {} the Council has acted.", "March 2019", "July 2022"),
    ("The Secretary of State's direction (dated {}) applies.", "1 May 2019", "4 July 2022"),
    ("Following the direction in {}, the Council acted.", "December 2017", "July 2022"),
    ("Under the {} direction the Council acts.", "20 June 2022", "4 July 2022"),
    ("The Council acts under the direction of {}.", "2021", "2022"),
    ("The Council acts under this direction, dated {}.", "1 July 2022", "4 July 2022"),
]


def date_findings(text: str) -> list[str]:
    return [code for code in codes(text) if code in ("DATE003", "DATE006")]


@pytest.mark.parametrize(("phrasing", "wrong", "right"), PHRASINGS)
def test_the_annex_dating_the_direction_otherwise(phrasing: str, wrong: str, right: str) -> None:
    assert date_findings(DATED.format(operative=ACTS, annex=phrasing.format(wrong))) == ["DATE003"]
    assert date_findings(DATED.format(operative=ACTS, annex=phrasing.format(right))) == []


@pytest.mark.parametrize(("phrasing", "wrong", "right"), PHRASINGS)
def test_an_operative_paragraph_dating_the_direction_otherwise(
    phrasing: str, wrong: str, right: str
) -> None:
    slip = DATED.format(operative=phrasing.format(wrong), annex=ACTS)
    assert date_findings(slip) == ["DATE006"]
    assert date_findings(DATED.format(operative=phrasing.format(right), annex=ACTS)) == []


#: Dates of other directions, and of reports, inspections, visits and meetings: never flagged.
OTHER_DATES = [
    "The first direction of 20 June 2021 required less.",
    "The direction of 2016 which this direction revokes required less.",
    "The direction dated 1 May 2021, which this direction replaces, required less.",
    "Under a direction issued in March 2021 the Council acted.",
    'The direction dated 1 May 2021 ("the earlier direction") required less.',
    "The previous statutory direction, made on 3rd March 2019, required less.",
    "The Council acts under the direction of the Commissioner in May 2021.",
    "Following the direction, the report of 3 May 2022 found failings.",
    "The direction follows the inspection of 3 May 2022 and Ofsted's visit in June 2022.",
    "The Council shall report on the direction at the meeting of 1 June 2022.",
    "The direction was discussed with the Council in May 2022.",
]


def test_a_later_date_given_to_the_direction_is_reported_once() -> None:
    later = DATED.format(operative=ACTS, annex="Under the direction of 1 August 2022 it acts.")
    assert [c for c in codes(later) if c in ("DATE001", "DATE003", "DATE006")] == ["DATE003"]


@pytest.mark.parametrize("other", OTHER_DATES)
def test_other_directions_and_events_are_left_alone(other: str) -> None:
    assert date_findings(DATED.format(operative=ACTS, annex=other)) == []


def test_a_direction_the_text_defines_is_not_this_one() -> None:
    defined = HEAD.replace(
        "inadequate.\n",
        'inadequate.\n2. The Secretary of State issued a direction on 5 March 2021 ("the '
        'interim direction").\n',
    )
    annex = "The Commissioner reported under the interim direction of 5 March 2021."
    text = defined + f"NOW THEREFORE\n\n3. {ACTS}\n\nDated: 4 July 2022\n\nANNEX\n\n1. {annex}\n"
    assert date_findings(text) == []
    assert date_findings(text.replace("the interim direction of", "the direction of")) == [
        "DATE003"
    ]


def test_without_its_date_the_direction_is_not_compared() -> None:
    undated = DATED.replace("Dated: 4 July 2022", "Dated this day of")
    annex = PHRASINGS[0][0].format("1 May 2019")
    assert date_findings(undated.format(operative=ACTS, annex=annex)) == []


def test_a_signature_date_dates_the_direction() -> None:
    signed = DATED.replace(
        "Dated: 4 July 2022",
        "Signed by authority of the Secretary of State for Education\n\nJane Smith\n\n4 July 2022",
    )
    text = signed.format(operative=ACTS, annex=PHRASINGS[0][0].format("20 June 2022"))
    assert date_findings(text) == ["DATE003"]


# With a spec: the route of a revised direction, dated 14 June 2021, whose first direction (which
# it revokes) was made on 2 September 2019; and a letter of 1 June 2021 announcing it.
REVISED = ROOT / "tests" / "specs" / "route-revised-direction.yaml"
LETTER_OF_INTENT = {
    "date": "2021-06-01",
    "departments": [{"name_lines": ["Department", "for Education"]}],
    "signatories": [
        {"name": "Rt Hon Jane Smith MP", "title_lines": ["Secretary of State for Education"]}
    ],
}


def revised(annex: str | None = None, letter: str | None = None) -> dict[str, Any]:
    """The revised direction's spec, with a free-text paragraph added to its annex or letter."""
    data = load_sample(REVISED)
    if annex is not None:
        data["annex"]["paragraphs"].append({"text": annex})
    if letter is not None:
        data["council"]["leader"] = {"name": "Sam Jones", "salutation": "Sam"}
        data["letter"] = LETTER_OF_INTENT | {"paragraphs": [{"text": letter}]}
    return data


def spec_findings(path: Path) -> list[tuple[str, str]]:
    return [(f.code, f.where) for report in check_file(path) for f in report.findings]


def test_a_specs_annex_dating_the_direction_otherwise(write_spec: Callable[..., Path]) -> None:
    slip = write_spec(revised(annex="The Council has acted since the direction of May 2021."))
    assert spec_findings(slip) == [("DATE003", "annex 2")]
    clean = write_spec(revised(annex="The Council has acted since the direction of June 2021."))
    assert spec_findings(clean) == []


def test_a_spec_knows_its_earlier_directions(
    write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    # Not qualified ("first"), but dated as the spec's earlier direction is: that one.
    earlier = "The Council has acted since the direction of 2 September 2019."
    assert spec_findings(write_spec(revised(annex=earlier))) == []
    # The same words in a text without the spec are taken for this direction's.
    text = tmp_path / "revised.txt"
    text.write_text(Draft.from_file(write_spec(revised(annex=earlier))).text, encoding="utf-8")
    assert ("DATE003", "annex 2") in [(f.code, f.where) for f in check_file(text)[0].findings]


def test_a_docx_annex_dating_the_direction_otherwise(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    for month, expected in (("May", [("DATE003", "annex 2")]), ("June", [])):
        spec = write_spec(revised(annex=f"Under the direction issued in {month} 2021 it acts."))
        assert run("build", spec, "-o", tmp_path / month).code == 0
        docx = tmp_path / month / "spec.docx"
        assert [(f.code, f.where) for f in check_file(docx)[0].findings] == expected


#: A letter of 1 June 2021 announcing the direction of 14 June 2021.
LETTER_DATES = [
    ("The Secretary of State intends to make the direction on 1 July 2021.", ["DATE006"]),
    ("The Secretary of State intends to make the direction on 14 June 2021.", []),
    # Before the letter: the direction in force, the one the new direction revokes.
    ("The direction issued to the Council in September 2019 remains in force.", []),
    ("The direction of 3 March 2020 remains in force until then.", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), LETTER_DATES)
def test_a_letter_dating_the_direction_it_announces_otherwise(
    write_spec: Callable[..., Path], paragraph: str, expected: list[str]
) -> None:
    found = spec_findings(write_spec(revised(letter=paragraph)))
    assert [code for code, where in found if where.startswith("letter")] == expected


def test_a_letter_without_its_spec_compares_no_date() -> None:
    letter = LETTER.format(body="I intend to make the direction on 1 July 2021.")
    assert [c for c in codes(letter, "letter") if c.startswith("DATE")] == []


# --- another council's or area's name left in, listed or of a council's shape (PLACE001) --------

#: A direction to a council the list does not have (Westshire is fictional).
WEST = HEAD.replace("BUCKINGHAMSHIRE COUNCIL", "WESTSHIRE COUNTY COUNCIL").replace(
    "Buckinghamshire Council", "Westshire County Council"
)
#: (the slip, the clean version), each after WEST
PLACE_PAIRS = [
    (
        "2. The Council shall co-operate with Eastshire County Council on its plan.\n",
        "2. The Secretary of State has appointed Eastshire County Council as improvement "
        "adviser.\n3. The Council shall co-operate with Eastshire County Council on its plan.\n",
    ),
    (
        "2. The Council shall report to the Leader of Eastham Metropolitan Borough Council.\n",
        "2. The Council shall report to the Leader of the Council.\n",
    ),
    (
        "2. The Council shall work with the London Borough of Eastham.\n",
        "2. The Council shall work with its partner, the London Borough of Eastham.\n",
    ),
    (
        "2. The Council shall work with the Royal Borough of Eastham and Northam.\n",
        "2. The Council shall work with Westshire's schools.\n",
    ),
    ("2. City of Eastham Council shall act.\n", "2. The County Council shall act.\n"),
    ("2. Eastshire Council shall act.\n", "2. The Council shall act.\n"),
    # The area of a council the text names, though the list does not have it.
    (
        "2. Services in Eastshire are poor.\n3. The Council's partner is Eastshire Council.\n",
        "2. Services in Westshire are poor.\n3. The Council's partner is Eastshire Council.\n",
    ),
    # The direction's own council is the one the text defines as "the Council".
    (
        "2. The Council shall improve services in Kirklees.\n",
        "2. The Council shall improve services in Westshire.\n",
    ),
]


@pytest.mark.parametrize(("slip", "clean"), PLACE_PAIRS)
def test_a_council_of_any_shape_left_in(slip: str, clean: str) -> None:
    assert "PLACE001" in codes(WEST + slip)
    assert "PLACE001" not in codes(WEST + clean)


#: Words before "Council" that are not a council's name.
NOT_COUNCILS = [
    "2. County Council officers shall attend.\n",
    "3. The Children's Services Council and the Local Government Association shall advise.\n",
    "2. The Improvement Council and the Safeguarding Council shall meet.\n",
    '2. The board ("the Westshire Improvement Council") shall meet.\n3. The Westshire '
    "Improvement Council shall report.\n",
    "2. The Children in Care Council, the Youth Council and the Council's Cabinet shall meet.\n",
    "2. The Secretary of State and the Council shall agree; North Council is no name.\n",
    "2. In Council, the Leader of the Council shall report.\n",
]


@pytest.mark.parametrize("text", NOT_COUNCILS)
def test_words_before_council_that_name_no_council(text: str) -> None:
    assert "PLACE001" not in codes(WEST + text)


def test_a_specs_annex_naming_another_council(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    slip = write_spec(revised(annex="The Commissioner shall work with Eastham City Council."))
    assert spec_findings(slip) == [("PLACE001", "annex 2")]
    assert run("build", slip, "-o", tmp_path).code == 0
    docx = [(f.code, f.where) for f in check_file(tmp_path / "spec.docx")[0].findings]
    assert docx == [("PLACE001", "annex 2")]
    clean = "The Commissioner shall work with the Council's partner, Eastham City Council."
    assert spec_findings(write_spec(revised(annex=clean))) == []


def test_a_council_named_in_brackets() -> None:
    slip = WEST + "2. The chair (Eastshire County Council) shall report.\n"
    assert "PLACE001" in codes(slip)
    clean = WEST + "2. The Council's partner (Eastshire County Council) shall report.\n"
    assert "PLACE001" not in codes(clean)


LETTER_SPEC = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("We would welcome the Council's representations by 30 November 2018.", False),
        ("A decision will be taken in December 2018, after the Council has replied.", False),
        ("Ofsted's inspection report of 20 December 2018 found services inadequate.", True),
    ],
    ids=["deadline", "decision", "recited-report"],
)
def test_a_letter_may_look_ahead_but_not_recite_a_later_report(
    sentence: str, flagged: bool, write_spec: Callable[..., Path]
) -> None:
    data = load_sample(LETTER_SPEC)
    data["letter"]["paragraphs"].append({"text": sentence})  # the letter is of 13 November 2018
    found = [f for r in check_file(write_spec(data)) for f in r.findings if f.code == "DATE001"]
    assert bool(found) == flagged, found
    if flagged:
        assert found[0].message.endswith("is after the letter's own date (13 November 2018)")
