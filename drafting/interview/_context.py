"""What a section function works from: the answers so far, the clause library, and `ask`.

In: the answers and the library; out: `Question`s, each with its default worked out (the
current answer, else a suggestion derived from other answers, else the spec model's default).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from drafting.library._clauses import ClauseLibrary
from drafting.spec._dates import MONTHS, DateStyle, PartialDate

from ._questions import Choice, Derive, Kind, Question, Store
from ._state import Answers

REPORT_KINDS = {
    "ofsted-inspection": "Ofsted inspection report",
    "ofsted-monitoring-letter": "Ofsted monitoring visit letter",
    "ofsted-focused-visit-letter": "Ofsted focused visit letter",
    "commissioner-report": "Commissioner's report",
    "other": "Another document (described in your own words)",
}
_MISSING = object()
_POSSESSIVE = {"she": "her", "he": "his", "they": "their"}
# "his (or her)", "his or her": the Secretary of State's possessive, written both ways in examples
_EITHER = re.compile(r"\bhis \(or her\)|\bhis or her\b")
# "25 January 2018" or "25th January 2018" in an example: written in the spec's own date style
_EXAMPLE_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({'|'.join(MONTHS)}) (\d{{4}})\b")


@dataclass
class Context:
    """The interview's view of the answers while it works out the questions."""

    answers: Answers
    library: ClauseLibrary
    section: str = ""

    @property
    def documents(self) -> list[str]:
        """The documents being drafted: `direction`, `letter` or both."""
        chosen = self.answers.interview.get("documents")
        return [d for d in chosen if d in ("direction", "letter")] if chosen else ["direction"]

    @property
    def from_spec(self) -> bool:
        """Whether the interview began from a spec (its blanks are kept, not suggested over)."""
        return bool(self.answers.interview.get("started_from"))

    def ask(
        self,
        key: str,
        label: str,
        help: str,
        kind: Kind = "text",
        *,
        default: Any = None,
        required: bool = False,
        choices: tuple[Choice, ...] | list[Choice] = (),
        derive: Derive | None = None,
        store: Store | None = None,
        id: str | None = None,
        suggestions: tuple[str, ...] = (),
        after: str | None = None,
        omit: Any = None,
        shown: Any = _MISSING,
    ) -> Question:
        """A question whose answer is kept at `key`; its default is the answer already there.

        `omit` is the spec's own default: given for a field not yet written, it stays unwritten
        (a spec begun from keeps its shape).  `shown` overrides the default shown, for questions
        whose answer is not kept as given (which paragraphs: kept as the paragraphs themselves).
        """
        current = self.answers.get(key, _MISSING)
        if shown is not _MISSING:  # the question works its answer out itself (a choice of items)
            pass
        elif current is not _MISSING:  # even None: a spec's explicit null is kept
            shown = current
        elif derive is not None and not self.from_spec:
            shown = derive()
        else:
            shown = default
        return Question(
            id=id or key,
            section=self.section,
            label=self.in_own_words(label),
            help=self.in_own_words(help),
            kind=kind,
            default=shown,
            required=required,
            choices=tuple(choices),
            suggestions=suggestions,
            key=key,
            store=store,
            derive=derive,
            omit=omit,
            after=after,
        )

    def in_own_words(self, text: str) -> str:
        """An example as this spec would say it: its Secretary of State, its date style.

        "Pursuant to his (or her) powers" becomes "Pursuant to her powers" once the Secretary
        of State is "she"; "25 January 2018" becomes "25th January 2018" in the ordinal style.
        """
        possessive = _POSSESSIVE.get(str(self.answers.get("secretary_of_state.pronoun")))
        if possessive is not None:
            text = _EITHER.sub(possessive, text)
        style: DateStyle = "ordinal" if self.answers.get("style.dates") == "ordinal" else "plain"

        def dated(match: re.Match[str]) -> str:
            day, month, year = match.groups()
            return PartialDate(int(year), MONTHS.index(month) + 1, int(day)).format(style)

        return _EXAMPLE_DATE.sub(dated, text)

    def items(self, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The mappings of the list at `key` (reports, signatories), with their index."""
        values = self.answers.get(key)
        for index, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, dict):
                yield index, value

    def report_choices(self, key: str = "reports") -> list[Choice]:
        """Reports (or earlier directions) as the drafter knows them: kind and date."""
        choices = []
        for _, item in self.items(key):
            if "id" in item:
                choices.append(Choice(str(item["id"]), describe_report(item)))
        return choices


def describe_report(item: dict[str, Any]) -> str:
    """`Ofsted inspection report, 20 June 2016` (or `Direction of 1 September 2016`)."""
    kind = REPORT_KINDS.get(str(item.get("kind")), "Direction")
    if item.get("kind") == "other" and item.get("description"):
        kind = str(item["description"])
    try:
        when = PartialDate.parse(item.get("date")).format("plain")
    except (ValueError, TypeError):
        return kind
    return f"{kind}, {when}" if "kind" in item else f"Direction of {when}"
