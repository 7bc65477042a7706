"""Proving an imported spec: the round trip, and the published differences it needs.

In: the spec as data with its matched entries, the published paragraphs and the drafting
checks' findings on them, and the comparison of the spec's text with the published one.  Out:
the published differences recorded in the data (each the published words, the spec's and what
the published text has), the paragraphs whose clause does not give back the published words
(to be made free text), and the differences no longer needed dropped.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from rapidfuzz import fuzz

from drafting.assembly._draft import Draft
from drafting.checks import Finding
from drafting.compare._diff import Comparison, Waiver, compare
from drafting.importing._match import Matched
from drafting.importing._shape import Node, Shape
from drafting.read._normalise import TextParagraph, read_paragraphs


def round_trip(draft: Draft, published: list[TextParagraph], data: dict[str, Any]) -> Comparison:
    generated = read_paragraphs(draft.get().text)
    waivers = [
        Waiver(d["generated"], d["published"], d["reason"])
        for d in data.get("published_differences", [])
    ]
    return compare(generated, published, waivers, "imported spec", "published")


def failing_nodes(
    comparison: Comparison, entries: list[tuple[str, Matched]], shape: Shape
) -> set[int]:
    """The nodes matched to clauses whose rendering is among the differences.

    Each differing paragraph is laid at the door of the one clause entry nearest to it, so that
    a slip in one item does not turn its similar neighbours into free text.
    """
    clauses = [m for _, top in entries for m in top.walk() if m.clause is not None]
    nodes = _nodes_by_text(shape)
    failing: set[int] = set()
    for difference in comparison.unwaived:
        for side in (difference.right, difference.left):
            if side is None or not clauses:
                continue
            score, nearest = max(
                (max(fuzz.ratio(side.text, own) for own in m.texts), index)
                for index, m in enumerate(clauses)
            )
            node = nodes.get(clauses[nearest].texts[0])
            if score > _SAME and node is not None:
                failing.add(id(node))
                break
    return failing


#: A differing paragraph this near (fuzzy score) to a clause entry's words is that entry's.
_SAME = 60


def record_differences(
    entries: list[tuple[str, Matched]],
    data: dict[str, Any],
    published: list[TextParagraph],
    findings: list[Finding],
) -> None:
    """The words clauses correct, as published differences with what the published text has."""
    for _, top in entries:
        for matched in top.walk():
            for written, generated in matched.differences:
                own = [p for p in published if p.text in matched.texts]
                _add_difference(data, written, generated, published, findings, own)


def _add_difference(
    data: dict[str, Any],
    written: str,
    generated: str,
    published: list[TextParagraph],
    findings: list[Finding],
    within: list[TextParagraph] | None = None,
) -> bool:
    """Add a published difference (widened to be unique); False if it cannot be placed."""
    widened = _widened(written, generated, published, within or published)
    if widened is None:
        return False
    written, generated, paragraph = widened
    reason = _reason(paragraph, written, findings) or _kind_of_slip(written, generated)
    entry = {"published": written, "generated": generated, "reason": reason}
    differences = data.setdefault("published_differences", [])
    if entry in differences:
        return False
    differences.append(entry)
    return True


def _widened(
    written: str, generated: str, published: list[TextParagraph], within: list[TextParagraph]
) -> tuple[str, str, str] | None:
    """The difference with as many words either side as make it unique in the published text.

    A waiver is applied where its published words occur once; "Children Act 2004" alone does
    not, "17A of the Children Act 2004" does.  Returns the words and their paragraph.
    """
    for paragraph in (p.text for p in within if p.text.count(written) == 1):
        start = paragraph.index(written)
        end = start + len(written)
        starts = [m.start() for m in re.finditer(r"\S+", paragraph[:start])]
        ends = [m.end() + end for m in re.finditer(r"\S+", paragraph[end:])]
        for more in range(0, 9):
            left = starts[-more] if 0 < more <= len(starts) else (0 if more else start)
            right = ends[more - 1] if 0 < more <= len(ends) else (len(paragraph) if more else end)
            text = paragraph[left:right]
            if sum(p.text.count(text) for p in published) == 1:
                wider = paragraph[left:start] + generated + paragraph[end:right]
                return text, wider, paragraph
    return None


def waive_fixed_parts(
    comparison: Comparison,
    data: dict[str, Any],
    published: list[TextParagraph],
    findings: list[Finding],
) -> bool:
    """Record as published differences what the facts' own paragraphs word otherwise.

    The title, revocation, duration and signature block follow from the facts; where the
    published text words them otherwise (an abbreviated month, a term written out again after
    its definition), the difference is recorded with what the published text has.
    """
    added = False
    for generated_text, written_text in _changed_pairs(comparison):
        for generated, written in _changed_runs(generated_text, written_text):
            text, other = " ".join(written), " ".join(generated)
            added = _add_difference(data, text, other, published, findings) or added
    return added


def _changed_pairs(comparison: Comparison) -> list[tuple[str, str]]:
    """(generated, published) paragraphs that differ.

    Changed ones, and a line the spec adds next to one the published text has instead (a line
    to sign on of another length).
    """
    pairs = []
    unwaived = comparison.unwaived
    for index, difference in enumerate(unwaived):
        left, right = difference.left, difference.right
        if difference.kind == "changed" and left is not None and right is not None:
            pairs.append((left.text, right.text))
        following = unwaived[index + 1] if index + 1 < len(unwaived) else None
        if difference.kind == "deleted" and following and following.kind == "inserted":
            assert left is not None and following.right is not None
            pairs.append((left.text, following.right.text))
    return pairs


def _changed_runs(generated: str, written: str) -> list[tuple[list[str], list[str]]]:
    """Each differing run of words with two words either side: (generated, published)."""
    a, b = generated.split(), written.split()
    runs = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            runs.append((a[max(i1 - 2, 0) : i2 + 2], b[max(j1 - 2, 0) : j2 + 2]))
    return runs


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def _kind_of_slip(written: str, generated: str) -> str:
    """What the published words have that the spec's do not, in the drafter's terms."""
    said = f'the published text has "{written}" for "{generated}"'
    if set(written + generated) <= {".", "_", " "}:
        return f"{said}: a line to sign on of another length"
    if written.lower() == generated.lower():
        return f"{said}: an item begun in lower case where the others of its list have a capital"
    if _ORDINAL.sub(r"\1", written) == _ORDINAL.sub(r"\1", generated):
        return f"{said}: a date in the other style from the rest of the document"
    stripped = [re.sub(r"[;,.]|\band\b", "", t).split() for t in (written, generated)]
    if stripped[0] == stripped[1]:
        return f"{said}: a list item punctuated unlike the others of its list"
    if "Education Act 1996" in written and "1996 Act" in generated:
        return f'{said}: "the 1996 Act" is defined, then the Act named in full again'
    if "Secretary of State for Education" in written and "Secretary of State" in generated:
        return f'{said}: "the Secretary of State" is defined, then the long form used again'
    return f"{said} (the clause's wording, kept by the spec)"


def _reason(paragraph: str, written: str, findings: list[Finding]) -> str | None:
    """What the drafting checks say of these published words, if they found a slip in them."""
    for finding in findings:
        excerpt = finding.excerpt
        if excerpt and excerpt in paragraph and (excerpt in written or written in excerpt):
            return f"a slip in the published text that the spec corrects: {finding.message}"
    return None


def _nodes_by_text(shape: Shape) -> dict[str, Node]:
    found: dict[str, Node] = {}

    def visit(node: Node) -> None:
        found.setdefault(node.text, node)
        for child in node.children + node.bullets:
            visit(child)

    for node in shape.recitals + shape.operative + shape.annex + shape.body:
        visit(node)
    return found


def drop_unused(data: dict[str, Any], comparison: Comparison) -> None:
    """Published differences the round trip did not need (another covers the same words)."""
    unused = {(w.right, w.left) for w in comparison.unused_waivers}
    kept = [
        d
        for d in data.get("published_differences", [])
        if (d["published"], d["generated"]) not in unused
    ]
    if kept:
        data["published_differences"] = kept
    else:
        data.pop("published_differences", None)
