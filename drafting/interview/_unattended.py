"""The interview without a person: every default, some answers given (`--defaults`, `--data`).

In: an interview and answers by question id (text, as typed on a command line); out: the
interview at its review, or a `DraftingError` naming the first question that has no answer or
whose answer is refused.
"""

from __future__ import annotations

from typing import Any

from drafting._errors import DraftingError

from ._engine import Interview

_LIMIT = 10_000  # answers; an interview that asks more is going round in circles


def answer_unattended(interview: Interview, given: dict[str, Any]) -> None:
    """Answer every question with `given[id]` (each used once) or its default, to the review."""
    left = dict(given)
    refused: set[str] = set()
    for _ in range(_LIMIT):
        question = interview.question
        if question is None:
            break
        value = left.pop(question.id) if question.id in left else question.default
        if value is None and question.required:
            raise DraftingError(
                f"question '{question.label}' ({question.id}) has no default: give it with "
                f"--data {question.id}=VALUE"
            )
        step = interview.answer(value, confirm=True)
        errors = [p for p in step.problems if p.severity == "error"]
        if errors:
            about = interview.find(errors[0].question or "") or question
            if about.id in refused:
                raise DraftingError(f"question '{about.label}' ({about.id}): {errors[0].message}")
            refused.add(about.id)
    else:
        raise DraftingError("the interview did not reach its review")
    if left:
        raise DraftingError(f"--data {sorted(left)[0]}: no such question was asked")
