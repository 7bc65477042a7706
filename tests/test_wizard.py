"""`drafting wizard`: the interview, saving as it goes, resuming, reviewing, and a real terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pexpect
import pytest
import yaml

from drafting import Draft, DraftingError, Spec
from tests.conftest import KIRKLEES

if TYPE_CHECKING:  # mypy sees the source folder; at run time it is installed as drafting.cli
    from cli._prompts import Question
    from cli._wizard import run
else:
    from drafting.cli._prompts import Question
    from drafting.cli._wizard import run

COMMISSIONER = {
    "wizard.documents": ["direction", "letter"],
    "council.name": "Calderdale Council",
    "council.leader.name": "Jane Smith",
    "council.address": "Town Hall; Halifax HX1 1UJ",
    "secretary_of_state.pronoun": "she",
    "wizard.more_reports_0": True,
    "reports.0.kind": "ofsted-inspection",
    "reports.0.date": "2018-06-01",
    "reports.0.term": "the 2018 Ofsted report",
    "reports.0.summary": "which found services for children in need of help and protection to "
    "be inadequate",
    "date": "2018-09-03",
    "style.dates": "ordinal",
    "wizard.intervention": "commissioner",
    "appointee.name": "Alex Jones",
    "appointee.pronoun": ["she"],
    "operative.paragraphs.0.items.0.with.of": "both",
    "signature.name": "Sam Taylor",
    "annex.paragraphs.1.items.0.with.board": "the Calderdale Improvement Board",
    "annex.paragraphs.1.items.1.with.board": "the Calderdale Improvement Board",
    "letter.date": "2018-08-01",
    "letter.paragraphs.1.with.considered": "Ofsted's findings",
    "letter.paragraphs.1.with.purpose": "provide immediate support",
    "letter.copies": "A Person",
    "wizard.more_letter.signatories_0": True,
    "letter.signatories.0.name": "Rt Hon A Minister MP",
    "wizard.review": ["write"],
}


class Script:
    """Answers questions by key (anything unscripted takes its default) and records them."""

    def __init__(self, answers: dict[str, Any], stop_at: str | None = None) -> None:
        self.answers = {
            k: list(v) if isinstance(v, list) and k in _SEQUENCES else v for k, v in answers.items()
        }
        self.stop_at = stop_at
        self.asked: list[str] = []

    def ask(self, question: Question) -> Any:
        self.asked.append(question.key)
        if question.key == self.stop_at:
            raise KeyboardInterrupt
        if question.key in self.answers:
            value = self.answers[question.key]
            if question.key in _SEQUENCES:
                value = value.pop(0) if len(value) > 1 else value[0]
        elif question.kind == "checkbox":
            value = [c.value for c in question.choices if c.checked]
        elif question.kind == "select":
            value = question.default if question.default is not None else question.choices[0].value
        elif question.kind == "confirm":
            value = bool(question.default)
        else:
            value = question.default
        if question.validate is not None and question.kind == "text":
            error = question.validate("" if value is None else str(value))
            assert error is None, f"{question.key}: the script's answer is refused: {error}"
        return value


_SEQUENCES = {
    "wizard.review",
    "appointee.pronoun",
    "wizard.more_text_operative.paragraphs.0.items_1",
}


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    return tmp_path / "calderdale.yaml"


def test_interview_writes_a_valid_spec_and_builds_its_documents(
    answers_file: Path, tmp_path: Path
) -> None:
    script = Script(COMMISSIONER)
    paths = run(answers_file, False, None, tmp_path, False, script)
    assert sorted(p.name for p in paths) == ["calderdale-letter.docx", "calderdale.docx"]
    spec = Spec.model_validate(yaml.safe_load(answers_file.read_text()))
    assert spec.council.leader is not None and spec.council.leader.salutation == "Jane"
    assert not answers_file.with_name(f".{answers_file.name}.wizard").exists()
    draft = Draft.from_file(answers_file)
    direction = draft.get("direction").text
    assert direction.startswith("STATUTORY DIRECTION TO CALDERDALE COUNCIL")
    assert "Alex Jones as the Children's Services Commissioner" in direction
    assert "which appears to her to be necessary" in direction
    # the duties chosen are items under "The Commissioner shall:", the list closed as drafted
    annex = direction[direction.index("ANNEX") :]
    assert "2. The Commissioner shall:\n   a. Chair the Calderdale Improvement Board;\n" in annex
    assert "systems and processes; and\n   f. Deliver quarterly" in annex
    assert annex.rstrip().endswith("if the Minister requires it.")
    assert "Dear Jane," in draft.get("letter").text
    # the usual clauses for a Commissioner were offered ticked
    assert [e.clause for e in spec.recitals or []][:2] == [
        "recital.noted-inadequate",
        "recital.considered",
    ]


def test_only_what_applies_is_asked(answers_file: Path, tmp_path: Path) -> None:
    answers = {
        **COMMISSIONER,
        "wizard.documents": ["direction"],
        "wizard.intervention": "improvement-board",
    }
    answers.update(
        {
            "operative.paragraphs.0.items.0.with.of": "secretary-of-state",
            "operative.paragraphs.0.items.3.with.supported": "the Lead Member for Children",
            "operative.paragraphs.0.items.4.with.purpose": "support the middle management tier",
            "operative.paragraphs.0.items.5.with.members": "the Leader of the Council",
        }
    )
    script = Script(answers)
    run(answers_file, False, None, tmp_path, False, script)
    asked = " ".join(script.asked)
    assert "appointee." not in asked  # no appointee for an improvement board
    assert "annex" not in asked  # no Terms of Reference without an appointee
    assert "letter." not in asked and "council.leader" not in asked  # no letter wanted
    text = Draft.from_file(answers_file).text
    assert "Set up an Improvement Board which will comprise of an Independent Chair" in text


def test_the_other_branches_no_appointee_fixed_period_revocation(
    answers_file: Path, tmp_path: Path
) -> None:
    answers = {
        **COMMISSIONER,
        "wizard.documents": ["direction"],
        "wizard.intervention": "none",
        "wizard.reports.0.describe": True,
        "reports.0.description": "the Ofsted inspection of services for children in Calderdale",
        "wizard.more_earlier_directions_0": True,
        "earlier_directions.0.date": "2016-03-01",
        "earlier_directions.0.required": "to take steps to improve its services",
        "earlier_directions.0.revoked": True,
        "wizard.recitals": ["recital.authority", "recital.satisfied-failing", "recital.expedient"],
        "wizard.operative.paragraphs.0.items": ["compliance.instructions"],
        "operative.paragraphs.0.items.0.with.of": "secretary-of-state",
        "wizard.more_text_operative.paragraphs.0.items_1": [True, False],
        "operative.paragraphs.0.items.1.text": "To publish its improvement plan.",
        "wizard.fixed_period": True,
        "duration.period": "18 months",
        "signature.capacity": "by authority of",
    }
    script = Script(answers)
    run(answers_file, False, None, tmp_path, False, script)
    assert not [key for key in script.asked if key.startswith(("appointee.", "wizard.annex"))]
    text = Draft.from_file(answers_file).text
    assert "   b. To publish its improvement plan." in text
    assert "revokes the direction issued to the Council dated 1st March 2016." in text
    assert "will remain in force for a period of 18 months" in text
    assert "Signed by authority of the Secretary of State for Education" in text


@pytest.mark.slow
def test_an_interrupted_interview_resumes_without_losing_an_answer(
    answers_file: Path, tmp_path: Path
) -> None:
    first = Script(COMMISSIONER, stop_at="operative.numbering")
    with pytest.raises(KeyboardInterrupt):
        run(answers_file, False, None, tmp_path, False, first)
    saved = yaml.safe_load(answers_file.read_text())
    assert saved["council"]["name"] == "Calderdale Council"
    assert saved["appointee"]["name"] == "Alex Jones"
    assert len(saved["recitals"]) == 5

    second = Script(COMMISSIONER)
    (tmp_path / "resumed").mkdir()
    run(answers_file, True, None, tmp_path / "resumed", False, second)
    assert "council.name" not in second.asked and "appointee.name" not in second.asked
    assert second.asked[0] == "operative.numbering"

    uninterrupted = tmp_path / "straight" / "calderdale.yaml"
    uninterrupted.parent.mkdir()
    run(uninterrupted, False, None, uninterrupted.parent, False, Script(COMMISSIONER))
    assert answers_file.read_text() == uninterrupted.read_text()


def test_changing_the_pronoun_at_review_changes_every_pronoun(
    answers_file: Path, tmp_path: Path
) -> None:
    answers = {
        **COMMISSIONER,
        "wizard.review": ["Appointee", "write"],
        "appointee.pronoun": ["she", "they"],
        "secretary_of_state.pronoun": "he",  # so any "her" left would be the appointee's
    }
    run(answers_file, False, None, tmp_path, False, Script(answers))
    direction = Draft.from_file(answers_file).get("direction").text
    assert "which appears to them to be necessary" in direction
    assert "as they may reasonably require" in direction
    assert "for the carrying out of their responsibilities" in direction
    assert " her " not in direction and " she " not in direction


def test_from_a_previous_spec_every_answer_is_offered(answers_file: Path, tmp_path: Path) -> None:
    script = Script({"wizard.review": ["write"]})
    run(answers_file, False, KIRKLEES, tmp_path, False, script)
    assert "council.name" in script.asked  # asked again, with the previous answer offered
    text = Draft.from_file(answers_file).text
    assert "re-appointed Eleanor Brazil OBE as the Children's Services Commissioner" in text
    assert "7. Pursuant to his powers under section 497A(4B) of the 1996 Act" in text


def test_an_existing_answers_file_is_not_overwritten(answers_file: Path, tmp_path: Path) -> None:
    answers_file.write_text("council: {name: Someone's work}\n")
    with pytest.raises(DraftingError, match="already exists: continue it with --resume"):
        run(answers_file, False, None, tmp_path, False, Script(COMMISSIONER))
    assert answers_file.read_text() == "council: {name: Someone's work}\n"


def test_without_a_terminal_the_wizard_points_to_build(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "drafting.cli", "wizard", str(tmp_path / "a.yaml")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "asks questions at a terminal and none is attached" in completed.stderr
    assert "drafting build SPEC" in completed.stderr


@pytest.mark.slow
def test_the_real_program_in_a_terminal(tmp_path: Path) -> None:
    """Drive `drafting wizard --from` through a pseudo-terminal, accepting every default."""
    answers = tmp_path / "kirklees.yaml"
    command = Path(sys.executable).with_name("drafting")
    child = pexpect.spawn(
        str(command),
        ["wizard", str(answers), "--from", str(KIRKLEES), "-o", str(tmp_path)],
        env={**os.environ, "TERM": "xterm", "COLUMNS": "120", "LINES": "40"},
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 120),
    )
    # A question line is "? " and a capital, with colour codes between (a bare "?" would also
    # match the terminal's own codes, ESC[?25l). Enter takes the answer --from filled in; the
    # echo of an answered question sends a spare Enter, which only answers the next one early.
    question = r"\?(?:\x1b\[[0-9;]*m)* (?:\x1b\[[0-9;]*m)*[A-Z]"
    for _ in range(600):
        if child.expect([question, pexpect.EOF, pexpect.TIMEOUT], timeout=2) == 1:
            break
        child.send("\r")
    child.close()
    assert child.exitstatus == 0
    built = tmp_path / "kirklees.docx"
    texts = [p.text for p in docx.Document(str(built)).paragraphs]
    assert texts[0].startswith("STATUTORY DIRECTION TO KIRKLEES COUNCIL")
    assert any("Eleanor Brazil OBE" in text for text in texts)
