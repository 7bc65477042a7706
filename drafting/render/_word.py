"""The Word renderer: a laid-out document as a .docx built on a template from `templates/`.

Each laid-out paragraph becomes one Word paragraph in the style for its role and level; numbered
paragraphs join a real Word list (numPr → numbering.xml), so labels are Word's automatic
numbering, continuing or restarting as the tree says, and a drafter who inserts a paragraph in
Word sees the list renumber.  Directions use `direction.docx`, letters `letter.docx`.  The
result is deterministic: same draft, same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from drafting._errors import TemplateError, Where
from drafting.assembly._draft import Draft, Rendered
from drafting.document._tree import DocumentKind, LaidOut, NumberedList
from drafting.ooxml._package import Template
from drafting.ooxml._styles import (
    BULLET_STYLES,
    CONTINUATION_STYLES,
    LINE_STYLES,
    NUMBERED_STYLES,
    SIGNATURE_STARTS,
)
from drafting.ooxml._write import (
    bookmark_name,
    columns_xml,
    core_properties,
    load_template,
    num_xml,
    paragraph_xml,
)
from drafting.render._house import filled_template, placeholder_values, template_for
from drafting.support._foreign import translated

AUTHOR = "Department for Education"
__all__ = ["AUTHOR", "keep_acts_together", "render_docx", "template_for"]


def render_docx(
    draft: Draft, kind: DocumentKind | None = None, template: Path | None = None
) -> bytes:
    """One document of the draft as the bytes of a .docx.

    `template` is a .docx or a folder of them (see `template_for`); by default the bundled one.
    """
    rendered = draft.get(kind)
    path = template_for(rendered.kind, template)
    source = _open_template(path, {_style(item) for item in rendered.laid_out})
    if source.placeholders:
        source = filled_template(path, placeholder_values(draft, rendered))
    lists = _list_instances(rendered, source, path)
    blocks: list[str] = []
    for column_group, items in groupby(rendered.laid_out, key=lambda i: i.column is not None):
        if column_group:
            blocks.append(columns_xml(list(_columns(items))))
            continue
        blocks += _paragraphs(list(items), lists)
    changed = {source.document_name: source.document_part(blocks)}
    nums = [num_xml(num_id, abstract) for num_id, abstract in lists.values()]
    numbering = source.numbering_part(nums)
    if numbering is not None and source.numbering_name is not None:
        changed[source.numbering_name] = numbering
    if source.core_name is not None:
        changed[source.core_name] = _properties(rendered)
    return source.package(changed)


def _open_template(path: Path, needed: set[str]) -> Template:
    with translated(TemplateError, "not a usable Word template", Where(path)):
        template = load_template(path)
    missing = needed - template.style_ids
    if missing:
        raise TemplateError(
            f"the template lacks the paragraph styles {', '.join(sorted(missing))}", Where(path)
        )
    return template


def _paragraphs(items: list[LaidOut], lists: dict[str, tuple[int, int]]) -> list[str]:
    """Paragraphs in their styles; the one before a signature block is kept on its page.

    A paragraph another refers to carries a bookmark, and the reference is a REF field to it.
    """
    following = [*items[1:], None]
    referred = {anchor for item in items for _, _, anchor in item.references}
    return [
        paragraph_xml(
            _style(item),
            _title_text(item),
            _numbering(item, lists),
            item.page_break_before,
            keep_with_next=after is not None
            and after.role in SIGNATURE_STARTS
            and item.role not in SIGNATURE_ROLES,
            bookmark=(index, bookmark_name(item.anchor)) if item.anchor in referred else None,
            references=[(s, e, bookmark_name(anchor)) for s, e, anchor in item.references],
        )
        for index, (item, after) in enumerate(zip(items, following, strict=True))
    ]


#: "Education Act 1996": the words of an Act's short title, kept on one line of a title.
_ACT = re.compile(r"(\S+) (Act) (\d{4})", re.IGNORECASE)
SIGNATURE_ROLES = frozenset({"signatory", "signatory-title"})


def _title_text(item: LaidOut) -> str:
    return keep_acts_together(item.text) if item.role == "title" else item.text


def keep_acts_together(text: str) -> str:
    """An Act's short title joined by no-break spaces, so a title never ends "1996" alone."""
    return _ACT.sub("\\1\u00a0\\2\u00a0\\3", text)


def _list_instances(
    rendered: Rendered, template: Template, path: Path
) -> dict[str, tuple[int, int]]:
    """A Word list instance (numId, abstractNumId) for each list of the document and its bullets."""
    instances: dict[str, tuple[int, int]] = {}
    for block in rendered.document.blocks:
        if not isinstance(block, NumberedList) or block.continues:
            continue
        if template.numbering is None:
            raise TemplateError("the template has no numbering definitions", Where(path))
        for key, formats in ((block.key, list(block.scheme)), (f"{block.key}:bullets", ["bullet"])):
            abstract = template.abstract_num(formats)
            if abstract is None:
                raise TemplateError(
                    f"the template has no multi-level list numbered {' / '.join(formats)}",
                    Where(path),
                )
            instances[key] = (template.next_num_id + len(instances), abstract)
    return instances


def _style(item: LaidOut) -> str:
    if item.role == "numbered":
        return NUMBERED_STYLES[item.level]
    if item.role == "bullet":
        return BULLET_STYLES[item.level]
    if item.role == "continuation":
        return CONTINUATION_STYLES[item.level]
    return LINE_STYLES[item.role]


def _numbering(item: LaidOut, lists: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The (numId, level) of a numbered or bullet paragraph."""
    if item.role in ("numbered", "bullet"):
        assert item.list_key is not None
        return lists[item.list_key][0], item.level
    return None


def _columns(items: Iterable[LaidOut]) -> Iterator[list[tuple[str, str]]]:
    for _, column in groupby(items, key=lambda i: i.column):
        yield [(_style(item), item.text) for item in column]


def _properties(rendered: Rendered) -> bytes:
    """Title, subject, author, language en-GB, and the document's own date as its dates."""
    created = None
    if rendered.dated is not None:
        created = f"{rendered.dated.as_date().isoformat()}T00:00:00Z"
    document = rendered.document
    return core_properties(document.title, document.subject, AUTHOR, "en-GB", created)
