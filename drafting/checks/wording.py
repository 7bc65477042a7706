"""Slips of typing and of copying: quotation marks, brackets, doubled words, blanks, confusions.

QUOTE001   error    quotation marks that do not close in their paragraph
BRACKET001 error    brackets that do not balance in their paragraph
DOUBLE001  warning  a word doubled ("the the")
BLANK001   error    a blank or placeholder left in a final document ("Dated this day of",
"[insert date]", "XX", "{{ ... }}"); a warning in a draft, where a date
left for signing is expected and not reported
CONFUSE001 warning  "who's" or "it's" (usually meant: "whose", "its")
CASE001    warning  "this Direction" in some places and "this direction" in others
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject, excerpt_around

_STOPS = frozenset(".!?,;")  # after which a single quotation mark can close
_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
_DOUBLING_ALLOWED = frozenset({"that", "had"})
_LETTERS_ONLY = bytes(c if chr(c).isalpha() and c < 128 else 32 for c in range(256))
#: A date left for signing: "Dated this day of", or the form to fill ("Dated this ____ day of ...").
_UNDATED = re.compile(r"^Dated(?::[\s_]*|\s+this[\s_]+day\s+of[\s_]*(?:20__)?)$")
_PLACEHOLDERS = re.compile(
    r"\[(?:insert|date|name|tbc|tbd|x+)[^\]]*\]|\bX{2,}\b|\bTB[CD]\b|\{\{|\}\}|\{%|%\}|_{3,}",
    re.IGNORECASE,
)
_CONFUSIONS = re.compile(r"\b(who's|it's)\b", re.IGNORECASE)
_MEANT = {"who's": "whose", "it's": "its"}
_THIS_DIRECTION = re.compile(r"\b[Tt]his ([Dd])irection\b")
_BRACKETS = (("(", ")", re.compile(r"[()]")), ("[", "]", re.compile(r"[\[\]]")))
#: Text a placeholder cannot be written without (see _PLACEHOLDERS).
_PLACEHOLDER_MARKS = ("[", "xx", "tb", "{", "}", "___")


def check_wording(subject: Subject) -> Iterator[Finding]:
    """Balanced quotes and brackets, no doubled words, no blanks, no who's/it's, one case."""
    yield from _self_reference_case(subject)
    for para in subject.paragraphs:
        yield from _quotes(subject, para)
        yield from _brackets(subject, para)
    yield from _doubled(subject)
    yield from _blanks(subject)
    for para in subject.containing("who's", "it's"):
        for match in _CONFUSIONS.finditer(para.text):
            word = match.group(1)
            yield subject.finding(
                "CONFUSE001",
                "warning",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                f"'{word}' means '{word[:-2]} is'; did you mean '{_MEANT[word.lower()]}'?",
            )


def _doubled(subject: Subject) -> Iterator[Finding]:
    if not _equal_neighbours(subject.lower):
        return
    for para in subject.paragraphs:
        if not _equal_neighbours(para.lower):
            continue
        for match in _DOUBLED.finditer(para.text):
            if match.group(1).lower() not in _DOUBLING_ALLOWED:
                yield subject.finding(
                    "DOUBLE001",
                    "warning",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f"'{match.group(1)}' is doubled",
                )


def _equal_neighbours(text: str) -> bool:
    """Whether two neighbouring words are the same, reading letters only.

    A quick test at C speed: every doubled word passes it, and most texts do not, so they are
    spared the pattern.
    """
    words = text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    return any(map(operator.eq, words, words[1:]))


def _self_reference_case(subject: Subject) -> Iterator[Finding]:
    uses = [
        (para, match)
        for para in subject.containing("this direction")
        for match in _THIS_DIRECTION.finditer(para.text)
    ]
    capitals = [use for use in uses if use[1].group(1) == "D"]
    lower = [use for use in uses if use[1].group(1) == "d"]
    if not capitals or not lower:
        return
    minority = lower if len(lower) < len(capitals) else capitals
    usual = "this Direction" if minority is lower else "this direction"
    for para, match in minority:
        yield subject.finding(
            "CASE001",
            "warning",
            para,
            excerpt_around(para.text, match.start(), match.end()),
            f"elsewhere the document writes '{usual}'",
        )


def _quotes(subject: Subject, para: Para) -> Iterator[Finding]:
    text = para.text
    if text.count('"') % 2:
        position = text.rfind('"')
        yield subject.finding(
            "QUOTE001",
            "error",
            para,
            excerpt_around(text, position, position + 1),
            "a double quotation mark is not closed",
        )
    for position in _unclosed_single_quotes(text):
        yield subject.finding(
            "QUOTE001",
            "error",
            para,
            excerpt_around(text, position, position + 1),
            "a single quotation mark is not closed",
        )


def _unclosed_single_quotes(text: str) -> list[int]:
    """Where single quotation marks open and are never closed; apostrophes are neither.

    A mark opens before a word, not after one ('the Council); it closes after a word or a stop
    and before no word (Council').  An apostrophe within a word (Council's) does neither.
    """
    open_at: list[int] = []
    position = text.find("'")
    while position != -1:
        before = text[position - 1] if position else ""
        after = text[position + 1 : position + 2]
        if open_at and (_is_word(before) or before in _STOPS) and not _is_word(after):
            open_at.pop()
        elif not (_is_word(before) or before == "'") and _is_word(after):
            open_at.append(position)
        position = text.find("'", position + 1)
    return open_at


def _is_word(char: str) -> bool:
    """Whether `char` is a word character, as a pattern's word class means it."""
    return char.isalnum() or char == "_"


def _brackets(subject: Subject, para: Para) -> Iterator[Finding]:
    for opening, closing, pattern in _BRACKETS:
        if opening not in para.text and closing not in para.text:
            continue
        depth = 0
        for match in pattern.finditer(para.text):
            position, char = match.start(), match.group(0)
            depth += (char == opening) - (char == closing)
            if depth < 0:
                yield subject.finding(
                    "BRACKET001",
                    "error",
                    para,
                    excerpt_around(para.text, position, position + 1),
                    f"'{closing}' closes a bracket that was never opened",
                )
                depth = 0
        if depth > 0:
            yield subject.finding(
                "BRACKET001", "error", para, para.text, f"'{opening}' is not closed"
            )


def _blanks(subject: Subject) -> Iterator[Finding]:
    for para in subject.paragraphs:
        if subject.final and _UNDATED.match(para.text):
            yield subject.finding(
                "BLANK001", "error", para, para.text, "the date is blank in a final document"
            )
    for para in subject.containing(*_PLACEHOLDER_MARKS):
        if _UNDATED.match(para.text):
            continue  # the date left to fill in when signing, reported above in a final document
        for match in _PLACEHOLDERS.finditer(para.text):
            yield subject.finding(
                "BLANK001",
                "error" if subject.final else "warning",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                "a placeholder is left in the text",
            )
