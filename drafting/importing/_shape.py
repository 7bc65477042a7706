"""The shape of a published document: which paragraphs are the title, the recitals, the annex.

In: the normalised paragraphs of a document (`TextParagraph`s from the readers `diff` and `check`
use: label and words).  Out: a `Shape` — for a direction its title, headings, the recitals and
operative paragraphs and the annex as trees of `Node`s (nested by label: 1. / a. / i., or
1. / i. / a.), the signature lines and the annex title lines; for a letter its lines before the
salutation, the salutation, the body paragraphs and the lines after them.  A document that is
neither is a `DocumentError` naming what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafting._errors import DocumentError, Where
from drafting.read._normalise import TextParagraph

_RECITALS = re.compile(r"^WHEREAS:?$", re.IGNORECASE)
_OPERATIVE = re.compile(r"^NOW,? THEREFORE:?$", re.IGNORECASE)
_ANNEX = re.compile(r"^ANNEX(?: [A-Z0-9]{1,3})?$")
_SIGNED = re.compile(r"^Signed\b")
_DATED = re.compile(r"^Dated\b")
_SALUTATION = re.compile(r"^Dear .+,$")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii")
_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")

Scheme = Literal["letters", "roman"]


@dataclass
class Node:
    """A numbered paragraph as published: label, words, sub-paragraphs, bullets, text after."""

    label: str | None
    text: str
    children: list[Node] = field(default_factory=list)
    bullets: list[Node] = field(default_factory=list)
    then: list[str] = field(default_factory=list)

    def flat(self) -> list[str]:
        """Its own words and those of everything under it, in reading order."""
        texts = [self.text]
        for child in self.children + self.bullets:
            texts += child.flat()
        return texts + self.then


@dataclass
class Shape:
    """Where each part of a document is."""

    kind: Literal["direction", "letter"]
    title: str = ""
    recitals_heading: str = "WHEREAS:"
    recitals: list[Node] = field(default_factory=list)
    operative_heading: str = "NOW THEREFORE:"
    operative: list[Node] = field(default_factory=list)
    operative_labels: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    annex_heading: str | None = None
    annex_titles: list[str] = field(default_factory=list)
    annex: list[Node] = field(default_factory=list)
    # a letter
    before: list[str] = field(default_factory=list)
    salutation: str = ""
    body: list[Node] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def read_shape(paragraphs: Sequence[TextParagraph], path: Path) -> Shape:
    """The parts of a direction or a letter; `DocumentError` if it is neither."""
    texts = [p.text for p in paragraphs]
    recitals = _find(texts, _RECITALS)
    operative = _find(texts, _OPERATIVE)
    if recitals is not None and operative is not None and recitals < operative:
        return _direction(list(paragraphs), recitals, operative)
    salutation = _find(texts, _SALUTATION)
    if salutation is not None:
        return _letter(texts, salutation)
    raise DocumentError(
        "not a direction or a letter: expected a direction's WHEREAS and NOW THEREFORE "
        "headings, or a letter's 'Dear ...,'",
        Where(path),
    )


def _find(texts: list[str], pattern: re.Pattern[str], start: int = 0) -> int | None:
    return next((i for i in range(start, len(texts)) if pattern.match(texts[i])), None)


def _direction(paragraphs: list[TextParagraph], recitals: int, operative: int) -> Shape:
    texts = [p.text for p in paragraphs]
    signed = _find(texts, _SIGNED, operative) or len(texts)
    annex = _find(texts, _ANNEX, signed)
    signature_end = annex if annex is not None else len(texts)
    shape = Shape("direction", title=" ".join(texts[:recitals]))
    shape.recitals_heading = texts[recitals]
    shape.recitals = nest(paragraphs[recitals + 1 : operative])
    shape.operative_heading = texts[operative]
    shape.operative = nest(paragraphs[operative + 1 : signed], _scheme(paragraphs, operative))
    shape.operative_labels = [p.label for p in paragraphs[operative + 1 : signed] if p.label]
    shape.signature = texts[signed:signature_end]
    if annex is not None:
        shape.annex_heading = texts[annex]
        body = paragraphs[annex + 1 :]
        first = next((i for i, p in enumerate(body) if p.label), len(body))
        shape.annex_titles = [p.text for p in body[:first]]
        shape.annex = nest(body[first:])
    return shape


def _scheme(paragraphs: list[TextParagraph], start: int) -> Scheme:
    """Roman sub-items when the operative part's first sub-label is `i`, not `a`."""
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.label and not paragraph.label.isdigit():
            return "roman" if paragraph.label == "i" else "letters"
    return "letters"


def _letter(texts: list[str], salutation: int) -> Shape:
    shape = Shape("letter", before=texts[:salutation], salutation=texts[salutation])
    rest = texts[salutation + 1 :]
    # The body runs to the last sentence-like paragraph; signatories' names and titles follow.
    end = len(rest)
    while end > 0 and not rest[end - 1].endswith((".", ":", "?")):
        end -= 1
    shape.body = [Node(None, text) for text in rest[:end]]
    shape.after = rest[end:]
    return shape


# --- nesting by labels -------------------------------------------------------------------------


def nest(paragraphs: Sequence[TextParagraph], scheme: Scheme = "letters") -> list[Node]:
    """Paragraphs nested by their labels; unlabelled ones become bullets or text after items."""
    sequences = (_LETTERS, _ROMAN) if scheme == "letters" else (_ROMAN, _LETTERS)
    top: list[Node] = []
    stack: list[Node] = []  # the open paragraph at each level
    for paragraph in paragraphs:
        if paragraph.label is None:
            _unlabelled(top, stack, paragraph.text)
            continue
        level = _level(paragraph.label, stack, sequences)
        node = Node(paragraph.label, paragraph.text)
        del stack[level:]
        if stack and stack[-1].bullets and not stack[-1].children:
            # "This will include:" then an item with its label missing, then labelled items
            stack[-1].children, stack[-1].bullets = stack[-1].bullets, []
        (stack[-1].children if stack else top).append(node)
        stack.append(node)
    return top


def _level(label: str, stack: list[Node], sequences: tuple[tuple[str, ...], ...]) -> int:
    if label.isdigit() or not stack:
        return 0
    for level in (2, 1):  # the next label at a level already open
        if len(stack) > level and _follows(stack[level].label, label, sequences[level - 1]):
            return level
    for level in (2, 1):  # the first label of a new level
        if len(stack) >= level and label == sequences[level - 1][0]:
            return level
    return min(len(stack), 2)


def _follows(previous: str | None, label: str, sequence: tuple[str, ...]) -> bool:
    if previous not in sequence or label not in sequence:
        return False
    return sequence.index(label) == sequence.index(previous) + 1


def _unlabelled(top: list[Node], stack: list[Node], text: str) -> None:
    """A bullet under a paragraph ending ':'; else a sub-paragraph whose label is missing.

    Published texts drop a label now and then ("Preparing ..." between i. and iii.): the words
    stay in their place in the list, and the spec's numbering supplies the label.
    """
    node = Node(None, text)
    if not stack:
        top.append(node)
    elif stack[-1].bullets or (stack[-1].text.endswith(":") and not stack[-1].children):
        stack[-1].bullets.append(node)
    elif len(stack) > 1:
        stack[-2].children.append(node)
        stack[-1] = node
    else:
        stack[-1].then.append(text)
