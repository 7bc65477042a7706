"""Questions as data: what the interview asks, how a presenter shows it, what an answer says.

A section function (`_facts`, `_paragraphs`) reads the answers so far and yields `Question`s;
presenters (the terminal wizard, the browser) show a question's `label`, `help`, `kind`,
`choices` and `default`, and hand back a value.  `Problem`s come back from an answer or from a
section's check, each at the question it concerns, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

#: How a question is answered:
#:   text      one line of text (`suggestions` may list likely answers, e.g. councils)
#:   date      a date as people type it: 25 January 2018, 25/01/2018, 2018-01-25, March 2017
#:   lines     several short lines (a list; a presenter may take them separated by ";")
#:   yes-no    True or False
#:   choice    one of `choices` (its `value`)
#:   choices   any of `choices` (a list of values, in the order given)
Kind = Literal["text", "date", "lines", "yes-no", "choice", "choices"]
Severity = Literal["error", "warning", "confirm"]


@dataclass(frozen=True)
class Choice:
    """One option: the value handed back, and what the drafter reads."""

    value: str
    label: str


@dataclass(frozen=True)
class Problem:
    """Something wrong (error), worth a look (warning) or to be confirmed (confirm), at a question.

    `question` is the id of the question it concerns (None: the whole spec, e.g. a check
    finding).  A `confirm` problem is answered by giving the same answer with `confirm=True`.
    """

    message: str
    question: str | None = None
    severity: Severity = "error"


# A question's own way of storing its answer (adding or removing a report, choosing clauses);
# it returns the id of the question to go to next, or None for the next in order.
Store = Callable[[Any], str | None]
Derive = Callable[[], Any]


@dataclass(frozen=True)
class Question:
    """One question of the interview.

    `id` is stable across runs (mostly the answer's place in the spec, `council.name`,
    `recitals.2.with.report`); `default` is the current answer if there is one, else the
    suggested one (None: nothing suggested).  `required` answers cannot be left blank.
    """

    id: str
    section: str
    label: str
    help: str
    kind: Kind
    default: Any = None
    required: bool = False
    choices: tuple[Choice, ...] = ()
    suggestions: tuple[str, ...] = ()
    key: str | None = field(default=None, repr=False)  # where the answer is kept
    store: Store | None = field(default=None, repr=False, compare=False)
    derive: Derive | None = field(default=None, repr=False, compare=False)
    omit: Any = field(default=None, repr=False)  # an answer equal to this is left unwritten
    after: str | None = field(default=None, repr=False)  # a date it must not be later than

    def choice_label(self, value: Any) -> str:
        """What the drafter reads for `value` (a list: each, joined)."""
        labels = {c.value: c.label for c in self.choices}
        if isinstance(value, list):
            return "; ".join(labels.get(str(v), str(v)) for v in value) or "(none)"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if value is None or value == "":
            return "(blank)"
        return labels.get(str(value), str(value))


@dataclass(frozen=True)
class Section:
    """A section of the interview: its id, title and number ("Section 3 of 9: ...")."""

    id: str
    title: str
    number: int
    of: int

    @property
    def progress(self) -> str:
        """`Section 3 of 9: Inspections and reports`."""
        return f"Section {self.number} of {self.of}: {self.title}"
