"""The interview: where it is, what an answer does, the review and the writing of the documents.

In: an answers file (and, to begin from, a spec); out: one question at a time, the problems an
answer raises, the review (the documents' wording and the findings) and, at the end, the
documents built.  Every answer is saved to the answers file before `answer` returns, together
with the question to carry on from, so a stopped interview resumes where it was.  Nothing here
knows about terminals or browsers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafting._build import Built, build
from drafting._errors import DraftingError, SpecError, Where
from drafting.document._tree import DocumentKind
from drafting.library._clauses import ClauseLibrary, load_library

from . import _facts, _paragraphs
from ._check import Assembled, assemble, field_problems, spec_data
from ._context import Context
from ._questions import Problem, Question, Section
from ._state import Answers, read_answers, set_path
from ._values import convert, council_problem, date_warning

REVIEW = "review"
SECTIONS: list[tuple[str, str, Callable[[Context], Iterator[Question]]]] = [
    ("documents", "What you are drafting", _facts.documents),
    ("council", "The council", _facts.council),
    ("secretary_of_state", "The Secretary of State", _facts.secretary_of_state),
    ("history", "Inspections, reports and earlier directions", _facts.history),
    ("direction", "The direction's date", _facts.direction),
    ("appointee", "The appointee", _facts.appointee),
    ("recitals", "The recitals", _paragraphs.recitals),
    ("operative", "What the council is directed to do", _paragraphs.operative),
    ("signature", "How long it lasts, and who signs", _paragraphs.duration_and_signature),
    ("annex", "The Terms of Reference annex", _paragraphs.annex),
    ("letter", "The letter of intent", _paragraphs.letter),
]


@dataclass(frozen=True)
class Step:
    """What an answer did: whether it was saved, the problems found, and the question now due.

    `question` is None at the review.  When a section's check finds an error, `question` is
    the question it comes from, to be answered again.
    """

    saved: bool
    problems: list[Problem]
    question: Question | None


@dataclass(frozen=True)
class Review:
    """The review: each document's wording, the findings (errors first), and every answer."""

    documents: dict[DocumentKind, str]
    findings: list[Problem]
    answers: list[tuple[Section, list[Question]]] = field(default_factory=list)

    @property
    def can_write(self) -> bool:
        """True when nothing stops the documents being written."""
        return not any(p.severity == "error" for p in self.findings)


class Interview:
    """One drafter's interview, kept in one answers file."""

    def __init__(self, answers: Answers, library: ClauseLibrary | None = None) -> None:
        self.answers = answers
        self.library = library or load_library()
        self._questions: list[Question] | None = None

    # --- starting ------------------------------------------------------------------------------

    @classmethod
    def start(cls, path: Path, from_spec: Path | None = None, restart: bool = False) -> Interview:
        """A new interview saved at `path` (begun from the spec `from_spec`, if given).

        An existing answers file is kept unless `restart` (the presenter asks first).
        """
        if path.exists() and not restart:
            raise SpecError(
                "an answers file is already here: carry on with --resume, or start again with "
                "--restart",
                Where(path),
            )
        data = read_answers(from_spec)[0] if from_spec is not None else {}
        interview = cls(Answers(path, data))
        if from_spec is not None:
            interview._describe_spec(str(from_spec))
        interview.answers.interview["at"] = interview._first_id()
        interview.answers.save()
        return interview

    @classmethod
    def resume(cls, path: Path) -> Interview:
        """The interview saved at `path`, at the question it stopped at (any spec resumes)."""
        interview = cls(Answers.load(path))
        if not interview.answers.interview:
            interview._describe_spec(str(path))
            interview.answers.interview["at"] = interview._first_id()
        return interview

    def _describe_spec(self, origin: str) -> None:
        """The interview's own answers for a spec it did not write: read from the spec itself."""
        data = self.answers.data
        documents = [
            d for d, part in (("direction", "recitals"), ("letter", "letter")) if part in data
        ]
        role = (
            str((data.get("appointee") or {}).get("role", "")).lower()
            if isinstance(data.get("appointee"), dict)
            else ""
        )
        intervention = "none"
        if role:
            intervention = next(
                (k for k, r in _facts.ROLES.items() if r.lower() in role), "commissioner"
            )
        section = self.answers.interview
        section.update(
            documents=documents or ["direction"], intervention=intervention, started_from=origin
        )

    # --- where it is ---------------------------------------------------------------------------

    def questions(self) -> list[Question]:
        """Every question as the answers so far make them, in order."""
        if self._questions is None:
            asked: list[Question] = []
            for section_id, _, make in SECTIONS:
                context = Context(self.answers, self.library, section_id)
                asked.extend(make(context))
            self._questions = asked
        return self._questions

    @property
    def sections(self) -> list[Section]:
        """The sections that have questions, numbered."""
        present = {q.section for q in self.questions()}
        shown = [(sid, title) for sid, title, _ in SECTIONS if sid in present]
        return [Section(sid, title, n, len(shown)) for n, (sid, title) in enumerate(shown, 1)]

    def section(self, question: Question) -> Section:
        """The section a question is in (its number and title: the progress line)."""
        return next(s for s in self.sections if s.id == question.section)

    @property
    def question(self) -> Question | None:
        """The question due now; None at the review."""
        at = self.answers.interview.get("at")
        if at == REVIEW:
            return None
        found = self.find(str(at))
        if found is None:  # gone (an item removed by hand): start again from the top
            questions = self.questions()
            return questions[0] if questions else None
        typed = self._typed().get(found.id)
        return found if typed is None else replace(found, default=typed)

    def _typed(self) -> dict[str, Any]:
        """What was typed at a question and left unanswered by going back (kept to offer again)."""
        typed = self.answers.interview.get("typed")
        return typed if isinstance(typed, dict) else {}

    def find(self, question_id: str) -> Question | None:
        """The question with this id, if it is asked."""
        return next((q for q in self.questions() if q.id == question_id), None)

    def _first_id(self) -> str:
        questions = self.questions()
        return questions[0].id if questions else REVIEW

    def _move(self, question_id: str) -> Question | None:
        self.answers.interview["at"] = question_id
        self.answers.save()
        return self.question

    # --- answering -----------------------------------------------------------------------------

    def answer(self, value: Any, confirm: bool = False) -> Step:
        """Answer the question due; saved at once unless it has an error (then asked again).

        `confirm` accepts an answer that raised a `confirm` problem (a council not on the list).
        """
        question = self.question
        if question is None:
            return Step(False, [Problem("the interview is at the review: nothing is asked")], None)
        stored, problem = convert(question, value)
        if problem is None:
            problem = council_problem(question, stored, self._confirmed())
            if problem is not None and confirm:
                self._confirmed().append(stored)
                problem = None
        if problem is not None:
            return Step(False, [problem], question)
        then = self._store(question, stored)
        self._typed().pop(question.id, None)
        if not self._typed():
            self.answers.interview.pop("typed", None)
        self._questions = None
        warning = date_warning(question, stored, self.answers.get("date"))
        next_question = self._next(question, then)
        problems = [warning] if warning else []
        if next_question is None or next_question.section != question.section:
            problems += self._section_problems(question.section)
        errors = [p for p in problems if p.severity == "error" and p.question]
        if errors:
            return Step(True, problems, self._move(str(errors[0].question)))
        at = next_question.id if next_question else REVIEW
        if self._back_to_review(next_question):
            self.answers.interview.pop("then")
            at = REVIEW
        return Step(True, problems, self._move(at))

    def _back_to_review(self, next_question: Question | None) -> bool:
        """Whether a change begun at the review is done: one answer, or its whole section."""
        then = str(self.answers.interview.get("then", ""))
        if then == REVIEW:  # changing one answer
            return True
        section = then.removeprefix(f"{REVIEW}:")  # changing a section: to its last question
        return then != section and (next_question is None or next_question.section != section)

    def _confirmed(self) -> list[str]:
        confirmed = self.answers.interview.setdefault("confirmed", [])
        return confirmed if isinstance(confirmed, list) else []

    def _store(self, question: Question, stored: Any) -> str | None:
        derived = [q for q in self.questions() if q.derive and q.key and q is not question]
        before = {q.id: q.derive() for q in derived if q.derive}
        then = None
        if question.store is not None:
            then = question.store(stored)
        elif question.key is not None:
            self._keep(question, question.key, stored)
        for q in derived:  # suggestions follow their source, unless the drafter typed their own
            if (
                q.key
                and q.derive
                and self.answers.has(q.key)
                and self.answers.get(q.key) == before[q.id]
            ):
                self.answers.set(q.key, q.derive())
        return then

    def _keep(self, question: Question, key: str, stored: Any) -> None:
        """Write an answer, leaving the spec's shape alone where the answer changes nothing."""
        written = self.answers.has(key)
        if stored is None:
            # Blank: an explicit null where there is a value or a default it must override
            # (no defined term, no role), else nothing at all.
            if written or question.omit not in (None, [], False):
                set_path(self.answers.data, key, None)
        elif written or stored != question.omit:
            self.answers.set(key, stored)

    def _next(self, answered: Question, then: str | None) -> Question | None:
        old = [q.id for q in self.questions()] if self._questions else None
        questions = self.questions()
        ids = [q.id for q in questions]
        if then is not None and then in ids:
            return questions[ids.index(then)]
        if answered.id in ids:
            index = ids.index(answered.id) + 1
            return questions[index] if index < len(questions) else None
        # The question is gone (an item removed): carry on from the first in the same section
        # after where it was.
        del old
        same = [q for q in questions if q.section == answered.section]
        return same[-1] if same else (questions[0] if questions else None)

    def _section_problems(self, section_id: str) -> list[Problem]:
        """The spec so far checked: errors in this section and those before it."""
        order = [sid for sid, _, _ in SECTIONS]
        reached = set(order[: order.index(section_id) + 1])
        questions = self.questions()
        problems, spec = field_problems(self.answers.data, questions)
        by_id = {q.id: q for q in questions}
        shown = [
            p for p in problems if p.question in by_id and by_id[p.question].section in reached
        ]
        if spec is None or shown:
            return shown
        assembled = assemble(spec, self.answers.path, self.library, questions)
        return [p for p in assembled.findings if p.severity == "error"]

    def back(self, typed: Any = None) -> Question | None:
        """Go back one question (from the review: to the last); the answer given is kept.

        `typed`: what was typed at the question due and not yet given; it is offered again
        (as the question's default) when the interview comes back to it.
        """
        questions = self.questions()
        current = self.question
        if not questions:
            return None
        if current is not None and typed not in (None, "", []):
            self.answers.interview["typed"] = {**self._typed(), current.id: typed}
        if current is None:
            return self._move(questions[-1].id)
        index = max(questions.index(current) - 1, 0)
        return self._move(questions[index].id)

    def change(self, question_id: str) -> Question | None:
        """From the review, go to one question; once it is answered, back to the review."""
        if self.find(question_id) is None:
            return self.question
        self.answers.interview["then"] = REVIEW
        return self._move(question_id)

    def change_section(self, section_id: str) -> Question | None:
        """From the review, go to a section's first question; after its last, back to the review."""
        first = next((q for q in self.questions() if q.section == section_id), None)
        if first is None:
            return self.question
        self.answers.interview["then"] = f"{REVIEW}:{section_id}"
        return self._move(first.id)

    def to_review(self) -> None:
        """Go to the review (the presenter's "skip to the review")."""
        self._move(REVIEW)

    # --- the review and the end ----------------------------------------------------------------

    def review(self) -> Review:
        """The documents' wording and every finding, errors first; every answer by section."""
        questions = self.questions()
        problems, spec = field_problems(self.answers.data, questions)
        by_section = [(s, [q for q in questions if q.section == s.id]) for s in self.sections]
        if spec is None:
            return Review({}, problems, by_section)
        assembled: Assembled = assemble(spec, self.answers.path, self.library, questions)
        findings = sorted(assembled.findings, key=lambda p: p.severity != "error")
        return Review(assembled.documents, findings, by_section)

    def write(self, output: Path | None = None, force: bool = False) -> Built:
        """Write the spec (the answers file) and build its documents; the review must be clean.

        Documents not chosen are left out of the spec only now, when the documents are built.
        """
        review = self.review()
        if not review.can_write:
            first = next(p for p in review.findings if p.severity == "error")
            raise DraftingError(f"the documents cannot be written yet: {first.message}")
        interview = self.answers.interview
        self.answers.data = {**spec_data(self.answers.data), "interview": interview}
        interview["at"] = REVIEW
        self.answers.save()
        return build(self.answers.path, output, force=force)
