"""What the checks read and what they report.

A `Subject` is one document made ready for checking: its paragraphs with the part they are in
and the full label path a reader would cite (`direction 7.b.ii`, `annex 3.a`), whether it is
final (blanks then are errors), and the spec when the document was generated from one (so rules
can compare with the facts it declares).  A generated document's paragraphs come from its tree
(`drafting.read._locate.tree_paragraphs`), an outside document's from its text.

Rules read only the paragraphs that contain a phrase their pattern cannot match without
(`Subject.containing`): Python's regular expressions try a pattern at every character unless it
starts with fixed text, and a plain `in` test is a hundred times quicker than that scan.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from drafting.document._tree import DocumentKind
from drafting.read._locate import (
    LabelKind,
    Placed,
    letter_value,
    locate_text,
    place_labels,
    roman_value,
)
from drafting.read._normalise import TextParagraph, place_name
from drafting.spec._model import Spec

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One finding: code, severity, where, the offending excerpt and a one-line explanation."""

    code: str
    severity: Severity
    where: str
    excerpt: str
    message: str
    order: int = 0  # the paragraph's place in the document, for listing in reading order
    line: int | None = None  # the line of a text file it starts on, for editors to jump to
    part: str = ""  # the document part: recital, direction, annex, letter ...
    path: str | None = None  # the paragraph's full label path (`7.c.ii`), if it has one
    page: int | None = None  # for a PDF: the page the paragraph begins on
    column: int | None = None  # where the excerpt begins on `line`, when it stands there as written


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
    part: str = ""  # recital, direction, annex, letter ... ("" where a text does not show it)
    number: int = 0  # its place among the part's paragraphs, 1-based
    source_line: bool = False  # whether `line` is a line of the file read (a .txt)
    page: int | None = None  # for a PDF: the page it begins on

    @property
    def path(self) -> str | None:
        """The full label path a reader would cite (`7.b.ii`), or None if unlabelled."""
        return self.placed.path if self.placed else None

    @property
    def where(self) -> str:
        """How a finding names the paragraph: `direction 7.b.ii`, `letter paragraph 4`."""
        return place_name(self.part, self.path, self.number)


@dataclass
class Subject:
    """A document to check."""

    name: str
    paragraphs: list[Para]
    final: bool
    spec: Spec | None = None
    kind: DocumentKind = "direction"

    @cached_property
    def annex_start(self) -> int | None:
        """The index of the annex's first paragraph (its heading), if the document has one."""
        return next((p.index for p in self.paragraphs if p.part == "annex"), None)

    def in_part(self, *parts: str) -> list[Para]:
        """The paragraphs of those parts of the document, in order."""
        return [p for p in self.paragraphs if p.part in parts]

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
        line = para.line if para.source_line else None
        return Finding(
            code, severity, para.where, _short(excerpt), message, para.index, line,
            para.part, para.path, para.page,
        )  # fmt: skip


Rule = Callable[[Subject], Iterator[Finding]]


def excerpt_around(text: str, start: int, end: int, context: int = 30) -> str:
    """The matched text with a little context either side."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def clause_around(text: str, at: int) -> str:
    """The sentence, or the clause of a list ("...; "), that the place `at` in `text` stands in."""
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at)) + 1
    end = text.find(". ", at)
    return text[start : len(text) if end == -1 else end]


def words(text: str) -> frozenset[str]:
    """The words of `text` as a set: a rule's vocabulary written as prose, not a list."""
    return frozenset(text.split())


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def subject_paragraphs(
    paragraphs: Sequence[TextParagraph],
    placed: Sequence[Placed | None] | None = None,
    source_lines: bool = False,
) -> list[Para]:
    """Paragraphs with their parts, label paths and levels.

    Without `placed`, the paragraphs are text read from a file and are located from the text
    (`locate_text`); `source_lines` says their lines are the file's, for findings to name.
    """
    if placed is None:
        paragraphs, placed = locate_text(paragraphs)
    return [
        Para(
            i,
            p.label,
            p.text,
            p.line,
            p.marker,
            p.text.lower(),
            q,
            part=p.part,
            number=p.number,
            source_line=source_lines,
            page=p.page,
        )
        for i, (p, q) in enumerate(zip(paragraphs, placed, strict=True))
    ]


__all__ = [
    "Finding",
    "LabelKind",
    "Para",
    "Placed",
    "Rule",
    "Severity",
    "Subject",
    "clause_around",
    "excerpt_around",
    "letter_value",
    "place_labels",
    "roman_value",
    "subject_paragraphs",
    "words",
]
