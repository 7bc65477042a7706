"""A redline: the comparison as a Word document of tracked changes.

The left-hand document is the base; what only the right-hand one has is a tracked insertion and
what only the left-hand one has a tracked deletion, so accepting every change in Word or
LibreOffice gives the right-hand text and rejecting every change gives the left-hand text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from drafting.compare._diff import Comparison, Row
from drafting.ooxml._write import Revisions, core_properties, load_template, tracked_paragraph_xml
from drafting.render._word import template_for

AUTHOR = "Department for Education"
STYLE = "BodyText"


def render_redline(
    comparison: Comparison,
    when: datetime | None = None,
    author: str = AUTHOR,
    newer: Path | None = None,
) -> bytes:
    """The .docx bytes of the redline, on the direction template like any other document.

    The changes are stamped with `author` and the date of the newer document (`newer`, when it
    is a spec with a date), else `when`, else now.  A first paragraph without a label on either
    side is the title, in the Title style.
    """
    template = load_template(template_for("direction"))
    dated = _spec_date(newer) if newer is not None else None
    stamp = (dated or when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revisions = Revisions(author, stamp)
    blocks = [
        tracked_paragraph_xml(
            "Title" if index == 0 and _unlabelled(row) else STYLE,
            _pieces(row),
            revisions,
            row.kind if row.kind in ("inserted", "deleted") else None,
        )
        for index, row in enumerate(comparison.rows)
    ]
    changed = {template.document_name: template.document_part(blocks)}
    if template.core_name is not None:
        title = f"Redline: {comparison.left_name} → {comparison.right_name}"
        changed[template.core_name] = core_properties(title, "", author, "en-GB", None)
    return template.package(changed)


def _unlabelled(row: Row) -> bool:
    return all(side is None or not side.label for side in (row.left, row.right))


def _spec_date(path: Path) -> datetime | None:
    """The date a spec's document is made, if the newer side is a spec and is dated."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    from drafting.assembly._draft import Draft

    dated = Draft.from_file(path).get().dated
    if dated is None:
        return None
    day = dated.as_date()
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


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
