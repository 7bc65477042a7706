"""PLACE001: the name of another council or area, the classic leftover of copy-and-edit.

PLACE001 warning  a council or area (from `drafting/councils.txt`) other than the direction's own
and other than those the text introduces: a council appointed or named as adviser or partner,
or given a defined term, is introduced where it is first named, and may be named after that

The direction's own council is the spec's, or the one the text defines as "the Council" (or, in
a letter, the first council named).  In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafting.checks._model import Finding, Subject, excerpt_around
from drafting.support._resources import councils

_SUFFIXES = re.compile(
    r"\s+(?:Metropolitan Borough|London Borough|Royal Borough|Borough|County|City)?\s*Council$"
)
_INTRODUCED = re.compile(r"appoint|partner|advis|\(\"|\('", re.IGNORECASE)


@cache
def _places() -> dict[str, str]:
    """Every council name and area name, each mapped to its area."""
    places: dict[str, str] = {}
    for name in councils():
        area = _SUFFIXES.sub("", name).removeprefix("London Borough of ")
        area = area.removeprefix("Royal Borough of ").removeprefix("City of ")
        places[name] = area
        places[area] = area
    return places


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(_places(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def check_places(subject: Subject) -> Iterator[Finding]:
    """Only the direction's own council and those the text introduces are named."""
    places, pattern = _places(), _pattern()
    own = _own_area(subject)
    allowed: set[str] = set() if own is None else {own}
    for para in subject.paragraphs:
        for match in pattern.finditer(para.text):
            area = places[match.group()]
            if own is None:
                own = area
                allowed.add(area)
            if area in allowed:
                continue
            sentence = _sentence(para.text, match.start())
            if _INTRODUCED.search(sentence) or (own is not None and own in sentence):
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


def _own_area(subject: Subject) -> str | None:
    places = _places()
    if subject.spec is not None:
        return places.get(subject.spec.council.name, subject.spec.council.area)
    for para in subject.containing('("the council")'):
        before = para.text[: para.lower.find('("the council")')].rstrip()
        for match in _pattern().finditer(before):
            if before.endswith(match.group()):
                return places[match.group()]
    return None


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at)) + 1
    end = text.find(". ", at)
    return text[start : len(text) if end == -1 else end]
