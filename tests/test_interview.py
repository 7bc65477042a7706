"""The interview engine: what a drafter answering questions gets, whichever front end asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from drafting import Draft, DraftingError, Interview, SpecError, answer_unattended, compare_files
from drafting.interview._check import spec_data
from drafting.spec._yaml import load_yaml
from tests.conftest import KIRKLEES, SAMPLE_IDS, SAMPLES

NEW_DIRECTION = {
    "council.name": "Calderdale Council",
    "secretary_of_state.pronoun": "she",
    "reports.add": True,
    "reports.0.date": "1 June 2018",
    "reports.0.summary": "which found services to be inadequate",
    "date": "3/9/2018",
    "appointee.name": "Alex Jones",
    "appointee.pronoun": "she",
    "signature.name": "Sam Taylor",
}


def answered(path: Path) -> dict[str, Any]:
    """The answers file as the toolkit reads it (dates as the text written)."""
    data, _ = load_yaml(path, SpecError)
    assert isinstance(data, dict)
    return data


def walk(interview: Interview, answers: dict[str, Any]) -> None:
    """Answer as a drafter pressing Enter would, except where `answers` says otherwise."""
    answer_unattended(interview, answers)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_every_default_from_a_sample_gives_back_the_sample(sample: Path, tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "answers.yaml", from_spec=sample)
    walk(interview, {})
    written = answered(tmp_path / "answers.yaml")
    assert written.pop("interview")["at"] == "review"
    assert written == answered(sample)
    assert interview.review().can_write


def test_a_new_direction_from_nothing(tmp_path: Path) -> None:
    path = tmp_path / "calderdale.yaml"
    interview = Interview.start(path)
    walk(interview, NEW_DIRECTION)
    review = interview.review()
    assert review.can_write, review.findings
    text = review.documents["direction"]
    assert text.startswith("STATUTORY DIRECTION TO CALDERDALE COUNCIL")
    assert "Ofsted's inspection report of 1 June 2018" in text
    assert "appointed Alex Jones as the Children's Services Commissioner" in text
    data = answered(path)
    assert data["date"] == "2018-09-03"  # typed 3/9/2018, stored as the spec writes dates
    assert data["council"]["area"] == "Calderdale"  # suggested from the name
    built = interview.write(tmp_path)
    assert [p.name for p in built.paths] == ["calderdale.docx"]


def test_a_blank_required_answer_is_refused_at_its_question(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk_to(interview, "council.name")
    step = interview.answer("   ")
    assert not step.saved
    assert step.problems[0].message == "this needs an answer"
    assert step.question is not None and step.question.id == "council.name"


def walk_to(interview: Interview, question_id: str) -> None:
    """Answer as `walk` does up to the question `question_id`."""
    given = dict(NEW_DIRECTION)
    for _ in range(500):
        question = interview.question
        if question is None or question.id == question_id:
            return
        interview.answer(given.pop(question.id, question.default), confirm=True)
    raise AssertionError(f"never reached {question_id}")


def test_a_council_not_on_the_list_needs_confirming(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk_to(interview, "council.name")
    step = interview.answer("york")
    assert not step.saved and step.problems[0].severity == "confirm"
    assert "Did you mean York City Council or " in step.problems[0].message
    assert interview.answer("Narnia Council", confirm=True).saved


def test_dates_as_people_type_them(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk(interview, {**NEW_DIRECTION, "reports.0.date": "25th January 2018", "date": "blank"})
    data = answered(tmp_path / "a.yaml")
    assert data["reports"][0]["date"] == "2018-01-25"
    assert data["date"] == "blank"
    interview.change("reports.0.date")
    step = interview.answer("31/02/2018")
    assert not step.saved and "not a date in the calendar" in step.problems[0].message
    assert interview.answer("March 2017").saved
    assert answered(tmp_path / "a.yaml")["reports"][0]["date"] == "2017-03"


def test_derived_answers_follow_their_source_unless_typed(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk(interview, NEW_DIRECTION)
    interview.change("council.name")
    interview.answer("Leeds City Council")
    assert answered(tmp_path / "a.yaml")["council"]["area"] == "Leeds"
    interview.change("council.area")
    interview.answer("the City of Leeds")
    interview.change("council.name")
    interview.answer("Kirklees Council")
    assert answered(tmp_path / "a.yaml")["council"]["area"] == "the City of Leeds"


def test_a_person_is_never_offered_it(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk_to(interview, "appointee.pronoun")
    question = interview.question
    assert question is not None
    assert [c.value for c in question.choices] == ["she", "he", "they"]


def test_several_advisers_are_offered_and_are_they(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml")
    walk_to(interview, "appointee.kind")
    interview.answer("advisers")
    interview.answer("Jo Bloggs and Sam Patel")
    question = interview.question
    assert question is not None and question.id == "appointee.pronoun"
    assert [c.value for c in question.choices] == ["they"] and question.default == "they"
    interview.answer("they")
    interview.answer("improvement advisers")
    walk(interview, {"signature.name": "Sam Taylor"})
    text = interview.review().documents["direction"]
    assert "appointed Jo Bloggs and Sam Patel as the improvement advisers" in text
    assert answered(tmp_path / "a.yaml")["appointee"]["kind"] == "advisers"


def test_resuming_carries_on_at_the_same_question(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    interview = Interview.start(path)
    walk_to(interview, "reports.add")
    interview.answer(True)
    interview.answer("ofsted-inspection")
    assert interview.question is not None
    at = interview.question.id
    resumed = Interview.resume(path)
    assert resumed.question is not None and resumed.question.id == at == "reports.0.date"
    back = resumed.back()
    assert back is not None and back.id == "reports.0.kind"
    assert back.default == "ofsted-inspection"  # what was answered is kept


def test_a_wrongly_shaped_answers_file_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("council: Kirklees Council\nrecitals: 5\n", "utf-8")
    with pytest.raises(SpecError) as error:
        Interview.resume(path)
    assert str(error.value).startswith(f"{path}:1: council:")
    assert path.read_text("utf-8") == "council: Kirklees Council\nrecitals: 5\n"


def test_an_existing_answers_file_is_not_started_over(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("council: {name: Kirklees Council}\n", "utf-8")
    with pytest.raises(SpecError, match="--resume"):
        Interview.start(path)
    assert path.read_text("utf-8") == "council: {name: Kirklees Council}\n"


def test_review_shows_documents_and_blocks_writing_on_errors(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "a.yaml", from_spec=KIRKLEES)
    walk(interview, {})
    assert "STATUTORY DIRECTION TO KIRKLEES COUNCIL" in interview.review().documents["direction"]
    interview.change("accepted")  # no such question: stays at the review
    assert interview.question is None
    data = answered(tmp_path / "a.yaml")
    data["accepted_findings"] = []
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(data), "utf-8")
    review = Interview.resume(tmp_path / "a.yaml").review()
    assert not review.can_write
    assert "TERM002" in review.findings[0].message
    with pytest.raises(DraftingError, match="cannot be written yet"):
        Interview.resume(tmp_path / "a.yaml").write(tmp_path)


def test_unattended_names_the_first_question_without_an_answer(tmp_path: Path) -> None:
    with pytest.raises(DraftingError, match=r"\(council.name\) has no default"):
        walk(Interview.start(tmp_path / "a.yaml"), {})


def test_documents_not_chosen_are_dropped_only_when_written(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    interview = Interview.start(path, from_spec=KIRKLEES)
    assert interview.answer(["letter"]).saved
    assert "recitals" in answered(path)  # kept while the interview goes on
    assert "recitals" not in spec_data(answered(path))


def test_examples_use_the_specs_own_pronoun_and_date_style(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "answers.yaml")
    walk(interview, {**NEW_DIRECTION, "style.dates": "ordinal"})
    powers = interview.find("operative.paragraphs.0.with.powers")
    assert powers is not None
    assert powers.label == 'Say "Pursuant to her powers"'
    date = interview.find("date")
    assert date is not None and date.help.startswith("e.g. 25th January 2018;")
    interview.change("secretary_of_state.pronoun")
    interview.answer("he")
    powers = interview.find("operative.paragraphs.0.with.powers")
    assert powers is not None and powers.label == 'Say "Pursuant to his powers"'


def test_changing_a_section_at_the_review_walks_it_then_returns(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "answers.yaml")
    walk(interview, NEW_DIRECTION)
    appointee = [q.id for q in interview.questions() if q.section == "appointee"]
    first = interview.change_section("appointee")
    assert first is not None and first.id == appointee[0]
    interview = Interview.resume(tmp_path / "answers.yaml")  # stopped and resumed on the way
    seen = []
    while interview.question is not None:
        question = interview.question
        seen.append(question.id)
        step = interview.answer(
            "Sam Patel" if question.id == "appointee.name" else question.default
        )
        assert not [p for p in step.problems if p.severity == "error"], step.problems
    assert seen == appointee  # its questions, then straight back to the review
    assert "appointed Sam Patel as" in interview.review().documents["direction"]


BOARD = {
    "council.name": "Kirklees Council",
    "secretary_of_state.pronoun": "she",
    "interview.intervention": "improvement-board",
    "reports.add": True,
    "reports.0.date": "1 June 2018",
    "date": "3/9/2018",
    # offered in the published order: compliance, the improvement plan, appointments, the board
    "operative.paragraphs.0.items.2.with.supported": "the Cabinet Member for Children",
    "operative.paragraphs.0.items.3.with.purpose": "support the management team",
    "operative.paragraphs.0.items.4.with.members": "the Director of Children's Services",
}


def test_the_board_name_follows_the_council_unless_typed(tmp_path: Path) -> None:
    interview = Interview.start(tmp_path / "answers.yaml")
    walk(interview, BOARD)
    assert answered(tmp_path / "answers.yaml")["improvement_board"] == {
        "name": "the Kirklees Improvement Board"
    }
    assert "the Kirklees Improvement Board" in interview.review().documents["direction"]
    interview.change("council.name")
    interview.answer("Calderdale Council")
    board = interview.find("improvement_board.name")
    assert board is not None and board.default == "the Calderdale Improvement Board"
    interview.change("improvement_board.name")
    interview.answer("Calderdale's Children's Services Improvement Board")
    interview.change("council.name")
    interview.answer("Leeds City Council")
    name = answered(tmp_path / "answers.yaml")["improvement_board"]["name"]
    assert name == "Calderdale's Children's Services Improvement Board"


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_every_default_from_a_sample_writes_documents_diff_finds_identical(
    sample: Path, tmp_path: Path
) -> None:
    written = tmp_path / sample.name
    walk(Interview.start(written, from_spec=sample), {})
    kinds = list(Draft.from_file(sample).documents)
    assert kinds and list(Draft.from_file(written).documents) == kinds
    for kind in kinds:
        comparison = compare_files(sample, written, kind=kind)
        assert comparison.differences == [], (kind, comparison.differences[:3])
        assert comparison.similarity == 1.0


def test_going_back_keeps_what_was_typed_at_the_question(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    interview = Interview.start(path)
    while interview.question is not None and interview.question.id != "council.name":
        interview.answer(interview.question.default)
    before = interview.back(typed="Calder")
    assert before is not None and before.id != "council.name"
    interview = Interview.resume(path)  # kept in the answers file, as everything is
    step = interview.answer(interview.question.default if interview.question else None)
    assert step.question is not None and step.question.id == "council.name"
    assert step.question.default == "Calder"
    interview.answer("Calderdale Council")
    assert "typed" not in answered(path)["interview"]
    assert answered(path)["council"]["name"] == "Calderdale Council"


def test_every_default_for_a_new_commissioner_direction_reads_right_with_no_finding(
    tmp_path: Path,
) -> None:
    """Pressing Enter at every question gives a direction fit to sign: nothing flagged."""
    interview = Interview.start(tmp_path / "calderdale.yaml")
    walk(interview, NEW_DIRECTION)
    review = interview.review()
    assert review.findings == []
    text = review.documents["direction"]
    # the report listed is the recital's one item, closed as a one-item list closes
    assert "has carefully considered:\n   a. Ofsted's inspection report of 1 June 2018, which " in (
        text
    )
    # offered in the published order, each item closed as a list's items are
    operative = text.split("NOW THEREFORE:")[1].split("ANNEX")[0]
    items = [
        line.strip()
        for line in operative.splitlines()
        if line.startswith("   ") and not line.startswith("      ")
    ]
    assert [item[:16] for item in items] == [
        "a. To comply wit",
        "b. To co-operate",
        "c. To provide th",
        "d. The Departmen",
    ]
    assert items[0].endswith("may require;") and items[3].endswith("this direction.")
    assert "set out in, the Terms of Reference;\n" in operative  # b closes after its list
    assert "computer facilities; and\n" in operative  # c closes on its last words
    # the annex has the usual duties, and the board they name is asked for and defined
    annex = text.split("\nANNEX\n")[1]
    assert 'shall:\n   a. Chair the Calderdale Improvement Board ("the Improvement Board");' in (
        annex
    )
    assert answered(tmp_path / "calderdale.yaml")["improvement_board"] == {
        "name": "the Calderdale Improvement Board"
    }


def test_choosing_the_reports_considered_keeps_the_list_s_other_items(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    interview = Interview.start(path)
    walk(interview, NEW_DIRECTION)
    data = answered(path)
    considered = next(r for r in data["recitals"] if r["clause"] == "recital.considered")
    considered["items"].append({"text": "the Council's own self-assessment."})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    interview = Interview.resume(path)
    key = f"recitals.{data['recitals'].index(considered)}.items"
    interview.change(key)
    interview.answer([])  # untick the one report
    items = next(r for r in answered(path)["recitals"] if r["clause"] == "recital.considered")
    assert items["items"] == [{"text": "the Council's own self-assessment."}]


#: What each intervention asks that has no default (what only the drafter can say).
ALSO: dict[str, dict[str, Any]] = {
    "commissioner": {},
    "advisers": {
        "appointee.name": "Alex Jones and Sam Patel",
        "appointee.pronoun": "they",
        "operative.paragraphs.0.items.1.with.purpose": "for supporting the Council's improvement",
    },
    "improvement-adviser": {
        "appointee.kind": "organisation",
        "appointee.name": "Eastshire Council",
        "appointee.pronoun": "it",
    },
    "improvement-board": {
        "operative.paragraphs.0.items.2.with.supported": "the Director of Children's Services",
        "operative.paragraphs.0.items.3.with.purpose": "support the management team",
        "operative.paragraphs.0.items.4.with.members": "the Leader of the Council",
    },
    "partnership": {
        f"operative.paragraphs.0.items.{n}.with.partner": "Leeds City Council" for n in (1, 2, 3)
    },
    "none": {},
}


@pytest.mark.parametrize("intervention", list(ALSO))
def test_every_default_for_each_kind_of_intervention_has_no_finding(
    intervention: str, tmp_path: Path
) -> None:
    """What the interview suggests for each intervention drafts a direction nothing flags."""
    given = {**NEW_DIRECTION, "interview.intervention": intervention, **ALSO[intervention]}
    if intervention in ("none", "improvement-board", "partnership"):  # no one is appointed
        del given["appointee.name"], given["appointee.pronoun"]
    interview = Interview.start(tmp_path / "a.yaml")
    try:
        walk(interview, given)
    except DraftingError as error:  # a question only this intervention asks: name it
        pytest.fail(f"{intervention}: {error}")
    review = interview.review()
    assert review.findings == [], [(p.question, p.message) for p in review.findings]
    annex = review.documents.get("direction", "").partition("\nANNEX\n")[2]
    numbered = [line for line in annex.splitlines() if line[:1].isdigit()]
    if len(numbered) > 1:  # the background comes before what the appointee shall do
        assert not numbered[0].endswith(":"), numbered


ACTIONS = "tor.improvement-plan-actions"


def test_an_optional_report_can_be_left_out(tmp_path: Path) -> None:
    """An optional report is offered with "none" first: Enter leaves it out, as the spec would."""
    path = tmp_path / "a.yaml"
    interview = Interview.start(path)
    walk(interview, NEW_DIRECTION)

    def actions() -> tuple[int, dict[str, Any]]:
        items = answered(path)["annex"]["paragraphs"][1]["items"]
        return next((n, item) for n, item in enumerate(items) if item["clause"] == ACTIONS)

    key = f"annex.paragraphs.1.items.{actions()[0]}.with.report"
    question = interview.change(key)
    assert question is not None and question.default is None
    assert [c.label for c in question.choices][:1] == ["None of them (leave it out)"]
    interview.answer(question.choices[0].value)
    assert actions()[1] == {"clause": ACTIONS}
    interview.change(key)
    interview.answer(question.choices[1].value)  # the report itself, when the drafter says so
    assert actions()[1] == {"clause": ACTIONS, "with": {"report": "ofsted-20180601"}}
