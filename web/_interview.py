"""The interview's pages: task list, question pages, check your answers — on `drafting`'s engine.

In: the answers file of a draft and the answers the browser posts.  Out: pages.  Every question,
its help, its checks, the order of questions and sections, and the review come from the engine
(`drafting.Interview`); this module only shows them the GOV.UK way and hands answers back, as
the terminal wizard does.  An answer is saved by the engine before the next page is sent.

The engine answers the question it is at.  A question page answers its own question: to answer
an earlier one the engine is stepped back to it (`back`, which keeps every answer), and a
"Change" link from check your answers uses the engine's `change`, which returns to the review.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from drafting import (
    Interview,
    Problem,
    Question,
    Review,
    Section,
    import_document,
    spec_yaml,
)

from ._forms import answer_of, shown_answer
from ._preview import Page
from ._render import page
from ._security import read_form
from ._state import documents_of, state_of

CHECK = "check"  # the `from` of a question reached by a Change link


def routes() -> list[BaseRoute]:
    """The interview's routes."""
    return [
        Route("/drafts/{draft_id}", task_list, methods=["GET"]),
        Route("/drafts/{draft_id}/questions/{question_id}", question, methods=["GET", "POST"]),
        Route("/drafts/{draft_id}/check", check_answers, methods=["GET"]),
    ]


def begin(path: Path, source: Path | None) -> None:
    """Start the answers file at `path`: empty, or with every answer of a previous direction.

    The previous direction is a spec, or a published .docx, .pdf or .txt, which `drafting`
    imports into a spec first (as `drafting wizard --from` does).
    """
    if source is None or source.suffix.lower() in (".yaml", ".yml"):
        Interview.start(path, from_spec=source)
        return
    with tempfile.TemporaryDirectory(prefix="drafting-import-") as folder:
        spec = Path(folder) / f"{source.stem}.yaml"
        spec.write_text(spec_yaml(import_document(source)), encoding="utf-8")
        Interview.start(path, from_spec=spec)


def interview_of(request: Request, fresh: bool = False) -> tuple[str, Interview]:
    """The id and the interview of the draft named in the URL (404 for an unknown draft).

    A page that only shows the interview gets the one kept for the unchanged answers file; a
    post, which answers, and anything `fresh` (which writes) get it afresh from the file.
    """
    state = state_of(request)
    draft_id = request.path_params["draft_id"]
    path = state.drafts.path(draft_id)
    if request.method == "GET" and not fresh:
        return draft_id, state.interviews.get(path)
    return draft_id, Interview.resume(path)


@dataclass(frozen=True)
class Task:
    """A section on the task list: where it leads, and how far it has got."""

    section: Section
    href: str | None
    status: str


async def task_list(request: Request) -> Response:
    """The sections of the interview with their status."""
    draft_id, interview = interview_of(request)
    tasks = _tasks(draft_id, interview, review_of(request, interview))
    done = sum(task.status == "Completed" for task in tasks)
    return page(request, "tasks.html", draft_id=draft_id, tasks=tasks, done=done, back="/")


def _tasks(draft_id: str, interview: Interview, review: Review) -> list[Task]:
    due = interview.question
    sections = interview.sections
    due_number = interview.section(due).number if due else len(sections) + 1
    troubled = _sections_with_problems(interview, review) if due is None else set()
    tasks = []
    for section in sections:
        first = next(q for q in interview.questions() if q.section == section.id)
        summary = f"/drafts/{draft_id}/check#section-{section.id}"
        if section.id in troubled:
            status, href = "Has problems", summary
        elif section.number < due_number:
            status, href = "Completed", summary
        elif section.number == due_number and due is not None:
            started = due.id != first.id
            status = "In progress" if started else "Not started"
            href = _question_href(draft_id, due)
        else:
            status, href = "Not started", None
        tasks.append(Task(section, href, status))
    return tasks


def review_of(request: Request, interview: Interview) -> Review:
    """The engine's review of the draft's answers (kept while the answers file is unchanged)."""
    return state_of(request).reviews.get(interview.answers.path)


def _sections_with_problems(interview: Interview, review: Review) -> set[str]:
    by_id = {q.id: q.section for q in interview.questions()}
    return {
        by_id[p.question] for p in review.findings if p.severity == "error" and p.question in by_id
    }


def _question_href(draft_id: str, question: Question, came_from: str | None = None) -> str:
    href = f"/drafts/{draft_id}/questions/{question.id}"
    return f"{href}?from={came_from}" if came_from else href


async def question(request: Request) -> Response:
    """A question page; posted, the answer is given to the engine and saved."""
    draft_id, interview = interview_of(request)
    asked = interview.find(request.path_params["question_id"])
    if asked is None:
        raise HTTPException(404, "This question is not asked in this draft.")
    came_from = request.query_params.get("from")
    if not _reached(interview, asked) and came_from != CHECK:
        due = interview.question
        target = _question_href(draft_id, due) if due else f"/drafts/{draft_id}/check"
        return RedirectResponse(target, 303)
    if request.method == "GET":
        problems = (
            _problems_at(review_of(request, interview), asked)
            if "problems" in request.query_params
            else []
        )
        return _question_page(request, draft_id, interview, asked, came_from, problems)
    return await _answer(request, draft_id, interview, asked, came_from)


def _problems_at(review: Review, asked: Question) -> list[Problem]:
    """The errors the engine's checks find at this question (after a section's check)."""
    return [p for p in review.findings if p.severity == "error" and p.question == asked.id]


def _reached(interview: Interview, asked: Question) -> bool:
    """Whether the interview has got as far as this question (later ones wait their turn)."""
    due = interview.question
    if due is None:
        return True
    ids = [q.id for q in interview.questions()]
    return ids.index(asked.id) <= ids.index(due.id)


async def _answer(
    request: Request, draft_id: str, interview: Interview, asked: Question, came_from: str | None
) -> Response:
    form = await read_form(request)
    _go_to(interview, asked, came_from)
    value, confirm = answer_of(asked, form)
    step = interview.answer(value, confirm=confirm)
    problems = [p for p in step.problems if p.severity != "warning"]
    if not step.saved:  # refused: the page again, with what was typed, to correct it
        return _question_page(
            request, draft_id, interview, asked, came_from, problems, value, status_code=400
        )
    if problems and step.question is not None:  # saved, but the section's check found errors
        href = _question_href(draft_id, step.question, came_from)
        return RedirectResponse(href + ("&" if "?" in href else "?") + "problems=show", 303)
    if step.question is None:
        return RedirectResponse(f"/drafts/{draft_id}/check", 303)
    if came_from == CHECK or step.question.section != asked.section:
        return RedirectResponse(f"/drafts/{draft_id}", 303)
    return RedirectResponse(_question_href(draft_id, step.question), 303)


def _go_to(interview: Interview, asked: Question, came_from: str | None) -> None:
    """Put the engine at `asked`: by `change` from check your answers, else by stepping back."""
    if came_from == CHECK:
        interview.change(asked.id)
        return
    for _ in range(len(interview.questions()) + 1):
        due = interview.question
        if due is not None and due.id == asked.id:
            return
        interview.back()


def _question_page(
    request: Request,
    draft_id: str,
    interview: Interview,
    asked: Question,
    came_from: str | None,
    problems: list[Problem] | None = None,
    typed: Any = None,
    status_code: int = 200,
) -> Response:
    problems = problems or []
    mine = [p for p in problems if p.question in (asked.id, None)]
    others = [p for p in problems if p not in mine]
    return page(
        request,
        "question.html",
        status_code,
        draft_id=draft_id,
        question=asked,
        section=interview.section(asked),
        back=_back_href(draft_id, interview, asked, came_from),
        action=_question_href(draft_id, asked, came_from if came_from == CHECK else None),
        value=typed if typed is not None else asked.default,
        problems=mine,
        other_problems=others,
        confirm=any(p.severity == "confirm" for p in mine),
    )


def _back_href(draft_id: str, interview: Interview, asked: Question, came_from: str | None) -> str:
    if came_from == CHECK:
        return f"/drafts/{draft_id}/check"
    questions = interview.questions()
    index = [q.id for q in questions].index(asked.id)
    if index == 0 or questions[index - 1].section != asked.section:
        return f"/drafts/{draft_id}"
    return _question_href(draft_id, questions[index - 1])


async def check_answers(request: Request) -> Response:
    """Every answer by section with Change links, the findings, and the documents' preview."""
    draft_id, interview = interview_of(request)
    review = review_of(request, interview)
    documents: list[tuple[str, list[Page]]] = []
    if review.documents:
        draft = state_of(request).cache.get(interview.answers.path)
        documents = [(k, pages) for k, pages in documents_of(draft) if k in review.documents]
    sections = [
        (section, [(q, shown_answer(q), _question_href(draft_id, q, CHECK)) for q in questions])
        for section, questions in review.answers
    ]
    return page(
        request,
        "check.html",
        draft_id=draft_id,
        sections=sections,
        findings=review.findings,
        hrefs={q.id: _question_href(draft_id, q, CHECK) for q in interview.questions()},
        can_write=review.can_write,
        documents=documents,
        pdf=state_of(request).office.installed,
        back=f"/drafts/{draft_id}",
    )
