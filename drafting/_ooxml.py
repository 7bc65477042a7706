"""Raw WordprocessingML: the one module that builds and reads OOXML directly.

Everything above this layer speaks of paragraphs, styles, lists and levels.  Writing, a
document is its template's package with three parts replaced: the main document (the body's
blocks, written as XML text here and placed between the template's own opening and section
properties), the numbering (one `w:num` list instance per list, of the template's multi-level
`w:abstractNum` definitions, found by the number formats of their levels) and the core
properties.  A `Template` is read and prepared once: its body split around where blocks go, its
lists and styles indexed, and its unchanged parts already zipped.  Reading goes through lxml.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The fixed time stamp of every zip entry, so the same document gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
#: Characters XML 1.0 cannot hold.  Specs refuse them; text read from a PDF may carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: `w("p")` → `{...main}p`."""
    return f"{{{W_NS}}}{tag}"


# --- writing: blocks as XML text (the `w` prefix is bound on the template's root) ---------------


def _text(text: str) -> str:
    """Text as element content: markup characters escaped, impossible characters dropped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _NOT_XML.sub("", text)


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
) -> str:
    """A paragraph in `style_id`; `numbering` is its list (numId, ilvl)."""
    properties = _element("pStyle", val=style_id)
    if page_break_before:
        properties += "<w:pageBreakBefore/>"
    if numbering is not None:
        num_id, level = numbering
        properties += (
            f"<w:numPr>{_element('ilvl', val=level)}{_element('numId', val=num_id)}</w:numPr>"
        )
    return f"<w:p><w:pPr>{properties}</w:pPr>{_run(text)}</w:p>"


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


def tracked_paragraph_xml(
    style_id: str,
    pieces: Iterable[tuple[str, str]],
    revisions: Revisions,
    whole: str | None = None,
) -> str:
    """A paragraph of (kind, text) pieces (`equal`, `inserted`, `deleted`) as tracked changes.

    `whole` ("inserted" or "deleted") also marks the paragraph mark itself, so that accepting or
    rejecting the change adds or removes the paragraph rather than leaving an empty one.
    """
    properties = _element("pStyle", val=style_id)
    if whole is not None:
        properties += f"<w:rPr>{revisions.mark('ins' if whole == 'inserted' else 'del')}</w:rPr>"
    runs = []
    for kind, text in pieces:
        if kind == "equal":
            runs.append(_run(text))
        elif kind == "deleted":
            runs.append(revisions.mark("del", _run(text, "delText")))
        else:
            runs.append(revisions.mark("ins", _run(text)))
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


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
    properties = (
        _element("tblW", w=5000, type="pct")
        + _element("tblLayout", type="fixed")
        + f"<w:tblCellMar>{_element('bottom', w=480, type='dxa')}</w:tblCellMar>"  # room above
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


# --- templates and packages -----------------------------------------------------------------

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
#: Where a part's new content goes when it is split for writing (a comment Word never writes).
_INSERT_HERE = "drafting: insert here"


@dataclass(frozen=True)
class Template:
    """A Word template read once and prepared for writing documents on it.

    `document` and `numbering` are their parts' XML split where new content goes; `unchanged`
    is a zip of every other part but the core properties, to which each document adds its own.
    """

    document_name: str
    document: tuple[bytes, bytes]
    style_ids: frozenset[str]
    numbering_name: str | None
    numbering: tuple[bytes, bytes] | None
    abstract_formats: dict[int, list[str]]
    next_num_id: int
    core_name: str | None
    originals: dict[str, bytes]
    unchanged: bytes

    def document_part(self, blocks: Iterable[str]) -> bytes:
        """The main document with `blocks` (XML text) as its body, before its section properties."""
        before, after = self.document
        return before + "".join(blocks).encode("utf-8") + after

    def numbering_part(self, nums: Iterable[str]) -> bytes | None:
        """The numbering part with list instances `nums` (XML text) added; None if it has none."""
        if self.numbering is None:
            return None
        before, after = self.numbering
        return before + "".join(nums).encode("utf-8") + after

    def abstract_num(self, wanted: Sequence[str]) -> int | None:
        """The first abstractNum whose levels begin with the formats `wanted`, or None."""
        for abstract_id, formats in self.abstract_formats.items():
            if formats[: len(wanted)] == list(wanted):
                return abstract_id
        return None

    def package(self, changed: dict[str, bytes]) -> bytes:
        """The template's parts with `changed` ones replaced, zipped with fixed entry times."""
        output = io.BytesIO(self.unchanged)
        with zipfile.ZipFile(output, "a") as archive:
            for name, original in self.originals.items():
                _write_entry(archive, name, changed.get(name, original))
        return output.getvalue()


def load_template(path: Path) -> Template:
    """The template at `path`, prepared once per version of the file (edits are picked up)."""
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
    numbering = parse_xml(parts[numbering_name]) if numbering_name in parts else None
    core_name = _target(parts, "_rels/.rels", CORE_PROPERTIES, "")
    replaced = [name for name in (document_name, numbering_name, core_name) if name in parts]
    nums = numbering.iter(w("num")) if numbering is not None else iter(())
    num_ids = [int(num.get(w("numId"), "0")) for num in nums]
    return Template(
        document_name=document_name,
        document=_split_body(parse_xml(parts[document_name])),
        style_ids=frozenset(style_ids(parse_xml(parts[styles_name])))
        if styles_name in parts
        else frozenset(),
        numbering_name=numbering_name if numbering is not None else None,
        numbering=_split_at_end(numbering) if numbering is not None else None,
        abstract_formats=level_formats(numbering) if numbering is not None else {},
        next_num_id=max(num_ids, default=0) + 1,
        core_name=core_name if core_name in parts else None,
        originals={name: parts[name] for name in replaced if name is not None},
        unchanged=_zip({name: data for name, data in parts.items() if name not in replaced}),
    )


def _split_body(document: etree._Element) -> tuple[bytes, bytes]:
    """The document's XML before and after its body's blocks (which are left out)."""
    etree.cleanup_namespaces(document, top_nsmap={"w": W_NS})  # our blocks write `w:`
    body = document.find(w("body"))
    if body is None:
        raise KeyError("no body in the main document")
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    section = body.find(w("sectPr"))
    marker = etree.Comment(_INSERT_HERE)
    if section is None:
        body.append(marker)
    else:
        section.addprevious(marker)
    return _split(document)


def _split_at_end(root: etree._Element) -> tuple[bytes, bytes]:
    etree.cleanup_namespaces(root, top_nsmap={"w": W_NS})
    root.append(etree.Comment(_INSERT_HERE))
    return _split(root)


def _split(root: etree._Element) -> tuple[bytes, bytes]:
    before, after = serialise(root).split(f"<!--{_INSERT_HERE}-->".encode(), 1)
    return before, after


def level_formats(numbering: etree._Element) -> dict[int, list[str]]:
    """For each abstractNum id, the number format of each of its levels in order."""
    formats: dict[int, list[str]] = {}
    for abstract in numbering.iter(w("abstractNum")):
        levels = sorted(abstract.iter(w("lvl")), key=lambda lvl: int(lvl.get(w("ilvl"), "0")))
        formats[int(abstract.get(w("abstractNumId"), "0"))] = [
            _val(lvl.find(w("numFmt")), "decimal") for lvl in levels
        ]
    return formats


def style_ids(styles: etree._Element) -> set[str]:
    """The ids of the paragraph styles defined in a styles part."""
    return {
        style.get(w("styleId"), "")
        for style in styles.iter(w("style"))
        if style.get(w("type")) == "paragraph"
    }


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
        etree.SubElement(root, f"{{{namespace}}}{name}").text = _NOT_XML.sub("", value)
    if created is not None:
        for name in ("created", "modified"):
            stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
            stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
            stamp.text = created
    return serialise(root)


def serialise(element: etree._Element) -> bytes:
    """A part's XML with its declaration, as Word writes it."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _zip(parts: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in parts.items():
            _write_entry(archive, name, data)
    return output.getvalue()


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


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
