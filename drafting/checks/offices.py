"""CITE004 and ANNEX001: an office cited under the wrong section; "the Annex A".

CITE004 error    the Director of Children's Services cited under section 19 of the Children Act
2004 (s.18 creates that office; s.19 the lead member for children's services), or the lead
member under section 18
ANNEX001 error   "the Annex A": an annex with a letter or number takes no article

In: a `Subject`.  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject, excerpt_around

#: Each office, and the section of the Children Act 2004 that creates it.
OFFICES = {"director of children's services": "18", "lead member": "19"}
_CITED = re.compile(r"\bsection (\d+) of the Children Act 2004", re.IGNORECASE)
_OFFICE = re.compile(r"director of children's services|lead member", re.IGNORECASE)
_ANNEX_ARTICLE = re.compile(r"\bthe (Annex|Schedule) ([A-Z]|\d+)\b", re.IGNORECASE)


def check_offices(subject: Subject) -> Iterator[Finding]:
    """Offices cited under the section that creates them; lettered annexes without "the"."""
    for para in subject.containing("of the children act 2004"):
        for sentence in re.finditer(r"[^.]+\.?", para.text):
            yield from _office_cited(subject, para, sentence.group())
    for para in subject.containing("the annex ", "the schedule "):
        for match in _ANNEX_ARTICLE.finditer(para.text):
            if match[1][0].isupper():
                yield subject.finding(
                    "ANNEX001",
                    "error",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f'"{match[1]} {match[2]}" takes no article: write "{match[1]} {match[2]}"',
                )


def _office_cited(subject: Subject, para: Para, sentence: str) -> Iterator[Finding]:
    for cited in _CITED.finditer(sentence):
        offices = [m for m in _OFFICE.finditer(sentence) if m.end() <= cited.start()]
        if not offices:
            continue
        office = offices[-1].group().lower()
        right = OFFICES[office]
        if cited[1] in OFFICES.values() and cited[1] != right:
            yield subject.finding(
                "CITE004",
                "error",
                para,
                excerpt_around(sentence, cited.start(), cited.end()),
                f"the {offices[-1].group()} is section {right} of the Children Act 2004, "
                f"not section {cited[1]}",
            )
