"""`drafting wizard` as a drafter uses it: the real program at an 80×24 terminal (pexpect).

The interview itself is tested in test_interview.py; here, what the terminal shows and does:
a new direction with a Commissioner, annex and letter; Ctrl-C and --resume; one answer changed
at the review; a blank required answer refused; a date typed in words stored as a spec writes
it; the options that need no terminal.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafting import Draft, SpecError
from drafting.spec._yaml import load_yaml
from tests.conftest import KIRKLEES, ROOT
from tests.terminal import DOWN, ENTER, SPACE, UP, Terminal

pytestmark = pytest.mark.slow

NEW_DIRECTION = {
    "Which documents": [DOWN + SPACE + ENTER],  # tick the letter too
    "Which council": ["Calderdale Council" + ENTER],
    "The council leader's name": ["Jane Smith" + ENTER],
    "The council's address": ["Town Hall; Halifax HX1 1UJ" + ENTER],
    "The Secretary of State at": [DOWN + ENTER],  # he: any she/her left is the appointee's
    "Add an inspection": [UP + ENTER],  # yes, once
    "Its date": ["1 June 2018" + ENTER],
    "What it found": ["which found services to be inadequate" + ENTER],
    "The date the direction is made": ["3 September 2018" + ENTER],
    "The appointee's name": ["Alex Jones" + ENTER],
    "What goes in it?": [SPACE + ENTER],  # the annex: its first paragraph
    "The letter's date": ["1 August 2018" + ENTER],
    "What the Secretary of State has considered": ["Ofsted's findings" + ENTER],
    "What the appointee would do": ["provide immediate support" + ENTER],
    "Who signs the letter": ["Rt Hon A Minister MP" + ENTER],
}


def new_direction() -> dict[str, list[str]]:
    """The keys for a new direction, afresh (answering uses them up)."""
    return {label: list(keys) for label, keys in NEW_DIRECTION.items()}


def answers_in(path: Path) -> dict[str, Any]:
    data, _ = load_yaml(path, SpecError)
    assert isinstance(data, dict)
    return data


def texts(path: Path) -> dict[str, str]:
    draft = Draft.from_file(path)
    return {kind: rendered.text for kind, rendered in draft.documents.items()}


@pytest.fixture(scope="module")
def calderdale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new direction with a Commissioner, annex and letter, answered at the terminal."""
    folder = tmp_path_factory.mktemp("calderdale")
    terminal = Terminal(["wizard", "calderdale.yaml"], folder)
    terminal.run(new_direction(), until="What next?")
    terminal.send(ENTER)  # Write the spec and build the documents
    assert terminal.end() == 0, terminal.shown[-2000:]
    assert "Section 2 of " in terminal.shown and ": The council" in terminal.shown
    return folder / "calderdale.yaml"


def test_a_new_direction_with_commissioner_annex_and_letter(calderdale: Path) -> None:
    folder = calderdale.parent
    assert (folder / "calderdale.docx").exists() and (folder / "calderdale-letter.docx").exists()
    documents = texts(calderdale)
    direction, letter = documents["direction"], documents["letter"]
    assert direction.startswith("STATUTORY DIRECTION TO CALDERDALE COUNCIL")
    assert "appointed Alex Jones as the Children's Services Commissioner" in direction
    assert "\nANNEX\n" in direction
    assert "Dear Jane," in letter
    assert "Rt Hon A Minister MP" in letter
    assert answers_in(calderdale)["date"] == "2018-09-03"  # typed "3 September 2018"


def test_changing_the_appointee_at_the_review_changes_every_pronoun(
    calderdale: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "c.yaml"
    shutil.copy(calderdale, answers)
    before = texts(answers)
    assert any(re.search(r"\b(she|her)\b", text) for text in before.values())
    terminal = Terminal(["wizard", answers, "--resume", "--force"], tmp_path)
    assert terminal.question() == "What next?"
    for answer in ("The appointee's name", "The documents refer to the appointee as"):
        terminal.send(DOWN + ENTER)  # Change one answer: just below Write, where it starts
        assert terminal.question() == "Which section?"
        section = terminal.shown.split("Which section?")[-1]
        lines = [line for line in section.splitlines() if "Section " in line]
        place = next(n for n, line in enumerate(lines) if "The appointee" in line)
        terminal.send(DOWN * place + ENTER)
        assert terminal.question() == "Which answer?"
        options = [line for line in terminal.shown.split("Which answer?")[-1].splitlines()]
        place = next(n for n, line in enumerate(options[1:]) if answer in line)
        terminal.send(DOWN * place + ENTER)
        label = terminal.question()
        assert label is not None and label.startswith(answer)
        if answer.startswith("The appointee's name"):
            terminal.send("\x15" + "Sam Patel" + ENTER)  # Ctrl-U clears the name offered
        else:
            terminal.send(DOWN + ENTER)  # she, he, they: he
        assert terminal.question() == "What next?"
    terminal.send(ENTER)
    assert terminal.end() == 0, terminal.shown[-2000:]
    after = texts(answers)
    assert set(after) == {"direction", "letter"}
    for text in after.values():
        assert not re.search(r"\b(she|her|hers|herself)\b", text, re.IGNORECASE), text
    assert "appointed Sam Patel as the Children's Services Commissioner" in after["direction"]
    assert " his " in after["direction"]


def test_ctrl_c_then_resume_carries_on_at_the_same_question(tmp_path: Path) -> None:
    terminal = Terminal(["wizard", "c.yaml"], tmp_path)
    terminal.run(new_direction(), until="The council's area")
    terminal.child.sendcontrol("c")
    assert terminal.end() == 130
    assert "Answers saved in c.yaml; carry on with: drafting wizard c.yaml --resume" in (
        terminal.shown
    )
    assert answers_in(tmp_path / "c.yaml")["council"]["name"] == "Calderdale Council"
    resumed = Terminal(["wizard", "c.yaml", "--resume"], tmp_path)
    label = resumed.question()
    assert label is not None and label.startswith("The council's area")
    resumed.child.sendcontrol("c")
    assert resumed.end() == 130


def test_a_blank_required_answer_is_refused_at_its_question(tmp_path: Path) -> None:
    terminal = Terminal(["wizard", "c.yaml"], tmp_path)
    terminal.run({}, until="Which council")
    terminal.send(ENTER)  # blank
    label = terminal.question()
    assert label is not None and label.startswith("Which council")
    assert "Problem: this needs an answer" in terminal.shown
    terminal.child.sendcontrol("c")
    assert terminal.end() == 130


def test_going_back_keeps_what_was_typed(tmp_path: Path) -> None:
    terminal = Terminal(["wizard", "c.yaml"], tmp_path)
    terminal.run({}, until="Which council")
    terminal.send("Calder <" + ENTER)  # typed part of it, then back
    assert terminal.question() == "What does the Secretary of State put in place?"
    terminal.send(ENTER)
    label = terminal.question()
    assert label is not None and label.startswith("Which council")
    terminal.send("dale Council" + ENTER)  # what was typed is offered again, to go on with
    label = terminal.question()
    assert label is not None and label.startswith("The council's area")
    assert answers_in(tmp_path / "c.yaml")["council"]["name"] == "Calderdale Council"
    terminal.child.sendcontrol("c")
    assert terminal.end() == 130


def test_a_date_in_words_is_accepted_and_stored_as_a_spec_writes_it(tmp_path: Path) -> None:
    shutil.copy(KIRKLEES, tmp_path / "k.yaml")
    terminal = Terminal(["wizard", "c.yaml", "--from", "k.yaml"], tmp_path)
    terminal.run({}, until="The date the direction is made")
    terminal.send("\x15" + "25th Janury 2018" + ENTER)  # a typo: refused, asked again
    label = terminal.question()
    assert label is not None and label.startswith("The date the direction is made")
    assert "'janury' is not a month" in terminal.shown
    terminal.send("\x15" + "26 January 2018" + ENTER)
    label = terminal.question()
    assert label is not None and label.startswith("How dates are written")
    terminal.child.sendcontrol("c")
    assert terminal.end() == 130
    assert answers_in(tmp_path / "c.yaml")["date"] == "2018-01-26"


def run_drafting(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("drafting")
    return subprocess.run(
        [str(command), *map(str, args)],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_a_terminal_it_points_to_the_options_that_need_none(tmp_path: Path) -> None:
    done = run_drafting("wizard", "a.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--defaults, --data KEY=VALUE" in done.stderr


def test_defaults_from_a_spec_build_the_same_documents(tmp_path: Path) -> None:
    done = run_drafting("wizard", "k.yaml", "--from", KIRKLEES, "--defaults", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    compared = run_drafting("diff", tmp_path / "k.docx", KIRKLEES, cwd=tmp_path)
    assert compared.returncode == 0, compared.stdout
    again = run_drafting("wizard", "k.yaml", "--from", KIRKLEES, "--defaults", cwd=tmp_path)
    assert again.returncode == 2 and "--resume, or start again with --restart" in again.stderr


def test_data_answers_questions_and_names_the_first_without_one(tmp_path: Path) -> None:
    missing = run_drafting("wizard", "n.yaml", "--defaults", cwd=tmp_path)
    assert missing.returncode == 2
    assert "question 'Which council is directed?' (council.name) has no default" in (missing.stderr)
    (tmp_path / "answers.yaml").write_text(
        "council.name: Calderdale Council\nsecretary_of_state.pronoun: she\n"
        "appointee.name: Alex Jones\nappointee.pronoun: he\ndate: 3 September 2018\n"
        "annex.wanted: yes\nreports.add: yes\nreports.0.date: 1 June 2018\n"
        "reports.0.summary: which found services to be inadequate\n"
        "operative.paragraphs.0.items.1.with.purpose: the purposes of this direction\n",
        "utf-8",
    )
    done = run_drafting(
        "wizard",
        "c.yaml",
        "--data-file",
        "answers.yaml",
        "--data",
        "interview.intervention=improvement-adviser",
        "--data",
        "appointee.name=Sam Patel",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    direction = texts(tmp_path / "c.yaml")["direction"]
    assert "appointed Sam Patel as the improvement adviser" in direction


def test_restart_asks_first_and_force_only_overwrites_documents(tmp_path: Path) -> None:
    answers = tmp_path / "c.yaml"
    answers.write_text("council: {name: Someone's work}\n", "utf-8")
    forced = run_drafting("wizard", "c.yaml", "--force", "--defaults", cwd=tmp_path)
    assert forced.returncode == 2 and "--restart" in forced.stderr
    terminal = Terminal(["wizard", "c.yaml", "--restart"], tmp_path)
    assert terminal.question() == "Start again? Every answer in c.yaml will be replaced."
    terminal.send(ENTER)  # No, the default
    terminal.end()
    assert answers.read_text("utf-8") == "council: {name: Someone's work}\n"


def test_the_wizard_knows_no_clause_report_kind_or_grade() -> None:
    wizard = [ROOT / "cli" / "_wizard.py", ROOT / "cli" / "_prompts.py"]
    code = "\n".join(path.read_text("utf-8") for path in wizard)
    from drafting import load_library

    for clause in load_library():
        assert clause.id not in code
    for word in ("ofsted-", "inadequate", "requires improvement", "commissioner-report"):
        assert word not in code.lower()


def test_each_section_has_its_own_change_at_the_review(calderdale: Path, tmp_path: Path) -> None:
    answers = tmp_path / "c.yaml"
    shutil.copy(calderdale, answers)
    terminal = Terminal(["wizard", answers, "--resume", "--force"], tmp_path)
    assert terminal.question() == "What next?"
    options = terminal.shown.split("What next?")[-1].splitlines()
    write = next(n for n, line in enumerate(options) if "Write the spec" in line)
    assert any("Change one answer" in line for line in options)
    place = next(n for n, line in enumerate(options) if "Change the appointee" in line)
    terminal.send(DOWN * (place - write) + ENTER)
    assert terminal.question() == "Is the appointee a person or an organisation?"
    terminal.send(ENTER)  # a person, as before
    label = terminal.question()
    assert label is not None and label.startswith("The appointee's name")
    terminal.send("\x15" + "Sam Patel" + ENTER)
    for _ in range(4):  # the rest of the section as it was: pronoun, role, short name, annex
        if terminal.question() == "What next?":
            break
        terminal.send(ENTER)
    assert terminal.question() == "What next?"
    terminal.send(ENTER)
    assert terminal.end() == 0, terminal.shown[-2000:]
    assert (
        "appointed Sam Patel as the Children's Services Commissioner" in texts(answers)["direction"]
    )
