"""Where each paragraph of a document stands: its part, its full label path, its level.

A reader cites a paragraph by the part it is in and its full label: "recital 3.a",
"direction 7.c.ii", "annex 3.a", "letter paragraph 4".  Two ways to know that:

    locate_text   text read from a .txt, .pdf or .docx: levels inferred from the labels alone,
                  parts from the headings a published direction has (WHEREAS, NOW THEREFORE,
                  Signed, ANNEX or SCHEDULE)
    locate_tree   a generated document: levels and parts taken from its tree, whatever its
                  headings say, and set on the paragraphs read from its text (`tree_paragraphs`
                  gives the tree's paragraphs themselves, for the checks)

Both give `TextParagraph`s with `part`, `path` and `number` set, and each label's `Placed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from drafting.document._text import line_numbers
from drafting.document._tree import LaidOut, NumberFormat
from drafting.read._normalise import TextParagraph, normalise_characters

LabelKind = Literal["decimal", "letter", "roman"]
_KIND_OF_FORMAT: dict[NumberFormat, LabelKind] = {
    "decimal": "decimal",
    "lowerLetter": "letter",
    "lowerRoman": "roman",
}


# --- labels ------------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(label: str) -> int | None:
    """`iv` → 4; None if not a roman numeral."""
    if not _ROMAN.match(label):
        return None
    total = 0
    for char, following in zip(label, [*label[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def letter_value(label: str) -> int | None:
    """`c` → 3, `aa` → 27 (Word's letters after z); None if not letters."""
    if not label.isalpha() or not label.islower() or len(set(label)) != 1:
        return None
    return (ord(label[0]) - ord("a") + 1) + 26 * (len(label) - 1)


@dataclass
class _Open:
    kind: LabelKind
    value: int
    label: str


@dataclass(frozen=True)
class Placed:
    """Where a label sits in its list: level, kind, value, full path, and what was expected."""

    level: int
    kind: LabelKind
    value: int
    path: str
    expected: int | None


def place_labels(labels: Iterable[str | None]) -> list[Placed | None]:
    """Infer each labelled paragraph's level the way a reader does, from the labels alone.

    A decimal label is top level; a letter or roman label continues the deepest open level of
    its kind, or opens a new level.  `i` after `h` continues letters; `i` elsewhere opens
    roman numerals.  `expected` is the value that would have followed without a gap.
    """
    stack: list[_Open] = []
    after_unlabelled = True
    placed: list[Placed | None] = []
    for label in labels:
        if label is None:
            placed.append(None)
            after_unlabelled = True
            continue
        level, kind, value, expected = _place(label, stack, after_unlabelled)
        del stack[level:]
        stack.append(_Open(kind, value, label))
        placed.append(Placed(level, kind, value, ".".join(o.label for o in stack), expected))
        after_unlabelled = False
    return placed


def _place(
    label: str, stack: list[_Open], after_unlabelled: bool
) -> tuple[int, LabelKind, int, int | None]:
    if label.isdigit():
        number = int(label)
        previous = stack[0].value if stack else 0
        restart = after_unlabelled and number == 1
        return 0, "decimal", number, None if restart else previous + 1
    letter, roman = letter_value(label), roman_value(label)
    for level in range(len(stack) - 1, 0, -1):
        open_level = stack[level]
        for kind, candidate in (("letter", letter), ("roman", roman)):
            if (
                candidate is not None
                and open_level.kind == kind
                and candidate == open_level.value + 1
            ):
                return level, open_level.kind, candidate, candidate
    # Not the next at any open level: a new level starts, or a gap or repeat at the deepest.
    deepest = stack[-1] if len(stack) > 1 else None
    kind = _kind_of(label, letter, roman, deepest)
    value = (roman if kind == "roman" else letter) or 0
    if deepest is not None and deepest.kind == kind and (value != 1 or deepest.value == 1):
        return len(stack) - 1, kind, value, deepest.value + 1
    return len(stack), kind, value, 1


def _kind_of(label: str, letter: int | None, roman: int | None, deepest: _Open | None) -> LabelKind:
    """Letters or roman numerals, for a label that does not simply continue its level."""
    if roman is None:
        return "letter"
    if letter is None or label in ("i", "ii", "iii"):
        return "roman"
    return "roman" if deepest is not None and deepest.kind == "roman" else "letter"


# --- parts ---------------------------------------------------------------------------------------

_HEADINGS = ("WHEREAS", "NOW THEREFORE")
_ANNEX_HEADING = re.compile(r"^(annex|schedule)\b[\w ]{0,20}$", re.IGNORECASE)


def _text_parts(paragraphs: Sequence[TextParagraph]) -> list[str]:
    """The part of each paragraph of a text, from the headings a published direction has.

    A text with neither "WHEREAS" nor "NOW THEREFORE" is not known to be a direction: a letter
    when it greets someone ("Dear ..."), else its parts are unknown ("").
    """
    if not any(p.label is None and p.text.upper().startswith(_HEADINGS) for p in paragraphs):
        letter = any(p.label is None and p.text.startswith("Dear ") for p in paragraphs)
        return ["letter" if letter else ""] * len(paragraphs)
    parts: list[str] = []
    part = "title"
    for paragraph in paragraphs:
        if paragraph.label is None:
            heading = paragraph.text.upper()
            if heading.startswith("WHEREAS"):
                part = "recital"
            elif heading.startswith("NOW THEREFORE"):
                part = "direction"
            elif part == "direction" and paragraph.text.startswith("Signed"):
                part = "signature"
            elif part in ("direction", "signature") and _ANNEX_HEADING.match(paragraph.text):
                part = "annex"
        parts.append(part)
    return parts


def _numbered(
    paragraphs: Sequence[TextParagraph], parts: Sequence[str], paths: Sequence[str | None]
) -> list[TextParagraph]:
    """The paragraphs with their part, label path and place in their part set."""
    counts: dict[str, int] = {}
    located = []
    for paragraph, part, path in zip(paragraphs, parts, paths, strict=True):
        counts[part] = counts.get(part, 0) + 1
        located.append(replace(paragraph, part=part, path=path, number=counts[part]))
    return located


def locate_text(
    paragraphs: Sequence[TextParagraph],
) -> tuple[list[TextParagraph], list[Placed | None]]:
    """Paragraphs read from a text, located the way a reader would from the text alone."""
    placed = place_labels(p.label for p in paragraphs)
    paths = [q.path if q else None for q in placed]
    return _numbered(paragraphs, _text_parts(paragraphs), paths), placed


def _tree_places(laid: Sequence[LaidOut]) -> list[Placed | None]:
    """Each numbered paragraph's place, from the levels of the tree (never inferred)."""
    stack: list[str] = []
    placed: list[Placed | None] = []
    for item in laid:
        if item.role != "numbered" or item.label is None or item.number_format is None:
            placed.append(None)
            continue
        label = item.label.rstrip(".")
        del stack[item.level :]
        stack.append(label)
        kind = _KIND_OF_FORMAT[item.number_format]
        value = int(label) if kind == "decimal" else _value(label, kind)
        placed.append(Placed(item.level, kind, value, ".".join(stack), value))
    return placed


def _value(label: str, kind: LabelKind) -> int:
    value = roman_value(label) if kind == "roman" else letter_value(label)
    return value or 0


def tree_paragraphs(laid: Sequence[LaidOut]) -> tuple[list[TextParagraph], list[Placed | None]]:
    """A generated document's paragraphs as the checks read them, located by its tree."""
    placed = _tree_places(laid)
    paragraphs: list[TextParagraph] = []
    places: list[Placed | None] = []
    for index, (item, place) in enumerate(zip(laid, placed, strict=True)):
        text = normalise_characters(item.text)
        if not text:
            continue
        numbered = item.role == "numbered" and item.label is not None
        label = item.label.rstrip(".") if numbered and item.label else None
        marker = item.label if numbered else None
        paragraphs.append(TextParagraph(label, text, index + 1, marker, item.part or ""))
        places.append(place)
    parts = [p.part for p in paragraphs]
    return _numbered(paragraphs, parts, [q.path if q else None for q in places]), places


def locate_tree(
    paragraphs: Sequence[TextParagraph], laid: Sequence[LaidOut]
) -> list[TextParagraph]:
    """Paragraphs read from a generated document's text, located by the tree it was made from."""
    at_line = dict(zip(line_numbers(laid), zip(laid, _tree_places(laid), strict=True), strict=True))
    parts: list[str] = []
    paths: list[str | None] = []
    for paragraph in paragraphs:
        item, place = at_line.get(paragraph.line, (None, None))
        parts.append(item.part or "" if item is not None else "")
        paths.append(place.path if place else None)
    return _numbered(paragraphs, parts, paths)
