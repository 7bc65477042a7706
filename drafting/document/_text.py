"""The text renderer: a laid-out document as plain text, labels shown as Word shows them.

This is what `drafting text` prints, what the regression diff and the drafting checks read, and
what the text extracted from a generated .docx must equal.  One paragraph per line; sub-paragraphs
indented three spaces a level; blank lines around headings and between other paragraphs, except
within a group of lines (a letterhead column, an address, a signatory's name and titles).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafting.document._tree import LaidOut

INDENT = "   "


def render_text(laid: Iterable[LaidOut]) -> str:
    """Plain text of the paragraphs, ending in a newline."""
    lines: list[str] = []
    previous: LaidOut | None = None
    for item in laid:
        if previous is not None and _blank_between(previous, item):
            lines.append("")
        lines.append(_line(item))
        previous = item
    return "\n".join(lines) + "\n"


def line_numbers(laid: Sequence[LaidOut]) -> list[int]:
    """The 1-based line of `render_text`'s output on which each paragraph stands."""
    numbers: list[int] = []
    line = 0
    for index, item in enumerate(laid):
        line += 2 if index and _blank_between(laid[index - 1], item) else 1
        numbers.append(line)
    return numbers


def _line(item: LaidOut) -> str:
    if item.role == "numbered":
        return f"{INDENT * item.level}{item.label} {item.text}"
    if item.role == "bullet":
        return f"{INDENT * item.level}• {item.text}"
    if item.role == "continuation":
        return f"{INDENT * (item.level + 1)}{item.text}"
    return item.text


_LIST_ROLES = {"numbered", "continuation", "bullet"}
# Lines that belong together: a letterhead column, an address block, a signatory and titles.
_GROUPS = {
    "letterhead": "letterhead",
    "letterhead-address": "letterhead",
    "address": "address",
    "signatory": "signatory",
    "signatory-title": "signatory",
}


def _blank_between(previous: LaidOut, item: LaidOut) -> bool:
    if previous.role in _LIST_ROLES and item.role in _LIST_ROLES:
        return False
    group = _GROUPS.get(item.role)
    same_group = group is not None and group == _GROUPS.get(previous.role)
    starts_new = item.role == "signatory" or item.column != previous.column
    return not same_group or starts_new
