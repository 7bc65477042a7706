"""TERM: defined terms ("the Council", "the 2016 Ofsted report", "the 1996 Act").

TERM001 error    a term defined twice
TERM002 error    a term used before its definition
TERM003 warning  a term defined and never used
TERM004 warning  the long form used again after the term was defined (the signature block,
which names the Secretary of State in full, and annexes, which may restate
names, are exempt)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafting.checks._model import Finding, Para, Subject, excerpt_around
from drafting.spec._dates import MONTHS

#: A definition in brackets, in double quotes or single ("the Council"), ('the Improvement Board').
_DEFINITION = re.compile(r"""\(\s*(?:"([^"]{2,80})"|'([^']{2,80})')\s*\)""")
_CONNECTORS = frozenset({"of", "for", "and", "the"})
_MONTHS = frozenset(month.lower() for month in MONTHS)


@dataclass(frozen=True)
class _Definition:
    term: str
    long: str | None
    para: Para
    start: int  # where the long form (or, without one, the bracket) starts
    end: int


def check_terms(subject: Subject) -> Iterator[Finding]:
    """Each term is defined once, not used before, used after, and used instead of its long form."""
    definitions = _definitions(subject)
    seen: dict[str, _Definition] = {}
    for definition in definitions:
        if definition.term in seen:
            yield subject.finding(
                "TERM001",
                "error",
                definition.para,
                definition.term,
                f'"{definition.term}" is defined again (first in '
                f"{seen[definition.term].para.where})",
            )
            continue
        seen[definition.term] = definition
        yield from _check_uses(subject, definition)


def _definitions(subject: Subject) -> list[_Definition]:
    found = []
    for para in subject.containing('("', '( "', "('", "( '"):
        for match in _DEFINITION.finditer(para.text):
            term = (match.group(1) or match.group(2)).strip()
            long = _long_form(para.text[: match.start()])
            start = para.text.rfind(long, 0, match.start()) if long else match.start()
            found.append(_Definition(term, long, para, start, match.end()))
    return found


def _long_form(before: str) -> str | None:
    """The proper name a definition follows ("Kirklees Council"), or None if it is not one."""
    words: list[str] = []
    for word in reversed(before.split()):
        bare = word.strip(",;:")
        if bare != word and words:
            break
        if bare[:1].isupper() or bare.isdigit() or bare in _CONNECTORS:
            words.insert(0, bare)
            continue
        break
    while words and (words[0] in _CONNECTORS or words[0] == "The"):
        words.pop(0)
    if len(words) < 2 or words[0].lower() in _MONTHS or not words[0][:1].isupper():
        return None
    return " ".join(words)


def _pattern(text: str) -> re.Pattern[str]:
    """The words of `text` as a whole phrase, its first letter in either case."""
    first, rest = text[:1], re.escape(text[1:])
    return re.compile(rf"(?<![\w-])[{first.lower()}{first.upper()}]{rest}(?![\w-])")


def _check_uses(subject: Subject, definition: _Definition) -> Iterator[Finding]:
    term = _pattern(definition.term)
    used_after = False
    for para in subject.containing(definition.term.lower()):
        if used_after and para.index > definition.para.index:
            break  # used after its definition; what follows cannot be used before it
        same = para.index == definition.para.index
        for match in term.finditer(para.text):
            if _inside_quotes(para.text, match.start()) or (
                same and match.start() < definition.end and match.end() > definition.start
            ):
                continue  # quoted, or part of the definition itself
            if para.index < definition.para.index or (same and match.end() <= definition.start):
                yield subject.finding(
                    "TERM002",
                    "error",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f'"{definition.term}" is used before it is defined in {definition.para.where}',
                )
            else:
                used_after = True
    if not used_after:
        yield subject.finding(
            "TERM003",
            "warning",
            definition.para,
            definition.term,
            f'"{definition.term}" is defined but never used',
        )
    if definition.long:
        yield from _long_form_after(subject, definition)


def _inside_quotes(text: str, position: int) -> bool:
    return text.count('"', 0, position) % 2 == 1


def _long_form_after(subject: Subject, definition: _Definition) -> Iterator[Finding]:
    assert definition.long is not None
    pattern = _pattern(definition.long)
    for para in subject.containing(definition.long.lower()):
        if para.index < definition.para.index or _exempt(subject, para):
            continue
        start = definition.end if para.index == definition.para.index else 0
        for match in pattern.finditer(para.text, start):
            if _DEFINITION.match(para.text, match.end() + 1):
                continue
            yield subject.finding(
                "TERM004",
                "warning",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                f'"{definition.long}" was defined as "{definition.term}"; use the term',
            )


def _exempt(subject: Subject, para: Para) -> bool:
    if para.text.startswith("Signed "):
        return True
    return subject.annex_start is not None and para.index > subject.annex_start
