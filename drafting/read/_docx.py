"""Reading a .docx back as laid-out paragraphs, numbered the way Word numbers them.

This is how a test proves the Word numbering is real (the labels are computed here from
numbering.xml, not read from the text), and how `diff` and `check` read any Word document,
ours or hand-edited.  Tracked changes are read as accepted unless asked otherwise.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from drafting._errors import DocumentError, Where
from drafting.document._text import render_text
from drafting.document._tree import LaidOut, NumberFormat, Role, format_number
from drafting.ooxml._read import (
    ListLevel,
    WordParagraph,
    list_definitions,
    paragraphs,
    parse_xml,
    read_parts,
    style_numbering,
)
from drafting.ooxml._styles import BULLET_STYLES, CONTINUATION_STYLES, LINE_STYLES, NUMBERED_STYLES
from drafting.support._files import read_bytes
from drafting.support._foreign import translated

_ROLE_OF_STYLE: dict[str, Role] = {style: role for role, style in LINE_STYLES.items()}
_WORD_FORMATS: dict[str, NumberFormat] = {
    "decimal": "decimal",
    "lowerLetter": "lowerLetter",
    "lowerRoman": "lowerRoman",
}
MAX_WORD_LEVELS = 9


_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml"]


def read_docx(path: Path, accept_changes: bool = True) -> list[LaidOut]:
    """The non-empty paragraphs of a .docx, with the list labels Word would show."""
    package = read_bytes(path, DocumentError)
    # A damaged package, malformed XML, a part too large to inflate (`PartTooLarge`), or a
    # number that is not one (a numId of "x").
    with translated(DocumentError, "not a readable .docx", Where(path)):
        parts = read_parts(package, ["word/document.xml", "word/styles.xml", "word/numbering.xml"])
        if "word/document.xml" not in parts:
            raise DocumentError("not a Word document (no word/document.xml)", Where(path))
        trees = {name: parse_xml(data) for name, data in parts.items()}
        return _read_tree(trees, accept_changes)


def _read_tree(trees: dict[str, etree._Element], accept_changes: bool) -> list[LaidOut]:
    styles = trees.get("word/styles.xml")
    numbering = _WordNumbering(*list_definitions(trees.get("word/numbering.xml")))
    by_style = style_numbering(styles) if styles is not None else {}
    laid = []
    for paragraph in paragraphs(trees["word/document.xml"], accept_changes):
        item = _laid_out(paragraph, numbering, by_style)
        if item is not None:
            laid.append(item)
    return laid


def docx_text(path: Path, accept_changes: bool = True) -> str:
    """A .docx as the text renderer writes text: what `drafting text` shows for the same draft."""
    return render_text(read_docx(path, accept_changes))


def _laid_out(
    paragraph: WordParagraph, numbering: _WordNumbering, by_style: dict[str, tuple[int, int]]
) -> LaidOut | None:
    text = " ".join(paragraph.text.split())
    if not text:
        return None
    style = paragraph.style_id or ""
    pair = paragraph.numbering or by_style.get(style)
    if pair is not None and pair[0] != 0:
        label = numbering.label(*pair)
        if label is not None:
            level_format, shown = label
            role: Role = "bullet" if level_format == "bullet" else "numbered"
            return LaidOut(
                role, text, pair[1], shown, str(pair[0]), _WORD_FORMATS.get(level_format)
            )
    if style in CONTINUATION_STYLES:
        return LaidOut("continuation", text, CONTINUATION_STYLES.index(style))
    if style in NUMBERED_STYLES or style in BULLET_STYLES:
        return LaidOut("plain", text, column=paragraph.column)
    return LaidOut(_ROLE_OF_STYLE.get(style, "plain"), text, column=paragraph.column)


class _WordNumbering:
    """Word's list counters: kept per abstract list, restarted where an instance overrides them."""

    def __init__(
        self,
        abstract_of: dict[int, int],
        overrides: dict[int, dict[int, int]],
        levels: dict[int, dict[int, ListLevel]],
    ) -> None:
        self.abstract_of = abstract_of
        self.overrides = overrides
        self.levels = levels
        self.counters: dict[int, list[int | None]] = {}
        self.seen: set[int] = set()

    def label(self, num_id: int, level: int) -> tuple[str, str] | None:
        """(number format, label as shown) for the next paragraph of list `num_id` at `level`."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract) if abstract is not None else None
        if abstract is None or not levels or level not in levels:
            return None
        counters = self.counters.setdefault(abstract, [None] * MAX_WORD_LEVELS)
        if num_id not in self.seen:
            self.seen.add(num_id)
            for overridden, start in self.overrides.get(num_id, {}).items():
                counters[overridden] = start - 1
        current = counters[level]
        counters[level] = (levels[level].start - 1 if current is None else current) + 1
        for deeper in range(level + 1, MAX_WORD_LEVELS):
            counters[deeper] = None
        return levels[level].number_format, self._shown(levels, counters, level)

    @staticmethod
    def _shown(levels: dict[int, ListLevel], counters: list[int | None], level: int) -> str:
        definition = levels[level]
        if definition.number_format == "bullet":
            return definition.text
        text = definition.text
        for shown_level in range(level, -1, -1):
            placeholder = f"%{shown_level + 1}"
            if placeholder in text and shown_level in levels:
                value = counters[shown_level] or levels[shown_level].start
                fmt = _WORD_FORMATS.get(levels[shown_level].number_format, "decimal")
                text = text.replace(placeholder, format_number(value, fmt))
        return text
