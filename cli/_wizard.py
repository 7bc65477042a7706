"""`drafting wizard`: the drafting interview at a terminal, a thin presenter on the engine.

The engine (`drafting.Interview`) decides what is asked, checks every answer and saves it; this
module only shows a question (its progress line, label and help), hands back what was typed,
shows the problems at the question they come from, pages the review at 80×24, and writes.  It
knows nothing of clauses, reports or grades.  Every prompt goes through one `Prompter`.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import DraftingError, Interview, Question, Review, answer_unattended

from ._prompts import Ask, Option, Prompter

BACK = "\0back"  # what a prompt returns for "go back one question"
BACK_TYPED = "<"  # typed alone at a text question
PAGE_LINES = 18  # lines of a document per page: with the prompt, fits a 24-line terminal
NO_TERMINAL = (
    "drafting wizard asks questions at a terminal and none is attached; answer without one "
    "with --defaults, --data KEY=VALUE or --data-file FILE (see README.md)"
)


def say(text: str = "") -> None:
    """A line for the drafter (stderr: stdout is left for the paths of the documents)."""
    print(text, file=sys.stderr, flush=True)


def width() -> int:
    """The terminal's width, at most 80 (what is shown is wrapped to it)."""
    return min(shutil.get_terminal_size((80, 24)).columns, 80)


def wrap(text: str, indent: str = "  ") -> str:
    """Text wrapped to the terminal, indented."""
    return textwrap.fill(text, width() - 1, initial_indent=indent, subsequent_indent=indent)


# --- one question ------------------------------------------------------------------------------


def prompt_for(question: Question) -> Ask:
    """How a question is asked at the terminal."""
    back = Option("« Back to the previous question", BACK)
    if question.kind == "yes-no":
        default = "yes" if question.default else "no"
        options = [Option("Yes", "yes"), Option("No", "no"), back]
        return Ask("select", question.label, default, options)
    if question.kind == "choice" and question.choices:
        options = [Option(c.label, c.value) for c in question.choices] + [back]
        return Ask("select", question.label, question.default, options)
    if question.kind == "choices":
        ticked = question.default or []
        options = [Option(c.label, c.value, c.value in ticked) for c in question.choices]
        return Ask("checkbox", question.label, None, [*options, back])
    default = question.default
    if isinstance(default, list):
        default = "; ".join(str(v) for v in default)
    return Ask("text", question.label, default, (), question.suggestions)


@dataclass(frozen=True)
class Back:
    """Go back one question, with what was typed at this one (offered again on return)."""

    typed: Any = None


def ask(prompter: Prompter, question: Question) -> Any:
    """Ask one question; returns what was given, or `Back`."""
    help = question.help
    if question.kind in ("text", "date", "lines"):
        help += f"  (End with {BACK_TYPED} to go back; what you typed is kept.)"
    elif question.kind == "choices":
        help += "  (Space ticks, Enter accepts.)"
    say(wrap(help))
    answer = prompter.ask(prompt_for(question))
    if answer == BACK:
        return Back()
    if isinstance(answer, str) and answer.rstrip().endswith(BACK_TYPED):
        return Back(answer.rstrip().removesuffix(BACK_TYPED).strip() or None)
    if isinstance(answer, list) and BACK in answer:
        return Back([v for v in answer if v != BACK] or None)
    return answer


def interview_loop(interview: Interview, prompter: Prompter) -> bool:
    """Ask until the drafter writes (True) or saves and stops (False) at the review."""
    shown_section = None
    while True:
        question = interview.question
        if question is None:
            action = review(interview, prompter)
            if action in ("write", "stop"):
                return action == "write"
            shown_section = None
            continue
        section = interview.section(question)
        if section.id != shown_section:
            say()
            say(section.progress)
            shown_section = section.id
        answer = ask(prompter, question)
        if isinstance(answer, Back):
            interview.back(answer.typed)
            continue
        give(interview, prompter, question, answer)


def give(interview: Interview, prompter: Prompter, question: Question, answer: Any) -> None:
    """Give an answer to the engine; show what it says; confirm an unusual answer if asked."""
    step = interview.answer(answer)
    for problem in step.problems:
        if problem.severity == "confirm":
            say(wrap(problem.message, "  ! "))
            sure = Ask(
                "select", "Use it as typed?", "no", [Option("Yes", "yes"), Option("No", "no")]
            )
            if prompter.ask(sure) == "yes":
                step = interview.answer(answer, confirm=True)
            continue
        where = interview.find(problem.question or "")
        about = f" ({where.label})" if where is not None and where.id != question.id else ""
        word = "Problem" if problem.severity == "error" else "Note"
        say(wrap(f"{word}{about}: {problem.message}", "  ! "))


# --- the review --------------------------------------------------------------------------------


def review(interview: Interview, prompter: Prompter) -> str:
    """The review: findings on top, then what to do; returns `write`, `stop` or `again`.

    Each section has its own "Change ..." that walks its questions and comes back here.
    """
    shown = interview.review()
    say()
    say("Review")
    show_findings(shown)
    options = [
        Option(f"Read the {name} (page by page)", f"read:{name}") for name in shown.documents
    ]
    if shown.can_write:
        options.append(Option("Write the spec and build the documents", "write"))
    options += [
        Option("Change one answer", "change"),
        *(Option(f"Change {_lower_first(s.title)}", f"section:{s.id}") for s, _ in shown.answers),
        Option("« Back to the last question", "back"),
        Option("Save the answers and stop (carry on later with --resume)", "stop"),
    ]
    default = "write" if shown.can_write else "change"
    action = prompter.ask(Ask("select", "What next?", default, options))
    if isinstance(action, str) and action.startswith("read:"):
        name = action.removeprefix("read:")
        page(next(text for kind, text in shown.documents.items() if kind == name), prompter)
    elif action == "change":
        change(interview, prompter, shown)
    elif isinstance(action, str) and action.startswith("section:"):
        interview.change_section(action.removeprefix("section:"))
    elif action == "back":
        interview.back()
    elif action in ("write", "stop"):
        return str(action)
    return "again"


def _lower_first(title: str) -> str:
    """`The appointee` → `the appointee`, as it reads after "Change"."""
    return title[:1].lower() + title[1:]


def show_findings(shown: Review) -> None:
    """Errors first, then warnings: at most a screenful, with how many more there are."""
    if not shown.findings:
        say("  No problems found by the drafting checks.")
        return
    errors = sum(p.severity == "error" for p in shown.findings)
    say(f"  {errors} error(s) to put right before writing; {len(shown.findings) - errors} note(s).")
    for problem in shown.findings[:6]:
        mark = "Error" if problem.severity == "error" else "Note"
        say(wrap(f"{mark}: {problem.message}", "  - "))
    if len(shown.findings) > 6:
        say(f"  ... and {len(shown.findings) - 6} more")


def page(text: str, prompter: Prompter) -> None:
    """A document's wording, a page at a time (wrapped to the terminal)."""
    lines = [
        line
        for paragraph in text.splitlines()
        for line in (textwrap.wrap(paragraph, width() - 1) or [""])
    ]
    pages = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)] or [[]]
    for number, lines_of_page in enumerate(pages, 1):
        say()
        for line in lines_of_page:
            say(line)
        if number == len(pages):
            break
        options = [Option("Next page", "next"), Option("Back to the review", "stop")]
        message = f"Page {number} of {len(pages)}"
        if prompter.ask(Ask("select", message, "next", options)) != "next":
            break


def change(interview: Interview, prompter: Prompter, shown: Review) -> None:
    """Pick a section, then one answer in it; the engine returns to the review once answered."""
    sections = [Option(s.progress, s.id) for s, _ in shown.answers]
    sections.append(Option("« Back to the review", ""))
    chosen = prompter.ask(Ask("select", "Which section?", None, sections))
    questions = next((qs for s, qs in shown.answers if s.id == chosen), None)
    if not questions:
        return
    options = [Option(_answer_line(q), q.id) for q in questions]
    options.append(Option("« Back to the review", ""))
    picked = prompter.ask(Ask("select", "Which answer?", None, options))
    if picked:
        interview.change(str(picked))


def _answer_line(question: Question) -> str:
    shown = question.choice_label(question.default)
    line = f"{question.label}: {shown}"
    return line if len(line) <= width() - 6 else line[: width() - 9] + "..."


# --- the command -------------------------------------------------------------------------------


def run(
    answers: Path,
    *,
    resume: bool = False,
    previous: Path | None = None,
    restart: bool = False,
    output: Path | None = None,
    force: bool = False,
    given: dict[str, Any] | None = None,
    prompter: Prompter | None = None,
) -> list[Path]:
    """The whole wizard; returns the documents written (none if the drafter stopped)."""
    unattended = given is not None
    if prompter is None and not unattended:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise DraftingError(NO_TERMINAL)
        from ._prompts import TerminalPrompter

        prompter = TerminalPrompter()
    if restart and answers.exists() and prompter is not None:
        sure = Ask("select", f"Start again? Every answer in {answers} will be replaced.", "no",
                   [Option("Yes, start again", "yes"), Option("No, stop", "no")])  # fmt: skip
        if prompter.ask(sure) != "yes":
            return []
    if resume:
        interview = Interview.resume(answers)
    else:
        interview = Interview.start(answers, from_spec=previous, restart=restart)
    if unattended:
        answer_unattended(interview, given or {})
    elif prompter is not None and not interview_loop(interview, prompter):
        return []
    return interview.write(output, force=force).paths


def data_given(pairs: Sequence[str], files: Sequence[Path]) -> dict[str, Any]:
    """`--data KEY=VALUE` and `--data-file FILE` as answers by question id."""
    from drafting import SpecError, load_yaml

    given: dict[str, Any] = {}
    for file in files:
        data, _ = load_yaml(file, SpecError)
        if not isinstance(data, dict):
            raise SpecError("--data-file must be a mapping of question ids to answers")
        given.update({str(k): v for k, v in data.items()})
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise DraftingError(f"--data {pair!r}: give it as QUESTION=ANSWER")
        given[key.strip()] = value
    return given
