"""DATE006-007: the annex and the letter agree with the direction on its date and duration.

DATE006 warning  the direction referred to by a date that is not its own, however phrased:
"under the direction of 20 June 2022", "the Direction issued ... in December 2017", "the
direction dated ...", in a direction dated otherwise (a revoked or earlier direction, named
as such, aside)
DATE007 error    two different fixed durations ("for a period of 18 months" and "for 2 years")

In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Subject, excerpt_around
from drafting.checks.dates import _direction_date, dates_in

_THIS_DIRECTION = re.compile(
    r"\b(?:the|this)\s+(?:updated\s+|revised\s+|statutory\s+)?direction\s+"
    r"(?:(?:of|dated|made|issued)\b[^.;]{0,120}?)$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:first|earlier|previous|revoked|former|original)\b", re.IGNORECASE)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12, "eighteen": 18}
_DURATION = re.compile(
    r"\b(?:remain in force for (?:a period of )?|for a period of |last(?:s|ing)? (?:for )?)"
    r"(\d+|one|two|three|four|six|twelve|eighteen) (month|year)s?\b",
    re.IGNORECASE,
)


def check_agreement(subject: Subject) -> Iterator[Finding]:
    """References to the direction carry its date; one duration throughout."""
    made = _direction_date(subject) if subject.kind != "letter" else None
    if subject.kind == "letter" and subject.spec is not None:
        made = subject.spec.dated
    if made is not None:
        yield from _dated_otherwise(subject, made.year, made.month)
    yield from _durations(subject)


def _dated_otherwise(subject: Subject, year: int, month: int | None) -> Iterator[Finding]:
    for para in subject.containing("direction"):
        for found, match in dates_in(para.text):
            before = para.text[max(0, match.start() - 160) : match.start()]
            if not _THIS_DIRECTION.search(before) or _EARLIER.search(before[-60:]):
                continue
            if "issued" in before and subject.annex_start is not None:
                continue  # DATE003 reports the annex's "Direction issued ... in <month>"
            if (found.year, found.month) != (year, month):
                yield subject.finding(
                    "DATE006",
                    "warning",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f"the direction is dated {found.format('plain')} here; it is made in "
                    f"{month}/{year}",
                )


def _durations(subject: Subject) -> Iterator[Finding]:
    seen: dict[int, str] = {}
    for para in subject.containing("month", "year"):
        for match in _DURATION.finditer(para.text):
            count = match[1].lower()
            number = int(count) if count.isdigit() else _NUMBERS[count]
            months = number * (12 if match[2].lower() == "year" else 1)
            if seen and months not in seen:
                yield subject.finding(
                    "DATE007",
                    "error",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f"a duration of {match[1]} {match[2]}s; elsewhere the direction lasts "
                    f"{next(iter(seen.values()))}",
                )
            seen.setdefault(months, f"{match[1]} {match[2]}s")
