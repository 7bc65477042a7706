"""OFSTED003: judgement names from the wrong Ofsted framework for the report's date.

OFSTED003 error  a judgement named as one framework names it ("children looked after and
achieving permanence", the single inspection framework's) for a report of a date the other
framework covers (an inspection of 2022, under ILACS)

The report's date is a date written in the same paragraph, or the year of a defined term there
("the 2022 Ofsted report"); in a paragraph with neither (an annex's "improve services for
children looked after and achieving permanence"), the dates of the document's Ofsted
inspections: the spec's, or those of the paragraphs that name Ofsted.  A name is flagged only
when none of those dates is its framework's.  The frameworks, their dates and names are data
(`drafting/ofsted.yaml`).

In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafting.checks._model import Finding, Para, Subject, excerpt_around
from drafting.checks._written import dates_in
from drafting.library._ofsted import Framework, frameworks
from drafting.spec._dates import PartialDate

_TERM_YEAR = re.compile(r"\bthe (\d{4}) Ofsted (?:report|inspection)", re.IGNORECASE)


@cache
def _own_names() -> list[tuple[str, Framework]]:
    """Each judgement name that only one framework uses (no other's names contain it)."""
    known = list(frameworks().values())
    own = []
    for framework in known:
        others = {n for f in known if f is not framework for n in f.names}
        own += [(n, framework) for n in framework.names if not any(n in o for o in others)]
    return own


def check_frameworks(subject: Subject) -> Iterator[Finding]:
    """Judgements are named as the framework of the report's date names them."""
    inspected: list[PartialDate] | None = None  # the document's, worked out when first needed
    for name, framework in _own_names():
        for para in subject.containing(name):
            dates = _report_dates(para)
            if not dates:
                inspected = _inspected(subject) if inspected is None else inspected
                dates = inspected
            if dates and not any(framework.covers(d) for d in dates):
                at = para.lower.find(name)
                yield subject.finding(
                    "OFSTED003",
                    "error",
                    para,
                    excerpt_around(para.text, at, at + len(name)),
                    f'"{name}" is a judgement of {framework.name}, which did not cover a '
                    f"report of {dates[0].format('plain')}",
                )


def _report_dates(para: Para) -> list[PartialDate]:
    found = [date for date, _ in dates_in(para.text)]
    found += [PartialDate(int(m[1])) for m in _TERM_YEAR.finditer(para.text)]
    return found


def _inspected(subject: Subject) -> list[PartialDate]:
    """The dates of the document's Ofsted inspections."""
    if subject.spec is not None:
        return [r.date for r in subject.spec.reports if r.kind == "ofsted-inspection"]
    return [date for para in subject.containing("ofsted") for date in _report_dates(para)]
