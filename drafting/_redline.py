"""A redline: the comparison as a Word document of tracked changes.

The left-hand document is the base; what only the right-hand one has is a tracked insertion and
what only the left-hand one has a tracked deletion, so accepting every change in Word or
LibreOffice gives the right-hand text and rejecting every change gives the left-hand text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime

import docx

from ._diff import Comparison, Row
from ._ooxml import Revisions, append_tracked_paragraph, clear_body, deterministic_zip
from ._word import template_for

AUTHOR = "drafting diff"
STYLE = "BodyText"


def render_redline(comparison: Comparison, when: datetime | None = None) -> bytes:
    """The .docx bytes of the redline."""
    document = docx.Document(str(template_for("direction")))
    body = document.element.body
    clear_body(body)
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revisions = Revisions(AUTHOR, stamp)
    for row in comparison.rows:
        whole = row.kind if row.kind in ("inserted", "deleted") else None
        append_tracked_paragraph(body, STYLE, _pieces(row), revisions, whole)
    properties = document.core_properties
    properties.title = f"Redline: {comparison.left_name} → {comparison.right_name}"
    properties.author = AUTHOR
    properties.language = "en-GB"
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


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
