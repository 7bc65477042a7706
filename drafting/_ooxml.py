"""Raw WordprocessingML: the one module that builds and reads OOXML elements directly.

Everything above this layer speaks of paragraphs, styles, lists and levels.  Paragraphs are
built as lxml elements naming their style by id (python-docx's look-up of a style by name scans
every style for every paragraph); lists are `w:num` instances of the template's multi-level
`w:abstractNum` definitions, found by the number formats of their levels.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The fixed time stamp of every zip entry, so the same document gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: `w("p")` → `{...main}p`."""
    return f"{{{W_NS}}}{tag}"


def _set(element: etree._Element, **attributes: str | int) -> etree._Element:
    for name, value in attributes.items():
        element.set(w(name), str(value))
    return element


# --- writing -----------------------------------------------------------------------------------


def clear_body(body: etree._Element) -> None:
    """Remove every block from the body, keeping its section properties (page set-up, footer)."""
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)


def append_paragraph(
    body: etree._Element,
    style_id: str,
    text: str,
    numbering: tuple[int, int] | None = None,
    page_break_before: bool = False,
) -> None:
    """Add a paragraph in `style_id` before the section properties; `numbering` is (numId, ilvl)."""
    paragraph = etree.Element(w("p"))
    properties = etree.SubElement(paragraph, w("pPr"))
    _set(etree.SubElement(properties, w("pStyle")), val=style_id)
    if page_break_before:
        etree.SubElement(properties, w("pageBreakBefore"))
    if numbering is not None:
        num_id, level = numbering
        number = etree.SubElement(properties, w("numPr"))
        _set(etree.SubElement(number, w("ilvl")), val=level)
        _set(etree.SubElement(number, w("numId")), val=num_id)
    run = etree.SubElement(paragraph, w("r"))
    text_element = etree.SubElement(run, w("t"))
    text_element.text = text
    text_element.set(XML_SPACE, "preserve")
    _before_section(body, paragraph)


@dataclass
class Revisions:
    """Author and time of tracked changes, and the ids Word needs to be unique in a document."""

    author: str
    date: str  # ISO 8601, e.g. 2026-11-22T10:00:00Z
    last_id: int = 0

    def mark(self, tag: str) -> etree._Element:
        """A new `w:ins` or `w:del` element stamped with the author, the date and a fresh id."""
        self.last_id += 1
        return _set(etree.Element(w(tag)), id=self.last_id, author=self.author, date=self.date)


def append_tracked_paragraph(
    body: etree._Element,
    style_id: str,
    pieces: Iterable[tuple[str, str]],
    revisions: Revisions,
    whole: str | None = None,
) -> None:
    """A paragraph of (kind, text) pieces (`equal`, `inserted`, `deleted`) as tracked changes.

    `whole` ("inserted" or "deleted") also marks the paragraph mark itself, so that accepting or
    rejecting the change adds or removes the paragraph rather than leaving an empty one.
    """
    paragraph = etree.Element(w("p"))
    properties = etree.SubElement(paragraph, w("pPr"))
    _set(etree.SubElement(properties, w("pStyle")), val=style_id)
    if whole is not None:
        mark = etree.SubElement(properties, w("rPr"))
        mark.append(revisions.mark("ins" if whole == "inserted" else "del"))
    for kind, text in pieces:
        run = etree.Element(w("r"))
        text_element = etree.SubElement(run, w("delText" if kind == "deleted" else "t"))
        text_element.text = text
        text_element.set(XML_SPACE, "preserve")
        if kind == "equal":
            paragraph.append(run)
            continue
        change = revisions.mark("del" if kind == "deleted" else "ins")
        change.append(run)
        paragraph.append(change)
    _before_section(body, paragraph)


def append_columns(body: etree._Element, columns: Sequence[Sequence[tuple[str, str]]]) -> None:
    """A borderless table of one row, a cell per column of (style id, text) paragraphs.

    Used for layout only (letterheads side by side); its cells read in document order.
    """
    table = etree.Element(w("tbl"))
    properties = etree.SubElement(table, w("tblPr"))
    _set(etree.SubElement(properties, w("tblW")), w=5000, type="pct")
    _set(etree.SubElement(properties, w("tblLayout")), type="fixed")
    margins = etree.SubElement(properties, w("tblCellMar"))
    _set(etree.SubElement(margins, w("bottom")), w=480, type="dxa")  # room above the address
    _set(
        etree.SubElement(properties, w("tblLook")),
        val="0000",
        firstRow=0,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=1,
        noVBand=1,
    )
    grid = etree.SubElement(table, w("tblGrid"))
    width = 9026 // max(1, len(columns))  # twips across an A4 page inside one-inch margins
    for _ in columns:
        _set(etree.SubElement(grid, w("gridCol")), w=width)
    row = etree.SubElement(table, w("tr"))
    for column in columns:
        cell = etree.SubElement(row, w("tc"))
        _set(etree.SubElement(etree.SubElement(cell, w("tcPr")), w("tcW")), w=width, type="dxa")
        for style_id, text in column:
            append_paragraph(cell, style_id, text)
        if not column:
            etree.SubElement(cell, w("p"))
    _before_section(body, table)


def _before_section(body: etree._Element, element: etree._Element) -> None:
    section = body.find(w("sectPr"))
    if section is None:
        body.append(element)
    else:
        section.addprevious(element)


def level_formats(numbering: etree._Element) -> dict[int, list[str]]:
    """For each abstractNum id, the number format of each of its levels in order."""
    formats: dict[int, list[str]] = {}
    for abstract in numbering.iter(w("abstractNum")):
        levels = sorted(abstract.iter(w("lvl")), key=lambda lvl: int(lvl.get(w("ilvl"), "0")))
        formats[int(abstract.get(w("abstractNumId"), "0"))] = [
            _val(lvl.find(w("numFmt")), "decimal") for lvl in levels
        ]
    return formats


def find_abstract_num(numbering: etree._Element, wanted: Sequence[str]) -> int | None:
    """The first abstractNum whose levels begin with the formats `wanted`, or None."""
    for abstract_id, formats in level_formats(numbering).items():
        if formats[: len(wanted)] == list(wanted):
            return abstract_id
    return None


def add_num(numbering: etree._Element, abstract_id: int) -> int:
    """A new list instance of `abstract_id` that starts again at 1; returns its numId.

    Word carries numbering on across instances of one abstractNum unless told to restart, so
    every instance overrides the start of its first level.
    """
    ids = [int(num.get(w("numId"), "0")) for num in numbering.iter(w("num"))]
    num_id = max(ids, default=0) + 1
    num = _set(etree.SubElement(numbering, w("num")), numId=num_id)
    _set(etree.SubElement(num, w("abstractNumId")), val=abstract_id)
    override = _set(etree.SubElement(num, w("lvlOverride")), ilvl=0)
    _set(etree.SubElement(override, w("startOverride")), val=1)
    return num_id


def style_ids(styles: etree._Element) -> set[str]:
    """The ids of the paragraph styles defined in a styles part."""
    return {
        style.get(w("styleId"), "")
        for style in styles.iter(w("style"))
        if style.get(w("type")) == "paragraph"
    }


# --- templates and packages -----------------------------------------------------------------

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)


@dataclass(frozen=True)
class Template:
    """A Word template read once: its parts in archive order and the trees we change."""

    parts: dict[str, bytes]
    document_name: str
    document: etree._Element
    styles: etree._Element | None
    numbering_name: str | None
    numbering: etree._Element | None
    core_name: str | None


def load_template(path: Path) -> Template:
    """The template at `path`, parsed once per version of the file (edits are picked up)."""
    stat = path.stat()
    return _load_template(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_template(path: str, mtime: int, size: int) -> Template:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    document_name = _target(parts, "_rels/.rels", OFFICE_DOCUMENT, "")
    if document_name is None or document_name not in parts:
        raise KeyError("no main document part")
    folder = document_name.rsplit("/", 1)[0]
    rels = f"{folder}/_rels/{document_name.rsplit('/', 1)[1]}.rels"
    styles_name = _target(parts, rels, "/styles", folder)
    numbering_name = _target(parts, rels, "/numbering", folder)
    return Template(
        parts,
        document_name,
        parse_xml(parts[document_name]),
        parse_xml(parts[styles_name]) if styles_name in parts else None,
        numbering_name if numbering_name in parts else None,
        parse_xml(parts[numbering_name]) if numbering_name in parts else None,
        _target(parts, "_rels/.rels", CORE_PROPERTIES, ""),
    )


def _target(parts: dict[str, bytes], rels: str, kind: str, folder: str) -> str | None:
    """The part a relationship of `kind` (a full type, or its ending) points at."""
    if rels not in parts:
        return None
    for relation in parse_xml(parts[rels]).iter(f"{{{REL_NS}}}Relationship"):
        if relation.get("Type", "").endswith(kind):
            target = relation.get("Target", "").lstrip("/")
            return f"{folder}/{target}" if folder and not target.startswith(folder) else target
    return None


def core_properties(
    title: str, subject: str, author: str, language: str, created: str | None
) -> bytes:
    """The core properties part (title, subject, author, language, dates)."""
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc, dcterms = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    for namespace, name, value in (
        (dc, "title", title),
        (dc, "subject", subject),
        (dc, "creator", author),
        (cp, "lastModifiedBy", author),
        (dc, "language", language),
        (cp, "revision", "1"),
    ):
        etree.SubElement(root, f"{{{namespace}}}{name}").text = value
    if created is not None:
        for name in ("created", "modified"):
            stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
            stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
            stamp.text = created
    return serialise(root)


def serialise(element: etree._Element) -> bytes:
    """A part's XML with its declaration, as Word writes it."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_package(template: Template, changed: dict[str, bytes]) -> bytes:
    """The template's parts with `changed` ones replaced, zipped with fixed entry times."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in template.parts.items():
            entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, changed.get(name, data))
    return output.getvalue()


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListLevel:
    """How Word numbers one level of a list: format, label pattern (`%2.`) and start value."""

    number_format: str
    text: str
    start: int


@dataclass(frozen=True)
class WordParagraph:
    """A paragraph as stored: style, (numId, ilvl), text of accepted runs, table column."""

    style_id: str | None
    numbering: tuple[int, int] | None
    text: str
    column: int | None = None


def _val(element: etree._Element | None, default: str) -> str:
    return default if element is None else element.get(w("val"), default)


def paragraphs(document: etree._Element, accept_changes: bool = True) -> Iterator[WordParagraph]:
    """Body paragraphs in order (also those in table cells), text as Word shows it.

    With `accept_changes`, inserted runs (`w:ins`) count and deleted ones (`w:del`) do not;
    without, the text is as it was before the tracked changes.
    """
    body = document.find(w("body"))
    if body is None:
        return
    for paragraph in body.iter(w("p")):
        properties = paragraph.find(w("pPr"))
        style = _val(properties.find(w("pStyle")) if properties is not None else None, "") or None
        number = properties.find(w("numPr")) if properties is not None else None
        text = _paragraph_text(paragraph, accept_changes)
        yield WordParagraph(style, _num_pr(number), text, _column(paragraph))


def _column(paragraph: etree._Element) -> int | None:
    cell = paragraph.getparent()
    if cell is None or cell.tag != w("tc"):
        return None
    return sum(1 for sibling in cell.itersiblings(preceding=True) if sibling.tag == w("tc"))


def _num_pr(number: etree._Element | None) -> tuple[int, int] | None:
    if number is None or number.find(w("numId")) is None:
        return None
    return int(_val(number.find(w("numId")), "0")), int(_val(number.find(w("ilvl")), "0"))


def _paragraph_text(paragraph: etree._Element, accept_changes: bool) -> str:
    skipped = w("del") if accept_changes else w("ins")
    pieces: list[str] = []
    for element in paragraph.iter(w("t"), w("delText"), w("tab"), w("br")):
        if any(ancestor.tag == skipped for ancestor in element.iterancestors()):
            continue
        if element.tag == w("tab"):
            pieces.append("\t")
        elif element.tag == w("br"):
            pieces.append("\n")
        elif element.tag == w("delText") and accept_changes:
            continue
        else:
            pieces.append(element.text or "")
    return "".join(pieces)


def style_numbering(styles: etree._Element) -> dict[str, tuple[int, int]]:
    """Styles that carry numbering themselves: style id → (numId, ilvl)."""
    found: dict[str, tuple[int, int]] = {}
    for style in styles.iter(w("style")):
        number = style.find(f"{w('pPr')}/{w('numPr')}")
        pair = _num_pr(number)
        if pair is not None:
            found[style.get(w("styleId"), "")] = pair
    return found


def list_definitions(
    numbering: etree._Element | None,
) -> tuple[dict[int, int], dict[int, dict[int, int]], dict[int, dict[int, ListLevel]]]:
    """List instances and definitions.

    Returns numId → abstractNumId, numId → {level: start override} and
    abstractNumId → {level: ListLevel}.
    """
    abstract_of: dict[int, int] = {}
    overrides: dict[int, dict[int, int]] = {}
    levels: dict[int, dict[int, ListLevel]] = {}
    if numbering is None:
        return abstract_of, overrides, levels
    for abstract in numbering.iter(w("abstractNum")):
        levels[int(abstract.get(w("abstractNumId"), "0"))] = {
            int(lvl.get(w("ilvl"), "0")): ListLevel(
                _val(lvl.find(w("numFmt")), "decimal"),
                _val(lvl.find(w("lvlText")), ""),
                int(_val(lvl.find(w("start")), "1")),
            )
            for lvl in abstract.iter(w("lvl"))
        }
    for num in numbering.iter(w("num")):
        num_id = int(num.get(w("numId"), "0"))
        abstract_of[num_id] = int(_val(num.find(w("abstractNumId")), "0"))
        overrides[num_id] = {
            int(o.get(w("ilvl"), "0")): int(_val(o.find(w("startOverride")), "1"))
            for o in num.iter(w("lvlOverride"))
            if o.find(w("startOverride")) is not None
        }
    return abstract_of, overrides, levels


def parse_xml(data: bytes) -> etree._Element:
    """Parse a part safely (no entities, no network)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def read_parts(package: bytes, names: Iterable[str]) -> dict[str, bytes]:
    """The named parts of a zip package that exist in it."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        present = set(archive.namelist())
        return {name: archive.read(name) for name in names if name in present}
