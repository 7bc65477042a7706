"""A redline: the comparison as a Word document of tracked changes.

The left-hand document is the base; what only the right-hand one has is a tracked insertion and
what only the left-hand one has a tracked deletion, so accepting every change in Word or
LibreOffice gives the right-hand text and rejecting every change gives the left-hand text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from drafting.compare._diff import Comparison, Row
from drafting.ooxml._write import Revisions, core_properties, load_template, tracked_paragraph_xml
from drafting.render._word import template_for

AUTHOR = "drafting diff"
STYLE = "BodyText"


def render_redline(comparison: Comparison, when: datetime | None = None) -> bytes:
    """The .docx bytes of the redline, on the direction template like any other document."""
    template = load_template(template_for("direction"))
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revisions = Revisions(AUTHOR, stamp)
    blocks = [
        tracked_paragraph_xml(
            STYLE,
            _pieces(row),
            revisions,
            row.kind if row.kind in ("inserted", "deleted") else None,
        )
        for row in comparison.rows
    ]
    changed = {template.document_name: template.document_part(blocks)}
    if template.core_name is not None:
        title = f"Redline: {comparison.left_name} → {comparison.right_name}"
        changed[template.core_name] = core_properties(title, "", AUTHOR, "en-GB", None)
    return template.package(changed)


def _pieces(row: Row) -> Iterator[tuple[str, str]]:
    yield from _label_pieces(row)
    if row.words:
        for index, change in enumerate(row.words):
            yield change.kind, (" " if index else "") + change.text
    elif row.kind == "inserted" and row.right is not None:
        yield "inserted", row.right.text
    elif row.kind == "deleted" and row.left is not None:
        yield "deleted", row.left.text
    elif row.left is not None:
        yield "equal", row.left.text


def _label_pieces(row: Row) -> Iterator[tuple[str, str]]:
    left = f"{row.left.label}.\t" if row.left and row.left.label else ""
    right = f"{row.right.label}.\t" if row.right and row.right.label else ""
    if row.kind == "inserted":
        left = ""
    if row.kind == "deleted":
        right = ""
    if left == right:
        if left:
            yield "equal", left
        return
    if left:
        yield "deleted", left
    if right:
        yield "inserted", right
