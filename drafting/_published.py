"""Comparing a generated document with the published text it reproduces.

A sample spec lists the `published_differences` it knowingly makes: slips in the published
text that the generated one corrects, each with a reason.  `reconcile` applies them to the
published paragraphs, after normalisation, so that what remains to compare is exact wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._errors import SpecError
from ._normalise import TextParagraph, normalise_characters
from ._spec import PublishedDifference


@dataclass(frozen=True)
class Mismatch:
    """A paragraph where the generated and published texts still differ."""

    index: int
    generated: TextParagraph | None
    published: TextParagraph | None


def reconcile(
    published: Sequence[TextParagraph], differences: Sequence[PublishedDifference]
) -> list[TextParagraph]:
    """The published paragraphs with each listed difference replaced by the generated wording.

    Each difference must occur exactly once in the published text, so a stale or ambiguous entry
    is reported rather than silently ignored.
    """
    paragraphs = list(published)
    for number, difference in enumerate(differences, start=1):
        old = normalise_characters(difference.published)
        new = normalise_characters(difference.generated)
        found = [i for i, p in enumerate(paragraphs) if old in p.text]
        occurrences = sum(p.text.count(old) for p in paragraphs)
        if occurrences != 1:
            raise SpecError(
                f"published_differences[{number - 1}]: {old!r} occurs {occurrences} times in the "
                "published text; it must occur exactly once"
            )
        target = paragraphs[found[0]]
        paragraphs[found[0]] = TextParagraph(
            target.label, " ".join(target.text.replace(old, new).split()), target.line
        )
    return paragraphs


def mismatches(
    generated: Sequence[TextParagraph], published: Sequence[TextParagraph]
) -> list[Mismatch]:
    """Paragraphs whose words differ, or whose labels differ where the published text has one."""
    found = []
    for index in range(max(len(generated), len(published))):
        ours = generated[index] if index < len(generated) else None
        theirs = published[index] if index < len(published) else None
        if (
            ours is None
            or theirs is None
            or ours.text != theirs.text
            or (theirs.label is not None and ours.label != theirs.label)
        ):
            found.append(Mismatch(index, ours, theirs))
    return found
