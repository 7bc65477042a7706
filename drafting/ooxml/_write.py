"""Raw WordprocessingML, written: the one module that writes OOXML.

Everything above this layer speaks of paragraphs, styles, lists and levels.  A document is its
template's package with three parts replaced: the main document (the body's blocks, written as
XML text here and placed between the template's own opening and section properties), the
numbering (a `w:num` list instance per list, of the template's multi-level `w:abstractNum`
definitions, found by the number formats of their levels) and the core properties.

A `Template` is a Word template prepared once for this (by `_ooxml_read`, which parses it with
lxml): its body split where blocks go, its lists and styles indexed, its unchanged parts already
zipped.  Prepared templates are kept between runs (`_cache`), so a build need not load lxml.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafting.ooxml._package import Template
from drafting.support._cache import cached
from drafting.support._characters import NOT_XML

# --- writing: blocks as XML text (the `w` prefix is bound on the template's root) ---------------


def _text(text: str) -> str:
    """Text as element content: markup characters escaped, impossible characters dropped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return NOT_XML.sub("", text)


def _attribute(value: str | int) -> str:
    return _text(str(value)).replace('"', "&quot;")


def _element(tag: str, **attributes: str | int) -> str:
    """An empty element: `_element("pStyle", val="Title")` → `<w:pStyle w:val="Title"/>`."""
    values = "".join(f' w:{name}="{_attribute(value)}"' for name, value in attributes.items())
    return f"<w:{tag}{values}/>"


def _run(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{_text(text)}</w:{tag}></w:r>'


def paragraph_xml(
    style_id: str,
    text: str,
    numbering: tuple[int, int] | None = None,
    page_break_before: bool = False,
    keep_with_next: bool = False,
    bookmark: tuple[int, str] | None = None,
    references: Sequence[tuple[int, int, str]] = (),
) -> str:
    """A paragraph in `style_id`; `numbering` is its list (numId, ilvl).

    `bookmark` (id, name) marks the paragraph as one that can be referred to; `references`
    (start, end, bookmark name) are spans of the text that show another paragraph's label, written
    as REF fields whose shown result is that text, so Word renumbers them when fields update.
    """
    properties = _style(style_id)
    if keep_with_next:
        properties += "<w:keepNext/>"
    if page_break_before:
        properties += "<w:pageBreakBefore/>"
    if numbering is not None:
        num_id, level = numbering
        properties += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    runs = _runs_with_references(text, references) if references else _run(text)
    if bookmark is not None:
        number, name = bookmark
        runs = (
            _element("bookmarkStart", id=number, name=name)
            + runs
            + _element("bookmarkEnd", id=number)
        )
    return f"<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>"


def _runs_with_references(text: str, references: Sequence[tuple[int, int, str]]) -> str:
    runs, done = [], 0
    for start, whole_end, name in references:
        runs.append(_run(text[done:start]))
        # \n shows the label as its own level shows it, without the levels above and without
        # its trailing period ("a" of "a."): the period stays as text after the field.
        end = whole_end - 1 if text[start:whole_end].endswith(".") else whole_end
        instruction = f" REF {name} \\n \\h "
        runs.append(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + _run(instruction, "instrText")
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + _run(text[start:end])
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        done = end
    runs.append(_run(text[done:]))
    return "".join(runs)


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for a cross-reference anchor: hidden (`_Ref`), short, stable."""
    return "_Ref" + hashlib.blake2b(anchor.encode(), digest_size=6).hexdigest()


@lru_cache(maxsize=64)
def _style(style_id: str) -> str:
    return _element("pStyle", val=style_id)


@dataclass
class Revisions:
    """Author and time of tracked changes, and the ids Word needs to be unique in a document."""

    author: str
    date: str  # ISO 8601, e.g. 2026-11-22T10:00:00Z
    last_id: int = 0

    def mark(self, tag: str, content: str = "") -> str:
        """A `w:ins` or `w:del` around `content`, stamped with the author, date and a fresh id."""
        self.last_id += 1
        stamp = f'w:id="{self.last_id}" w:author="{_attribute(self.author)}" w:date="{self.date}"'
        return f"<w:{tag} {stamp}>{content}</w:{tag}>" if content else f"<w:{tag} {stamp}/>"


#: How a whole paragraph changed: the tracked-change element its paragraph mark and runs take.
_WHOLE_MARKS = {"inserted": "ins", "deleted": "del", "moved-from": "moveFrom", "moved-to": "moveTo"}


def tracked_paragraph_xml(
    style_id: str,
    pieces: Iterable[tuple[str, str]],
    revisions: Revisions,
    whole: str | None = None,
    numbering: tuple[int, int] | None = None,
    move: str | None = None,
) -> str:
    """A paragraph of (kind, text) pieces (`equal`, `inserted`, `deleted`) as tracked changes.

    `whole` ("inserted", "deleted", "moved-from" or "moved-to") also marks the paragraph mark
    itself, so that accepting or rejecting the change adds or removes the paragraph rather than
    leaving an empty one; a move is named (`move`) where it leaves and where it arrives.
    `numbering` (numId, ilvl) puts the paragraph in a Word list.
    """
    properties = _element("pStyle", val=style_id)
    if numbering is not None:
        num_id, level = numbering
        properties += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    if whole is not None:
        properties += f"<w:rPr>{revisions.mark(_WHOLE_MARKS[whole])}</w:rPr>"
    runs = []
    for kind, text in pieces:
        if kind == "equal":
            runs.append(_run(text))
        elif kind == "deleted":
            tag = "moveFrom" if whole == "moved-from" else "del"
            runs.append(revisions.mark(tag, _run(text, "delText")))
        else:
            runs.append(revisions.mark("moveTo" if whole == "moved-to" else "ins", _run(text)))
    content = "".join(runs)
    if whole in ("moved-from", "moved-to") and move is not None:
        tag = "moveFromRange" if whole == "moved-from" else "moveToRange"
        revisions.last_id += 1
        number = revisions.last_id
        stamp = f'w:author="{_attribute(revisions.author)}" w:date="{revisions.date}"'
        start = f'<w:{tag}Start w:id="{number}" w:name="{_attribute(move)}" {stamp}/>'
        content = f'{start}{content}<w:{tag}End w:id="{number}"/>'
    return f"<w:p><w:pPr>{properties}</w:pPr>{content}</w:p>"


def columns_xml(columns: Sequence[Sequence[tuple[str, str]]]) -> str:
    """A borderless table of one row, a cell per column of (style id, text) paragraphs.

    Used for layout only (letterheads side by side); its cells read in document order.
    """
    width = 9026 // max(1, len(columns))  # twips across an A4 page inside one-inch margins
    look = _element(
        "tblLook",
        val="0000",
        firstRow=0,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=1,
        noVBand=1,
    )
    margin = _element("bottom", w=480, type="dxa")  # room between letterhead and address
    properties = (
        _element("tblW", w=5000, type="pct")
        + _element("tblLayout", type="fixed")
        + f"<w:tblCellMar>{margin}</w:tblCellMar>"
        + look
    )
    grid = "".join(_element("gridCol", w=width) for _ in columns)
    cells = "".join(
        f"<w:tc><w:tcPr>{_element('tcW', w=width, type='dxa')}</w:tcPr>"
        + ("".join(paragraph_xml(style, text) for style, text in column) or "<w:p/>")
        + "</w:tc>"
        for column in columns
    )
    table = f"<w:tblPr>{properties}</w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr>"
    return f"<w:tbl>{table}</w:tbl>"


def num_xml(num_id: int, abstract_id: int) -> str:
    """A list instance of `abstract_id` that starts again at 1.

    Word carries numbering on across instances of one abstractNum unless told to restart, so
    every instance overrides the start of its first level.
    """
    restart = f'<w:lvlOverride w:ilvl="0">{_element("startOverride", val=1)}</w:lvlOverride>'
    return (
        f'<w:num w:numId="{num_id}">{_element("abstractNumId", val=abstract_id)}{restart}</w:num>'
    )


# --- the core properties part -------------------------------------------------------------------


def core_properties(
    title: str, subject: str, author: str, language: str, created: str | None
) -> bytes:
    """The core properties part (title, subject, author, language, dates)."""
    fields = [
        ("dc:title", title),
        ("dc:subject", subject),
        ("dc:creator", author),
        ("cp:lastModifiedBy", author),
        ("dc:language", language),
        ("cp:revision", "1"),
    ]
    stamps = [("dcterms:created", created), ("dcterms:modified", created)] if created else []
    body = "".join(f"<{tag}>{_text(value)}</{tag}>" for tag, value in fields) + "".join(
        f'<{tag} xsi:type="dcterms:W3CDTF">{_text(value)}</{tag}>' for tag, value in stamps
    )
    return (
        f"{_DECLARATION}<cp:coreProperties {_CORE_NAMESPACES}>{body}</cp:coreProperties>"
    ).encode()


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE_NAMESPACES = (
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)


# --- templates ------------------------------------------------------------------------------


def load_template(path: Path) -> Template:
    """The template at `path`, prepared once per version of the file (edits are picked up).

    Raises `ValueError` (or `OSError`) when the file is not a usable Word template.
    """
    stat = path.stat()
    return _load_template(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_template(path: Path, mtime: int, size: int) -> Template:
    # lxml's version is not in the key: what it prepares is XML, valid whoever wrote it.
    return cached(
        "template", path, [path], (), lambda: _prepare(path), lambda v: isinstance(v, Template)
    )


def _prepare(path: Path) -> Template:
    from drafting.ooxml._read import prepare_template  # lxml, only when the cache has no entry

    return prepare_template(path)
