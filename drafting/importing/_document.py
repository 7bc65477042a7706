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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafting._errors import DocumentError, Where
from drafting.assembly._assemble import clause_context
from drafting.assembly._draft import Draft
from drafting.checks import Finding, check_draft, check_subject
from drafting.checks._model import Subject, subject_paragraphs
from drafting.compare._diff import Comparison
from drafting.importing._facts import Fact, find_facts
from drafting.importing._match import Matched, Matcher
from drafting.importing._patterns import Facts, attempt, with_placeholders
from drafting.importing._proof import (
    drop_unused,
    failing_nodes,
    record_differences,
    round_trip,
    waive_fixed_parts,
)
from drafting.importing._shape import Node, Shape, read_shape
from drafting.library._clauses import ClauseLibrary, load_library
from drafting.read._readers import SPEC_SUFFIXES, read_document
from drafting.spec._model import Spec
from drafting.spec._validation import validation_message
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
    if path.suffix.lower() in SPEC_SUFFIXES:
        raise DocumentError(
            "is a spec already: import takes a published direction or letter (.pdf, .docx, .txt)",
            Where(path),
        )
    library = library or load_library()
    source = read_document(path)
    shape = read_shape(source.paragraphs, path)
    text = "\n".join(p.text for p in source.paragraphs)
    found = find_facts(shape, text)
    findings = check_subject(Subject(str(path), subject_paragraphs(source.paragraphs), final=True))
    plain: set[int] = set()
    cache: dict[tuple[Any, ...], Any] = {}
    for _ in range(_ROUNDS):
        data = copy.deepcopy(found.data)
        entries = _match_parts(path, shape, data, library, plain, cache)
        record_differences(entries, data, source.paragraphs, findings)
        draft = _draft(path, data, library)
        comparison = round_trip(draft, source.paragraphs, data)
        failing = failing_nodes(comparison, entries, shape)
        if not failing:
            if not waive_fixed_parts(comparison, found.data, source.paragraphs, findings):
                break
            continue
        plain |= failing
    drop_unused(data, comparison)
    _accept_findings(path, data, library)
    imported = Imported(path, shape.kind, data, entries, found.notes, findings, comparison)
    return imported


# --- matching each part ------------------------------------------------------------------------


def _match_parts(
    path: Path,
    shape: Shape,
    data: dict[str, Any],
    library: ClauseLibrary,
    plain: set[int],
    cache: dict[tuple[Any, ...], Any],
) -> list[tuple[str, Matched]]:
    facts = _rendering_facts(path, shape, data, library)
    reports = {r["id"]: r for r in data.get("reports", [])}
    reports |= {d["id"]: d for d in data.get("earlier_directions", [])}
    matcher = Matcher(library, facts, reports)
    matcher.plain_text = plain
    matcher.cache = cache
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
        raise DocumentError(
            f"the facts found do not make a spec ({validation_message(exc, Spec)}); is this a "
            "direction or a letter under section 497A(4B)?",
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
