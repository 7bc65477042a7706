"""DATE003, DATE006-007: the annex and the letter agree with the direction on its date and duration.

DATE003 warning  the annex gives the direction a date not its own, however phrased ("the
Direction issued ... in December 2017", "under the direction of 20 June 2022")
DATE006 warning  the same anywhere else outside the recitals: the operative paragraphs, the
signature, a letter announcing the direction (`_references` says which dates are given to the
direction itself and which to an earlier one)
DATE007 error    two different fixed durations ("for a period of 18 months" and "for 2 years")

DATE003 and DATE006 are one check, so a slip is reported once: DATE003 keeps the code the
annex's slip always had (specs accept it by that code), DATE006 names it elsewhere.  (Before,
DATE006 also reported "the direction of/dated/made ..." in the annex.)  The recitals, which
recount earlier directions, are not read.

The direction's date is the spec's, or else the text's `Dated` line (or a signature paragraph
that is a date alone).  A letter announces a direction not yet made: with a spec that dates the
direction, a date the letter gives it on or after the letter's own date must be the spec's; a
date before the letter's is an earlier direction's, and without a spec nothing is compared.

In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject, excerpt_around
from drafting.checks._references import agrees, given_to_direction
from drafting.checks._written import own_date
from drafting.spec._dates import PartialDate

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12, "eighteen": 18}
_DURATION = re.compile(
    r"\b(?:remain in force for (?:a period of )?|for a period of |last(?:s|ing)? (?:for )?)"
    r"(\d+|one|two|three|four|six|twelve|eighteen) (month|year)s?\b",
    re.IGNORECASE,
)


def check_agreement(subject: Subject) -> Iterator[Finding]:
    """References to the direction carry its date; one duration throughout."""
    yield from _dated_otherwise(subject)
    yield from _durations(subject)


def _dated_otherwise(subject: Subject) -> Iterator[Finding]:
    made = subject.spec.dated if subject.spec is not None else own_date(subject)
    if made is None:
        return  # nothing to compare with
    for para, found, start, end in given_to_direction(subject):
        if subject.spec is None and _in_letter(subject, para):
            continue  # a letter announces a direction whose date no text of it gives
        if not agrees(found, made) and not _earlier_than_letter(subject, para, found):
            yield _finding(subject, para, made, (start, end))


def _in_letter(subject: Subject, para: Para) -> bool:
    return subject.kind == "letter" or para.part == "letter"


def _earlier_than_letter(subject: Subject, para: Para, found: PartialDate) -> bool:
    """Whether a letter gives a direction a date before its own: an earlier direction's."""
    letter = subject.spec.letter if subject.spec is not None else None
    if letter is None or not _in_letter(subject, para):
        return False
    return found.as_date() < letter.date.as_date() and not agrees(found, letter.date)


def _finding(subject: Subject, para: Para, made: PartialDate, span: tuple[int, int]) -> Finding:
    """DATE003 in the annex, DATE006 elsewhere: the date written at `span` is not `made`."""
    written, dated = para.text[span[0] : span[1]], made.format("plain")
    code, message = (
        ("DATE003", f"the annex dates the direction {written}; it is dated {dated}")
        if para.part == "annex"
        else ("DATE006", f"the direction is dated {written} here; it is dated {dated}")
    )
    return subject.finding(code, "warning", para, excerpt_around(para.text, *span), message)


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
