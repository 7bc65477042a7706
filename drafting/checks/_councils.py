"""Councils named in a text: those listed in `drafting/councils.txt`, and others by their shape.

A name of a council's shape is a place before "Council", with or without the council's kind
("Westshire Council", "Westshire County Council", "Eastham Metropolitan Borough Council", "City
of Westshire Council"), or a place after "London Borough of" or "Royal Borough of".  The place
is capitalised words, perhaps joined by "and", "upon", "with", "of" or "on"; none of them a word
that opens a sentence or names something other than a place ("The Council", "County Council",
"Children's Services Council", "Local Government"), and, without a kind to vouch for it, none
ending as common nouns do ("Improvement Council", "Safeguarding Council").  A name inside
quotation marks is a term being defined, not a council named.

In: a paragraph's text.  Out: `Place`s, each a span of the text, the name and its area.  The
list of councils stays the one source of real names: shapes only add the names it lacks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from drafting.checks._model import words
from drafting.support._resources import council_area, councils


@dataclass(frozen=True)
class Place:
    """A council or area named in a text: where (`start`, `end`), as written, and its area."""

    start: int
    end: int
    name: str
    area: str


_KINDS = frozenset({"County", "Borough", "City", "District", "Metropolitan", "London", "Royal"})
#: Words joining a place's words: "Kingston upon Thames", "Isle of Wight", "City of Westshire".
#: Not "and" nor "with": "Eleanor Brazil and Westshire Council" is no council's name (the listed
#: "Telford and Wrekin Council" are found by the list).
_JOINS = frozenset({"upon", "on", "of"})
#: After "London Borough of", "and" joins too: "Barking and Dagenham".
_JOINS_AFTER_BOROUGH = _JOINS | {"and"}
_BEFORE_OF = frozenset({"Isle", "Isles", "Riding", "City", "Vale", "Forest"})
#: Capitalised words that are not places: a sentence's first words, offices and bodies.
_NOT_PLACES = words(
    """The This That These Those A An Each Every Any All Such Our Its Their His Her My Your No In
    On At By For To From With Of And Or But If When Where While As Under Since Following Within
    Between Before After Unless Until Whole Full Local Government Association National Regional
    Improvement Children Services Service Social Care Education Health Safeguarding Partnership
    Advisory Executive Youth Parish Town Community Privy Research Standards Practice Family
    Families Board Leadership Scrutiny Cabinet Joint Strategic Schools School Governing Trust
    Independent Professional Learning Skills Housing Police Fire Secretary State Minister
    Department Leader Member Members Chair Director Chief Officer Head Ofsted Commissioner
    Adviser Advisers Panel Committee Group Forum English British European General Medical
    Nursing Arts Sports Combined Unitary Shire Tier Statutory Direction Annex Schedule Terms
    Reference"""
)
#: Words that begin places ("North Yorkshire") but are not one alone ("North Council").
_QUALIFIERS = words("North South East West Central Mid Greater Great New Upper Lower")
_NOUN_ENDINGS = tuple(
    words("ment ing tion sion ship ness ity ance ence ive ory ary ism al ers ors")
)
_WORD = re.compile(r"[A-Z][a-z]+(?:-(?:[a-z]+-)?[A-Z][a-z]+)*|St")
_TOKEN = re.compile(r"\S+")
_QUOTE = re.compile('["“”]')
#: What may open a name: a bracket or a quotation mark ("(Eastshire County Council)").
_OPENING = "([\"“‘'"
#: "Council" after a capitalised word (a place's, or a kind's: "County Council").
_COUNCIL = re.compile(r"[A-Z][\w'’-]* (Council)\b")
_BOROUGH_OF = re.compile(r"\b(?:London|Royal) Borough of ")
#: How far back from "Council" a name may begin (the longest listed area is 35 characters).
_REACH = 80


@cache
def listed_places() -> dict[str, str]:
    """Every listed council's name and its area, each mapped to the area."""
    places: dict[str, str] = {}
    for name in councils():
        area = council_area(name)
        places[name] = area
        places[area] = area
    return places


@lru_cache(maxsize=64)  # a text's own councils: a few per text, kept for the texts checked again
def names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any of `names` as whole words, the longest first."""
    return re.compile(r"(?<![\w-])" + _trie(sorted(names)) + r"(?![\w-])")


def _trie(names: list[str]) -> str:
    """`names` as one pattern that shares their beginnings ("Ba(?:rnet|rnsley|th ...)").

    Five times quicker than an alternation of some 800 names, which the engine tries one by
    one at every place in a text; a name's longer form is tried before it (greedy `?`), as the
    longest-first alternation did.
    """
    tree: dict[str, Any] = {}
    for name in names:
        node = tree
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}  # a name ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if "" in node else group

    return "(?:" + pattern(tree) + ")" if tree else "(?!)"  # no names: matches nothing


@cache
def listed_pattern() -> re.Pattern[str]:
    """The pattern of every listed council and area."""
    return names_pattern(frozenset(listed_places()))


def shaped_places(text: str) -> Iterator[Place]:
    """The names of a council's shape in `text`, listed or not, outside quotation marks."""
    found: list[Place | None] = []
    if "Council" in text:
        found += (_ending_at(text, m.start(1), m.end(1)) for m in _COUNCIL.finditer(text))
    if "Borough of " in text:
        found += (_following(text, m.start(), m.end()) for m in _BOROUGH_OF.finditer(text))
    places = [place for place in found if place is not None]
    if places:
        quotes = [m.start() for m in _QUOTE.finditer(text)]
        for place in places:
            if not _quoted(text, quotes, place.start) and not _listed(text, place):
                yield place


def _ending_at(text: str, council: int, end: int) -> Place | None:
    """The name whose last word "Council" stands at `council`, if a place precedes it."""
    word = text.rfind(" ", 0, council - 1) + 1
    word += text[word] in _OPENING
    if not text[word : word + 1].isupper():
        return None  # a quick no for "the Council", "(Council", "act Council"
    tokens = list(_TOKEN.finditer(text, max(0, council - _REACH), council))
    written = [m[0] for m in tokens]
    kinds = 0
    while kinds < len(written) and written[-1 - kinds] in _KINDS:
        kinds += 1
    first = _first_place_word(written[: len(written) - kinds])
    if first is None:
        return None
    place = [w.lstrip(_OPENING) for w in written[first : len(written) - kinds]]
    if all(word in _QUALIFIERS or word in _JOINS for word in place):
        return None
    if not kinds and place[0] != "City" and not _bare_place(place):
        return None
    start = tokens[first].end() - len(place[0])
    return Place(start, end, text[start:end], council_area(text[start:end]))


def _first_place_word(written: list[str]) -> int | None:
    """Where the place ending `written` begins, or None if the last word is not a place's.

    "City" begins a place before "of" ("City of Westshire"), and so does a word after a bracket
    or quotation mark ("(Eastshire"); joining words count only between place words.
    """
    first = None
    for at in range(len(written) - 1, -1, -1):
        word = written[at].lstrip(_OPENING)
        if first is not None and _joins(written, at):
            continue
        if word == "City" and first is not None and written[at + 1] == "of":
            return at
        if not _place_word(word):
            break
        first = at
        if word != written[at]:
            break
    return first


def _joins(words: list[str], at: int) -> bool:
    """Whether `words[at]` joins two words of a place: "upon", "on", "of" after "Isle" ..."""
    if words[at] == "of":
        return at > 0 and words[at - 1].lstrip(_OPENING) in _BEFORE_OF
    return words[at] in _JOINS


def _place_word(word: str) -> bool:
    if word in _NOT_PLACES or word in _KINDS or word == "Council":
        return False
    return _WORD.fullmatch(word) is not None


def _bare_place(words: list[str]) -> bool:
    """Whether words before a bare "Council" (no kind) name a place, not a body."""
    named = [w for w in words if w not in _JOINS and w not in _QUALIFIERS]
    return not any(word.lower().endswith(_NOUN_ENDINGS) for word in named)


def _following(text: str, start: int, at: int) -> Place | None:
    """The place after "London Borough of " (from `start`, the place at `at`), if there is one."""
    words = [m for m in _TOKEN.finditer(text, at, min(len(text), at + _REACH))]
    last = None
    for index, word in enumerate(words):
        bare = word[0].rstrip(".,;:)")
        if bare in _JOINS_AFTER_BOROUGH and last is not None:
            continue
        if not _place_word(bare):
            break
        last = index
        if bare != word[0]:
            break  # punctuation ends the name
    if last is None:
        return None
    end = words[last].start() + len(words[last][0].rstrip(".,;:)"))
    name = text[start:end]
    return Place(start, end, name, council_area(name))


def _listed(text: str, place: Place) -> bool:
    """Whether `place` is the end of a listed name ("Chelsea Royal Borough Council")."""
    if place.name not in _tails():
        return False
    found = listed_pattern().finditer(text, max(0, place.start - _REACH), place.end)
    return any(m.start() < place.start and m.end() == place.end for m in found)


@cache
def _tails() -> frozenset[str]:
    """The last words of listed names, short of the whole ("Wrekin Council")."""
    tails: set[str] = set()
    for name in councils():
        parts = name.split()
        tails.update(" ".join(parts[at:]) for at in range(1, len(parts)))
    return frozenset(tails)


def _quoted(text: str, quotes: list[int], at: int) -> bool:
    """Whether `at` falls inside quotation marks (`quotes`: where each mark stands).

    Double quotation marks, straight or curly, open and close in turn; a single one counts
    only as a definition's, after a bracket ("('the Westshire Improvement Council')").
    """
    if bisect_left(quotes, at) % 2:
        return True
    start = max(0, at - _REACH)
    opened = max(text.rfind("('", start, at), text.rfind("(‘", start, at))
    return opened > max(text.rfind("')", start, at), text.rfind("’)", start, at))
