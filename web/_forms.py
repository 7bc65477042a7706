"""Answers between the engine and the browser's forms.

In: a question of the engine (its `kind` and `choices`) and the form the browser posted.  Out:
the value handed to the engine, as the terminal wizard hands it (text as typed, "yes"/"no", a
choice's value, a list of values) — the engine converts and checks it; and an answer as check
your answers shows it (a choice by its label, yes/no, lines one per line).
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from drafting import PartialDate, Question

from ._security import text_field

ANSWER = "answer"
NOT_GIVEN = "Not given"


def answer_of(question: Question, form: FormData) -> tuple[Any, bool]:
    """The answer posted for `question`, and whether the drafter confirmed it."""
    confirm = text_field(form, "confirm") == "yes"
    if question.kind == "choices":
        values = [v for v in form.getlist(ANSWER) if isinstance(v, str)]
        return values, confirm
    return text_field(form, ANSWER), confirm


def shown_answer(question: Question) -> list[str]:
    """The question's current answer as lines for check your answers."""
    value = question.default
    labels = {choice.value: choice.label for choice in question.choices}
    if value is None or value == "" or value == []:
        return [NOT_GIVEN]
    if isinstance(value, bool):
        return ["Yes" if value else "No"]
    if question.kind == "date":
        return [_date_in_words(value)]
    if isinstance(value, list | tuple):
        return [labels.get(str(item), str(item)) for item in value] or [NOT_GIVEN]
    return [labels.get(str(value), str(value))]


def _date_in_words(value: Any) -> str:
    """A stored date as people read it: 2016-11-25 → 25 November 2016 (anything else as it is)."""
    if value == "blank":
        return "Left blank, to be filled in when it is signed"
    try:
        return PartialDate.parse(value).format("plain")
    except (TypeError, ValueError):
        return str(value)


def checked(question: Question, value: Any) -> set[str]:
    """The choice values to show ticked or selected for `value` (the answer or what was typed)."""
    if question.kind == "yes-no":
        if isinstance(value, bool):
            return {"yes" if value else "no"}
        return {str(value).lower()} if value else set()
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    if value is None:  # nothing chosen: "None of them (leave it out)", where it is offered
        return {""} & {choice.value for choice in question.choices}
    return {str(value)}


def as_text(question: Question, value: Any) -> str:
    """The value to put back in a text box or text area."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(item) for item in value)
    return str(value)
