"""The document tree, the single source of truth that every renderer reads.

A `Document` is a sequence of blocks: single `Line`s (title, headings, signature lines) and
`NumberedList`s of `Paragraph`s nested by level.  The tree holds levels, never labels; `layout`
walks it in reading order, numbers it the way Word numbers a multi-level list, and resolves
cross-references, giving the flat `LaidOut` paragraphs that the text and Word renderers share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from drafting._errors import ClauseLibraryError

# Cross-references are written into text as markers and become labels once numbering is known.
ANCHOR_OPEN, ANCHOR_CLOSE = "\ue000", "\ue001"
ANCHOR_PATTERN = re.compile(f"{ANCHOR_OPEN}([^{ANCHOR_CLOSE}]*){ANCHOR_CLOSE}")

LineRole = Literal[
    "title",
    "heading",
    "subheading",
    "plain",
    # the parts of a letter
    "letterhead",
    "letterhead-address",
    "address",
    "date",
    "salutation",
    "signatory",
    "signatory-title",
    # the signature block of a direction
    "signature",
    "signature-line",
    "signature-name",
    "signature-role",
    "signature-date",
]
Role = LineRole | Literal["numbered", "continuation", "bullet"]
DocumentKind = Literal["direction", "letter"]
#: The parts of a document a reader names a paragraph by: "recital 3.a", "direction 7.c.ii",
#: "annex 3.a", "letter paragraph 4".  A part belongs to the tree, whatever its heading says.
Part = Literal["title", "recital", "direction", "signature", "annex", "letter"]
NumberFormat = Literal["decimal", "lowerLetter", "lowerRoman"]

#: Labels per level: 1. / a. / i. (the usual scheme) or 1. / i. / a. (roman sub-paragraphs).
LETTERS_SCHEME: tuple[NumberFormat, ...] = ("decimal", "lowerLetter", "lowerRoman")
ROMAN_SCHEME: tuple[NumberFormat, ...] = ("decimal", "lowerRoman", "lowerLetter")
MAX_LEVELS = 3


@dataclass
class Paragraph:
    """A numbered paragraph (or a bullet point) with its sub-paragraphs and continuation text."""

    text: str
    children: list[Paragraph] = field(default_factory=list)
    then: list[str] = field(default_factory=list)
    anchor: str | None = None
    bullet: bool = False


@dataclass
class Line:
    """An unnumbered paragraph: the title, a heading, a line of the signature block."""

    role: LineRole
    text: str
    page_break_before: bool = False
    part: Part | None = None  # None: the document's own kind (a letter's lines)


@dataclass
class NumberedList:
    """Paragraphs numbered as one Word list; `continues` names a list whose count it carries on."""

    key: str
    scheme: tuple[NumberFormat, ...]
    paragraphs: list[Paragraph]
    continues: str | None = None
    part: Part | None = None


@dataclass
class Columns:
    """Lines set side by side, read column by column (the departments heading a letter)."""

    columns: list[list[Line]]


Block = Line | NumberedList | Columns


@dataclass
class Document:
    """A whole document: what kind it is, what it is called, and its blocks in reading order."""

    kind: DocumentKind
    title: str
    subject: str
    blocks: list[Block]


@dataclass(frozen=True)
class LaidOut:
    """One paragraph as a reader sees it: role, level, label (for numbered ones) and text.

    `list_key` and `number_format` say which Word list it belongs to and how its level is numbered.
    """

    role: Role
    text: str
    level: int = 0
    label: str | None = None
    list_key: str | None = None
    number_format: NumberFormat | None = None
    page_break_before: bool = False
    column: int | None = None
    #: The cross-reference anchor of a numbered paragraph that can be referred to.
    anchor: str | None = None
    #: Where its text names another paragraph's label: (start, end, that paragraph's anchor).
    references: tuple[tuple[int, int, str], ...] = ()
    part: Part | None = None


def format_number(value: int, number_format: NumberFormat) -> str:
    """The number as Word shows it at a level: 3 → `3`, `c` or `iii`."""
    if number_format == "decimal":
        return str(value)
    if number_format == "lowerLetter":
        # Word repeats the letter after z: aa, bb ...
        return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return _roman(value)


def _roman(value: int) -> str:
    numerals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    text = ""
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        text += numeral * count
    return text


class _Counters:
    """Word's counters for one list: a level's counter restarts whenever a higher level is used."""

    def __init__(self) -> None:
        self.values = [0] * MAX_LEVELS

    def next(self, level: int) -> int:
        self.values[level] += 1
        for deeper in range(level + 1, MAX_LEVELS):
            self.values[deeper] = 0
        return self.values[level]


def layout(document: Document) -> list[LaidOut]:
    """The document in reading order, numbered, with cross-references resolved."""
    counters: dict[str, _Counters] = {}
    laid: list[LaidOut] = []
    anchors: dict[str, str] = {}
    for block in document.blocks:
        if isinstance(block, Line):
            laid.append(
                LaidOut(
                    block.role,
                    block.text,
                    page_break_before=block.page_break_before,
                    part=block.part or document.kind,
                )
            )
            continue
        if isinstance(block, Columns):
            laid += [
                LaidOut(line.role, line.text, column=index, part=line.part or document.kind)
                for index, column in enumerate(block.columns)
                for line in column
            ]
            continue
        shared = block.continues or block.key
        list_counters = counters.setdefault(shared, _Counters())
        counters.setdefault(block.key, list_counters)
        part = block.part or document.kind
        for paragraph in block.paragraphs:
            laid.extend(
                replace(item, part=part)
                for item in _lay_paragraph(paragraph, 0, block, list_counters, anchors)
            )
    return [_resolve_anchors(item, anchors) for item in laid]


def _lay_paragraph(
    paragraph: Paragraph,
    level: int,
    block: NumberedList,
    counters: _Counters,
    anchors: dict[str, str],
) -> Iterator[LaidOut]:
    key = block.continues or block.key
    if paragraph.bullet:
        yield LaidOut("bullet", paragraph.text, level, "•", list_key=f"{key}:bullets")
    else:
        number_format = block.scheme[level]
        label = f"{format_number(counters.next(level), number_format)}."
        if paragraph.anchor:
            anchors[paragraph.anchor] = label
        yield LaidOut(
            "numbered", paragraph.text, level, label, key, number_format, anchor=paragraph.anchor
        )
    for child in paragraph.children:
        yield from _lay_paragraph(child, level + 1, block, counters, anchors)
    for text in paragraph.then:
        yield LaidOut("continuation", text, level)


def _resolve_anchors(item: LaidOut, anchors: dict[str, str]) -> LaidOut:
    if "\ue000" not in item.text:
        return item

    pieces: list[str] = []
    references: list[tuple[int, int, str]] = []
    done = 0
    for match in ANCHOR_PATTERN.finditer(item.text):
        anchor = match.group(1)
        if anchor not in anchors:
            clause, _, item_id = anchor.partition(".")
            raise ClauseLibraryError(f"label('{item_id}') names no item of the clause ({clause})")
        pieces.append(item.text[done : match.start()])
        start = sum(len(piece) for piece in pieces)
        pieces.append(anchors[anchor])
        references.append((start, start + len(anchors[anchor]), anchor))
        done = match.end()
    pieces.append(item.text[done:])
    return replace(item, text="".join(pieces), references=tuple(references))
