"""Dates as directions write them: sometimes to the day, sometimes only a month or a year.

Recitals say "on 25th November 2016" but also "in December 2013" and "(February 2013)", so a date
in a spec may be `2016-11-25`, `2013-12` or `2013`; `PartialDate` keeps that precision and
formats it in the document's style (ordinal "25th November 2016" or plain "25 November 2016").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

DateStyle = Literal["ordinal", "plain"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: Years a direction can mention: its own date and the events its recitals recall.
YEARS = range(1900, 2200)
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def ordinal(number: int) -> str:
    """`1` → `1st`, `22` → `22nd`, `13` → `13th`."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept a `date`, or text `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; reject impossible dates."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and value in YEARS:
            return cls(value)
        match = _PARTIAL.match(str(value).strip()) if isinstance(value, str) else None
        if not match:
            raise ValueError(f"expected a date like 2018-01-25, 2013-12 or 2013, got {value!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year not in YEARS:
            raise ValueError(f"the year {year} is out of range ({YEARS[0]} to {YEARS[-1]})")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"there is no month {month} in {value!r}")
        if day is not None:
            assert month is not None
            try:
                date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a date in the calendar") from None
        return cls(year, month, day)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # Not `handler(schema)`: a plain validator function has no schema of its own.
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A date: 2016-11-25, a month (2017-03, 'March 2017') or a year (2013)",
        }

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def format(self, style: DateStyle) -> str:
        """The date as prose: `25th November 2016`, `25 November 2016`, `March 2017`, `2013`."""
        if self.month is None:
            return str(self.year)
        month_year = f"{MONTHS[self.month - 1]} {self.year}"
        if self.day is None:
            return month_year
        day = ordinal(self.day) if style == "ordinal" else str(self.day)
        return f"{day} {month_year}"

    def on(self, style: DateStyle) -> str:
        """With its preposition: `on 25th November 2016`, but `in December 2013`."""
        return f"{'on' if self.day else 'in'} {self.format(style)}"

    def as_date(self) -> date:
        """The earliest calendar day the date could be (for ordering and document properties)."""
        return date(self.year, self.month or 1, self.day or 1)
