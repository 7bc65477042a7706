"""Drafting checks: the slips published directions contain, caught before a direction goes out.

Each rule is a small function from a `Subject` (a document's paragraphs, whether it is final,
and its spec if it has one) to `Finding`s; rules live one family to a module:

    citations   CITE001-003   statutory citations against the table of provisions
    terms       TERM001-004   defined terms defined once, used, used instead of the long form
    pronouns    PRON001-003   one set of pronouns per party
    numbering   NUM001-005    gaps, repeats, nesting, cross-references
    lists       LIST001-002   sub-paragraphs punctuated and capitalised alike
    wording     QUOTE001, BRACKET001, DOUBLE001, BLANK001, CONFUSE001
    dates       DATE001-002, DATE004-005  dates after the direction's own; the letter's; duration
    ofsted      OFSTED001-002 grades and key judgement names
    usage       TERM005-006   terms used undefined, or in a variant form
    endings     LIST003-004   list items ending alike; one-item lists closed "."
    voice       VOICE001      a letter's "I" and third person mixed
    places      PLACE001      another council's or area's name left in
    frameworks  OFSTED003     judgement names of the wrong framework for the report's date
    offices     CITE004, ANNEX001  an office under the wrong section; "the Annex A"
    agreement   DATE003, DATE006-007  the direction dated otherwise (annex; elsewhere); durations

Shared by rules: `_written` (dates as written, a document's own date), `_references` (the dates
a text gives the direction itself), `_councils` (councils named, listed or of a council's shape).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from drafting.assembly._draft import Draft
from drafting.checks._model import Finding, Rule, Subject, subject_paragraphs
from drafting.checks.agreement import check_agreement
from drafting.checks.citations import check_citations
from drafting.checks.dates import check_dates
from drafting.checks.endings import check_endings
from drafting.checks.frameworks import check_frameworks
from drafting.checks.lists import check_lists
from drafting.checks.numbering import check_numbering
from drafting.checks.offices import check_offices
from drafting.checks.ofsted import check_ofsted
from drafting.checks.places import check_places
from drafting.checks.pronouns import check_pronouns
from drafting.checks.terms import check_terms
from drafting.checks.usage import check_usage
from drafting.checks.voice import check_voice
from drafting.checks.wording import check_wording
from drafting.read._locate import tree_paragraphs
from drafting.spec._model import AcceptedFinding

RULES: tuple[Rule, ...] = (
    check_citations,
    check_terms,
    check_pronouns,
    check_numbering,
    check_lists,
    check_wording,
    check_dates,
    check_ofsted,
    check_usage,
    check_endings,
    check_voice,
    check_places,
    check_frameworks,
    check_offices,
    check_agreement,
)


@dataclass(frozen=True)
class Report:
    """The findings for one document, and those its spec accepts on purpose (with the reason)."""

    name: str
    findings: list[Finding]
    accepted: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """The findings that must be fixed."""
        return [f for f in self.findings if f.severity == "error"]


def check_subject(subject: Subject) -> list[Finding]:
    """Every rule's findings, in reading order."""
    findings = [finding for rule in RULES for finding in rule(subject)]
    return sorted(findings, key=lambda f: f.order)


def check_draft(draft: Draft, final: bool | None = None) -> list[Report]:
    """Check each document generated from a spec; each is final when it has its date."""
    main = draft.get().kind
    found: dict[str, list[Finding]] = {}
    for rendered in draft.documents.values():
        kind = rendered.document.kind
        name = str(draft.path) if kind == main else f"{draft.path} ({kind})"
        subject = Subject(
            name,
            subject_paragraphs(*tree_paragraphs(rendered.laid_out)),
            final=rendered.dated is not None if final is None else final,
            spec=draft.spec,
            kind=kind,
        )
        found[name] = check_subject(subject)
    reports = [_accept(draft, name, findings) for name, findings in found.items()]
    stale = _stale_acceptances(draft, [f for findings in found.values() for f in findings])
    reports[0].findings.extend(stale)
    return reports


def _accepts(acceptance: AcceptedFinding, finding: Finding) -> bool:
    return acceptance.code == finding.code and acceptance.where in (None, finding.where)


def _accept(draft: Draft, name: str, findings: list[Finding]) -> Report:
    """Set aside the findings the spec accepts on purpose, with the reason it gives."""
    active: list[Finding] = []
    accepted: list[tuple[Finding, str]] = []
    for finding in findings:
        reason = next(
            (a.reason for a in draft.spec.accepted_findings if _accepts(a, finding)), None
        )
        if reason is None:
            active.append(finding)
        else:
            accepted.append((finding, reason))
    return Report(name, active, accepted)


def _stale_acceptances(draft: Draft, findings: list[Finding]) -> list[Finding]:
    """Acceptances that match no finding in any of the spec's documents."""
    return [
        Finding(
            "ACCEPT001",
            "warning",
            f"accepted_findings[{index}]",
            acceptance.code,
            "this accepted finding no longer occurs; remove it",
        )
        for index, acceptance in enumerate(draft.spec.accepted_findings)
        if not any(_accepts(acceptance, finding) for finding in findings)
    ]


def check_file(path: Path, final: bool | None = None, spec: Path | None = None) -> list[Report]:
    """Check a spec's documents, or a .docx, .pdf or .txt (final unless `final` is False).

    With `spec`, the document is checked as that spec's: the findings its `accepted_findings`
    keep are set aside with their reasons, it is final when the spec is dated (unless `final`
    says otherwise), and rules compare it with the spec's facts.
    """
    from drafting.read._readers import (  # not needed by a build's own checks
        SPEC_SUFFIXES,
        read_document,
    )

    if path.suffix.lower() in SPEC_SUFFIXES and not path.is_dir():
        return check_draft(Draft.from_file(path), final)
    source = read_document(path)
    paragraphs = subject_paragraphs(source.paragraphs, source_lines=source.has_lines)
    if spec is None:
        subject = Subject(str(path), paragraphs, final is not False)
        return [Report(str(path), _with_columns(check_subject(subject), source.text_lines))]
    draft = Draft.from_file(spec)
    rendered = draft.get()
    dated = rendered.dated is not None
    subject = Subject(
        str(path),
        paragraphs,
        dated if final is None else final,
        spec=draft.spec,
        kind=rendered.document.kind,
    )
    return [_accept(draft, str(path), _with_columns(check_subject(subject), source.text_lines))]


def _with_columns(findings: list[Finding], lines: tuple[str, ...]) -> list[Finding]:
    """Each finding on a text file's line with the column its excerpt begins at, if it is there.

    The excerpt is read text (quotes straightened, spaces run together): where the line was
    written otherwise, or the excerpt runs over two lines, no column is given.
    """
    located = []
    for finding in findings:
        column = None
        if finding.line is not None and 0 < finding.line <= len(lines) and finding.excerpt:
            at = lines[finding.line - 1].find(finding.excerpt.strip("…"))
            column = at + 1 if at >= 0 else None
        located.append(replace(finding, column=column))
    return located


def place_of(name: str, finding: Finding) -> str:
    """`file:line:column:` (or `file:line:`) for a .txt, `file: page N:` for a PDF, else `file:`."""
    if finding.line:
        column = f"{finding.column}:" if finding.column else ""
        return f"{name}:{finding.line}:{column}"
    return f"{name}: page {finding.page}:" if finding.page else f"{name}:"


def format_finding(name: str, finding: Finding) -> str:
    """One finding on one line, `file:line:` first where there is a line for editors to jump to.

    Then where (`annex 3.a`), severity, code, explanation and the words concerned.
    """
    excerpt = f' — "{finding.excerpt}"' if finding.excerpt else ""
    what = f"{finding.severity} {finding.code}: {finding.message}{excerpt}"
    return f"{place_of(name, finding)} {finding.where}: {what}"


__all__ = ["Finding", "Report", "check_draft", "check_file", "format_finding", "place_of"]
