"""The text renderer: a laid-out document as plain text, labels shown as Word shows them.

This is what `drafting text` prints, what the regression diff and the drafting checks read, and
what the text extracted from a generated .docx must equal.  One paragraph per line; sub-paragraphs
indented three spaces a level; blank lines around headings and between signature lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._tree import LaidOut

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


def _line(item: LaidOut) -> str:
    if item.role == "numbered":
        return f"{INDENT * item.level}{item.label} {item.text}"
    if item.role == "bullet":
        return f"{INDENT * item.level}• {item.text}"
    if item.role == "continuation":
        return f"{INDENT * (item.level + 1)}{item.text}"
    return item.text


_LIST_ROLES = {"numbered", "continuation", "bullet"}


def _blank_between(previous: LaidOut, item: LaidOut) -> bool:
    both_in_list = previous.role in _LIST_ROLES and item.role in _LIST_ROLES
    return not both_in_list
