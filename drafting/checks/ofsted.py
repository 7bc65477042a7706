"""OFSTED: judgements named as the inspection framework names them.

OFSTED001 error  a grade that is not one of outstanding, good, requires improvement (to be
good), inadequate
OFSTED002 error  a key judgement misnamed ("leadership, management and government")
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Subject, excerpt_around

GRADES = frozenset(
    {"outstanding", "good", "requires improvement", "requires improvement to be good", "inadequate"}
)
_GRADED = re.compile(
    r"\b(?:to be|were|was|is|are|remained|has remained|earlier|improved to|rated|judged)\s+"
    r"['\"](?P<grade>[A-Za-z ]{3,40})['\"]"
)
_LEADERSHIP = re.compile(
    r"\bleadership, management and (?!governance\b)(?P<word>\w+)", re.IGNORECASE
)


def check_ofsted(subject: Subject) -> Iterator[Finding]:
    """Grades and key judgement names are the framework's."""
    # A grade is quoted after a space (the text is normalised: one space, straight quotes).
    for para in subject.containing(' "', " '"):
        for match in _GRADED.finditer(para.text):
            grade = match["grade"].strip()
            if len(grade.split()) <= 5 and grade.lower() not in GRADES:
                yield subject.finding(
                    "OFSTED001",
                    "error",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f"'{grade}' is not an Ofsted grade (outstanding, good, "
                    "requires improvement to be good, inadequate)",
                )
    for para in subject.containing("leadership, management and"):
        for match in _LEADERSHIP.finditer(para.text):
            yield subject.finding(
                "OFSTED002",
                "error",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                "the key judgement is 'leadership, management and "
                f"governance', not '{match['word']}'",
            )
