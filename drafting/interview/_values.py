"""Answers as people give them, turned into what a spec holds.

In: the raw value a presenter hands back (text typed, a choice, a list, True/False) and the
question; out: the value to store, or a `Problem` in plain words.  Dates are taken as people
type them ("25 January 2018", "25/01/2018", "2018-01-25", "March 2017") and stored in the spec's
form (`2018-01-25`, `2017-03`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from drafting.spec._dates import MONTHS, PartialDate
from drafting.support._resources import councils

from ._questions import Problem, Question

BLANK_DATE = "blank"  # the direction's date left for signing by hand
_YES = {"y", "yes", "true", "1", "on"}
_NO = {"n", "no", "false", "0", "off"}
_MONTH = {m.lower(): i for i, m in enumerate(MONTHS, 1)} | {
    m[:3].lower(): i for i, m in enumerate(MONTHS, 1)
}
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_WORDS = re.compile(r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(\d{4})$")


def parse_date(text: str) -> PartialDate:
    """A date as typed, to the precision typed; ValueError in plain words if it is not one."""
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    slashed = _SLASHED.match(cleaned)
    if slashed:
        day, month, year = slashed.groups()
        return PartialDate.parse(f"{year}-{int(month):02d}-{int(day):02d}")
    words = _WORDS.match(cleaned)
    if words:
        day, month_name, year = words.groups()
        month = _MONTH.get(month_name)
        if month is None:
            raise ValueError(f"'{month_name}' is not a month")
        iso = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return PartialDate.parse(iso)
    try:
        return PartialDate.parse(cleaned)
    except ValueError:
        raise ValueError(
            "give a date such as 25 January 2018, 25/01/2018 or 2018-01-25 "
            "(March 2017 or 2017 when only the month or year is known)"
        ) from None


def is_blank(value: Any) -> bool:
    """Nothing given: None, empty or spaces, or an empty list."""
    return (
        value is None
        or (isinstance(value, str | list) and not value)
        or (isinstance(value, str) and not value.strip())
    )


def convert(question: Question, value: Any) -> tuple[Any, Problem | None]:
    """The value to store for an answer, or the problem with it (at the question)."""
    try:
        return _convert(question, value), None
    except ValueError as exc:
        return None, Problem(str(exc), question.id)


def _convert(question: Question, value: Any) -> Any:
    if is_blank(value):
        if question.required:
            raise ValueError("this needs an answer")
        return [] if question.kind in ("lines", "choices") else None
    kind = question.kind
    if kind == "yes-no":
        return _yes_no(value)
    if kind == "lines":
        return _lines(value)
    if kind == "choice":
        return _one_of(question, value)
    if kind == "choices":
        items = value if isinstance(value, list) else str(value).split(",")
        return [_one_of(question, item) for item in items if str(item).strip()]
    if kind == "date":
        if str(value).strip().lower() in (BLANK_DATE, "leave blank", "leave blank for signing"):
            if question.key != "date":
                raise ValueError("only the direction's own date can be left blank for signing")
            return BLANK_DATE
        return str(parse_date(str(value)))
    if not isinstance(value, str | int | float):
        raise ValueError("give a line of text")
    return " ".join(str(value).split())


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise ValueError("answer yes or no")


def _lines(value: Any) -> list[str]:
    parts = value if isinstance(value, list) else re.split(r"[;\n]", str(value))
    return [" ".join(str(p).split()) for p in parts if str(p).strip()]


def _one_of(question: Question, value: Any) -> str:
    wanted = str(value).strip()
    for choice in question.choices:
        if wanted in (choice.value, choice.label):
            return choice.value
    offered = ", ".join(c.label for c in question.choices) or "none"
    raise ValueError(f"choose one of: {offered}")


def date_warning(question: Question, stored: Any, direction_date: Any) -> Problem | None:
    """A warning for a date in the future, or (for what it recites) after the direction."""
    if question.kind != "date" or not isinstance(stored, str) or stored == BLANK_DATE:
        return None
    when = PartialDate.parse(stored)
    if when.as_date() > date.today():
        return Problem(f"{when.format('plain')} is in the future", question.id, "warning")
    if question.after and isinstance(direction_date, str) and direction_date != BLANK_DATE:
        made = PartialDate.parse(direction_date)
        if when.as_date() > made.as_date():
            return Problem(
                f"{when.format('plain')} is after the direction's date, {made.format('plain')}",
                question.id,
                "warning",
            )
    return None


def council_problem(question: Question, stored: Any, confirmed: list[str]) -> Problem | None:
    """A council not on the list must be confirmed (a typo, or a half-typed name?)."""
    if question.id != "council.name" or not isinstance(stored, str):
        return None
    if stored in councils() or stored in confirmed:
        return None
    typed = stored.lower()
    close = sorted(
        (c for c in councils() if typed in c.lower()), key=lambda c: not c.lower().startswith(typed)
    )[:3]
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    return Problem(
        f"'{stored}' is not on the list of English children's services authorities.{hint} "
        "Confirm to use it as typed.",
        question.id,
        "confirm",
    )
