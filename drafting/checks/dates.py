"""DATE: dates that agree with the date the direction is made.

DATE001 error    a date recited or referred to that is after the direction's own date (not a
date given to the direction itself, which DATE003 and DATE006 compare with its own, nor, in a
letter, the date of the direction it announces); in a letter, a date after the letter's own
only in a sentence that recites a report, an inspection or a visit (a letter looks ahead to
representations, meetings and decisions)
DATE002 error    a revoked direction that does not predate this one
DATE003          (in `agreement`, one check with DATE006) the annex dates the direction otherwise
DATE004 error    a duration both fixed and until revoked; a warning when none is stated
DATE005 error    (specs) a letter of intent dated after the direction it announces
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from drafting.checks._model import Finding, Para, Subject, clause_around, excerpt_around
from drafting.checks._references import given_to_direction
from drafting.checks._written import DATED_LINE, dates_in, own_date
from drafting.spec._dates import PartialDate

#: A year: a paragraph without one holds no date (a quick test before the slower date pattern).
_YEAR = re.compile(r"\d{4}")
#: What a letter recites, whose date must precede the letter's own (a report, an inspection,
#: a visit): a later date in a letter is otherwise a date it looks ahead to.
_RECITED = re.compile(r"\b(?:report|inspect|visit|published|judged|found|concluded)", re.I)


def check_dates(subject: Subject) -> Iterator[Finding]:
    """Recited dates precede the direction's date; one duration; a letter before its direction."""
    made = own_date(subject)
    if made is not None:
        yield from _later_than(subject, made)
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


def _last_day(value: PartialDate) -> date:
    if value.month is None:
        return date(value.year, 12, 31)
    if value.day is None:
        following = date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return value.as_date()


def _later_than(subject: Subject, made: PartialDate) -> Iterator[Finding]:
    given: set[tuple[int, int]] | None = None  # found only when a later date is
    for para in subject.paragraphs:
        if DATED_LINE.match(para.text) or not _YEAR.search(para.text):
            continue
        for found, match in dates_in(para.text):
            if found.as_date() <= _last_day(made):
                continue
            if subject.kind == "letter" and not _RECITED.search(
                clause_around(para.text, match.start())
            ):
                continue  # a letter looks ahead: representations by, a meeting on, a decision in
            if given is None:
                given = {(p.index, start) for p, _, start, _ in given_to_direction(subject)}
            if (para.index, match.start()) not in given:  # not the direction's own date
                yield _later(subject, para, match, made)


def _later(subject: Subject, para: Para, match: re.Match[str], made: PartialDate) -> Finding:
    revoking = "revoke" in para.text
    code, what = ("DATE002", "a revoked direction") if revoking else ("DATE001", "a date")
    own = "letter's" if subject.kind == "letter" else "direction's"
    return subject.finding(
        code,
        "error",
        para,
        excerpt_around(para.text, match.start(), match.end()),
        f"{what} ({para.text[match.start() : match.end()]}) is after the "
        f"{own} own date ({made.format('plain')})",
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
