"""LIST003-004: how the items of a list end.

LIST003 warning  an item of one sentence ending "." in a list whose other items (the last
aside) end ";"
LIST004 warning  a list of one item, closing its sentence, that ends ";" or "; and" (a list of
one item ends as the sentence does, with ".")

In: a `Subject`, read as lists the way `lists.py` reads them.  Out: findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject
from drafting.checks.lists import _lists, _tail

_CLOSING_QUOTES = "'\""


def _ending(text: str) -> str | None:
    text = text.rstrip(_CLOSING_QUOTES).rstrip()
    if text.endswith(("; and", "; or", ";")):
        return ";"
    if text.endswith("."):
        return "."
    return None


def check_endings(subject: Subject) -> Iterator[Finding]:
    """The items of a list end alike; a one-item list that closes its sentence ends '.'."""
    for items in _lists(subject):
        yield from _mixed(subject, items[:-1])
        if len(items) == 1 and _ending(items[0].text) == ";" and _closes(subject, items[0]):
            yield subject.finding(
                "LIST004",
                "warning",
                items[0],
                _tail(items[0].text),
                "the list has one item, which closes the sentence: end it '.'",
            )


def _mixed(subject: Subject, items: list[Para]) -> Iterator[Finding]:
    """A one-sentence item ending "." among items that end ";" (two or more)."""
    endings = [(item, _ending(item.text)) for item in items]
    semi = [item for item, end in endings if end == ";"]
    stop = [item for item, end in endings if end == "." and ". " not in item.text.rstrip(".")]
    # Items of several sentences end "." of need, and lists of such items are drafted "."
    # throughout: only a stray full stop in a list of ";" is a slip.
    if len(semi) < 2 or len(stop) >= len(semi):
        return
    for item in stop:
        yield subject.finding(
            "LIST003",
            "warning",
            item,
            _tail(item.text),
            "the other items of this list end ';': the list goes on after this item",
        )


def _closes(subject: Subject, item: Para) -> bool:
    """Whether the item is the last words of a top-level paragraph's sentence."""
    if item.placed is None or item.placed.level != 1:
        return False
    following = subject.paragraphs[item.index + 1 : item.index + 2]
    return not following or following[0].placed is None or following[0].placed.level == 0
