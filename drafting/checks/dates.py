"""DATE: dates that agree with the date the direction is made.

DATE001 error    a date recited or referred to that is after the direction's own date
DATE002 error    a revoked direction that does not predate this one
DATE003 warning  the annex dates the direction differently ("the Direction issued ... in
December 2017" in a direction dated January 2018)
DATE004 error    a duration both fixed and until revoked; a warning when none is stated
DATE005 error    (specs) a letter of intent dated after the direction it announces
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from drafting.checks._model import Finding, Subject, excerpt_around
from drafting.spec._dates import MONTHS, PartialDate

_MONTH_NAMES = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES |= {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH = r"(?P<month>" + "|".join(sorted({m for m in _MONTH_NAMES}, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?"
_DATE_PATTERN = rf"\b(?:{_DAY})?{_MONTH}\.?\s+(?P<year>\d{{4}})\b"
# Matching lower-case text is three times quicker than matching while ignoring case.
_DATE = re.compile(_DATE_PATTERN)
_DATE_ANY_CASE = re.compile(_DATE_PATTERN, re.IGNORECASE)
_DATED_LINE = re.compile(r"^Dated\b")
#: A year: a paragraph without one holds no date (a quick test before the slower _DATE).
_YEAR = re.compile(r"\d{4}")


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


def check_dates(subject: Subject) -> Iterator[Finding]:
    """Recited dates precede the direction's date; the annex agrees with it; one duration."""
    made = _direction_date(subject)
    if made is not None:
        yield from _later_than(subject, made)
        yield from _annex_disagrees(subject, made)
    yield from _duration(subject)
    yield from _letter_after_direction(subject)


def _letter_after_direction(subject: Subject) -> Iterator[Finding]:
    spec = subject.spec
    if subject.kind != "letter" or spec is None or spec.letter is None or spec.dated is None:
        return
    if spec.letter.date.as_date() > spec.dated.as_date():
        dated = spec.letter.date.format("plain")
        line = next((p for p in subject.paragraphs if p.text == dated), subject.paragraphs[0])
        yield subject.finding(
            "DATE005",
            "error",
            line,
            dated,
            f"the letter of intent is dated after the direction ({spec.dated.format('plain')})",
        )


def _direction_date(subject: Subject) -> PartialDate | None:
    """The date of the document itself: the direction's, or the letter's for a letter."""
    if subject.spec is not None:
        if subject.kind == "letter" and subject.spec.letter is not None:
            return subject.spec.letter.date
        return subject.spec.dated
    for para in subject.paragraphs:
        if _DATED_LINE.match(para.text):
            found = [d for d, _ in dates_in(para.text)]
            return found[0] if found else None
    return None


def _last_day(value: PartialDate) -> date:
    if value.month is None:
        return date(value.year, 12, 31)
    if value.day is None:
        following = date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return value.as_date()


def _later_than(subject: Subject, made: PartialDate) -> Iterator[Finding]:
    for para in subject.paragraphs:
        if _DATED_LINE.match(para.text) or not _YEAR.search(para.text):
            continue
        for found, match in dates_in(para.text):
            if found.as_date() > _last_day(made):
                revoking = "revoke" in para.text
                code, what = (
                    ("DATE002", "a revoked direction") if revoking else ("DATE001", "a date")
                )
                yield subject.finding(
                    code,
                    "error",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f"{what} ({para.text[match.start() : match.end()]}) is after the "
                    f"direction's own date ({made.format('plain')})",
                )


def _annex_disagrees(subject: Subject, made: PartialDate) -> Iterator[Finding]:
    if subject.annex_start is None:
        return
    for para in subject.paragraphs[subject.annex_start :]:
        if "issued" not in para.lower:
            continue
        for sentence in re.split(r"(?<=\.)\s+", para.text):
            if not re.search(r"\bDirection\b.*\bissued\b", sentence, re.IGNORECASE):
                continue
            for found, match in dates_in(sentence):
                if (found.year, found.month) != (made.year, made.month):
                    yield subject.finding(
                        "DATE003",
                        "warning",
                        para,
                        excerpt_around(sentence, match.start(), match.end()),
                        f"the annex dates the direction {sentence[match.start() : match.end()]}; "
                        f"it is dated {made.format('plain')}",
                    )


def _duration(subject: Subject) -> Iterator[Finding]:
    fixed = [p for p in subject.paragraphs if "remain in force for a period of" in p.text]
    revoked = [p for p in subject.paragraphs if "remain in force until" in p.text]
    if fixed and revoked:
        yield subject.finding(
            "DATE004",
            "error",
            revoked[0],
            revoked[0].text,
            f"the direction also lasts for a fixed period ({fixed[0].where})",
        )
    elif not fixed and not revoked and _is_direction(subject):
        last = subject.paragraphs[-1]
        yield subject.finding("DATE004", "warning", last, "", "no duration is stated")


def _is_direction(subject: Subject) -> bool:
    return any(p.part == "direction" for p in subject.paragraphs)
