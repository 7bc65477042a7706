"""Checking as the interview goes: the spec so far validated, assembled and checked.

In: the answers and the questions asked; out: `Problem`s, each at the question it comes from
(the field path of a validation error turned into that question), and for the review the
documents' wording and the drafting checks' findings.  Nothing here writes anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafting._errors import DraftingError
from drafting.assembly._draft import Draft
from drafting.checks import check_draft
from drafting.document._tree import DocumentKind
from drafting.library._clauses import ClauseLibrary
from drafting.spec._model import Spec
from drafting.spec._yaml import LineMap

from ._questions import Problem, Question
from ._state import INTERVIEW, Data

_DOCUMENT_PARTS = {"direction": ("recitals", "operative"), "letter": ("letter",)}


def spec_data(data: Data) -> Data:
    """The spec the answers make: the interview's own section, and unchosen documents, left out."""
    chosen = (
        data.get(INTERVIEW, {}).get("documents") if isinstance(data.get(INTERVIEW), dict) else None
    )
    out = {k: v for k, v in data.items() if k != INTERVIEW}
    for document, parts in _DOCUMENT_PARTS.items():
        if chosen and document not in chosen:
            for part in parts:
                out.pop(part, None)
    return out


def field_problems(data: Data, questions: Sequence[Question]) -> tuple[list[Problem], Spec | None]:
    """Validation errors of the spec so far, each at its question; and the spec if it is whole."""
    try:
        return [], Spec.model_validate(spec_data(data))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = [p for p in error["loc"] if not (isinstance(p, str) and "[" in p)]
            question = question_at(".".join(str(p) for p in loc), questions)
            problems.append(Problem(_plain(error), question.id if question else None))
        return problems, None


def _plain(error: Any) -> str:
    if error["type"] == "missing":
        return "this needs an answer"
    message = str(error["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def question_at(key: str, questions: Sequence[Question]) -> Question | None:
    """The question whose answer is at `key`, else the first asked about something inside it."""
    if not key:
        return None
    for question in questions:
        if question.key == key:
            return question
    inside = [q for q in questions if q.key and q.key.startswith(f"{key}.")]
    if inside:
        return inside[0]
    head, _, _ = key.rpartition(".")
    return question_at(head, questions)


@dataclass(frozen=True)
class Assembled:
    """The documents' wording, by document, and the checks' findings (in plain words)."""

    documents: dict[DocumentKind, str]
    findings: list[Problem]


def assemble(
    spec: Spec, path: Path, library: ClauseLibrary, questions: Sequence[Question]
) -> Assembled:
    """Assemble and check a whole spec; a clause that cannot render: a problem at its paragraph."""
    try:
        draft = Draft.from_spec(spec, LineMap(path), library)
    except DraftingError as exc:
        return Assembled({}, [Problem(exc.message, _question_of(exc, spec, questions))])
    findings = []
    for report in check_draft(draft):
        document = (
            "letter" if report.name.endswith("(letter)") or not spec.has_direction else "direction"
        )
        for finding in report.findings:
            excerpt = f' ("{finding.excerpt}")' if finding.excerpt else ""
            # `where` names the part ("direction 6.d", "letter paragraph 4"): no second "direction"
            place = (
                finding.where
                if finding.where.startswith(document)
                else (f"{document}, {finding.where}")
            )
            message = f"{place}: {finding.message}{excerpt} [{finding.code}]"
            findings.append(
                Problem(message, None, "error" if finding.severity == "error" else "warning")
            )
    texts = {kind: rendered.text for kind, rendered in draft.documents.items()}
    return Assembled(texts, findings)


def _question_of(error: DraftingError, spec: Spec, questions: Sequence[Question]) -> str | None:
    """The question a paragraph's error comes from: the parameter it names, else the paragraph."""
    fact = re.search(r"(report|direction) '([^']+)' has no '?(\w+)", error.message)
    if fact:  # a fact a clause needs is missing from the report or direction it names
        kind, ident, name = fact.groups()
        where = "reports" if kind == "report" else "earlier_directions"
        ids = [r.id for r in spec.reports] if kind == "report" else []
        ids = ids or [d.id for d in spec.earlier_directions]
        index = ids.index(ident) if ident in ids else None
        found = question_at(f"{where}.{index}.{name}", questions) if index is not None else None
        if found is not None:
            return found.id
    field = error.where.field if error.where else None
    if not field:
        return None
    key = re.sub(r"\[(\d+)\]", r".\1", field)
    for name in re.findall(r"'(\w+)'", error.message):
        found = question_at(f"{key}.with.{name}", questions)
        if found is not None and found.key == f"{key}.with.{name}":
            return found.id
    found = question_at(key, questions)
    return found.id if found else None
