"""Reading any document the toolkit compares or checks into normalised paragraphs.

    spec (.yaml)  → its generated direction, with the spec's known published differences
    .docx         → paragraphs with the labels Word would show, tracked changes accepted
    .pdf          → page text (pypdf) less running headers and page numbers, lines unwrapped
    .txt          → as written

Every kind ends in the same `TextParagraph` form (`_normalise`), so a comparison sees wording only.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._errors import DocumentError, Where
from ._normalise import TextParagraph, has_label, read_paragraphs
from ._spec import PublishedDifference
from ._yaml import read_text

SPEC_SUFFIXES = frozenset({".yaml", ".yml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: A gap between PDF lines this much wider than the usual line spacing ends a paragraph.
_PARAGRAPH_GAP = 1.2
#: Line spacing is at most this many times the type size (1.5 lines in Word is about 1.7).
_MAX_LINE_SPACING = 1.75
#: Average character width as a share of the type size, to tell word gaps between PDF chunks.
_CHARACTER_WIDTH = 0.5


@dataclass(frozen=True)
class Source:
    """A document read for comparison: its paragraphs and, for a spec, its known differences."""

    path: Path
    paragraphs: list[TextParagraph]
    known_differences: tuple[PublishedDifference, ...] = ()


def read_document(path: Path, accept_changes: bool = True, kind: str | None = None) -> Source:
    """Read a spec, .docx, .pdf or .txt; `DocumentError` (or `SpecError`) if it cannot be read.

    For a spec, `kind` chooses its direction or its letter (by default the direction, or the
    letter when the spec has only a letter).
    """
    suffix = path.suffix.lower()
    if path.is_dir():
        raise DocumentError("is a directory, not a file", Where(path))
    if suffix in SPEC_SUFFIXES:
        from ._draft import Draft

        draft = Draft.from_file(path)
        rendered = draft.get(kind)
        main = draft.get().kind
        differences = tuple(
            d for d in draft.spec.published_differences if (d.document or main) == rendered.kind
        )
        return Source(path, read_paragraphs(rendered.text), differences)
    if suffix == ".docx":
        from ._read_docx import docx_text

        return Source(path, read_paragraphs(docx_text(path, accept_changes)))
    if suffix == ".pdf":
        return Source(path, read_paragraphs(pdf_text(path)))
    if suffix in TEXT_SUFFIXES:
        return Source(path, read_paragraphs(read_text(path, DocumentError)))
    raise DocumentError(
        f"unknown format '{suffix or path.name}': give a spec (.yaml), .docx, .pdf or .txt",
        Where(path),
    )


def pdf_text(path: Path) -> str:
    """The text of a PDF, one paragraph a line, told apart by the space between lines."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs in a damaged file; the user gets one line from us instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        pages = [_page_lines(page) for page in PdfReader(path).pages]
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise DocumentError(f"not a readable PDF ({exc})", Where(path)) from None
    if not any(pages):
        raise DocumentError("the PDF has no text (a scanned image?)", Where(path))
    running = _running_lines([[line.text for line in page] for page in pages])
    # A paragraph running over a page break is rejoined by the normaliser's line-wrapping rule.
    paragraphs: list[str] = []
    for page in pages:
        kept = [line for line in page if line.text not in running]
        paragraphs += _page_paragraphs(_without_page_number(kept))
    return "\n".join(paragraphs)


@dataclass
class _PdfLine:
    """A line of a PDF page: baseline height, start, text, and where its last chunk began."""

    y: float
    x: float
    size: float
    text: str
    last_x: float
    last_text: str

    def add(self, x: float, text: str, size: float) -> None:
        """Add a chunk found further along the line."""
        # A space between chunks unless the text has one already, or the chunk starts where
        # the previous chunk's characters could still reach (a word split across chunks).
        reach = self.last_x + len(self.last_text) * size * _CHARACTER_WIDTH
        joined = self.text.endswith(" ") or text.startswith(" ") or x < reach
        self.text += ("" if joined else " ") + text
        self.last_x, self.last_text = x, text


def _page_lines(page: Any) -> list[_PdfLine]:
    """The lines of a page, top to bottom, from the positions of its text chunks."""
    chunks: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((y, x, size or 10.0, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    lines: list[_PdfLine] = []
    for y, x, size, text in sorted(chunks, key=lambda c: (-round(c[0]), c[1])):
        if lines and abs(lines[-1].y - y) < size / 3:
            lines[-1].add(x, text, size)
        else:
            lines.append(_PdfLine(y, x, size, text, x, text))
    for line in lines:
        line.text = " ".join(line.text.split())
    return lines


def _page_paragraphs(lines: list[_PdfLine]) -> list[str]:
    """Lines grouped into paragraphs: a gap wider than line spacing, or a label, starts one."""
    threshold = _paragraph_gap(lines)
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        gap = lines[index - 1].y - line.y if index else None
        starts = gap is None or gap > threshold or has_label(line.text)
        if starts or not paragraphs:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
    return paragraphs


def _paragraph_gap(lines: list[_PdfLine]) -> float:
    """The vertical gap beyond which a new paragraph starts on this page.

    The smallest gap between lines is the line spacing, unless the page has no wrapped line at
    all; a gap wider than 1.75 times the type size cannot be line spacing, so then every gap is
    between paragraphs.
    """
    sizes = sorted(line.size for line in lines)
    size = sizes[len(sizes) // 2] if sizes else 12.0
    gaps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y > size / 2]
    if not gaps:
        return 0.0
    spacing = min(gaps)
    return spacing * 0.95 if spacing > size * _MAX_LINE_SPACING else spacing * _PARAGRAPH_GAP


def _without_page_number(lines: list[_PdfLine]) -> list[_PdfLine]:
    """The lines less a page number standing alone at the top or the bottom of the page."""
    if lines and lines[-1].text.isdigit():
        lines = lines[:-1]
    if lines and lines[0].text.isdigit():
        lines = lines[1:]
    return lines


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update(set(lines[:2] + lines[-2:]))
    return {line for line, count in edges.items() if count >= max(3, len(pages) // 2)}
