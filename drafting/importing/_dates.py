"""Dates as published texts write them, read back into `PartialDate`s.

In: prose such as "25th November 2016", "25 November 2016", "March 2017", "Oct 2013".
Out: `PartialDate(2016, 11, 25)` and whether the day was written as an ordinal ("25th"), for the
spec's date style.  `DATE` is the pattern, for use inside larger patterns.
"""

from __future__ import annotations

import re

from drafting.spec._dates import MONTHS, PartialDate

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
#: A written date: day (maybe ordinal) month year, month year.
DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH} \d{{4}}|{_MONTH} \d{{4}})"
_PARTS = re.compile(rf"^(?:(\d{{1,2}})(st|nd|rd|th)? )?({_MONTH}) (\d{{4}})$")
_DAY_OF = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? day of ({_MONTH}),? (\d{{4}})")


def parse_date(text: str) -> tuple[PartialDate, bool] | None:
    """The date written, and whether its day was an ordinal; None if it is not a date."""
    match = _PARTS.match(text.strip())
    if not match:
        year = text.strip()
        return (PartialDate(int(year)), False) if re.fullmatch(r"\d{4}", year) else None
    day, suffix, month, year = match.groups()
    number = _month_number(month)
    if number is None:
        return None
    try:
        return PartialDate.parse(f"{year}-{number}-{day}" if day else f"{year}-{number}"), bool(
            suffix
        )
    except ValueError:
        return None


def parse_day_of(text: str) -> PartialDate | None:
    """The date of "Dated this 23rd day of October 2013"."""
    match = _DAY_OF.search(text)
    if not match:
        return None
    number = _month_number(match.group(2))
    if number is None:
        return None
    try:
        return PartialDate.parse(f"{match.group(3)}-{number}-{match.group(1)}")
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    for index, month in enumerate(MONTHS, start=1):
        if month.lower().startswith(name.lower()[:3]):
            return index
    return None
