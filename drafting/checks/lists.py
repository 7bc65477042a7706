"""LIST: sub-paragraphs that read as one list.

LIST001 warning  a sub-paragraph that ends without punctuation ("... with Leeds City Council"
where the other items end "...;"), or with a bare "and" ("... partnership and")
LIST002 warning  items of one list that begin some with a capital and some without ("Oversee
...", "support ..."); a capital that begins a proper name ("Kirklees Council ...",
capitalised elsewhere in the middle of a sentence) is not counted

A list is the sub-paragraphs of one paragraph at one level (3.a, 3.b, 3.c), as a reader follows
the labels; top-level paragraphs are sentences of their own and are not checked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject

#: An item ends with a stop, or with "; and" / ", or" before the last item; closing quotes aside.
_PUNCTUATED = re.compile(r"(?:[.;:,!?]|[;,] (?:and|or))$")
_CLOSING_QUOTES = "'\""
_FIRST_WORD = re.compile(r"[A-Za-z][\w'-]*")


def check_lists(subject: Subject) -> Iterator[Finding]:
    """Each sub-paragraph ends with punctuation; the items of a list begin alike."""
    for items in _lists(subject):
        for item in items:
            if not _PUNCTUATED.search(item.text.rstrip(_CLOSING_QUOTES)):
                yield subject.finding(
                    "LIST001",
                    "warning",
                    item,
                    _tail(item.text),
                    "the item ends without punctuation (';', '; and' or '.')",
                )
        yield from _mixed_capitals(subject, items)


def _tail(text: str, length: int = 40) -> str:
    return text if len(text) <= length else "…" + text[-length:]


def _head(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[:length] + "…"


def _lists(subject: Subject) -> list[list[Para]]:
    """The lists of sub-paragraphs, each in order; an unlabelled paragraph ends every list."""
    found: list[list[Para]] = []
    open_lists: dict[int, list[Para]] = {}
    for para in subject.paragraphs:
        level = para.placed.level if para.placed else -1
        for deeper in [lvl for lvl in open_lists if lvl > level]:
            found.append(open_lists.pop(deeper))
        if level > 0:
            open_lists.setdefault(level, []).append(para)
    found += open_lists.values()
    return sorted(found, key=lambda items: items[0].index)


def _mixed_capitals(subject: Subject, items: list[Para]) -> Iterator[Finding]:
    lower = [item for item in items if item.text[:1].islower()]
    if not lower or len(lower) == len(items):
        return
    capital = [item for item in items if item.text[:1].isupper() and not _names(subject, item)]
    if not capital:
        return
    # The way most items begin is the list's way; with as many each way, the first item's.
    usual_is_lower = len(lower) > len(capital) or (len(lower) == len(capital) and items[0] in lower)
    odd, usual = (capital, lower) if usual_is_lower else (lower, capital)
    others = ", ".join(item.path for item in usual if item.path)
    case = "in lower case" if usual_is_lower else "with a capital"
    for item in odd:
        yield subject.finding(
            "LIST002",
            "warning",
            item,
            _head(item.text),
            f"the other items of this list ({others}) begin {case}",
        )


def _names(subject: Subject, item: Para) -> bool:
    """Whether the item begins with a proper name.

    It does when its first word is capitalised elsewhere in the middle of a sentence ("Kirklees"
    in "... a partnership with Kirklees ...").
    """
    word = _FIRST_WORD.match(item.text)
    if word is None:
        return False
    middle = re.compile(rf"[a-z,;] {re.escape(word.group())}\b")
    return any(middle.search(para.text) for para in subject.containing(word.group().lower()))
