"""Dates written out in a text, and the date a document gives itself.

Dates as written: "25th January 2018", "Dec 2017", "the 23rd day of Oct 2013".

In: a paragraph's text, or a `Subject`.  Out: `PartialDate`s, with where each is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Subject
from drafting.spec._dates import MONTHS, PartialDate

_MONTH_NAMES = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES |= {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH = r"(?P<month>" + "|".join(sorted({m for m in _MONTH_NAMES}, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?"
_DATE_PATTERN = rf"\b(?:{_DAY})?{_MONTH}\.?\s+(?P<year>\d{{4}})\b"
# Matching lower-case text is three times quicker than matching while ignoring case.
_DATE = re.compile(_DATE_PATTERN)
_DATE_ANY_CASE = re.compile(_DATE_PATTERN, re.IGNORECASE)
DATED_LINE = re.compile(r"^Dated\b")


def dates_in(text: str) -> Iterator[tuple[PartialDate, re.Match[str]]]:
    """Every date written out in the text, with its match (of the text in lower case)."""
    lower = text.lower()
    # Lower-casing keeps every position unless the text has a letter like "İ" (two when lower).
    matches = _DATE.finditer(lower) if len(lower) == len(text) else _DATE_ANY_CASE.finditer(text)
    for match in matches:
        day = int(match["day"]) if match["day"] else None
        month = _MONTH_NAMES[match["month"].lower()]
        written = f"{match['year']}-{month:02d}" + (f"-{day:02d}" if day else "")
        try:
            found = PartialDate.parse(written)
        except ValueError:
            continue  # "31 February 2017": not a date, so nothing to compare
        yield found, match


def own_date(subject: Subject) -> PartialDate | None:
    """The date of the document itself: the direction's, or the letter's for a letter."""
    if subject.spec is not None:
        if subject.kind == "letter" and subject.spec.letter is not None:
            return subject.spec.letter.date
        return subject.spec.dated
    for para in subject.paragraphs:
        if DATED_LINE.match(para.text):
            found = [d for d, _ in dates_in(para.text)]
            return found[0] if found else None
    return next((d for p in subject.in_part("signature") if (d := _date_alone(p.text))), None)


def _date_alone(text: str) -> PartialDate | None:
    """The date a paragraph is, if it is a date and nothing else ("12 July 2018")."""
    found = list(dates_in(text))
    if len(found) == 1 and found[0][1].group() == text.strip().lower().rstrip("."):
        return found[0][0]
    return None
