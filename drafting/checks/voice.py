"""VOICE001: a letter that speaks of its signatory both as "I" and in the third person.

VOICE001 warning  a letter with "I am", "I have", "I hope" … that also says "The Secretary of
State has / is / hopes …" or "She is minded to": the Secretary of State who signs alone
speaks as "I" throughout; an official signing on their behalf speaks of them throughout

In: a `Subject` (a letter: its kind, or a paragraph beginning "Dear ").  Out: findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Subject, excerpt_around

_FIRST = re.compile(r"\bI (?:am|have|hope|consider|would|will|should|was)\b")
_THIRD = re.compile(
    r"\b(?:[Tt]he Secretary of State(?: for Education)?|(?<=\. )(?:She|He)) "
    r"(?:has|is|hopes|considers|would expect|will)\b"
)


def check_voice(subject: Subject) -> Iterator[Finding]:
    """A letter that says "I" does not also speak of its signatory in the third person."""
    if subject.kind != "letter" and not any(p.text.startswith("Dear ") for p in subject.paragraphs):
        return
    first = [p for p in subject.containing("i ") if _FIRST.search(p.text)]
    if not first:
        return
    for para in subject.containing("secretary of state", "she ", "he "):
        for match in _THIRD.finditer(para.text):
            yield subject.finding(
                "VOICE001",
                "warning",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                f'the letter speaks as "I" ({first[0].where}) and here of its signatory in '
                "the third person",
            )
