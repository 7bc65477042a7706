"""The sections of paragraphs: recitals, operative part, duration and signature, annex, letter.

Paragraphs are chosen from the clause library (the clauses of the step that offers them, those
usual for the kind of intervention suggested) and kept in the order they have: choosing adds a
clause where the library puts it and removes what is unticked, and leaves everything else of a
paragraph alone (`add:`, `then:`, `bullets:`, `end:`, its items).  Each clause's parameters are
asked by their label, and paragraphs in the drafter's own words can be added.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from drafting._errors import DraftingError
from drafting.library._clauses import Clause, Param
from drafting.spec._yaml import load_yaml
from drafting.support._resources import package_file

from ._context import Context
from ._facts import ROLES, area_of
from ._questions import Choice, Question

DIRECTS = "operative.directs"  # the operative part's lead-in: "... directs the Council to:"
_OWN = "#"  # a choice standing for a paragraph already there (by its place in the list)


def recitals(ctx: Context) -> Iterator[Question]:
    """The WHEREAS clauses."""
    if "direction" in ctx.documents:
        yield from _paragraphs(ctx, "recitals", _offered(ctx, "recitals"), "Which recitals?")


def operative(ctx: Context) -> Iterator[Question]:
    """The NOW THEREFORE part: how it is numbered and what the council is directed to do."""
    if "direction" not in ctx.documents:
        return

    def store(value: Any) -> None:
        ctx.answers.set(
            "operative.numbering",
            None if value == "continue" and not ctx.answers.has("operative.numbering") else value,
        )
        if not isinstance(ctx.answers.get("operative.paragraphs"), list):
            ctx.answers.set("operative.paragraphs", [{"clause": DIRECTS}])

    yield ctx.ask(
        "operative.numbering",
        "How the operative paragraphs are numbered",
        "On from the recitals (7, 8, 9), or again from 1.",
        "choice",
        default="continue",
        choices=[Choice("continue", "On from the recitals"), Choice("restart", "From 1")],
        store=store,
    )
    for index, entry in ctx.items("operative.paragraphs"):
        yield from _entry(ctx, f"operative.paragraphs.{index}", entry)
    yield from _board(ctx, "operative.paragraphs")


_PARTS = ("recitals", "operative.paragraphs", "annex.paragraphs", "letter.paragraphs")
BOARD_TERM = "the Improvement Board"


def _board(ctx: Context, part: str) -> Iterator[Question]:
    """The improvement board's name, after the first part whose paragraphs chosen name it.

    The recitals' and operative paragraphs' board is asked after the operative paragraphs; one
    only the annex or the letter names, after those.  Suggested from the council's area ("the
    Kirklees Improvement Board"), and suggested again when the council changes, unless the
    drafter typed their own.
    """
    naming = [p for p in _PARTS if any("improvement_board" in c.uses for c in _chosen(ctx, (p,)))]
    first = naming[0] if naming else None
    if first == "recitals" or (first is None and ctx.answers.has("improvement_board")):
        first = "operative.paragraphs"
    if first != part:
        return

    def suggested() -> str | None:
        area = ctx.answers.get("council.area") or area_of(
            str(ctx.answers.get("council.name") or "")
        )
        return f"the {area} Improvement Board" if area else None

    yield ctx.ask(
        "improvement_board.name",
        "The improvement board's name",
        "As the direction first names it, e.g. the Kirklees Improvement Board; suggested from "
        "the council's area.",
        derive=suggested,
    )
    yield ctx.ask(
        "improvement_board.term",
        "The short name it is given afterwards",
        f'e.g. "{BOARD_TERM}"; leave blank to name it in full each time.',
        default=BOARD_TERM,
        omit=BOARD_TERM,
    )


def _chosen(ctx: Context, keys: tuple[str, ...]) -> Iterator[Clause]:
    """Every clause chosen under these keys, sub-paragraphs included."""
    for key in keys:
        for index, entry in ctx.items(key):
            clause = ctx.library.get(str(entry.get("clause")))
            if clause is not None:
                yield clause
            yield from _chosen(ctx, (f"{key}.{index}.items",))


def duration_and_signature(ctx: Context) -> Iterator[Question]:
    """Until revoked or for a fixed period; who signs, and how."""
    if "direction" not in ctx.documents:
        return

    yield ctx.ask(
        "duration.period",
        "How long the direction lasts, if for a fixed period",
        "e.g. 2 years; leave blank if it lasts until it is revoked.",
    )
    yield ctx.ask(
        "signature.capacity",
        "The direction is signed",
        "As the signatory's authority is given.",
        "choice",
        default="on behalf of",
        omit="on behalf of",
        choices=[
            Choice("on behalf of", "on behalf of the Secretary of State"),
            Choice("by authority of", "by authority of the Secretary of State"),
        ],
    )
    yield ctx.ask(
        "signature.name",
        "Who signs the direction (their name)",
        "Leave blank to leave the name off and sign by hand.",
    )
    role = "A Senior Civil Servant in the Department for Education"
    yield ctx.ask(
        "signature.role",
        "The role of who signs the direction",
        f"e.g. {role}.",
        default=role,
        omit=role,
    )
    yield ctx.ask(
        "signature.dated",
        "The date line",
        "How the date under the signature is written.",
        "choice",
        default="colon",
        omit="colon",
        choices=[
            Choice("colon", "Dated: 25th January 2018"),
            Choice("this-day-of", "Dated this 25th day of January 2018"),
        ],
    )


def annex(ctx: Context) -> Iterator[Question]:
    """The Terms of Reference annex, when there is one (asked for with the appointee)."""
    appoints = ctx.answers.interview.get("intervention") in ROLES
    if "direction" not in ctx.documents or not appoints:
        return
    if not isinstance(ctx.answers.get("annex"), dict):
        return
    yield ctx.ask(
        "annex.title_lines",
        "The annex's title lines",
        "Under ANNEX; separate with ;.",
        "lines",
        default=["Terms of Reference"],
    )
    yield from _paragraphs(ctx, "annex.paragraphs", _offered(ctx, "annex"), "What goes in it?")
    yield from _board(ctx, "annex.paragraphs")


def letter(ctx: Context) -> Iterator[Question]:
    """The letter of intent: date, letterheads, paragraphs, copies and signatories."""
    if "letter" not in ctx.documents:
        return
    yield ctx.ask(
        "letter.date", "The letter's date", "e.g. 13 November 2018.", "date", required=True
    )
    yield _letterheads(ctx)
    yield from _paragraphs(ctx, "letter.paragraphs", _offered(ctx, "letter"), "Which paragraphs?")
    yield from _board(ctx, "letter.paragraphs")
    yield ctx.ask(
        "letter.copies",
        "Who the letter is copied to",
        "Separate names with ;.",
        "lines",
        default=[],
        omit=[],
    )
    yield ctx.ask("letter.copies_also", "Also copied to", 'e.g. "local MPs"; blank for none.')
    for index, item in ctx.items("letter.signatories"):
        key = f"letter.signatories.{index}"
        if item:
            yield _remove(ctx, key, f"Keep the signatory {item.get('name', '')}?", "letter.add")
        yield ctx.ask(
            f"{key}.name",
            "Who signs the letter (their name)",
            "e.g. Rt Hon Damian Hinds MP.",
            required=True,
        )
        yield ctx.ask(
            f"{key}.title_lines",
            "Their title, under their name",
            "Separate lines with ;.",
            "lines",
            default=["Secretary of State for Education"],
            required=True,
        )
    yield _more(ctx, "letter.signatories", "Add a signatory?", "name", "letter.add")


def _letterheads(ctx: Context) -> Question:
    heads, _ = load_yaml(package_file("departments.yaml"), DraftingError)
    current = ctx.answers.get("letter.departments")
    chosen = [n for n, h in heads.items() if isinstance(current, list) and h in current]

    def store(value: Any) -> None:
        if value != chosen:
            ctx.answers.set("letter.departments", [heads[name] for name in value])

    return ctx.ask(
        "letter.departments",
        "Whose letterheads head the letter?",
        "One or two departments.",
        "choices",
        required=True,
        store=store,
        choices=[Choice(name, name) for name in heads],
        shown=chosen or ["Department for Education"],
    )


def _offered(ctx: Context, step: str) -> list[Clause]:
    """The clauses a step offers, in the order published directions put them."""
    return sorted((c for c in ctx.library if c.step == step), key=lambda c: c.order)


def _paragraphs(
    ctx: Context, key: str, offered: list[Clause], label: str, skip: str | None = None
) -> Iterator[Question]:
    """Choose paragraphs, ask each one's details, then offer one in the drafter's own words.

    Entries of the clause `skip` are chosen by a question of their own: they are neither
    offered here nor asked about again, and they stay as they are.
    """
    yield _pick(ctx, key, offered, label, skip)
    for index, entry in ctx.items(key):
        if not _is(entry, skip):
            yield from _entry(ctx, f"{key}.{index}", entry)
    yield _more(ctx, key, "Add a paragraph in your own words?", "text", f"{key}.own")


def _is(entry: dict[str, Any], clause_id: str | None) -> bool:
    return clause_id is not None and entry.get("clause") == clause_id


def _pick(
    ctx: Context, key: str, offered: list[Clause], label: str, skip: str | None = None
) -> Question:
    every = list(ctx.items(key))
    existing = [(i, e) for i, e in every if not _is(e, skip)]
    present = {str(e.get("clause")) for _, e in existing}
    choices = [Choice(f"{_OWN}{i}", _entry_label(ctx, e)) for i, e in existing]
    choices += [Choice(c.id, c.spec.title) for c in offered if c.id not in present]
    if existing:
        default = [f"{_OWN}{i}" for i, _ in existing]
    elif ctx.from_spec:  # the spec has none here: suggest none (it stays without)
        default = []
    else:  # none chosen yet (an annex just added has none): suggest the usual ones
        usual = {"any", str(ctx.answers.interview.get("intervention"))}
        default = [c.id for c in offered if usual & set(c.spec.usual_for)]

    def store(value: Any) -> None:
        if sorted(value) == sorted(default) and (existing or not value):
            return  # nothing changed: the paragraphs stay exactly as they are
        kept = [e for i, e in every if _is(e, skip) or f"{_OWN}{i}" in value]
        order = {c.id: n for n, c in enumerate(offered)}
        for clause_id in (v for v in value if not v.startswith(_OWN)):
            later = (
                n
                for n, e in enumerate(kept)
                if order.get(str(e.get("clause")), -1) > order[clause_id]
            )
            at = next(later, len(kept))
            kept.insert(at, {"clause": clause_id})
        ctx.answers.set(key, kept)

    return ctx.ask(
        key,
        label,
        "Tick what the document says; untick to leave it out.",
        "choices",
        shown=default,
        choices=choices,
        store=store,
        id=f"{key}.others" if skip else None,
    )


def _entry_label(ctx: Context, entry: dict[str, Any]) -> str:
    clause = ctx.library.get(str(entry.get("clause")))
    if clause is not None:
        return clause.spec.title
    words = " ".join(str(entry.get("text") or entry.get("clause") or "").split())
    return f"In your own words: {words[:50]}{'...' if len(words) > 50 else ''}"


def _entry(ctx: Context, key: str, entry: dict[str, Any]) -> Iterator[Question]:
    """One paragraph's details: a clause's parameters or the text, then its sub-paragraphs."""
    clause = ctx.library.get(str(entry.get("clause")))
    if "text" in entry:
        yield ctx.ask(
            f"{key}.text",
            "The paragraph, in your own words",
            "As it should read in the document.",
            required=True,
        )
    if clause is None:
        for index, item in ctx.items(f"{key}.items"):
            yield from _entry(ctx, f"{key}.items.{index}", item)
        return
    for name, param in clause.spec.params.items():
        yield _param(ctx, f"{key}.with.{name}", clause, param)
    yield from _items(ctx, key, entry, clause)


def _items(ctx: Context, key: str, entry: dict[str, Any], clause: Clause) -> Iterator[Question]:
    """Sub-paragraphs: clauses under a lead-in, one per report, or in the drafter's words."""
    members = [c for c in ctx.library if c.spec.under == clause.id]
    item_clause = ctx.library.get(f"{clause.id}-item")
    if clause.id == DIRECTS:  # what the council is directed to do: the operative step's clauses
        label = "What is the council directed to do?"
        yield from _paragraphs(ctx, f"{key}.items", _offered(ctx, "operative"), label)
    elif item_clause is not None:  # one item per report, then any other items offered
        yield _per_report(ctx, f"{key}.items", item_clause)
        if members:
            label = "Anything else in this list, besides the reports?"
            yield from _paragraphs(ctx, f"{key}.items", members, label, skip=item_clause.id)
    elif members:
        yield from _paragraphs(ctx, f"{key}.items", members, f"{clause.spec.title}: which?")
    else:
        for index, item in ctx.items(f"{key}.items"):
            yield from _entry(ctx, f"{key}.items.{index}", item)
        if "has_items" in clause.uses:
            label = f"{clause.spec.title}: add a sub-paragraph in your own words?"
            yield _more(ctx, f"{key}.items", label, "text", f"{key}.items.own")


def _per_report(ctx: Context, key: str, item_clause: Clause) -> Question:
    """Which reports are listed, an item each; the list's other items stay where they are."""
    entries = [e for _, e in ctx.items(key)]
    ours = {str(e.get("with", {}).get("report")): e for e in entries if _is(e, item_clause.id)}
    existing = list(ours)
    choices = ctx.report_choices()

    def store(value: Any) -> None:
        if value == existing:
            return
        chosen = [ours.get(r) or {"clause": item_clause.id, "with": {"report": r}} for r in value]
        others = [e for e in entries if not _is(e, item_clause.id)]
        at = next((n for n, e in enumerate(entries) if _is(e, item_clause.id)), 0)
        before = sum(1 for e in entries[:at] if not _is(e, item_clause.id))
        ctx.answers.set(key, others[:before] + chosen + others[before:])

    default = existing if ctx.answers.has(key) else [c.value for c in choices]
    return ctx.ask(
        key,
        "Which reports are listed?",
        "Tick each report considered.",
        "choices",
        choices=choices,
        store=store,
        shown=default,
    )


def _param(ctx: Context, key: str, clause: Clause, param: Param) -> Question:
    has_default = "default" in param.model_fields_set
    default = param.default if has_default else None
    help = f"{param.help} (In: {clause.spec.title}.)"
    kind: Any = {
        "bool": "yes-no",
        "choice": "choice",
        "report": "choice",
        "direction": "choice",
        "reports": "choices",
        "texts": "lines",
    }.get(param.type, "text")
    if param.type == "choice":
        choices = [Choice(c, c.replace("-", " ")) for c in param.choices or []]
    elif param.type in ("report", "reports"):
        choices = ctx.report_choices()
    elif param.type == "direction":
        choices = ctx.report_choices("earlier_directions")
    else:
        choices = []
    if param.type in ("report", "direction") and not has_default and choices:
        default = choices[0].value  # the first listed: a suggestion the drafter confirms
    elif param.type in ("report", "direction") and default is None:
        choices = [Choice("", "None of them (leave it out)"), *choices]  # blank: stored as none
    elif param.type == "reports" and not has_default:
        default = [c.value for c in choices]
    return ctx.ask(
        key,
        param.label,
        help,
        kind,
        default=default,
        omit=default if has_default else None,
        required=not has_default,
        choices=choices,
    )


def _more(ctx: Context, key: str, label: str, first: str, id: str) -> Question:
    """An "add another?" question: yes adds an empty item at `key` and goes to its `first`."""

    def store(value: Any) -> str | None:
        if not value:
            return None
        items = ctx.answers.get(key)
        items = items if isinstance(items, list) else []
        items.append({first: None} if first == "text" else {})
        ctx.answers.set(key, items)
        return f"{key}.{len(items) - 1}.{first}"

    none_yet = key == "letter.signatories" and not list(ctx.items(key))
    return ctx.ask(
        id,
        label,
        "Answer yes to add one; you are asked again after it.",
        "yes-no",
        default=none_yet,
        store=store,
        shown=none_yet,
    )


def _remove(ctx: Context, key: str, label: str, then: str) -> Question:
    def store(value: Any) -> str | None:
        if value:
            return None
        list_key, _, index = key.rpartition(".")
        del ctx.answers.get(list_key)[int(index)]
        return then

    return ctx.ask(
        f"{key}.keep",
        label,
        "Answer no to remove it.",
        "yes-no",
        default=True,
        store=store,
        shown=True,
    )
