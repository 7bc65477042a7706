"""Reading text into comparable paragraphs, removing noise but never wording.

Published directions reach us as text extracted from PDFs: lines wrapped mid-sentence, list
labels written `a)`, `(a)` or behind a bullet, curly or straight quotes, page furniture such as
"Published: 5 August 2016".  Each kind of noise has a named `Rule`; the same rules apply to both
sides of any comparison, so what is left to differ is wording, punctuation and numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A named normalisation rule with the one-line explanation shown to users."""

    name: str
    explanation: str


RULES = (
    Rule(
        "page-furniture",
        'lines that are page furniture are dropped: "Published: ...", '
        '"© Crown copyright ...", page numbers, descriptions of signature images',
    ),
    Rule("quotes", "curly quotes and apostrophes read as straight ones"),
    Rule("dashes", "en and em dashes and minus signs read as hyphens"),
    Rule("emphasis", "emphasis markers from text extraction (*text*) are dropped"),
    Rule("whitespace", "runs of spaces, tabs and non-breaking spaces read as one space"),
    Rule(
        "list-markers", 'bullets before labels are dropped; labels "a)", "(a)" and "a." read alike'
    ),
    Rule(
        "line-wrapping",
        "a line that continues a sentence (it starts in lower case, or the "
        "line before ends in a word such as 'of' or 'the') joins the paragraph before",
    ),
)

_FURNITURE = re.compile(
    r"^(published:.*|©\s*crown copyright.*|page \d+( of \d+)?|\d{1,3}|a handwritten signature.*)$",
    re.IGNORECASE,
)
_SIGNATURE_IMAGE = re.compile(r"signature (image|graphic)\b", re.IGNORECASE)
_FURNITURE_STARTS = frozenset("pP©aA0123456789")
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
_STARS = re.compile(r"(\*+)")
_BULLET = re.compile(r"^[-•*◦▪·]\s+")
_LABEL = re.compile(
    r"^(?:\((\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\)|(\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})[.)])"
    r"(?:\s+|$)"
)
_OPEN_ENDED = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "under",
        "with",
        "within",
    ]
)


@dataclass(frozen=True)
class TextParagraph:
    """A paragraph read from text: its label without punctuation (`7`, `c`, `ii`) and its words.

    `marker` is the label as written (`c.`, `c)`, `(c)`), for checks on cross-reference style.
    """

    label: str | None
    text: str
    line: int
    marker: str | None = None
    #: Where it stands (`drafting.read._locate`): the document part ("recital", "direction",
    #: "annex", "letter" ...; "" when a text does not show it), the full label path (`7.c.ii`)
    #: and the place among the part's paragraphs (1-based).
    part: str = ""
    path: str | None = None
    number: int = 0
    page: int | None = None  # for a PDF: the page it begins on

    def __str__(self) -> str:
        return f"{self.label}. {self.text}" if self.label else self.text

    @property
    def where(self) -> str:
        """How a report names it: `direction 7.c.ii`, `annex 3.a`, `letter paragraph 4`.

        Paragraphs not located (`drafting.read._locate`) go by their label, or their line.
        """
        if not self.number:
            return f"{self.label}." if self.label else f"line {self.line}"
        return place_name(self.part, self.path, self.number)


def place_name(part: str, path: str | None, number: int) -> str:
    """`direction 7.c.ii`, `signature paragraph 2`; `paragraph 3.a` where the part is unknown."""
    if not part:
        return f"paragraph {path}" if path else f"paragraph {number} (unnumbered)"
    return f"{part} {path}" if path else f"{part} paragraph {number}"


def normalise_characters(text: str) -> str:
    """Quotes, dashes, emphasis and whitespace rules applied to a piece of text."""
    if not text.isascii():  # every character the quotes and dashes rules change is non-ASCII
        text = text.translate(_QUOTES)
    if "*" in text:
        text = _without_emphasis(text)
    return " ".join(text.split())


def _without_emphasis(text: str) -> str:
    """Text with each pair of asterisk runs around some words dropped: `**Note**` → `Note`.

    Runs pair left to right, each opening run with the next closing one, when the words between
    are on one line; an unpaired run stays.  One pass over the runs (a regular expression that
    backtracks from every asterisk took quadratic time on a long line of them).
    """
    pieces = _STARS.split(text)  # text, stars, text, stars, ... text
    kept = [pieces[0]]
    index = 1
    while index < len(pieces):
        between = pieces[index + 1]
        if between and "\n" not in between and index + 2 < len(pieces):
            kept += [between, pieces[index + 3]]
            index += 4
        else:
            kept += [pieces[index], between]
            index += 2
    return "".join(kept)


def read_paragraphs(text: str) -> list[TextParagraph]:
    """The paragraphs of a text, with every rule in `RULES` applied."""
    paragraphs: list[TextParagraph] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = normalise_characters(raw)
        if not line or _is_furniture(line):
            continue
        line = _BULLET.sub("", line)
        match = _LABEL.match(line)
        label = (match.group(1) or match.group(2)) if match else None
        body = line[match.end() :] if match else line
        if not body and label is None:
            continue
        if label is None and paragraphs and _continues(paragraphs[-1].text, body):
            last = paragraphs[-1]
            paragraphs[-1] = TextParagraph(
                last.label, f"{last.text} {body}", last.line, last.marker
            )
            continue
        marker = match.group(0).strip() if match else None
        paragraphs.append(TextParagraph(label, body, number, marker))
    return paragraphs


def _is_furniture(line: str) -> bool:
    # The first character rules most lines out before the pattern is tried.
    if line[0] in _FURNITURE_STARTS and _FURNITURE.match(line):
        return True
    return "signature" in line.lower() and _SIGNATURE_IMAGE.search(line) is not None


def has_label(line: str) -> bool:
    """Whether a line begins with a list label (after any bullet): `7.`, `c)`, `(ii)`."""
    return _LABEL.match(_BULLET.sub("", normalise_characters(line))) is not None


def _continues(previous: str, line: str) -> bool:
    if line[:1].islower():
        return True
    last_word = previous.rsplit(" ", 1)[-1]
    return last_word in _OPEN_ENDED
