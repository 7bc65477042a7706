"""A redline: the comparison as a Word document of tracked changes, in the house style.

In: a `Comparison`.  Out: the bytes of a .docx on the direction template: the newer (right-hand)
document in the direction's styles, its paragraphs in real Word lists (1. / a. / i.), with what
only it has as tracked insertions and what only the older one has as tracked deletions, inside
the paragraphs; a paragraph that moved whole is a tracked move.  Accepting every change in Word
or LibreOffice gives the newer text, rejecting every change the older.

Word numbers the lists itself, so a label that changed only because a paragraph was inserted
needs no change of its own.  Before the numbered redline is returned it is read back both ways;
should Word's numbering not give both documents' labels (lists restarting differently in the
two, a fourth level), the labels are written as text and tracked like words instead.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from drafting.compare._diff import Comparison, Row, _moved_pairs
from drafting.ooxml._package import Template
from drafting.ooxml._write import (
    Revisions,
    core_properties,
    load_template,
    num_xml,
    tracked_paragraph_xml,
)
from drafting.read._normalise import TextParagraph
from drafting.render._word import keep_acts_together, template_for

AUTHOR = "Department for Education"
STYLE = "BodyText"
_LEVEL_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
_LETTERS = ("decimal", "lowerLetter", "lowerRoman")
_ROMAN = ("decimal", "lowerRoman", "lowerLetter")


def render_redline(
    comparison: Comparison,
    when: datetime | None = None,
    author: str = AUTHOR,
    newer: Path | None = None,
) -> bytes:
    """The .docx bytes of the redline.

    The changes are stamped with `author` and the date of the newer document (`newer`, when it
    is a spec with a date), else `when`, else now.
    """
    template = load_template(template_for("direction"))
    dated = _spec_date(newer) if newer is not None else None
    stamp = (dated or when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lists = _Lists.plan(comparison.rows, template)
    if lists is not None:
        numbered = _document(comparison, template, Revisions(author, stamp), lists)
        if _shows_both(numbered, comparison.rows):
            return numbered
    return _document(comparison, template, Revisions(author, stamp), None)


@dataclass
class _Lists:
    """Each row's place in a Word list (numId, level), and the list instances to add."""

    places: list[tuple[int, int] | None]
    nums: list[tuple[int, int]]  # (numId, abstractNumId)

    @classmethod
    def plan(cls, rows: list[Row], template: Template) -> _Lists | None:
        """A list for each run of numbered paragraphs begun at 1; None if Word cannot show them."""
        places: list[tuple[int, int] | None] = []
        groups: list[list[int]] = []  # row indexes of each list instance
        for index, row in enumerate(rows):
            side = _newer(row)
            level = side.path.count(".") if side.path else 0
            if side.label is None:
                places.append(None)
                continue
            if level >= len(_LEVEL_STYLES):
                return None
            if not groups or (level == 0 and side.label == "1"):
                groups.append([])
            groups[-1].append(index)
            places.append((len(groups) - 1, level))
        nums = []
        for number, members in enumerate(groups):
            # Sub-paragraphs i., ii. (not a., b.): the 1. / i. / a. scheme.
            second = {_newer(rows[i]).label for i in members if places[i] == (number, 1)}
            scheme = _ROMAN if "ii" in second else _LETTERS
            abstract = template.abstract_num(scheme)
            if abstract is None:
                return None
            nums.append((template.next_num_id + number, abstract))
        placed = [None if p is None else (nums[p[0]][0], p[1]) for p in places]
        return cls(placed, nums)


def _newer(row: Row) -> TextParagraph:
    side = row.right or row.left
    assert side is not None  # every row has one side at least
    return side


def _document(
    comparison: Comparison, template: Template, revisions: Revisions, lists: _Lists | None
) -> bytes:
    moves = _moved_pairs(comparison.rows)
    blocks = []
    for index, row in enumerate(comparison.rows):
        place = lists.places[index] if lists is not None else None
        whole: str | None = row.kind if row.kind in ("inserted", "deleted") else None
        move = None
        if index in moves:
            whole = "moved-from" if row.kind == "deleted" else "moved-to"
            move = f"move{min(index, moves[index])}"
        pieces = list(_pieces(row, typed_labels=lists is None))
        style = _style(index, row, place)
        if style == "Title":
            pieces = [(kind, keep_acts_together(text)) for kind, text in pieces]
        blocks.append(tracked_paragraph_xml(style, pieces, revisions, whole, place, move))
    changed = {template.document_name: template.document_part(blocks)}
    numbering = template.numbering_part([num_xml(*num) for num in (lists.nums if lists else [])])
    if lists is not None and numbering is not None and template.numbering_name is not None:
        changed[template.numbering_name] = numbering
    if template.core_name is not None:
        title = f"Redline: {comparison.left_name} → {comparison.right_name}"
        changed[template.core_name] = core_properties(title, "", revisions.author, "en-GB", None)
    return template.package(changed)


def _style(index: int, row: Row, place: tuple[int, int] | None) -> str:
    """The newer paragraph's style: its list level, the title, a heading, or body text."""
    if place is not None:
        return _LEVEL_STYLES[place[1]]
    side = _newer(row)
    if side.label is None and index == 0:
        return "Title"
    if side.label is None and side.text.isupper() and len(side.text) < 80:
        return "Heading1"  # WHEREAS, NOW THEREFORE, ANNEX
    return STYLE


def _shows_both(package: bytes, rows: list[Row]) -> bool:
    """Whether Word's numbering of the redline gives the newer labels accepted, older rejected."""
    from drafting.read._docx import read_docx

    with tempfile.TemporaryDirectory(prefix="drafting-redline-") as work:
        path = Path(work) / "redline.docx"
        path.write_bytes(package)
        for accept, sides in ((True, [r.right for r in rows]), (False, [r.left for r in rows])):
            shown = [item.label for item in read_docx(path, accept)]
            wanted = [f"{side.label}." if side.label else None for side in sides if side]
            if shown != wanted:
                return False
    return True


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


def _pieces(row: Row, typed_labels: bool) -> Iterator[tuple[str, str]]:
    if typed_labels:
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
