"""What the checks read and what they report.

A `Subject` is one document made ready for checking: its paragraphs with the full label path a
reader would cite (`7.b.ii`), whether it is final (blanks then are errors), and the spec when
the document was generated from one (so rules can compare with the facts it declares).

Rules read only the paragraphs that contain a phrase their pattern cannot match without
(`Subject.containing`): Python's regular expressions try a pattern at every character unless it
starts with fixed text, and a plain `in` test is a hundred times quicker than that scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from drafting.read._normalise import TextParagraph
from drafting.spec._model import Spec

Severity = Literal["error", "warning"]
#: An annex's heading: "ANNEX", "ANNEX A", "SCHEDULE".
_ANNEX_HEADING = re.compile(r"^\s*(?:ANNEX(?: [A-Z1-9])?|SCHEDULE(?: [A-Z1-9])?)\s*$")
LabelKind = Literal["decimal", "letter", "roman"]


@dataclass(frozen=True)
class Finding:
    """One finding: code, severity, where, the offending excerpt and a one-line explanation."""

    code: str
    severity: Severity
    where: str
    excerpt: str
    message: str
    order: int = 0  # the paragraph's place in the document, for listing in reading order


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph as the checks see it: its text, and its label placed in its list."""

    index: int
    label: str | None
    text: str
    line: int
    marker: str | None
    lower: str  # the text in lower case, for `Subject.containing`
    placed: Placed | None

    @property
    def path(self) -> str | None:
        """The full label path a reader would cite (`7.b.ii`), or None if unlabelled."""
        return self.placed.path if self.placed else None

    @property
    def where(self) -> str:
        """How a finding names the paragraph: `para 7.b.ii`, or `line 12` when unlabelled."""
        return f"para {self.path}" if self.path else f"line {self.line}"


@dataclass
class Subject:
    """A document to check."""

    name: str
    paragraphs: list[Para]
    final: bool
    spec: Spec | None = None
    kind: str = "direction"

    @cached_property
    def annex_start(self) -> int | None:
        """The index of the annex's heading ("ANNEX", "ANNEX A"), if the document has one."""
        return next((p.index for p in self.paragraphs if _ANNEX_HEADING.match(p.text)), None)

    @cached_property
    def lower(self) -> str:
        """The whole text in lower case, a paragraph a line."""
        return "\n".join(para.lower for para in self.paragraphs)

    @cached_property
    def _starts(self) -> list[int]:
        """Where each paragraph starts in `lower`."""
        starts, at = [], 0
        for para in self.paragraphs:
            starts.append(at)
            at += len(para.lower) + 1
        return starts

    def containing(self, *phrases: str) -> list[Para]:
        """The paragraphs containing any of `phrases` (lower case), in any case, in order."""
        found: set[int] = set()
        for phrase in phrases:
            at = self.lower.find(phrase)
            while at != -1:
                index = bisect_right(self._starts, at) - 1
                found.add(index)
                following = index + 1  # one find per paragraph found, not per occurrence
                if following == len(self._starts):
                    break
                at = self.lower.find(phrase, self._starts[following])
        return [self.paragraphs[index] for index in sorted(found)]

    def finding(
        self, code: str, severity: Severity, para: Para, excerpt: str, message: str
    ) -> Finding:
        """A finding at `para`, the excerpt shortened for one line."""
        return Finding(code, severity, para.where, _short(excerpt), message, para.index)


Rule = Callable[[Subject], Iterator[Finding]]


def excerpt_around(text: str, start: int, end: int, context: int = 30) -> str:
    """The matched text with a little context either side."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def subject_paragraphs(paragraphs: Sequence[TextParagraph]) -> list[Para]:
    """Paragraphs with their label paths and levels."""
    placed = place_labels(p.label for p in paragraphs)
    return [
        Para(i, p.label, p.text, p.line, p.marker, p.text.lower(), q)
        for i, (p, q) in enumerate(zip(paragraphs, placed, strict=True))
    ]
