"""Importing a whole document: facts, then paragraphs, then a round trip that proves the spec.

In: the path of a published direction or letter (.pdf, .docx, .txt) and the clause library.
Out: an `Imported` — the spec as data, the matched paragraph entries, the facts with how sure,
the drafting checks' findings on the published text and the round trip's remaining differences.

The spec is proved before it is returned: it is assembled, and its text compared with the
published one.  A paragraph whose clause does not give back the published words becomes free
text, and the matching is done again, until the texts agree (or only free text is left).
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz

from drafting._errors import DocumentError, Where
from drafting.assembly._assemble import clause_context
from drafting.assembly._draft import Draft
from drafting.checks import Finding, check_draft, check_subject
from drafting.checks._model import Subject, subject_paragraphs
from drafting.compare._diff import Comparison, Waiver, compare
from drafting.importing._facts import Fact, find_facts
from drafting.importing._match import Matched, Matcher
from drafting.importing._patterns import Facts, attempt, with_placeholders
from drafting.importing._shape import Node, Shape, read_shape
from drafting.library._clauses import ClauseLibrary, load_library
from drafting.read._normalise import TextParagraph, read_paragraphs
from drafting.read._readers import read_document
from drafting.spec._model import Spec
from drafting.spec._yaml import LineMap

_ROUNDS = 5
_COPIES = re.compile(
    r"^(?:We are|I am) copying this letter to (?P<copies>.+?)(?: and to (?P<also>[^,]+))?, "
    r"and will make a copy available on gov\.uk\.$"
)


@dataclass
class Imported:
    """A document imported as a spec, with what the report says about it."""

    path: Path
    kind: str
    spec: dict[str, Any]
    entries: list[tuple[str, Matched]]  # (part of the document, entry)
    facts: list[Fact]
    findings: list[Finding]
    differences: Comparison | None = None
    waived: list[str] = field(default_factory=list)

    @property
    def matched(self) -> list[Matched]:
        """Every paragraph entry, sub-paragraphs included."""
        return [m for _, top in self.entries for m in top.walk()]


def import_document(path: Path, library: ClauseLibrary | None = None) -> Imported:
    """Import a published direction or letter; `DocumentError` if it is neither or unreadable."""
    library = library or load_library()
    source = read_document(path)
    shape = read_shape(source.paragraphs, path)
    text = "\n".join(p.text for p in source.paragraphs)
    found = find_facts(shape, text)
    findings = check_subject(Subject(str(path), subject_paragraphs(source.paragraphs), final=True))
    plain: set[int] = set()
    for _ in range(_ROUNDS):
        data = copy.deepcopy(found.data)
        entries = _match_parts(path, shape, data, library, plain)
        _record_differences(entries, data, source.paragraphs, findings)
        draft = _draft(path, data, library)
        comparison = _round_trip(draft, source.paragraphs, data)
        failing = _failing(comparison, entries, shape)
        if not failing:
            if not _waive_fixed_parts(comparison, found.data, source.paragraphs, findings):
                break
            continue
        plain |= failing
    _drop_unused(data, comparison)
    _accept_findings(path, data, library)
    imported = Imported(path, shape.kind, data, entries, found.notes, findings, comparison)
    return imported


# --- matching each part ------------------------------------------------------------------------


def _match_parts(
    path: Path, shape: Shape, data: dict[str, Any], library: ClauseLibrary, plain: set[int]
) -> list[tuple[str, Matched]]:
    facts = _rendering_facts(path, shape, data, library)
    reports = {r["id"]: r for r in data.get("reports", [])}
    reports |= {d["id"]: d for d in data.get("earlier_directions", [])}
    matcher = Matcher(library, facts, reports)
    matcher.plain_text = plain
    if shape.kind == "letter":
        return _letter_parts(shape, data, matcher)
    data["title"] = _title(shape.title, facts, library)
    recitals = matcher.entries(shape.recitals)
    operative_nodes, ending = _operative_nodes(shape.operative)
    operative = matcher.entries(operative_nodes)
    unmatched = _revocation_and_duration(ending, data, matcher, library)
    operative += matcher.entries(unmatched)
    data["recitals"] = [m.spec_entry() for m in recitals]
    data["operative"] = {
        **data.get("operative", {}),
        "paragraphs": [m.spec_entry() for m in operative],
    }
    parts = [("recitals", m) for m in recitals] + [("operative", m) for m in operative]
    if shape.annex_heading is not None:
        annex = matcher.entries(shape.annex)
        data["annex"]["paragraphs"] = [m.spec_entry() for m in annex]
        parts += [("annex", m) for m in annex]
    return parts


def _rendering_facts(
    path: Path, shape: Shape, data: dict[str, Any], library: ClauseLibrary
) -> Facts:
    """The facts as clauses see them, with placeholders for report fields not yet read."""
    skeleton = copy.deepcopy(data)
    if shape.kind == "direction":
        skeleton.update(recitals=[], operative={**skeleton.get("operative", {}), "paragraphs": []})
        if "annex" in skeleton:
            skeleton["annex"]["paragraphs"] = []
    else:
        skeleton["letter"] = {**skeleton["letter"], "paragraphs": []}
    spec = _validated(path, skeleton)
    context, reports, directions = clause_context(spec, library, LineMap(path))
    report_fields = ("summary", "judgement", "subject")
    return Facts(
        context,
        {key: with_placeholders(r, report_fields) for key, r in reports.items()},
        {key: with_placeholders(d, ("required",)) for key, d in directions.items()},
    )


def _validated(path: Path, data: dict[str, Any]) -> Spec:
    try:
        return Spec.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        place = ".".join(str(part) for part in error["loc"])
        raise DocumentError(
            f"the facts found do not make a spec ({place}: {error['msg']}); is this a direction "
            "or a letter under section 497A(4B)?",
            Where(path),
        ) from None


def _title(title: str, facts: Facts, library: ClauseLibrary) -> dict[str, Any]:
    for clause in library:
        if clause.id.startswith("title."):
            found = attempt(clause, facts, facts_terms(), [title], False)
            if found is not None and not found.end and not found.add:
                return {"clause": clause.id}
    return {"text": title}


def facts_terms() -> Any:
    """A fresh record of defined terms (the title defines none)."""
    from drafting.library._language import DefinedTerms

    return DefinedTerms()


def _operative_nodes(nodes: list[Node]) -> tuple[list[Node], list[Node]]:
    """The operative paragraphs chosen, and the revocation and duration the facts give."""
    ending: list[Node] = []
    rest = list(nodes)
    if rest and "remain in force" in rest[-1].text and not rest[-1].children:
        ending.insert(0, rest.pop())
    if rest and re.search(r"\brevokes\b", rest[-1].text) and not rest[-1].children:
        ending.insert(0, rest.pop())
    return rest, ending


def _revocation_and_duration(
    ending: list[Node], data: dict[str, Any], matcher: Matcher, library: ClauseLibrary
) -> list[Node]:
    """Follow the defined terms through the paragraphs the assembler adds from the facts.

    Returns the paragraphs the facts do not give (a revocation of no direction found), which
    stay as paragraphs of their own.
    """
    revoked = any(d.get("revoked") for d in data.get("earlier_directions", []))
    kept: list[Node] = []
    for node in ending:
        revocation = "revokes" in node.text
        if revocation and not revoked:
            kept.append(node)
            continue
        names = ["revocation.earlier-direction"] if revocation else list(_DURATIONS)
        for clause_id in names:
            clause = library.get(clause_id)
            found = clause and attempt(clause, matcher.facts, matcher.terms, [node.text], False)
            if found and not found.add and not found.end:
                matcher.terms = found.terms
                if revocation:
                    _mark_revoked(data, found.with_.get("direction"))
                break
    return kept


_DURATIONS = ("duration.until-revoked", "duration.fixed-period")


def _mark_revoked(data: dict[str, Any], direction: str | None) -> None:
    for earlier in data.get("earlier_directions", []):
        earlier["revoked"] = earlier["id"] == direction


def _letter_parts(
    shape: Shape, data: dict[str, Any], matcher: Matcher
) -> list[tuple[str, Matched]]:
    letter = data["letter"]
    body: list[Matched] = []
    for node in shape.body:
        copies = _COPIES.match(node.text)
        if copies:
            names = re.split(r", (?:and )?| and ", copies.group("copies"))
            letter["copies"] = names
            if copies.group("also"):
                letter["copies_also"] = copies.group("also")
            continue
        body.append(matcher.node(node))
    letter["paragraphs"] = [m.spec_entry() for m in body]
    return [("letter", m) for m in body]


# --- proving the spec ----------------------------------------------------------------------------


def _draft(path: Path, data: dict[str, Any], library: ClauseLibrary) -> Draft:
    spec = _validated(path, data)
    try:
        return Draft.from_spec(spec, LineMap(path), library)
    except DocumentError:
        raise
    except Exception as exc:  # a spec the importer wrote that does not assemble is its own bug
        raise DocumentError(f"the imported spec does not assemble: {exc}", Where(path)) from None


def _round_trip(draft: Draft, published: list[TextParagraph], data: dict[str, Any]) -> Comparison:
    generated = read_paragraphs(draft.get().text)
    waivers = [
        Waiver(d["generated"], d["published"], d["reason"])
        for d in data.get("published_differences", [])
    ]
    return compare(generated, published, waivers, "imported spec", "published")


def _failing(comparison: Comparison, entries: list[tuple[str, Matched]], shape: Shape) -> set[int]:
    """The nodes matched to clauses whose rendering is among the differences."""
    texts = [
        side.text
        for difference in comparison.unwaived
        for side in (difference.left, difference.right)
        if side is not None
    ]
    nodes = _nodes_by_text(shape)
    failing: set[int] = set()
    for _, top in entries:
        for matched in top.walk():
            if matched.clause is None:
                continue
            if any(fuzz.ratio(text, own) > 70 for text in texts for own in matched.texts):
                node = nodes.get(matched.texts[0])
                if node is not None:
                    failing.add(id(node))
    return failing


def _record_differences(
    entries: list[tuple[str, Matched]],
    data: dict[str, Any],
    published: list[TextParagraph],
    findings: list[Finding],
) -> None:
    """The words clauses correct, as published differences with what the published text has."""
    for _, top in entries:
        for matched in top.walk():
            for written, generated in matched.differences:
                _add_difference(data, written, generated, published, findings)


def _add_difference(
    data: dict[str, Any],
    written: str,
    generated: str,
    published: list[TextParagraph],
    findings: list[Finding],
) -> bool:
    widened = _widened(written, generated, published)
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
    written: str, generated: str, published: list[TextParagraph]
) -> tuple[str, str, str] | None:
    """The difference with as many words either side as make it unique in the published text.

    A waiver is applied where its published words occur once; "Children Act 2004" alone does
    not, "12D and 17A of the Children Act 2004" does.  Returns the words and their paragraph.
    """
    paragraph = next((p.text for p in published if written in p.text), None)
    if paragraph is None or paragraph.count(written) != 1:
        return None
    start = paragraph.index(written)
    before, after = paragraph[:start].split(), paragraph[start + len(written) :].split()
    for more in range(0, 9):
        left = " ".join(before[len(before) - more :] if more else [])
        right = " ".join(after[:more])
        text = " ".join(w for w in (left, written, right) if w)
        if sum(p.text.count(text) for p in published) == 1:
            return text, " ".join(w for w in (left, generated, right) if w), paragraph
    return None


def _waive_fixed_parts(
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


def _drop_unused(data: dict[str, Any], comparison: Comparison) -> None:
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


def _accept_findings(path: Path, data: dict[str, Any], library: ClauseLibrary) -> None:
    """Keep, with the reason, what the drafting checks find in the published words."""
    draft = _draft(path, data, library)
    accepted: list[dict[str, Any]] = []
    for report in check_draft(draft):
        for finding in report.errors:
            entry = {
                "code": finding.code,
                "where": finding.where,
                "reason": f"as published: {finding.message}",
            }
            if entry not in accepted:
                accepted.append(entry)
    if accepted:
        data["accepted_findings"] = accepted
