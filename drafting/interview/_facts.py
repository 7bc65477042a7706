"""The sections of facts: documents, council, Secretary of State, history, date, appointee.

Each section function takes the `Context` (the answers so far) and yields its questions; what
is asked depends on earlier answers (a letter asks for the council's leader; a Commissioner asks
for the appointee).  Derived suggestions (the area from the council's name, the greeting from
the leader's name, the role from the kind of intervention) follow their source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from drafting.library._clauses import INTERVENTIONS
from drafting.support._resources import councils

from ._context import REPORT_KINDS, Context
from ._questions import Choice, Question

INTERVENTION_LABELS = {
    "commissioner": "A Children's Services Commissioner",
    "advisers": "Advisers",
    "improvement-adviser": "An improvement adviser",
    "improvement-board": "An improvement board (no appointee)",
    "partnership": "A strategic partnership with another council (no appointee)",
}
ROLES = {
    "commissioner": "Children's Services Commissioner",
    "advisers": "advisers",
    "improvement-adviser": "improvement adviser",
}
GRADES = ["inadequate", "requires improvement to be good", "good", "outstanding"]
_COUNCIL_ENDINGS = (
    " Metropolitan Borough Council",
    " London Borough Council",
    " County Council",
    " City Council",
    " Borough Council",
    " Council",
)


def documents(ctx: Context) -> Iterator[Question]:
    """Which documents, and what kind of intervention (the interview's own choices)."""
    yield ctx.ask(
        "interview.documents",
        "Which documents are you drafting?",
        "A statutory direction, a letter of intent (a 'minded to' letter), or both.",
        "choices",
        default=["direction"],
        required=True,
        choices=[
            Choice("direction", "The statutory direction"),
            Choice("letter", "The letter of intent (minded-to letter)"),
        ],
    )
    choices = [Choice(k, INTERVENTION_LABELS[k]) for k in INTERVENTIONS]
    yield ctx.ask(
        "interview.intervention",
        "What does the Secretary of State put in place?",
        "This decides whether there is an appointee and which paragraphs are suggested.",
        "choice",
        default="commissioner",
        required=True,
        choices=[*choices, Choice("none", "Nothing of these (no appointee)")],
        store=lambda value: _intervention(ctx, value),
    )


def _intervention(ctx: Context, value: Any) -> None:
    ctx.answers.interview["intervention"] = value
    if value not in ROLES:  # no appointee: nothing in the spec may name one
        for key in ("appointee", "annex"):
            ctx.answers.set(key, None)


def council(ctx: Context) -> Iterator[Question]:
    """The council, its area, and (for a letter) its leader and address."""
    yield ctx.ask(
        "council.name",
        "Which council is directed?",
        "Its full name, e.g. Kirklees Council; start typing to pick from the list.",
        required=True,
        suggestions=councils(),
    )
    yield ctx.ask(
        "council.area",
        "The council's area",
        "As the direction names it, e.g. Kirklees; suggested from the council's name.",
        derive=lambda: area_of(str(ctx.answers.get("council.name") or "")) or None,
    )
    if "letter" in ctx.documents:
        yield ctx.ask(
            "council.leader.name",
            "The council leader's name",
            "The letter is addressed to them, e.g. Cllr Shabir Pandor.",
            required=True,
        )
        yield ctx.ask(
            "council.leader.salutation",
            "How the letter greets the leader",
            'What follows "Dear", e.g. Shabir; suggested from the leader\'s name.',
            derive=lambda: _first_name(ctx.answers.get("council.leader.name")),
        )
        yield ctx.ask(
            "council.address",
            "The council's address",
            "One line each (separate lines with ;).",
            "lines",
            default=[],
        )


def area_of(name: str) -> str:
    """`Kirklees Council` → `Kirklees`; `Leeds City Council` → `Leeds`."""
    for ending in _COUNCIL_ENDINGS:
        if name.endswith(ending):
            return name.removesuffix(ending)
    return name


def _first_name(name: Any) -> str | None:
    words = [w for w in str(name or "").split() if w.rstrip(".").lower() not in _HONORIFICS]
    return words[0] if words else None


_HONORIFICS = {"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "rt", "hon"}


def secretary_of_state(ctx: Context) -> Iterator[Question]:
    """The Secretary of State's pronoun at the date of the direction."""
    yield ctx.ask(
        "secretary_of_state.pronoun",
        "The Secretary of State at the date of the direction is",
        'Decides "his powers" or "her powers" throughout.',
        "choice",
        required=True,
        choices=[Choice("she", "she (her)"), Choice("he", "he (his)"), Choice("they", "they")],
    )


def history(ctx: Context) -> Iterator[Question]:
    """Inspections, reports and letters, then earlier directions: each can be added or removed."""
    for index, item in ctx.items("reports"):
        yield from _report(ctx, f"reports.{index}", item)
    yield _add(ctx, "reports", "Add an inspection, report or letter the documents mention?")
    for index, item in ctx.items("earlier_directions"):
        yield from _earlier_direction(ctx, f"earlier_directions.{index}", item)
    yield _add(ctx, "earlier_directions", "Add an earlier direction to this council?")


def _add(ctx: Context, key: str, label: str) -> Question:
    def store(value: Any) -> str | None:
        if not value:
            return None
        items = ctx.answers.get(key)
        items = items if isinstance(items, list) else []
        items.append({})
        ctx.answers.set(key, items)
        first = "kind" if key == "reports" else "date"
        return f"{key}.{len(items) - 1}.{first}"

    help = "Answer yes to add one; you are asked again after it."
    return ctx.ask(f"{key}.add", label, help, "yes-no", default=False, store=store)


def _keep(ctx: Context, key: str, item: dict[str, Any], what: str) -> Iterator[Question]:
    """Whether to keep an item already given (an empty one just added is not asked about)."""
    if not item:
        return

    def store(value: Any) -> str | None:
        if value:
            return None
        list_key, _, index = key.rpartition(".")
        items = ctx.answers.get(list_key)
        del items[int(index)]
        return f"{list_key}.add"

    from ._context import describe_report

    label = f"Keep {what}: {describe_report(item)}?"
    help = "Answer no to remove it (and what refers to it)."
    yield ctx.ask(f"{key}.keep", label, help, "yes-no", default=True, store=store)


def _report(ctx: Context, key: str, item: dict[str, Any]) -> Iterator[Question]:
    yield from _keep(ctx, key, item, "this")
    kinds = [Choice(k, label) for k, label in REPORT_KINDS.items()]
    yield ctx.ask(
        f"{key}.kind",
        "What is it?",
        "The kind of report or letter.",
        "choice",
        default="ofsted-inspection",
        required=True,
        choices=kinds,
    )
    yield _dated(ctx, key, "Its date", "The date it bears (or was published).")
    kind = item.get("kind")
    yield ctx.ask(
        f"{key}.description",
        "How the documents first describe it",
        "Leave blank to describe it from its kind and date."
        if kind != "other"
        else 'e.g. "the report of the Commissioner of 12 March 2017".',
        required=kind == "other",
    )
    yield ctx.ask(
        f"{key}.term",
        "The short name it is given, if any",
        'e.g. "the 2016 Ofsted report"; leave blank if the documents give it none.',
    )
    if kind == "ofsted-inspection":
        grades = [Choice(g, g) for g in GRADES]
        yield ctx.ask(
            f"{key}.judgement",
            "Ofsted's overall judgement",
            "As the report gives it.",
            "choice",
            default="inadequate",
            choices=grades,
        )
        yield ctx.ask(
            f"{key}.subject",
            "What was inspected",
            "Only if a list of judgements names it, e.g. services for children in need of help.",
        )
    yield ctx.ask(
        f"{key}.summary",
        "What it found, as the recitals say it",
        'e.g. "which found that ..."; leave blank if no recital says it.',
    )


def _dated(ctx: Context, key: str, label: str, help: str) -> Question:
    """A date question that also names the item (its id) when it first gets a date."""

    def store(value: Any) -> str | None:
        ctx.answers.set(f"{key}.date", value)
        if value and not ctx.answers.has(f"{key}.id"):
            ctx.answers.set(f"{key}.id", _new_id(ctx, key, str(value)))
        return None

    return ctx.ask(f"{key}.date", label, help, "date", required=True, store=store, after="date")


def _new_id(ctx: Context, key: str, when: str) -> str:
    kind = str(ctx.answers.get(f"{key}.kind") or "direction").split("-")[0]
    taken = {str(i.get("id")) for _, i in ctx.items("reports")}
    taken |= {str(i.get("id")) for _, i in ctx.items("earlier_directions")}
    base = f"{kind}-{when.replace('-', '')}"
    new, number = base, 2
    while new in taken:
        new, number = f"{base}-{number}", number + 1
    return new


def _earlier_direction(ctx: Context, key: str, item: dict[str, Any]) -> Iterator[Question]:
    yield from _keep(ctx, key, item, "the earlier direction")
    yield _dated(ctx, key, "The earlier direction's date", "The date it was made.")
    yield ctx.ask(
        f"{key}.term",
        "The short name it is given, if any",
        'e.g. "the first direction"; leave blank if none.',
    )
    yield ctx.ask(
        f"{key}.required",
        "What it required of the council",
        'e.g. "to comply with any instructions of the Commissioner".',
    )
    yield ctx.ask(
        f"{key}.revoked",
        "Does this direction revoke it?",
        "Answer yes to add a paragraph revoking it.",
        "yes-no",
        default=False,
        omit=False,
    )


def direction(ctx: Context) -> Iterator[Question]:
    """The direction's own date, and how dates are written."""
    if "direction" not in ctx.documents:
        return
    yield ctx.ask(
        "date",
        "The date the direction is made",
        "e.g. 25 January 2018; type blank to leave it for signing by hand.",
        "date",
        required=True,
    )
    yield ctx.ask(
        "style.dates",
        "How dates are written",
        "The house style of this direction.",
        "choice",
        default="plain",
        omit="plain",
        choices=[Choice("plain", "25 January 2018"), Choice("ordinal", "25th January 2018")],
    )


def appointee(ctx: Context) -> Iterator[Question]:
    """The person or organisation appointed, when the intervention appoints one."""
    intervention = ctx.answers.interview.get("intervention")
    if intervention not in ROLES:
        return
    yield ctx.ask(
        "appointee.kind",
        "Is the appointee a person or an organisation?",
        "A person is she, he or they; an organisation is it.",
        "choice",
        default="person",
        omit="person",
        choices=[Choice("person", "A person"), Choice("organisation", "An organisation")],
    )
    yield ctx.ask(
        "appointee.name",
        "The appointee's name",
        "As the direction names them, e.g. Eleanor Brazil OBE (advisers may be left unnamed).",
        required=intervention != "advisers",
    )
    organisation = ctx.answers.get("appointee.kind") == "organisation"
    pronouns = ["it", "they"] if organisation else ["she", "he", "they"]
    current = ctx.answers.get("appointee.pronoun")
    if current in ("she", "he", "it", "they") and current not in pronouns:
        pronouns.append(current)  # kept as the spec has it, though unusual
    yield ctx.ask(
        "appointee.pronoun",
        "The documents refer to the appointee as",
        'Decides "she", "her" and so on wherever the appointee is mentioned.',
        "choice",
        default="it" if organisation else None,
        required=True,
        choices=[Choice(p, p) for p in pronouns],
    )
    yield ctx.ask(
        "appointee.role",
        "The appointee's role",
        "e.g. Children's Services Commissioner.",
        required=True,
        derive=lambda: ROLES.get(str(ctx.answers.interview.get("intervention"))),
    )
    yield ctx.ask(
        "appointee.short",
        "A shorter name for the appointee, if any",
        'e.g. "the Commissioner"; leave blank for none.',
        derive=lambda: _short(ctx.answers.get("appointee.role")),
    )
    if "direction" in ctx.documents:
        yield _annex_wanted(ctx)


def _annex_wanted(ctx: Context) -> Question:
    """Whether the direction has a Terms of Reference annex (its content is a later section).

    Asked here, before the paragraphs: what the operative part may say depends on it.
    """

    def wanted(value: Any) -> str | None:
        if not value:
            ctx.answers.set("annex", None)
        elif not isinstance(ctx.answers.get("annex"), dict):
            ctx.answers.set("annex", {"title_lines": ["Terms of Reference"], "paragraphs": []})
        return None

    has = isinstance(ctx.answers.get("annex"), dict)
    # a Commissioner's or an improvement adviser's Terms of Reference are annexed as a rule
    default = has or ctx.answers.interview.get("intervention") in (
        "commissioner",
        "improvement-adviser",
    )
    return ctx.ask(
        "annex.wanted",
        "Does the direction have a Terms of Reference annex?",
        "The annex sets out what the appointee is to do; you write it after the paragraphs.",
        "yes-no",
        default=default,
        store=wanted,
        shown=default,
    )


def _short(role: Any) -> str | None:
    words = str(role or "").split()
    return f"the {words[-1]}" if words else None
