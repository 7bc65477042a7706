"""Raw WordprocessingML, read: documents' paragraphs and lists, and templates prepared.

The reading half of the OOXML layer (`_ooxml` writes), with lxml: paragraphs with their styles,
list membership and text as Word shows it (accepting or rejecting tracked changes), the lists'
definitions, and a Word template turned into the `Template` documents are written on.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafting._errors import TemplateError, Where
from drafting.ooxml._package import INSERT_MARK, W_NS, Template, zip_parts
from drafting.support._files import read_bytes
from drafting.support._foreign import translated

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: `w("p")` → `{...main}p`."""
    return f"{{{W_NS}}}{tag}"


# --- templates ----------------------------------------------------------------------------------


def prepare_template(path: Path) -> Template:
    """A Word template prepared for writing; `TemplateError` if it is not a usable one."""
    with translated(TemplateError, "not a usable Word template", Where(path)):
        return _prepare(path)


def _prepare(path: Path) -> Template:
    with zipfile.ZipFile(io.BytesIO(read_bytes(path, TemplateError))) as archive:
        parts = read_parts(archive, [info.filename for info in archive.infolist()])
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
        unchanged=zip_parts({name: data for name, data in parts.items() if name not in replaced}),
        placeholders=any(
            b"{{" in data or b"{%" in data
            for name, data in parts.items()
            if name == document_name or name.startswith((f"{folder}/header", f"{folder}/footer"))
        ),
    )


def _split_body(document: etree._Element) -> tuple[bytes, bytes]:
    """The document's XML before and after where its blocks go.

    What the template's body holds (a department's letterhead: its crest, fixed wording) stays
    at the top; empty paragraphs, which Word leaves in a saved template, are left out.
    """
    etree.cleanup_namespaces(document, top_nsmap={"w": W_NS})  # blocks are written with `w:`
    body = document.find(w("body"))
    if body is None:
        raise KeyError("no body in the main document")
    for child in list(body):
        if child.tag == w("p") and _is_empty(child):
            body.remove(child)
    section = body.find(w("sectPr"))
    marker = etree.Comment(INSERT_MARK)
    if section is None:
        body.append(marker)
    else:
        section.addprevious(marker)
    return _split(document)


def _is_empty(paragraph: etree._Element) -> bool:
    """Whether a paragraph shows nothing: no text, no picture, no field, no break."""
    shown = (w("t"), w("drawing"), w("pict"), w("fldSimple"), w("instrText"), w("br"), w("object"))
    return not any(element.tag in shown for element in paragraph.iter())


def _split_at_end(root: etree._Element) -> tuple[bytes, bytes]:
    etree.cleanup_namespaces(root, top_nsmap={"w": W_NS})
    root.append(etree.Comment(INSERT_MARK))
    return _split(root)


def _split(root: etree._Element) -> tuple[bytes, bytes]:
    serialised = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    before, after = serialised.split(f"<!--{INSERT_MARK}-->".encode(), 1)
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


# --- documents ----------------------------------------------------------------------------------


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


#: Word's largest list start value; a larger one would be a label of millions of letters.
_MAX_START = 32767


def _number(text: str, high: int = 2**31 - 1) -> int:
    """A whole number as Word stores it; `ValueError` if it is not one Word could have written."""
    if not text.strip().isdigit() or len(text) > 10 or int(text) > high:
        raise ValueError(f"'{text[:20]}' is not a number Word writes")
    return int(text)


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
    return _number(_val(number.find(w("numId")), "0")), _number(_val(number.find(w("ilvl")), "0"))


#: The tags of the text a paragraph shows, looked up once (a document has thousands of runs).
_T, _DEL_TEXT, _TAB, _BR, _DEL, _INS, _MOVE_FROM, _MOVE_TO = (
    w(tag) for tag in ("t", "delText", "tab", "br", "del", "ins", "moveFrom", "moveTo")
)


def _paragraph_text(paragraph: etree._Element, accept_changes: bool) -> str:
    # A move is a deletion where the text leaves and an insertion where it arrives.
    skipped = {_DEL, _MOVE_FROM} if accept_changes else {_INS, _MOVE_TO}
    # Most paragraphs have no tracked change: then no run's ancestors need looking at.
    tracked = next(paragraph.iter(*skipped), None) is not None
    pieces: list[str] = []
    for element in paragraph.iter(_T, _DEL_TEXT, _TAB, _BR):
        if tracked and any(ancestor.tag in skipped for ancestor in element.iterancestors()):
            continue
        tag = element.tag
        if tag == _T:
            pieces.append(element.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag == _BR:
            pieces.append("\n")
        elif not accept_changes:  # deleted text counts when the changes are rejected
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
        levels[_number(abstract.get(w("abstractNumId"), "0"))] = {
            _number(lvl.get(w("ilvl"), "0")): ListLevel(
                _val(lvl.find(w("numFmt")), "decimal"),
                _val(lvl.find(w("lvlText")), ""),
                _number(_val(lvl.find(w("start")), "1"), _MAX_START),
            )
            for lvl in abstract.iter(w("lvl"))
        }
    for num in numbering.iter(w("num")):
        num_id = _number(num.get(w("numId"), "0"))
        abstract_of[num_id] = _number(_val(num.find(w("abstractNumId")), "0"))
        overrides[num_id] = {
            _number(o.get(w("ilvl"), "0")): _number(
                _val(o.find(w("startOverride")), "1"), _MAX_START
            )
            for o in num.iter(w("lvlOverride"))
            if o.find(w("startOverride")) is not None
        }
    return abstract_of, overrides, levels


def parse_xml(data: bytes) -> etree._Element:
    """Parse a part safely (no entities, no network)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


#: The most any one part of a Word package may hold once inflated: a long direction's main part
#: is under a megabyte, so this leaves room for any real document and none for a zip bomb.
MAX_PART = 64 * 1024 * 1024


class PartTooLarge(ValueError):
    """A part of a package inflates to more than `MAX_PART` bytes."""


def read_parts(package: bytes | zipfile.ZipFile, names: Iterable[str]) -> dict[str, bytes]:
    """The named parts of a zip package that exist in it, each checked for size before reading.

    The size a zip entry declares is checked first, and no more than that is ever inflated
    (`zipfile` stops at the declared size and fails the entry's checksum if it lies).
    """
    if isinstance(package, bytes):
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            return read_parts(archive, names)
    found = {info.filename: info for info in package.infolist()}
    parts = {}
    for name in names:
        info = found.get(name)
        if info is None:
            continue
        if info.file_size > MAX_PART:
            raise PartTooLarge(f"the part {name} is too large ({info.file_size} bytes inflated)")
        parts[name] = package.read(info)
    return parts
