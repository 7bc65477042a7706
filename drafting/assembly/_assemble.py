"""Assembly: a validated spec and the clause library become document trees.

The facts of the spec become the objects clauses talk about (`_language`); each paragraph entry
becomes a `Paragraph`, rendering its clause with checked parameters or taking its free text as
written (free text is never run as a template).  Revocation, duration and the signature block
of a direction, and the letterhead, addressee, copy list and signatures of a letter, follow from
the spec's facts rather than being chosen paragraph by paragraph.

Problems that a drafter can fix are raised as `SpecError` pointing at the entry's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from jinja2 import StrictUndefined

from drafting._errors import SpecError
from drafting.assembly._params import Known, clause_values
from drafting.document._tree import (
    LETTERS_SCHEME,
    MAX_LEVELS,
    ROMAN_SCHEME,
    Block,
    Columns,
    Document,
    DocumentKind,
    Line,
    LineRole,
    NumberedList,
    Paragraph,
)
from drafting.library._clauses import (
    Clause,
    ClauseItem,
    ClauseLibrary,
    ClauseRenderError,
    with_globals,
)
from drafting.library._language import (
    Appointee,
    Council,
    DefinedTerms,
    EarlierDirection,
    Report,
    SecretaryOfState,
    Term,
    Voice,
    missing,
)
from drafting.library._ofsted import Framework, framework_for
from drafting.spec._model import Entry, Letter, Spec
from drafting.spec._model import Report as ReportSpec
from drafting.spec._validation import did_you_mean
from drafting.spec._yaml import LineMap, PathKey

MAX_BULLET_DEPTH = 2
_END_PUNCTUATION = re.compile(r"\s*(?:[;:.,]+\s*(?:and|or)?)?\s*$")


@dataclass
class _Assembly:
    """The state of one assembly: the spec, the library, the facts and the terms defined so far."""

    spec: Spec
    library: ClauseLibrary
    lines: LineMap
    context: dict[str, Any]
    reports: dict[str, Report]
    directions: dict[str, EarlierDirection]
    clause_count: int = 0
    terms: DefinedTerms = field(default_factory=DefinedTerms)


def assemble(spec: Spec, library: ClauseLibrary, lines: LineMap) -> dict[DocumentKind, Document]:
    """The document trees the spec describes: its direction, its letter, or both."""
    state = _start(spec, library, lines)
    documents: dict[DocumentKind, Document] = {}
    if spec.has_direction:
        documents["direction"] = _direction(state)
    if spec.letter is not None:
        state.terms = DefinedTerms()
        documents["letter"] = _letter(state, spec.letter)
    return documents


def _direction(state: _Assembly) -> Document:
    spec = state.spec
    assert spec.recitals is not None and spec.operative is not None
    title = _entry_paragraph(state, spec.title, ("title",), 0).text
    operative_scheme = ROMAN_SCHEME if spec.operative.sub_items == "roman" else LETTERS_SCHEME
    blocks: list[Block] = [
        Line("title", title, part="title"),
        Line("heading", spec.style.recitals_heading, part="recital"),
        NumberedList(
            "recitals",
            LETTERS_SCHEME,
            _entries(state, spec.recitals, ("recitals",)),
            part="recital",
        ),
        Line("heading", spec.operative.heading, part="direction"),
        NumberedList(
            "operative",
            operative_scheme,
            _entries(state, spec.operative.paragraphs, ("operative", "paragraphs"))
            + _revocation(state)
            + [_duration(state)],
            continues="recitals" if spec.operative.numbering == "continue" else None,
            part="direction",
        ),
        *[replace(line, part="signature") for line in _signature(state)],
    ]
    if spec.annex:
        blocks.append(
            Line("heading", spec.annex.heading_text, page_break_before=True, part="annex")
        )
        blocks += [Line("subheading", text, part="annex") for text in spec.annex.title_lines]
        blocks.append(
            NumberedList(
                "annex",
                LETTERS_SCHEME,
                _entries(state, spec.annex.paragraphs, ("annex", "paragraphs")),
                part="annex",
            )
        )
    subject = f"Direction to {spec.council.name} under section 497A(4B) of the Education Act 1996"
    return Document("direction", title=title, subject=subject, blocks=blocks)


# --- facts -------------------------------------------------------------------------------------


def _start(spec: Spec, library: ClauseLibrary, lines: LineMap) -> _Assembly:
    style = spec.style.dates
    council = Council(spec.council.name, spec.council.term, spec.council.area)
    sos = spec.secretary_of_state
    secretary = SecretaryOfState(sos.title, sos.term, sos.pronoun)
    voice = Voice(spec.letter.speaks_as if spec.letter else "third", secretary)
    context: dict[str, Any] = {
        "council": council,
        "sos": secretary,
        "appointee": _appointee(spec),
        "act": Term(("act", "education_act"), "the Education Act 1996", spec.terms.education_act),
        "tor": Term(
            ("terms_of_reference", "terms_of_reference"),
            "the terms of reference",
            spec.terms.terms_of_reference,
        ),
        "functions": _functions(spec),
        "improvement_board": _improvement_board(spec),
        "annex": spec.annex is not None,
        "annex_name": spec.annex.name if spec.annex else missing("the spec has no annex"),
        "voice": voice,
        "direction_word": "Direction" if spec.style.capitalise_direction else "direction",
        "date": spec.dated,
        "signature": spec.signature,
        "style": style,
        "leader": spec.council.leader or missing("the spec gives no council.leader"),
        "council_address": spec.council.address,
        "we": voice.we,
    }
    state = _Assembly(spec, library, lines, with_globals(context), {}, {})
    for index, report in enumerate(spec.reports):
        long = report.description or _reference(
            state, f"reference.{report.kind}", report.date, ("reports", index)
        )
        state.reports[report.id] = _report(state, report, long, ("reports", index))
    for index, direction in enumerate(spec.earlier_directions):
        long = direction.description or _reference(
            state, "reference.earlier-direction", direction.date, ("earlier_directions", index)
        )
        state.directions[direction.id] = EarlierDirection(
            direction.id, long, direction.term, direction.date, direction.required
        )
    state.context["framework"] = _framework(state)
    return state


def _framework(state: _Assembly) -> Framework | StrictUndefined:
    """The Ofsted framework clauses name judgements by when they name no report of their own.

    That of the latest Ofsted inspection the spec lists, else that of the direction's date: a
    direction drafted today names its judgements as today's inspections do.
    """
    inspections = [r for r in state.spec.reports if r.kind == "ofsted-inspection"]
    if inspections:
        latest = max(inspections, key=lambda r: r.date.as_date())
        return state.reports[latest.id].framework or missing("no framework")
    dated = state.spec.dated or (state.spec.letter.date if state.spec.letter else None)
    if dated is None:
        return missing("the spec lists no Ofsted inspection, and no date, to name judgements by")
    return framework_for(dated)


def clause_context(
    spec: Spec, library: ClauseLibrary, lines: LineMap
) -> tuple[dict[str, Any], dict[str, Report], dict[str, EarlierDirection]]:
    """The facts of a spec as its clauses see them: the context, reports and earlier directions.

    For reading clauses back out of a published text (`drafting.importing`).
    """
    state = _start(spec, library, lines)
    return state.context, state.reports, state.directions


def _report(state: _Assembly, given: ReportSpec, long: str, path: PathKey) -> Report:
    """A report as clauses see it, with its judgements named by its framework."""
    report = Report(
        given.id,
        long,
        given.term,
        given.date,
        given.subject,
        given.judgement,
        given.summary,
    )
    framework = framework_for(given.date, given.framework)
    if given.framework and not framework.covers(given.date):
        raise SpecError(
            f"a report of {given.date} cannot be under {framework.name}",
            state.lines.where((*path, "framework")),
        )
    known = {*framework.judgements, *framework.sub_judgements}
    for key in given.grades:
        if key not in known:
            raise SpecError(
                f"{framework.name} has no judgement '{key}' (it has: {', '.join(known)})",
                state.lines.where((*path, "grades", key)),
            )
    report.framework, report.grades = framework, dict(given.grades)
    return report


def _appointee(spec: Spec) -> Appointee | Any:
    person = spec.appointee
    if person is None:
        return missing("the spec has no appointee, which this clause refers to")
    return Appointee(
        person.name,
        person.role,
        person.reference,
        person.short,
        person.pronoun,
        person.appointed_as,
        person.kind,
    )


def _functions(spec: Spec) -> Term:
    """The functions s.50 brings in: its term once defined, else their description."""
    term = spec.terms.functions
    long = "children's social care functions"
    return Term(("functions", "functions"), long, term, define_at_mention=False)


def _improvement_board(spec: Spec) -> Term | StrictUndefined:
    board = spec.improvement_board
    if board is None:  # never "the Improvement Board" undefined: the spec must name the board
        return missing(
            "it names the improvement board, which the spec does not give: add "
            "improvement_board: {name: ..., term: ...}"
        )
    # a term the same as the name defines nothing: never `the Board ("the Board")`
    term = None if board.term == board.name else board.term
    return Term(("improvement_board", "improvement_board"), board.name, term)


def _reference(state: _Assembly, clause_id: str, date: Any, path: PathKey) -> str:
    """How a report or direction is first described, from the library's reference clauses."""
    clause = _clause(state, clause_id, path)
    # Describing a thing must not define the terms it mentions: render as if all were defined.
    context = {
        **state.context,
        "defined_terms": DefinedTerms(all_defined=True),
        "dated": date.format(state.spec.style.dates),
    }
    return _render(state, clause, clause.spec.text, context, path)


# --- paragraphs --------------------------------------------------------------------------------


def _entries(state: _Assembly, entries: Sequence[Entry], path: PathKey) -> list[Paragraph]:
    return [_entry_paragraph(state, e, (*path, i), 0) for i, e in enumerate(entries)]


def _entry_paragraph(
    state: _Assembly, entry: Entry, path: PathKey, level: int, bullet: bool = False
) -> Paragraph:
    _check_depth(state, path, level, bullet)
    if entry.clause is not None:
        paragraph = _clause_paragraph(state, entry, path, level, bullet)
    else:
        paragraph = Paragraph(" ".join((entry.text or "").split()), bullet=bullet)
        _defined_in_text(state, paragraph.text)
    if entry.add:
        paragraph.text = f"{paragraph.text} {' '.join(entry.add.split())}"
    items = [
        _entry_paragraph(state, item, (*path, "items", i), level + 1, bullet)
        for i, item in enumerate(entry.items)
    ]
    bullets = [
        _entry_paragraph(state, item, (*path, "bullets", i), level + 1, bullet=True)
        for i, item in enumerate(entry.bullets)
    ]
    if _closes_list(state, entry):
        if not items and not bullets:
            raise SpecError(
                f"clause '{entry.clause}' introduces a list (it ends ':') but the entry gives "
                "no items: add them under 'items', or choose another clause",
                state.lines.where(path),
            )
        # The list is its items, or its bullets when it has no items.
        closed, entries = (items, entry.items) if items else (bullets, entry.bullets)
        for item, paragraph_item, ending in zip(
            entries, closed, list_endings(len(closed)), strict=True
        ):
            if item.end is None:
                set_end(paragraph_item, ending)
    paragraph.children += items + bullets
    if entry.then:
        paragraph.then.append(" ".join(entry.then.split()))
    if entry.end is not None:
        set_end(paragraph, entry.end)
    return paragraph


def _defined_in_text(state: _Assembly, text: str) -> None:
    """Terms that free text defines (`Kirklees Council ("the Council")`) count as defined.

    A clause after it then uses the term, as the text's author did, rather than defining it again.
    """
    if '("' not in text:
        return
    terms = [value for value in state.context.values() if isinstance(value, Term)]
    terms += [*state.reports.values(), *state.directions.values()]
    for term in terms:
        # an unclosed quotation mark, ("the Council), as published, defines it all the same
        if term.term and (f'("{term.term}")' in text or f'("{term.term})' in text):
            state.terms.defined.add(term.key)


def list_endings(count: int) -> list[str]:
    """How the items of a list end: ";" each, "; and" the next-to-last, "." the last."""
    endings = [";"] * count
    if count > 1:
        endings[-2] = "; and"
    if count:
        endings[-1] = "."
    return endings


def set_end(paragraph: Paragraph, end: str) -> None:
    """Replace the closing punctuation of the whole paragraph: after its items and `then`.

    A lead-in's colon is never its closing punctuation: with items and no `then`, the entry
    closes where its last item does.
    """
    if paragraph.then:
        paragraph.then[-1] = _END_PUNCTUATION.sub("", paragraph.then[-1]) + end
    elif paragraph.children:
        set_end(paragraph.children[-1], end)
    else:
        paragraph.text = _END_PUNCTUATION.sub("", paragraph.text) + end


def _closes_list(state: _Assembly, entry: Entry) -> bool:
    clause = state.library.get(entry.clause) if entry.clause else None
    return clause is not None and clause.spec.closes_list


def _check_depth(state: _Assembly, path: PathKey, level: int, bullet: bool) -> None:
    if not bullet and level >= MAX_LEVELS:
        raise SpecError(
            "paragraphs nest at most three levels deep (1. a. i.)", state.lines.where(path)
        )
    if bullet and level >= MAX_LEVELS + MAX_BULLET_DEPTH - 1:
        raise SpecError("bullets nest too deep", state.lines.where(path))


def _clause_paragraph(
    state: _Assembly, entry: Entry, path: PathKey, level: int, bullet: bool
) -> Paragraph:
    assert entry.clause is not None
    clause = _clause(state, entry.clause, (*path, "clause"))
    params = clause_values(
        Known(state.lines, state.reports, state.directions), clause, entry.with_, (*path, "with")
    )
    state.clause_count += 1
    anchor = f"c{state.clause_count}."
    context = {
        **state.context,
        **params,
        "defined_terms": state.terms,
        "anchor": anchor,
        "has_items": bool(clause.spec.items or entry.items or entry.bullets),
    }
    paragraph = Paragraph(_render(state, clause, clause.spec.text, context, path), bullet=bullet)
    paragraph.children = _clause_items(
        state, clause, clause.spec.items, context, path, level + 1, anchor, bullet
    )
    if clause.spec.then:
        paragraph.then.append(_render(state, clause, clause.spec.then, context, path))
    return paragraph


def _clause_items(
    state: _Assembly,
    clause: Clause,
    items: list[ClauseItem],
    context: dict[str, Any],
    path: PathKey,
    level: int,
    anchor: str,
    bullet: bool,
) -> list[Paragraph]:
    if items:
        _check_depth(state, path, level, bullet)
    return [
        Paragraph(
            _render(state, clause, item.text, context, path),
            _clause_items(state, clause, item.items, context, path, level + 1, anchor, bullet),
            anchor=f"{anchor}{item.id}" if item.id else None,
            bullet=bullet,
        )
        for item in items
    ]


def _render(
    state: _Assembly, clause: Clause, text: str, context: dict[str, Any], path: PathKey
) -> str:
    try:
        return clause.render(text, context)
    except ClauseRenderError as exc:
        raise SpecError(str(exc), state.lines.where(path)) from None


def _clause(state: _Assembly, clause_id: str, path: PathKey) -> Clause:
    clause = state.library.get(clause_id)
    if clause is None:
        hint = did_you_mean(clause_id, state.library.ids)
        raise SpecError(
            f"unknown clause '{clause_id}'{hint}; `drafting clauses list` shows them all",
            state.lines.where(path),
        )
    return clause


# --- the letter ----------------------------------------------------------------------------------


def _letter(state: _Assembly, letter: Letter) -> Document:
    council = state.spec.council
    blocks: list[Block] = [
        Columns(
            [
                [Line("letterhead", text) for text in department.name_lines]
                + [Line("letterhead-address", text) for text in department.address]
                for department in letter.departments
            ]
        ),
        *_clause_lines(state, "letter.addressee", "address", ("council", "leader")),
        Line("date", letter.date.format("plain")),
        *_clause_lines(state, "letter.salutation", "salutation", ("council", "leader")),
    ]
    for index, entry in enumerate(letter.paragraphs):
        path = ("letter", "paragraphs", index)
        if entry.items or entry.bullets or entry.then:
            raise SpecError("a letter's paragraphs have no sub-paragraphs", state.lines.where(path))
        blocks.append(Line("plain", _entry_paragraph(state, entry, path, 0).text))
    if letter.copies:
        copies = Entry(
            clause="letter.copy-list", with_={"copies": letter.copies, "also": letter.copies_also}
        )
        blocks.append(Line("plain", _entry_paragraph(state, copies, ("letter", "copies"), 0).text))
    for signatory in letter.signatories:
        blocks.append(Line("signatory", signatory.name))
        blocks += [Line("signatory-title", text) for text in signatory.title_lines]
    title = letter.title or f"Letter to {council.name} about its children's services"
    subject = "Proposed intervention under section 497A(4B) of the Education Act 1996"
    return Document("letter", title=title, subject=subject, blocks=blocks)


def _clause_lines(state: _Assembly, clause_id: str, role: LineRole, path: PathKey) -> list[Line]:
    """A clause whose lines are paragraphs of their own (an address, a signature block)."""
    clause = _clause(state, clause_id, path)
    context = {**state.context, "defined_terms": state.terms}
    try:
        lines = clause.render_lines(clause.spec.text, context)
    except ClauseRenderError as exc:
        raise SpecError(str(exc), state.lines.where(path)) from None
    return [Line(role, text) for text in lines]


# --- paragraphs that follow from the facts -----------------------------------------------------


def _revocation(state: _Assembly) -> list[Paragraph]:
    for index, direction in enumerate(state.spec.earlier_directions):
        if direction.revoked:
            path = ("earlier_directions", index)
            entry = Entry(clause="revocation.earlier-direction", with_={"direction": direction.id})
            return [_entry_paragraph(state, entry, path, 0)]
    return []


def _duration(state: _Assembly) -> Paragraph:
    period = state.spec.duration.period
    entry = (
        Entry(clause="duration.fixed-period", with_={"period": period})
        if period
        else Entry(clause="duration.until-revoked")
    )
    return _entry_paragraph(state, entry, ("duration",), 0)


def _signature(state: _Assembly) -> list[Line]:
    """The signature block, each line in its part: who signs, where, the name, the date."""
    lines = _clause_lines(state, "signature.block", "signature", ("signature",))
    signed_on: str | None = None  # the line that has the space to sign above it
    for line in lines[1:]:
        if line.text.startswith("Dated"):
            line.role = "signature-date"
        elif signed_on is None:
            signed_on = line.text
            line.role = "signature-line" if set(line.text) == {"."} else "signature-name"
        else:
            line.role = "signature-role"
    return lines
