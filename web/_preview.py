"""The preview: a document's laid-out paragraphs as the blocks of an HTML page.

In: the laid-out paragraphs of one document of a draft (roles, levels and the labels Word shows:
1. a. i.).  Out: `Block`s for the preview template, which escapes every text, so nothing a user
typed reaches the page as markup.  Side-by-side letterheads become one block of columns; a page
break (the annex) starts a new page in the preview as it does in Word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

# Headings and the title are shown as headings inside the preview's own outline, below the
# page's h1 and h2, so that the page keeps one h1 and the document's structure is announced.
HEADING_TAGS = {"title": "h3", "heading": "h4", "subheading": "h5"}


class LaidOutParagraph(Protocol):
    """What the preview reads of a laid-out paragraph (`drafting`'s `LaidOut`)."""

    @property
    def role(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> int: ...
    @property
    def label(self) -> str | None: ...
    @property
    def page_break_before(self) -> bool: ...
    @property
    def column(self) -> int | None: ...


@dataclass
class Block:
    """One paragraph of the preview, or (with `columns`) lines set side by side."""

    role: str
    text: str = ""
    level: int = 0
    label: str | None = None
    tag: str = "p"
    columns: list[list[Block]] = field(default_factory=list)


@dataclass
class Page:
    """The blocks between two page breaks."""

    blocks: list[Block] = field(default_factory=list)


def preview_pages(laid_out: Iterable[LaidOutParagraph]) -> list[Page]:
    """The document as pages of blocks, in reading order."""
    pages = [Page()]
    for item in laid_out:
        if item.page_break_before and pages[-1].blocks:
            pages.append(Page())
        blocks = pages[-1].blocks
        if item.column is not None:
            _add_to_columns(blocks, item)
        else:
            blocks.append(_block(item))
    return pages


def _block(item: LaidOutParagraph) -> Block:
    return Block(
        item.role,
        item.text,
        item.level,
        item.label if item.role in ("numbered", "bullet") else None,
        HEADING_TAGS.get(item.role, "p"),
    )


def _add_to_columns(blocks: list[Block], item: LaidOutParagraph) -> None:
    column = item.column or 0
    if not blocks or blocks[-1].role != "columns":
        blocks.append(Block("columns"))
    columns = blocks[-1].columns
    while len(columns) <= column:
        columns.append([])
    columns[column].append(_block(item))
