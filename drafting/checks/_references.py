"""Dates a text gives the direction itself, however phrased.

"under the direction of 20 June 2022", "the Direction issued to Kirklees Council ... in December
2017", "the statutory direction, made on 3rd March 2019", "since the direction was issued in
March 2019", "the Secretary of State's direction (dated 1 May 2019)", "following the direction
in December 2017", "the 20 June 2022 direction".

A date is given to "the direction" (or "this direction") when it follows it in the sentence
with nothing between but the words that say when, by whom and under what it was made ("was
issued", "to Kirklees Council", "by the Secretary of State", "under section 497A of the
Education Act 1996", commas, brackets), the last of them "of", "on", "in", "dated", "made" or
"issued"; or when it stands just before "direction" ("the 20 June 2022 direction").  The date
is another direction's, and left out, when the direction is:

- indefinite or qualified: "a direction", "the first direction", "the previous direction", "the
  2016 direction", "the existing direction";
- revoked or replaced: "revokes the direction dated ...", "the direction of 2016 which this
  direction revokes";
- defined as another direction where it is dated (`... 5 March 2018 ("the first direction")`),
  or named by a term the text or spec defines for one (`others`);
- dated as one of the spec's earlier directions is (`earlier`).

Not the direction: "the direction of the Commissioner in May 2019"; nor dates of reports,
inspections, visits or meetings ("the direction following the report of 1 May 2019").

Only the paragraphs outside the title and the recitals (which recount earlier directions) are
read.  In: a `Subject` (or a paragraph's text, the terms of other directions, the earlier
directions' dates).  Out: each date given to the direction, with where it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from drafting.checks._model import Para, Subject, words
from drafting.checks._written import dates_in
from drafting.spec._dates import PartialDate

#: Words that may stand between "direction" and its date: how, when, by whom it was made.
_LINKS = words(
    """was were is has had been which that issued made dated given signed served sent by to under
    section sections of the on in for"""
)
#: The word just before a date that gives it to what precedes: "of", "made on", "dated".
_DATE_WORDS = frozenset({"of", "on", "in", "dated", "made", "issued"})
#: Capitalised words that take a date themselves ("the Direction and the Ofsted Report of").
_OWNERS = frozenset({"report", "inspection", "visit", "meeting", "letter", "review", "plan"})
_OTHER = words(
    """a an another any each every no first second third earlier previous revoked former original
    initial prior preceding old other existing current last"""
)
_THIS = frozenset({"the", "this"})
_THIS_TERMS = frozenset({"the direction", "this direction"})
_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
_WORD = re.compile(r"\S+")
_CITATION = re.compile(r"\d+[A-Z]*")
_DIRECTION = re.compile(r"\bdirection\b")
_YEAR = re.compile(r"\b(?:of|in|dated|on|made|issued)\s+(\d{4})\b(?!\s+direction)")
#: A term defined for a direction: ("the first direction"), ('the 2016 direction').
_DEFINED_TERM = re.compile(
    r"\(\s*[\"“'‘]((?:the|this)\s[^\"”'’()]*?direction)[\"”'’]\s*\)", re.IGNORECASE
)
_DEFINED_AFTER = re.compile(r"\s*\(\s*[\"“'‘]([^\"”'’()]+)[\"”'’]\s*\)")
_REVOKING_BEFORE = re.compile(r"\b(?:revok|replac|supersed)\w*\s+$", re.IGNORECASE)
_REVOKED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:which|that|is|was|now)\b[^.;]{0,60}?\b(?:revok|replac|supersed)",
    re.IGNORECASE,
)
_FORWARD = re.compile(r"\s+(?:statutory\s+)?direction\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:]\s")
#: The longest run of words allowed between "direction" and its date.
_REACH = 160
#: How far back from "direction" its determiner may stand ("the Secretary of State's").
_NOUN_PHRASE = 80
#: The parts that recount other directions, and so are not read for this one's date.
_HISTORY = frozenset({"recital", "title"})


def given_to_direction(subject: Subject) -> Iterator[tuple[Para, PartialDate, int, int]]:
    """Each date the subject gives the direction itself: the paragraph, the date, its span."""
    mentions = subject.containing("direction")
    paragraphs = [p for p in mentions if p.part not in _HISTORY]
    if not paragraphs:
        return
    others = defined_directions(p.text for p in mentions)
    earlier: list[PartialDate] = []
    if subject.spec is not None:
        earlier = [d.date for d in subject.spec.earlier_directions]
        others |= {d.term.lower() for d in subject.spec.earlier_directions if d.term}
    for para in paragraphs:
        for found, start, end in direction_dates(para.text, others, earlier):
            yield para, found, start, end


def direction_dates(
    text: str, others: frozenset[str], earlier: Iterable[PartialDate] = ()
) -> Iterator[tuple[PartialDate, int, int]]:
    """Each date `text` gives the direction itself, with where it stands (start, end)."""
    if "irection" not in text:
        return
    lower = text.lower()
    for found, start, end in _dates(text):
        if any(agrees(found, other) for other in earlier):
            continue
        if _given(text, lower, start, end, others) and not _another_after(text, end):
            yield found, start, end


def agrees(one: PartialDate, other: PartialDate) -> bool:
    """Whether two dates agree as far as both are known (year, then month, then day)."""
    pairs = ((one.year, other.year), (one.month, other.month), (one.day, other.day))
    return all(a == b for a, b in pairs if a is not None and b is not None)


def _dates(text: str) -> Iterator[tuple[PartialDate, int, int]]:
    """Every date in the text (a year alone after "of", "in" ...), with where it stands."""
    for found, match in dates_in(text):
        yield found, match.start(), match.end()
    for match in _YEAR.finditer(text):
        try:
            yield PartialDate.parse(match[1]), match.start(1), match.end(1)
        except ValueError:
            continue  # a year out of range is no direction's


def _given(text: str, lower: str, start: int, end: int, others: frozenset[str]) -> bool:
    """Whether the date at `start` is given to the direction, by the words around it."""
    opening = _sentence_start(text, start)
    if _FORWARD.match(text, end):
        return _this_direction(text, opening, start, others)
    found = list(_DIRECTION.finditer(lower, max(opening, start - _REACH), start))
    if not found:
        return False
    word = found[-1]
    return _linking(text[word.end() : start]) and _this_direction(
        text, opening, word.start(), others
    )


def _linking(gap: str) -> bool:
    """Whether `gap`, between "direction" and a date, only says how and when it was made."""
    tokens = _TOKEN.findall(gap)
    if not tokens or tokens[-1].lower() not in _DATE_WORDS:
        return False
    if tokens[0] == "of" and len(tokens) > 1 and "Secretary" not in tokens:
        return False  # "the direction of the Commissioner": guidance, not the direction
    return all(_link(token) for token in tokens)


def _link(token: str) -> bool:
    if token in {",", "(", ")"} or token.lower() in _LINKS or _CITATION.fullmatch(token):
        return True
    return token[0].isupper() and token.lower() not in _OWNERS


def _this_direction(text: str, opening: int, at: int, others: frozenset[str]) -> bool:
    """Whether "direction" at `at` is this one: "the (revised) direction", not another."""
    start = max(opening, at - _NOUN_PHRASE)
    words = list(_WORD.finditer(text, start, at))
    if start > opening and not text[start - 1].isspace():
        words = words[1:]  # a word cut by the window
    for index in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[index][0].lower().strip(",(")
        if word in _OTHER or word.isdigit():
            return False
        if word in _THIS:
            phrase = " ".join(w[0] for w in words[index:]).lower() + " direction"
            before = words[index].start()
            revoking = _REVOKING_BEFORE.search(text, max(opening, before - 40), before)
            return phrase not in others and revoking is None
    return False


def _another_after(text: str, end: int) -> bool:
    """Whether the words after the date make it another direction's: defined, or revoked."""
    defined = _DEFINED_AFTER.match(text, end)
    if defined:
        return defined[1].lower() not in _THIS_TERMS
    return _REVOKED_AFTER.match(text, end) is not None


def _sentence_start(text: str, at: int) -> int:
    ends = list(_SENTENCE_END.finditer(text, max(0, at - 2 * _REACH), at))
    return ends[-1].end() if ends else max(0, at - 2 * _REACH)


def defined_directions(texts: Iterable[str]) -> frozenset[str]:
    """The terms (lower case) the texts define for directions other than this one."""
    terms = {
        match[1].lower()
        for text in texts
        for match in _DEFINED_TERM.finditer(text)
        if match[1].lower() not in _THIS_TERMS
    }
    return frozenset(terms)
