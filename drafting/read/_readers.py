"""Reading any document the toolkit compares or checks into normalised paragraphs.

    spec (.yaml)  → its generated direction, with the spec's known published differences
    .docx         → paragraphs with the labels Word would show, tracked changes accepted
    .pdf          → page text (pypdf) less running headers and page numbers, lines unwrapped,
                    text side by side (letterheads) read a column at a time
    .txt          → as written

Every kind ends in the same `TextParagraph` form (`_normalise`), so a comparison sees wording only.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drafting._errors import DocumentError, Where
from drafting.document._tree import DocumentKind
from drafting.read._locate import locate_text, locate_tree
from drafting.read._normalise import TextParagraph, has_label, read_paragraphs
from drafting.spec._model import PublishedDifference
from drafting.support._files import read_bytes, read_text, require_file
from drafting.support._foreign import translated

SPEC_SUFFIXES = frozenset({".yaml", ".yml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: A gap between PDF lines this much wider than the usual line spacing ends a paragraph.
_PARAGRAPH_GAP = 1.2
#: Line spacing is at most this many times the type size (1.5 lines in Word is about 1.7).
_MAX_LINE_SPACING = 1.75
#: Character widths as a share of the type size (Arial and its metric twin Liberation Sans,
#: bold capitals), to tell word gaps between PDF chunks; any other character counts as 0.5.
#: A title in capitals measured at 0.5 a letter would seem to leave a column's gap.
_WIDTHS = {
    **dict.fromkeys("ABCDHKNRUVXYZ", 0.722),
    **dict.fromkeys("EPS", 0.667),
    **dict.fromkeys("FLT", 0.611),
    **dict.fromkeys("GOQ", 0.778),
    **dict.fromkeys("0123456789", 0.556),
    **dict.fromkeys(" I", 0.278),
    **dict.fromkeys("()", 0.333),
    "J": 0.556,
    "M": 0.833,
    "W": 0.944,
}
#: A gap between chunks of one row this many times the type size separates two columns.
_COLUMN_GAP = 4
#: A line that runs less than this share of the document's longest line does not wrap: it ends
#: its paragraph (an address line, a signatory's title, a paragraph's last line).
_SHORT_LINE = 0.5


@dataclass(frozen=True)
class Source:
    """A document read for comparison: its paragraphs and, for a spec, its known differences."""

    path: Path
    paragraphs: list[TextParagraph]
    known_differences: tuple[PublishedDifference, ...] = ()
    has_lines: bool = False  # whether the paragraphs' lines are lines of the file (.txt)
    published: Path | None = None  # for a spec: the published text it names (`published:`)
    text_lines: tuple[str, ...] = ()  # a text file's lines as written, for columns to be found


def read_document(
    path: Path, accept_changes: bool = True, kind: DocumentKind | None = None
) -> Source:
    """Read a spec, .docx, .pdf or .txt; `DocumentError` (or `SpecError`) if it cannot be read.

    For a spec, `kind` chooses its direction or its letter (by default the direction, or the
    letter when the spec has only a letter).
    """
    require_file(path, DocumentError)
    suffix = path.suffix.lower()
    if suffix in SPEC_SUFFIXES:
        from drafting.assembly._draft import Draft

        draft = Draft.from_file(path)
        rendered = draft.get(kind)
        main = draft.get().kind
        differences = tuple(
            d for d in draft.spec.published_differences if (d.document or main) == rendered.kind
        )
        located = locate_tree(read_paragraphs(rendered.text), rendered.laid_out)
        named = draft.spec.published
        if isinstance(named, dict):
            named = named.get(rendered.document.kind)
        published = path.parent / named if named else None
        return Source(path, located, differences, published=published)
    if suffix == ".docx":
        from drafting.read._docx import docx_text

        return Source(path, _located(docx_text(path, accept_changes)))
    if suffix == ".pdf":
        paragraphs, starts = _pdf_paragraphs(path)
        pages = [
            page for text, page in zip(paragraphs, starts, strict=True) for _ in text.split("\n")
        ]
        located = _located("\n".join(paragraphs))
        return Source(path, [replace(p, page=pages[p.line - 1]) for p in located])
    if suffix in TEXT_SUFFIXES:
        text = read_text(path, DocumentError)
        lines = tuple(text.splitlines())
        return Source(path, _located(text), has_lines=True, text_lines=lines)
    raise DocumentError(
        f"unknown format '{suffix or path.name}': give a spec (.yaml), .docx, .pdf or .txt",
        Where(path),
    )


def _located(text: str) -> list[TextParagraph]:
    return locate_text(read_paragraphs(text))[0]


#: More pages than any direction or letter has; a PDF beyond it is refused, not read for minutes.
MAX_PDF_PAGES = 500
#: Seconds of reading after which a PDF (a crafted one: pages of nested arrays) is given up.
PDF_SECONDS = 60.0


def pdf_text(path: Path) -> str:
    """The text of a PDF, one paragraph a line, told apart by the space between lines."""
    return "\n".join(_pdf_paragraphs(path)[0])


def _pdf_paragraphs(path: Path) -> tuple[list[str], list[int]]:
    """The paragraphs of a PDF, and the page (1-based) on which each begins."""
    pages = _pdf_pages(path)
    if not any(pages):
        raise DocumentError("the PDF has no text (a scanned image?)", Where(path))
    running = _running_lines([[line.text for line in page] for page in pages])
    full = max(_width(line) for page in pages for line in page)
    paragraphs: list[str] = []
    starts: list[int] = []
    last: _PdfLine | None = None  # the last line of the page before
    for number, page in enumerate(pages, start=1):
        kept = _without_page_number([line for line in page if line.text not in running])
        found = _page_paragraphs(kept, full)
        if found and paragraphs and last is not None and _runs_on(last, kept[0], full):
            paragraphs[-1] = f"{paragraphs[-1]} {found.pop(0)}"
        paragraphs += found
        starts += [number] * len(found)
        last = kept[-1] if kept else last
    return paragraphs, starts


#: How a sentence or a list item ends: its stop, then any closing quotes or brackets.
_ENDS = re.compile(r"[.:;!?][\"'”’)\]]*$")


def _runs_on(last: _PdfLine, first: _PdfLine, full: float) -> bool:
    """Whether a paragraph runs over the page break from `last` to `first`.

    It does when the page's last line wraps (it runs on to the margin) without ending a
    sentence or an item, and the next page does not begin with a label: "... under section" /
    "497A of the Education Act 1996" is one paragraph, whatever the next line begins with.
    """
    wraps = _width(last) >= _SHORT_LINE * full
    return wraps and not _ENDS.search(last.text) and not has_label(first.text)


def _pdf_pages(path: Path) -> list[list[_PdfLine]]:
    """The lines of every page; `DocumentError` for a PDF that is damaged, encrypted or too big."""
    from pypdf import PdfReader

    # pypdf logs what it repairs in a damaged file; the user gets one line from us instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    data = read_bytes(path, DocumentError)
    deadline = time.monotonic() + PDF_SECONDS
    # pypdf raises many kinds of exception on a damaged or hostile file (nesting deep enough to
    # exhaust the stack among them): every one means the same thing to the user.
    with translated(DocumentError, "not a readable PDF", Where(path), anything=True):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypted(reader):
            raise DocumentError("the PDF is encrypted", Where(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise DocumentError(f"the PDF has more than {MAX_PDF_PAGES} pages", Where(path))
        pages = []
        for page in reader.pages:
            if time.monotonic() > deadline:
                raise DocumentError("the PDF takes too long to read", Where(path))
            pages.append(_page_lines(page))
        return pages


def _decrypted(reader: Any) -> bool:
    """Whether an encrypted PDF opens with the empty password (as many "protected" ones do)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher is one more way of being encrypted
        return False


@dataclass
class _PdfLine:
    """A line of a PDF page: baseline height, start, text, and where its last chunk began."""

    y: float
    x: float
    size: float
    text: str
    last_x: float
    last_text: str

    @property
    def end(self) -> float:
        """About where the line's last chunk ends."""
        return self.last_x + _text_width(self.last_text, self.size)

    def add(self, x: float, text: str, size: float) -> None:
        """Add a chunk found further along the line."""
        # A space between chunks unless the text has one already, or the chunk starts where
        # the previous chunk's characters could still reach (a word split across chunks).
        # Closing punctuation never follows a word gap (a field's result "a", then ". above").
        joined = self.text.endswith(" ") or text.startswith((" ", *_CLOSING)) or x < self.end
        self.text += ("" if joined else " ") + text
        self.last_x, self.last_text = x, text


_CLOSING = tuple(".,;:)]”’")
_Chunk = tuple[float, float, float, str]  # baseline height, start, type size, text


def _page_lines(page: Any) -> list[_PdfLine]:
    """The lines of a page in reading order, from the positions of its text chunks."""
    chunks: list[_Chunk] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((y, x, size or 10.0, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    return [line for block in _reading_blocks(chunks) for line in _lines(block)]


def _lines(chunks: list[_Chunk]) -> list[_PdfLine]:
    """Chunks joined into lines, top to bottom, each line left to right."""
    lines: list[_PdfLine] = []
    for y, x, size, text in sorted(chunks, key=lambda c: (-round(c[0]), c[1])):
        if lines and abs(lines[-1].y - y) < size / 3:
            lines[-1].add(x, text, size)
        else:
            lines.append(_PdfLine(y, x, size, text, x, text))
    for line in lines:
        line.text = " ".join(line.text.split())
    return lines


def _reading_blocks(chunks: list[_Chunk], start: float | None = None) -> list[list[_Chunk]]:
    """The page's chunks in blocks read one after another.

    Where text stands in two columns (letterheads side by side in a table), the left column is
    read before the right, as a reader does; elsewhere the page is one block, top to bottom.  The
    columns are the rows around one with a wide gap between its chunks (the gutter), taken up
    and down while rows follow at line spacing and no chunk crosses the gutter.  A gutter is a
    third of the way across the text or further (`start`): nearer the margin, a wide gap is
    between a list label and its text.
    """
    if start is None and chunks:
        left, right = min(c[1] for c in chunks), max(_end(c) for c in chunks)
        start = left + (right - left) / 3
    rows = _lines(chunks)
    found = [(i, x) for i, row in enumerate(rows) if (x := _gutter(row, chunks, start or 0.0))]
    if not found:
        return [chunks]
    first, gutter = found[0]
    last = first
    while first > 0 and _continues_column(rows[first - 1], rows[first], gutter, chunks):
        first -= 1
    while last + 1 < len(rows) and _continues_column(rows[last], rows[last + 1], gutter, chunks):
        last += 1
    top, bottom = rows[first].y, rows[last].y
    inside = [c for c in chunks if bottom - c[2] / 3 < c[0] < top + c[2] / 3]
    above = [c for c in chunks if c[0] >= top + c[2] / 3]
    below = [c for c in chunks if c[0] <= bottom - c[2] / 3]
    left_column = [c for c in inside if c[1] < gutter]
    right_column = [c for c in inside if c[1] >= gutter]
    blocks = [above, left_column, right_column, *_reading_blocks(below, start)]
    return [block for block in blocks if block]


def _row_chunks(row: _PdfLine, chunks: list[_Chunk]) -> list[_Chunk]:
    return sorted((c for c in chunks if abs(c[0] - row.y) < c[2] / 3), key=lambda c: c[1])


def _end(chunk: _Chunk) -> float:
    return chunk[1] + _text_width(chunk[3], chunk[2])


def _text_width(text: str, size: float) -> float:
    """About how wide a piece of text is set at `size`."""
    return sum(_WIDTHS.get(character, 0.5) for character in text) * size


def _gutter(row: _PdfLine, chunks: list[_Chunk], start: float) -> float | None:
    """Where a second column starts on this row: after a gap wider than words ever leave."""
    parts = _row_chunks(row, chunks)
    for before, after in itertools.pairwise(parts):
        if after[1] >= start and after[1] - _end(before) > _COLUMN_GAP * after[2]:
            return after[1]
    return None


def _continues_column(
    upper: _PdfLine, lower: _PdfLine, gutter: float, chunks: list[_Chunk]
) -> bool:
    """Whether two neighbouring rows belong to one band of columns."""
    near = upper.y - lower.y <= _MAX_LINE_SPACING * max(upper.size, lower.size)
    parts = _row_chunks(upper, chunks) + _row_chunks(lower, chunks)
    return near and not any(c[1] < gutter < _end(c) for c in parts)


def _page_paragraphs(lines: list[_PdfLine], full: float) -> list[str]:
    """Lines grouped into paragraphs.

    A line starts a paragraph after a gap wider than line spacing, after a line that stops well
    short of the document's `full` lines (a line that wraps runs on to the margin), when it is
    higher on the page than the line before (the next column), or when it begins with a label.
    """
    thresholds = _paragraph_gaps(lines)
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        starts = (
            previous is None
            or previous.size != line.size
            or not thresholds.get(line.size, 0.0) >= previous.y - line.y >= 0
            or _width(previous) < _SHORT_LINE * full
            or has_label(line.text)
        )
        if starts or not paragraphs:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
    return paragraphs


def _width(line: _PdfLine) -> float:
    """About how far the line runs across the page."""
    return line.end - line.x


def _paragraph_gaps(lines: list[_PdfLine]) -> dict[float, float]:
    """For each type size on the page, the vertical gap beyond which a new paragraph starts.

    The smallest gap between lines of a size is its line spacing, unless no paragraph of that
    size wraps; a gap wider than 1.75 times the type size cannot be line spacing, so then every
    gap is between paragraphs.  (Sizes differ: a letterhead's small print is closer set.)
    """
    gaps: dict[float, list[float]] = {}
    for upper, lower in itertools.pairwise(lines):
        gap = upper.y - lower.y
        if upper.size == lower.size and gap > lower.size / 2:
            gaps.setdefault(lower.size, []).append(gap)
    thresholds = {}
    for size, found in gaps.items():
        spacing = min(found)
        wraps = spacing <= size * _MAX_LINE_SPACING
        thresholds[size] = spacing * _PARAGRAPH_GAP if wraps else spacing * 0.95
    return thresholds


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
