"""The Word renderer: a laid-out draft as a .docx built on a template from `templates/`.

Each laid-out paragraph becomes one Word paragraph in the style for its role and level; numbered
paragraphs join a real Word list (numPr → numbering.xml), so labels are Word's automatic
numbering, continuing or restarting as the tree says, and a drafter who inserts a paragraph in
Word sees the list renumber.  The result is deterministic: same draft, same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime, time
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from ._draft import Draft
from ._errors import TemplateError, Where
from ._ooxml import (
    add_num,
    append_paragraph,
    clear_body,
    deterministic_zip,
    find_abstract_num,
    style_ids,
)
from ._resources import data_dir
from ._tree import LaidOut, NumberedList, Role

AUTHOR = "Department for Education"
LINE_STYLES: dict[Role, str] = {
    "title": "Title",
    "heading": "Heading1",
    "subheading": "Heading2",
    "plain": "BodyText",
}
NUMBERED_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
CONTINUATION_STYLES = ("ListContinue", "ListContinue2", "ListContinue3")
BULLET_STYLES = ("ListBullet", "ListBullet2", "ListBullet3", "ListBullet4")
REQUIRED_STYLES = frozenset(
    [*LINE_STYLES.values(), *NUMBERED_STYLES, *CONTINUATION_STYLES, *BULLET_STYLES]
)


def direction_template() -> Path:
    """The bundled template for directions."""
    return data_dir("templates") / "direction.docx"


def render_docx(draft: Draft, template: Path | None = None) -> bytes:
    """The draft as the bytes of a .docx."""
    path = template or direction_template()
    document = _open_template(path)
    body = document.element.body
    clear_body(body)
    lists = _list_instances(draft, document, path)
    for item in draft.laid_out:
        style, numbering = _placement(item, lists)
        append_paragraph(body, style, item.text, numbering, item.page_break_before)
    _set_properties(document, draft)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _open_template(path: Path) -> docx.document.Document:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise TemplateError(f"not a usable Word template ({exc})", Where(path)) from None
    missing = REQUIRED_STYLES - style_ids(document.styles.element)
    if missing:
        raise TemplateError(
            f"the template lacks the paragraph styles {', '.join(sorted(missing))}", Where(path)
        )
    return document


def _list_instances(draft: Draft, document: docx.document.Document, path: Path) -> dict[str, int]:
    """A Word list instance (numId) for each list of the draft, and one for its bullets."""
    numbering = document.part.numbering_part.element
    instances: dict[str, int] = {}
    for block in draft.document.blocks:
        if not isinstance(block, NumberedList) or block.continues:
            continue
        for key, formats in ((block.key, list(block.scheme)), (f"{block.key}:bullets", ["bullet"])):
            abstract = find_abstract_num(numbering, formats)
            if abstract is None:
                raise TemplateError(
                    f"the template has no multi-level list numbered {' / '.join(formats)}",
                    Where(path),
                )
            instances[key] = add_num(numbering, abstract)
    return instances


def _placement(item: LaidOut, lists: dict[str, int]) -> tuple[str, tuple[int, int] | None]:
    """The style and the (numId, level) of a laid-out paragraph."""
    if item.role == "numbered":
        assert item.list_key is not None
        return NUMBERED_STYLES[item.level], (lists[item.list_key], item.level)
    if item.role == "bullet":
        assert item.list_key is not None
        return BULLET_STYLES[item.level], (lists[item.list_key], item.level)
    if item.role == "continuation":
        return CONTINUATION_STYLES[item.level], None
    return LINE_STYLES[item.role], None


def _set_properties(document: docx.document.Document, draft: Draft) -> None:
    properties = document.core_properties
    properties.title = draft.document.title
    properties.subject = draft.document.subject
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.language = "en-GB"
    properties.revision = 1
    made = draft.spec.dated
    if made is not None:
        stamp = datetime.combine(made.as_date(), time())
        properties.created = stamp
        properties.modified = stamp
