"""PLACE001: the name of another council or area, the classic leftover of copy-and-edit.

PLACE001 warning  a council or area other than the direction's own and other than those the
text introduces: a council appointed or named as adviser or partner, or given a defined term,
is introduced where it is first named, and may be named after that

Councils are those listed in `drafting/councils.txt` and any other name of a council's shape the
text contains ("Westshire County Council", "London Borough of Eastham"; `_councils`), with the
areas of each ("Westshire"), wherever in the text they are named.  The direction's own council
is the spec's, or the one the text defines as "the Council" (or, failing that, the first council
named).  In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._councils import (
    listed_pattern,
    listed_places,
    names_pattern,
    shaped_places,
)
from drafting.checks._model import Finding, Subject, clause_around, excerpt_around
from drafting.support._resources import council_area

_INTRODUCED = re.compile(r"appoint|partner|advis|\(\"|\('|\(“|\(‘", re.IGNORECASE)
_THE_COUNCIL_DEFINED = ('("the council")', "('the council')", "(“the council”)", "(‘the council’)")
_DEFINED_AS_THE_COUNCIL = re.compile(r"\s*\(\s*[\"'“‘]the Council[\"'”’]\s*\)")


def check_places(subject: Subject) -> Iterator[Finding]:
    """Only the direction's own council and those the text introduces are named."""
    shaped = _shaped(subject)
    places = listed_places() | shaped
    own = _own_areas(subject, places)
    allowed = set(own)
    for para in subject.paragraphs:
        for match in _named(para.text, shaped):
            area = places[match.group()]
            if not own:
                own.add(area)  # without a spec or a definition, the first council named
                allowed.add(area)
            if area in allowed:
                continue
            sentence = clause_around(para.text, match.start())
            if _INTRODUCED.search(sentence) or any(a in sentence for a in own):
                allowed.add(area)
                continue
            yield subject.finding(
                "PLACE001",
                "warning",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                f'"{match.group()}" is not the council directed, nor one the text introduces '
                "(appointed, an adviser or a partner): left over from another direction?",
            )


def _shaped(subject: Subject) -> dict[str, str]:
    """The councils of a council's shape the text names that are not listed, and their areas.

    Each name and each area is mapped to its area.
    """
    listed = listed_places()
    shaped = {  # a listed area's council of another shape is found by its area
        place.name: place.area
        for para in subject.containing("council", "borough of")
        for place in shaped_places(para.text)
        if place.area not in listed
    }
    return shaped | {area: area for area in shaped.values() if area not in listed}


def _named(text: str, shaped: dict[str, str]) -> list[re.Match[str]]:
    """The places named in `text`, listed or shaped, in order; the longer where two overlap."""
    found = list(listed_pattern().finditer(text))
    if shaped:
        found += names_pattern(frozenset(shaped)).finditer(text)
        found.sort(key=lambda m: (m.start(), -m.end()))
    named: list[re.Match[str]] = []
    for match in found:
        if not named or match.start() >= named[-1].end():
            named.append(match)
    return named


def _own_areas(subject: Subject, places: dict[str, str]) -> set[str]:
    """The direction's own council's area (two spellings, from a spec), if it is known."""
    if subject.spec is not None:
        council = subject.spec.council
        return {council_area(council.name)} | ({council.area} if council.area else set())
    for para in subject.containing(*_THE_COUNCIL_DEFINED):
        for place in shaped_places(para.text):
            if _DEFINED_AS_THE_COUNCIL.match(para.text, place.end):
                return {place.area}
        for match in listed_pattern().finditer(para.text):
            if _DEFINED_AS_THE_COUNCIL.match(para.text, match.end()):
                return {places[match.group()]}
    return set()
