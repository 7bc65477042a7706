"""The regression diff: two documents compared by paragraph, then by word.

Paragraphs are aligned on their words alone, labels set aside, so a paragraph inserted early
is one insertion and the renumbering that follows it is one note, not a change to every later
paragraph.  Paragraphs in a replaced stretch are paired when they share most of their words
(a changed paragraph, with the changed words) and otherwise reported as deleted and inserted;
a deleted paragraph that reappears elsewhere is reported as moved.

Waivers are known differences, each with a reason: applied to the right-hand document before
alignment, and reported as waived where they make a paragraph agree.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Literal

from drafting.read._normalise import TextParagraph, normalise_characters

Kind = Literal["changed", "inserted", "deleted", "moved", "renumbered", "waived"]
RowKind = Literal["equal", "changed", "inserted", "deleted"]
#: Paragraphs sharing at least this share of their words are one paragraph, changed.
SAME_PARAGRAPH = 0.5


@dataclass(frozen=True)
class Waiver:
    """A known difference: `right` in the right-hand document stands for `left` in the left."""

    left: str
    right: str
    reason: str


@dataclass(frozen=True)
class WordChange:
    """A run of words that both sides share, or that only one side has."""

    kind: Literal["equal", "deleted", "inserted"]
    text: str


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side alignment."""

    kind: RowKind
    left: TextParagraph | None
    right: TextParagraph | None
    words: tuple[WordChange, ...] = ()
    waivers: tuple[Waiver, ...] = ()


@dataclass(frozen=True)
class Difference:
    """One reported difference."""

    kind: Kind
    left: TextParagraph | None = None
    right: TextParagraph | None = None
    words: tuple[WordChange, ...] = ()
    reasons: tuple[str, ...] = ()
    renumbered: tuple[tuple[str, str], ...] = ()

    @property
    def counts(self) -> bool:
        """Whether it makes the documents differ (waived ones do not)."""
        return self.kind != "waived"


@dataclass
class Comparison:
    """The result of comparing two documents."""

    left_name: str
    right_name: str
    rows: list[Row]
    differences: list[Difference]
    similarity: float
    unused_waivers: list[Waiver] = field(default_factory=list)
    #: Whether each side's paragraph lines are lines of its file (a .txt), for editors to jump to.
    left_lines: bool = False
    right_lines: bool = False
    #: What the reader should know about how the comparison was made (waivers not applied ...).
    notes: list[str] = field(default_factory=list)

    @property
    def unwaived(self) -> list[Difference]:
        """The differences that make the documents differ."""
        return [d for d in self.differences if d.counts]

    def counts(self) -> dict[str, int]:
        """How many differences of each kind."""
        kinds: list[Kind] = ["changed", "inserted", "deleted", "moved", "renumbered", "waived"]
        return {kind: sum(d.kind == kind for d in self.differences) for kind in kinds}


def compare(
    left: Sequence[TextParagraph],
    right: Sequence[TextParagraph],
    waivers: Sequence[Waiver] = (),
    left_name: str = "left",
    right_name: str = "right",
) -> Comparison:
    """Compare two documents' paragraphs."""
    reconciled, applied, unused = _apply_waivers(right, waivers)
    rows = _align(left, reconciled)
    by_line: dict[int, int] = {}
    for index, paragraph in enumerate(right):
        by_line.setdefault(paragraph.line, index)
    rows = [_restore(row, right, by_line, applied) for row in rows]
    differences = _differences(rows)
    return Comparison(left_name, right_name, rows, differences, _similarity(rows), unused)


# --- waivers -----------------------------------------------------------------------------------


def _apply_waivers(
    right: Sequence[TextParagraph], waivers: Sequence[Waiver]
) -> tuple[list[TextParagraph], dict[int, list[Waiver]], list[Waiver]]:
    paragraphs = list(right)
    applied: dict[int, list[Waiver]] = {}
    unused: list[Waiver] = []
    for waiver in waivers:
        old, new = normalise_characters(waiver.right), normalise_characters(waiver.left)
        places = [(i, m) for i, p in enumerate(paragraphs) for m in _waived_at(p.text, old, new)]
        if len(places) != 1:
            unused.append(waiver)
            continue
        index, (start, end) = places[0]
        target = paragraphs[index]
        text = " ".join((target.text[:start] + new + target.text[end:]).split())
        paragraphs[index] = replace(target, text=text)
        applied.setdefault(index, []).append(waiver)
    return paragraphs, applied, unused


def _waived_at(text: str, old: str, new: str) -> list[tuple[int, int]]:
    """Where `old` stands in `text` as whole words, and not as part of `new` already there.

    A waiver whose generated wording is its published wording and more ("Council" for
    "Council;") would otherwise apply again to text that already reads as generated, and
    double the punctuation ("Council;;").
    """
    if not old or old not in text:  # most paragraphs: a substring test, not a pattern
        return []
    before = r"(?<!\w)" if old[0].isalnum() else ""
    after = r"(?!\w)" if old[-1].isalnum() else ""
    word = re.compile(before + re.escape(old) + after)
    readings = [(m.start(), m.end()) for m in re.finditer(re.escape(new), text)] if new else []
    return [
        (m.start(), m.end())
        for m in word.finditer(text)
        if not any(start <= m.start() and m.end() <= end for start, end in readings)
    ]


def _restore(
    row: Row,
    original: Sequence[TextParagraph],
    by_line: dict[int, int],
    applied: dict[int, list[Waiver]],
) -> Row:
    """Show the right-hand paragraph as written, with the waivers that were applied to it.

    A paragraph that the waivers make agree keeps the words they explain, so that a redline
    or a side-by-side page still shows what differs.
    """
    if row.right is None:
        return row
    index = by_line.get(row.right.line)
    if index is None or index not in applied:
        return row
    words = row.words
    if row.kind == "equal" and row.left is not None:
        words = word_changes(row.left, original[index])
    return Row(row.kind, row.left, original[index], words, tuple(applied[index]))


# --- alignment ---------------------------------------------------------------------------------


def _align(left: Sequence[TextParagraph], right: Sequence[TextParagraph]) -> list[Row]:
    rows: list[Row] = []
    i = j = 0
    for a, b, size in _matching_blocks([p.text for p in left], [p.text for p in right]):
        rows += _gap(left[i:a], right[j:b])
        rows += [Row("equal", left[a + k], right[b + k]) for k in range(size)]
        i, j = a + size, b + size
    return rows


def _gap(left: Sequence[TextParagraph], right: Sequence[TextParagraph]) -> list[Row]:
    """The rows of a stretch between equal paragraphs: deleted, inserted, or both (paired)."""
    if not right:
        return [Row("deleted", p, None) for p in left]
    if not left:
        return [Row("inserted", None, p) for p in right]
    return _pair(left, right)


#: A stretch between anchors small enough for difflib's alignment (at most quadratic in it).
_SMALL_STRETCH = 250_000
#: How far ahead a changed paragraph's counterpart is looked for in a replaced stretch.
_LOOK_AHEAD = 40


def _matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Runs of equal paragraphs (start in `a`, start in `b`, length) in order, then (n, m, 0).

    Patience-style: paragraphs found once on each side anchor the alignment (the longest series
    of them in the same order on both sides), and each stretch between anchors is aligned on its
    own.  A stretch small enough is left to difflib, so short documents align exactly as
    difflib aligns them; long ones take near-linear time, as a direction's paragraphs are
    mostly distinct.  A long stretch with no anchor is a replaced stretch.
    """
    found: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a1, a2, b1, b2 = stack.pop()
        if a1 >= a2 or b1 >= b2:
            continue
        if (a2 - a1) * (b2 - b1) <= _SMALL_STRETCH:
            matcher = SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
            found += [(a1 + i, b1 + j, n) for i, j, n in matcher.get_matching_blocks() if n]
            continue
        anchors = _anchors(a, a1, a2, b, b1, b2)
        if not anchors:
            continue
        found += [(i, j, 1) for i, j in anchors]
        after_i, after_j = a1, b1
        for i, j in [*anchors, (a2, b2)]:
            stack.append((after_i, i, after_j, j))
            after_i, after_j = i + 1, j + 1
    return [*_runs(sorted(found)), (len(a), len(b), 0)]


def _anchors(
    a: Sequence[str], a1: int, a2: int, b: Sequence[str], b1: int, b2: int
) -> list[tuple[int, int]]:
    """The longest in-order series of paragraphs that occur once in each stretch."""
    in_a = Counter(a[a1:a2])
    in_b = Counter(b[b1:b2])
    where_b = {b[j]: j for j in range(b1, b2) if in_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(a1, a2) if in_a[a[i]] == 1 and a[i] in where_b]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of pairs in increasing first place, the longest series increasing in the second too.

    Patience sorting: O(n log n).
    """
    tops: list[int] = []  # the second place ending the best series of each length
    ends: list[int] = []  # which pair ends it
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
        before[index] = ends[length - 1] if length else -1
    series: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        series.append(pairs[index])
        index = before[index]
    return series[::-1]


def _runs(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Adjacent blocks joined into runs."""
    runs: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + n)
        else:
            runs.append((i, j, n))
    return runs


def _pair(left: Sequence[TextParagraph], right: Sequence[TextParagraph]) -> list[Row]:
    """Pair the paragraphs of a replaced stretch, in order, where they are one paragraph changed."""
    rows: list[Row] = []
    j = 0
    for paragraph in left:
        match = next(
            (
                k
                for k in range(j, min(len(right), j + _LOOK_AHEAD))
                if _same_paragraph(paragraph, right[k])
            ),
            None,
        )
        if match is None:
            rows.append(Row("deleted", paragraph, None))
            continue
        rows += [Row("inserted", None, p) for p in right[j:match]]
        rows.append(Row("changed", paragraph, right[match], word_changes(paragraph, right[match])))
        j = match + 1
    rows += [Row("inserted", None, p) for p in right[j:]]
    return rows


def _same_paragraph(left: TextParagraph, right: TextParagraph) -> bool:
    """Whether two paragraphs share at least `SAME_PARAGRAPH` of their words, in order."""
    matcher = SequenceMatcher(None, left.text.split(), right.text.split(), autojunk=False)
    # The quick ratios are upper bounds of the ratio: most unrelated pairs stop at them.
    return (
        matcher.real_quick_ratio() >= SAME_PARAGRAPH
        and matcher.quick_ratio() >= SAME_PARAGRAPH
        and matcher.ratio() >= SAME_PARAGRAPH
    )


def word_changes(left: TextParagraph, right: TextParagraph) -> tuple[WordChange, ...]:
    """The words of two versions of a paragraph: shared runs, and runs only one side has."""
    a, b = left.text.split(), right.text.split()
    changes: list[WordChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            changes.append(WordChange("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            changes.append(WordChange("deleted", " ".join(a[i1:i2])))
        if j2 > j1:
            changes.append(WordChange("inserted", " ".join(b[j1:j2])))
    return tuple(changes)


# --- reporting ---------------------------------------------------------------------------------


def _differences(rows: list[Row]) -> list[Difference]:
    differences: list[Difference] = []
    moved = _moved_pairs(rows)
    renumbering: list[tuple[str, str]] = []
    for index, row in enumerate(rows):
        label_change = _label_change(row)
        if label_change:
            renumbering.append(label_change)
        elif row.kind in ("inserted", "deleted") and renumbering:
            differences.append(Difference("renumbered", renumbered=tuple(renumbering)))
            renumbering = []
        if index in moved:
            if row.kind == "deleted":
                target = rows[moved[index]]
                differences.append(Difference("moved", row.left, target.right))
            continue
        if row.waivers and row.kind == "equal":
            reasons = tuple(dict.fromkeys(w.reason for w in row.waivers))
            differences.append(Difference("waived", row.left, row.right, reasons=reasons))
        elif row.kind != "equal":
            differences.append(Difference(row.kind, row.left, row.right, row.words))
    if renumbering:
        differences.append(Difference("renumbered", renumbered=tuple(renumbering)))
    return differences


def _label_change(row: Row) -> tuple[str, str] | None:
    if row.kind not in ("equal", "changed") or row.left is None or row.right is None:
        return None
    if row.left.label and row.right.label and row.left.label != row.right.label:
        return row.left.label, row.right.label
    return None


def _moved_pairs(rows: list[Row]) -> dict[int, int]:
    """Deleted rows whose text is inserted elsewhere, paired both ways by row index."""
    inserted: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if row.kind == "inserted" and row.right is not None:
            inserted.setdefault(row.right.text, []).append(index)
    pairs: dict[int, int] = {}
    for index, row in enumerate(rows):
        if row.kind == "deleted" and row.left is not None and inserted.get(row.left.text):
            target = inserted[row.left.text].pop(0)
            pairs[index], pairs[target] = target, index
    return pairs


def _similarity(rows: list[Row]) -> float:
    """Share of words the two documents have in common (1.0: the same words in the same order)."""
    matched = total = 0
    for row in rows:
        left = row.left.text.split() if row.left else []
        right = row.right.text.split() if row.right else []
        total += len(left) + len(right)
        if left and left == right:  # most rows: no need to look for what they share
            matched += 2 * len(left)
        elif left and right:
            blocks = SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks()
            matched += 2 * sum(block.size for block in blocks)
    return matched / total if total else 1.0
