"""NUM: numbering that a reader can follow.

NUM001 error    a gap (4. follows 2.)
NUM002 error    a repeat (c. follows c.)
NUM003 error    a sub-paragraph list that does not start at its first label (c. with no a.)
NUM004 error    a cross-reference ("paragraph d. above") to a paragraph that is not there
NUM005 warning  a cross-reference written in another style than the labels ("(a)" for "a.")
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Subject, excerpt_around

_REFERENCE = re.compile(
    r"\bparagraph\s+(?P<written>\((?P<a>[a-z]{1,4}|\d{1,3})\)|(?P<b>[a-z]{1,4}|\d{1,3})\.?)"
    r"(?=[\s,;:)]|$)(?:\s+(?P<direction>above|below))?",
)


def check_numbering(subject: Subject) -> Iterator[Finding]:
    """Labels run on without gaps or repeats, and cross-references land on a paragraph."""
    for para in subject.paragraphs:
        placed = para.placed
        if placed is None or placed.expected is None or placed.value == placed.expected:
            continue
        label = f"{para.label}."
        if placed.value == placed.expected - 1:
            yield subject.finding("NUM002", "error", para, label, f"{label} is repeated")
        elif placed.expected == 1 and placed.level > 0:
            yield subject.finding(
                "NUM003",
                "error",
                para,
                label,
                f"sub-paragraph {label} opens a list that has no first item",
            )
        else:
            yield subject.finding(
                "NUM001",
                "error",
                para,
                label,
                f"{label} follows a gap in the numbering (expected {placed.expected} in this list)",
            )
    yield from _cross_references(subject)


def _cross_references(subject: Subject) -> Iterator[Finding]:
    markers = [p for p in subject.paragraphs if p.label]
    for para in subject.containing("paragraph"):
        for match in _REFERENCE.finditer(para.text):
            label = match["a"] or match["b"]
            direction = match["direction"]
            candidates = [
                p
                for p in markers
                if p.label == label
                and (direction != "above" or p.index < para.index)
                and (direction != "below" or p.index > para.index)
            ]
            excerpt = excerpt_around(para.text, match.start(), match.end(), 10)
            if not candidates:
                yield subject.finding(
                    "NUM004",
                    "error",
                    para,
                    excerpt,
                    f"no paragraph {label}. {direction or ''}".rstrip() + " to refer to",
                )
            elif match["a"] and not (candidates[-1].marker or "").startswith("("):
                yield subject.finding(
                    "NUM005",
                    "warning",
                    para,
                    excerpt,
                    f"written ({label}) but the paragraph is labelled "
                    f"{candidates[-1].marker or label + '.'}",
                )
