"""`drafting wizard`: a guided interview that writes a spec and builds its documents.

The interview runs section by section (documents, council, Secretary of State, history,
direction, appointee, recitals, operative part, duration, signature, annex, letter); only what
applies is asked.  Every answer goes through one `Prompter` and is saved as it is given
(`_answers`).  Answers are checked with the spec model's own field types, so the wizard cannot
accept what `drafting build` would refuse.  A review screen shows every answer by section and
lets the drafter change any section before the spec is written and built.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from drafting import Clause, DraftingError, Spec, SpecError, load_library
from drafting.library._clauses import INTERVENTIONS, ClauseLibrary, Param
from drafting.spec._model import Appointee, Council, Letter, Report, Signature
from drafting.spec._yaml import load_yaml
from drafting.support._resources import package_file

from ._answers import Answers, Data, dump, get_path
from ._prompts import Choice, Kind, Prompter, Question

ROLES = {
    "commissioner": "Children's Services Commissioner",
    "advisers": "advisers",
    "improvement-adviser": "improvement adviser",
}
GRADES = ["inadequate", "requires improvement to be good", "good", "outstanding"]
REPORT_KINDS = [
    "ofsted-inspection",
    "ofsted-monitoring-letter",
    "ofsted-focused-visit-letter",
    "commissioner-report",
    "other",
]


def validator(model: type[BaseModel], name: str) -> Callable[[str], str | None]:
    """A check of typed text against a spec field's own type and constraints."""
    info = model.model_fields[name]
    field_type: Any = Annotated[info.annotation, info]  # the field's type with its constraints
    adapter: TypeAdapter[Any] = TypeAdapter(field_type)

    def check(text: str) -> str | None:
        try:
            adapter.validate_python(text.strip() or None)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"].removeprefix("Value error, ")
            return message[:1].lower() + message[1:]
        return None

    return check


@dataclass
class Interview:
    """One run of the interview: who answers, where answers go, and the defaults offered."""

    prompter: Prompter
    answers: Answers
    defaults: Data
    library: ClauseLibrary
    skip_answered: bool = False

    def ask(
        self,
        key: str,
        kind: Kind,
        message: str,
        default: Any = None,
        choices: Sequence[Choice] = (),
        validate: Callable[[str], str | None] | None = None,
        completions: Sequence[str] = (),
    ) -> Any:
        """Ask one question, unless resuming past it; record and save the answer."""
        if self.skip_answered and key in self.answers.answered:
            return self.answers.get(key)
        current = self.answers.get(key, get_path(self.defaults, key, default))
        question = Question(key, kind, message, current, choices, validate, completions)
        answer = self.prompter.ask(question)
        if isinstance(answer, str):
            answer = answer.strip() or None
        self.answers.set(key, answer)
        return answer

    def text(
        self,
        key: str,
        message: str,
        model: type[BaseModel] | None = None,
        name: str | None = None,
        default: Any = None,
        **extra: Any,
    ) -> Any:
        """A text question checked against a spec field (`model`, `name`)."""
        check = validator(model, name or key.rsplit(".", 1)[-1]) if model else None
        return self.ask(key, "text", message, default, validate=check, **extra)

    def lines(self, key: str, message: str, default: Sequence[str] = ()) -> list[str]:
        """Several short lines typed on one line, separated by semicolons."""
        current = self.answers.get(key, get_path(self.defaults, key, list(default)))
        joined = "; ".join(current) if isinstance(current, list) else current
        if self.skip_answered and key in self.answers.answered:
            return list(current or [])
        answer = self.prompter.ask(Question(key, "text", f"{message} (separate with ;)", joined))
        values = [part.strip() for part in (answer or "").split(";") if part.strip()]
        self.answers.set(key, values)
        return values


# --- sections ------------------------------------------------------------------------------------


def documents(iv: Interview) -> None:
    """Which documents to produce."""
    wanted = iv.answers.get(
        "wizard.documents", get_path(iv.defaults, "wizard.documents", ["direction"])
    )
    iv.ask(
        "wizard.documents",
        "checkbox",
        "Which documents do you need?",
        choices=[
            Choice("The direction", "direction", "direction" in wanted),
            Choice("The letter of intent (minded-to letter)", "letter", "letter" in wanted),
        ],
    )


def council(iv: Interview) -> None:
    """The council, its area, and (for a letter) its leader and address."""
    names = [
        line
        for line in package_file("councils.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    name = iv.text("council.name", "Which council is directed?", Council, completions=names)
    area = name
    for suffix in (
        " Metropolitan Borough Council",
        " London Borough Council",
        " County Council",
        " City Council",
        " Borough Council",
        " Council",
    ):
        area = area.removesuffix(suffix)
    iv.text("council.area", "Its area, as the direction names it", Council, default=area)
    if "letter" in _documents(iv):
        leader = iv.text("council.leader.name", "The council leader's name (for the letter)")
        iv.text(
            "council.leader.salutation",
            "How the letter greets them (Dear ...)",
            default=(leader or "").split(" ")[0],
        )
        iv.lines("council.address", "The council's address")


def secretary_of_state(iv: Interview) -> None:
    """The Secretary of State's pronoun at the date of the direction."""
    iv.ask(
        "secretary_of_state.pronoun",
        "select",
        "The Secretary of State at the date of the direction is referred to as",
        "he",
        [Choice(p, p) for p in ("she", "he", "they")],
    )


def history(iv: Interview) -> None:
    """Inspections, reports and earlier directions (repeatable)."""
    _repeat(iv, "reports", "Add an inspection, report or letter the direction recites?", _report)
    _repeat(iv, "earlier_directions", "Add an earlier direction?", _earlier_direction)


def _repeat(iv: Interview, key: str, message: str, one: Callable[[Interview, str], None]) -> None:
    index = 0
    while True:
        exists = iv.answers.get(f"{key}.{index}") is not None or (
            get_path(iv.defaults, f"{key}.{index}") is not None
        )
        if not iv.ask(f"wizard.more_{key}_{index}", "confirm", message, exists):
            break
        one(iv, f"{key}.{index}")
        index += 1
    current = iv.answers.get(key)
    if isinstance(current, list) and len(current) > index:
        iv.answers.set(key, current[:index])


def _report(iv: Interview, key: str) -> None:
    kind = iv.ask(
        f"{key}.kind",
        "select",
        "What kind of report?",
        "ofsted-inspection",
        [Choice(k, k) for k in REPORT_KINDS],
    )
    date = iv.text(f"{key}.date", "Its date (2016-11-25, or 2017-03 for a month)", Report)
    _identify(iv, key, f"{kind.split('-')[0]}-{str(date).replace('-', '')}")
    iv.text(f"{key}.term", "The term it is defined as, if any (e.g. the 2016 Ofsted report)")
    if kind == "other" or iv.ask(
        f"wizard.{key}.describe", "confirm", "Describe it in your own words?", False
    ):
        iv.text(
            f"{key}.description", "How the direction first describes it", Report, name="description"
        )
    if kind.startswith("ofsted"):
        iv.ask(
            f"{key}.judgement",
            "select",
            "Ofsted's judgement",
            "inadequate",
            [Choice(g, g) for g in GRADES],
        )
        iv.text(f"{key}.subject", "What was inspected, if a list of judgements names it")
    iv.text(f"{key}.summary", 'What it found, as recited (e.g. "which found ...")')


def _identify(iv: Interview, key: str, new_id: str) -> None:
    """Give a report or direction the id clauses refer to it by (kept if it has one)."""
    if iv.answers.get(f"{key}.id") is None:
        iv.answers.set(f"{key}.id", new_id)


def _earlier_direction(iv: Interview, key: str) -> None:
    date = iv.text(f"{key}.date", "Its date", Report, name="date")
    _identify(iv, key, f"direction-{str(date).replace('-', '')}")
    iv.text(f"{key}.term", "The term it is defined as, if any (e.g. the first direction)")
    iv.text(f"{key}.required", 'What it required (e.g. "to comply with ...")')
    iv.ask(f"{key}.revoked", "confirm", "Does this direction revoke it?", False)


def direction(iv: Interview) -> None:
    """The direction's date and how dates are written."""
    if "direction" not in _documents(iv):
        return
    iv.text("date", "The date the direction is made (or 'blank' to sign by hand)", Spec)
    iv.ask(
        "style.dates",
        "select",
        "Write dates as",
        "plain",
        [Choice("25 November 2016", "plain"), Choice("25th November 2016", "ordinal")],
    )


def appointee(iv: Interview) -> None:
    """The kind of intervention, and the appointee if there is one."""
    kind = iv.ask(
        "wizard.intervention",
        "select",
        "What kind of intervention?",
        "commissioner",
        [Choice(k.replace("-", " "), k) for k in INTERVENTIONS] + [Choice("none", "none")],
    )
    if kind not in ROLES:
        if iv.answers.get("appointee") is not None:
            iv.answers.spec.pop("appointee")
            iv.answers.save()
        return
    iv.ask(
        "appointee.kind",
        "select",
        "Is the appointee a person or an organisation?",
        "person",
        [Choice("a person", "person"), Choice("an organisation", "organisation")],
    )
    iv.text("appointee.name", "The appointee's name (e.g. Eleanor Brazil OBE)", Appointee)
    iv.ask(
        "appointee.pronoun",
        "select",
        "Refer to the appointee as",
        "she",
        [Choice(p, p) for p in ("she", "he", "it", "they")],
    )
    role = iv.text("appointee.role", "Their role", Appointee, default=ROLES[kind])
    iv.text(
        "appointee.short",
        "A shorter reference, if any (e.g. the Commissioner)",
        default=f"the {role.split()[-1]}" if role else None,
    )


def recitals(iv: Interview) -> None:
    """The WHEREAS clauses, with their parameters, and recitals in the drafter's own words."""
    if "direction" in _documents(iv):
        _clause_list(iv, "recitals", ["recital"], "Which recitals?")


def operative(iv: Interview) -> None:
    """The NOW THEREFORE part: numbering, what the council is directed to do."""
    if "direction" not in _documents(iv):
        return
    iv.ask(
        "operative.numbering",
        "select",
        "Number the operative paragraphs",
        "continue",
        [Choice("on from the recitals (7, 8, 9)", "continue"), Choice("from 1", "restart")],
    )
    if iv.answers.get("operative.paragraphs.0.clause") is None:
        iv.answers.set("operative.paragraphs.0.clause", "operative.directs")
    _params(iv, "operative.paragraphs.0", iv.library.clauses["operative.directs"])
    families = [
        "compliance",
        "access",
        "amenities",
        "improvement-plan",
        "monitoring",
        "reporting",
        "partnership",
        "appointment",
        "improvement-board",
    ]
    _clause_list(
        iv, "operative.paragraphs.0.items", families, "What is the council directed to do?"
    )


def duration(iv: Interview) -> None:
    """Until revoked, or for a fixed period."""
    if "direction" not in _documents(iv):
        return
    fixed = iv.ask(
        "wizard.fixed_period",
        "confirm",
        "Does it last for a fixed period?",
        iv.answers.get("duration.period") is not None,
    )
    if fixed:
        iv.text("duration.period", "For how long (e.g. 2 years)")
    else:
        iv.answers.set("duration", {})


def signature(iv: Interview) -> None:
    """Who signs, and how."""
    if "direction" not in _documents(iv):
        return
    iv.ask(
        "signature.capacity",
        "select",
        "Signed",
        "on behalf of",
        [
            Choice("on behalf of the Secretary of State", "on behalf of"),
            Choice("by authority of the Secretary of State", "by authority of"),
        ],
    )
    iv.text("signature.name", "The signatory's name (blank to leave it off)", Signature)
    iv.text(
        "signature.role",
        "Their role",
        Signature,
        default="A Senior Civil Servant in the Department for Education",
    )
    iv.ask(
        "signature.dated",
        "select",
        "Date line",
        "colon",
        [
            Choice("Dated: 25th January 2018", "colon"),
            Choice("Dated this 25th day of January 2018", "this-day-of"),
        ],
    )


def annex(iv: Interview) -> None:
    """The Terms of Reference annex, when the direction appoints someone."""
    if "direction" not in _documents(iv) or iv.answers.get("appointee") is None:
        return
    wanted = iv.ask(
        "wizard.annex",
        "confirm",
        "Add a Terms of Reference annex?",
        iv.answers.get("wizard.intervention") == "commissioner",
    )
    if not wanted:
        if iv.answers.get("annex") is not None:
            iv.answers.spec.pop("annex")
            iv.answers.save()
        return
    iv.lines("annex.title_lines", "Title lines under ANNEX", ["Terms of Reference"])
    _clause_list(iv, "annex.paragraphs", ["tor"], "Which duties (or background) go in the annex?")


def letter(iv: Interview) -> None:
    """The letter of intent: letterheads, date, paragraphs, copies, signatories."""
    if "letter" not in _documents(iv):
        if iv.answers.get("letter") is not None:
            iv.answers.spec.pop("letter")
            iv.answers.save()
        return
    iv.text("letter.date", "The letter's date", Letter)
    heads, _ = load_yaml(package_file("departments.yaml"), DraftingError)
    current = iv.answers.get("letter.departments") or [heads["Department for Education"]]
    chosen = iv.ask(
        "wizard.departments",
        "checkbox",
        "Whose letterheads?",
        choices=[Choice(name, name, head in current) for name, head in heads.items()],
    )
    iv.answers.set(
        "letter.departments", [heads[name] for name in chosen or ["Department for Education"]]
    )
    _clause_list(
        iv,
        "letter.paragraphs",
        ["letter"],
        "Which paragraphs?",
        leave_out=frozenset({"letter.addressee", "letter.salutation", "letter.copy-list"}),
    )
    iv.lines("letter.copies", "Who is it copied to")
    iv.text("letter.copies_also", "Also copied to (e.g. local MPs)")
    _repeat(iv, "letter.signatories", "Add a signatory?", _signatory)


def _signatory(iv: Interview, key: str) -> None:
    iv.text(f"{key}.name", "The signatory (e.g. Rt Hon Damian Hinds MP)")
    iv.lines(f"{key}.title_lines", "Their title", ["Secretary of State for Education"])


SECTIONS: list[tuple[str, Callable[[Interview], None], list[str]]] = [
    ("Documents", documents, []),
    ("Council", council, ["council"]),
    ("Secretary of State", secretary_of_state, ["secretary_of_state"]),
    ("Inspections, reports and earlier directions", history, ["reports", "earlier_directions"]),
    ("Direction date", direction, ["date", "style"]),
    ("Appointee", appointee, ["appointee"]),
    ("Recitals", recitals, ["recitals"]),
    ("Operative part", operative, ["operative"]),
    ("Duration", duration, ["duration"]),
    ("Signature", signature, ["signature"]),
    ("Terms of Reference annex", annex, ["annex"]),
    ("Letter of intent", letter, ["letter"]),
]


# --- clauses and their parameters ---------------------------------------------------------------


def _documents(iv: Interview) -> list[str]:
    return list(iv.answers.get("wizard.documents") or ["direction"])


def _clause_list(
    iv: Interview,
    key: str,
    families: list[str],
    message: str,
    leave_out: frozenset[str] = frozenset(),
) -> None:
    """Choose paragraphs from clause families (the usual ones ticked), then free-text ones."""
    options = sorted(
        (
            c
            for c in iv.library
            if c.family in families
            and c.id not in leave_out
            and not c.id.endswith("-item")
            and c.spec.under is None  # an item of a lead-in is offered under it
            and c.id != "operative.directs"
            and c.family != "reference"
        ),
        key=lambda c: families.index(c.family),  # stable: each family keeps its file order
    )
    _choose_clauses(iv, key, options, message)


def _choose_clauses(iv: Interview, key: str, options: list[Clause], message: str) -> None:
    """Choose among `options` (those usual for the intervention ticked) and ask their details.

    Then paragraphs in the drafter's own words are offered; the list is stored at `key`.
    """
    existing = [
        e for e in (iv.answers.get(key) or get_path(iv.defaults, key) or []) if isinstance(e, dict)
    ]
    kind = iv.answers.get("wizard.intervention")
    chosen_before = [e["clause"] for e in existing if "clause" in e]
    ticked = chosen_before or [c.id for c in options if {"any", kind} & set(c.spec.usual_for)]
    picked = (
        iv.ask(
            f"wizard.{key}",
            "checkbox",
            message,
            choices=[Choice(f"{c.spec.title} ({c.id})", c.id, c.id in ticked) for c in options],
        )
        or []
    )
    by_clause = {e["clause"]: e for e in existing if "clause" in e}
    free = [e for e in existing if "text" in e]
    entries = [by_clause.get(clause_id, {"clause": clause_id}) for clause_id in picked] + free
    iv.answers.set(key, entries)
    for index, entry in enumerate(entries):
        if "clause" in entry:
            clause = iv.library.clauses[entry["clause"]]
            _params(iv, f"{key}.{index}", clause)
            _items(iv, f"{key}.{index}", clause)
    _free_text(iv, key, len(entries))


def _free_text(iv: Interview, key: str, start: int) -> None:
    index = start
    while iv.ask(
        f"wizard.more_text_{key}_{index}",
        "confirm",
        "Add a paragraph in your own words?",
        get_path(iv.answers.spec, f"{key}.{index}.text") is not None,
    ):
        iv.text(f"{key}.{index}.text", "The paragraph")
        index += 1


def _params(iv: Interview, key: str, clause: Clause) -> None:
    for name, param in clause.spec.params.items():
        _param(iv, f"{key}.with.{name}", clause, name, param)


def _param(iv: Interview, key: str, clause: Clause, name: str, param: Param) -> None:
    label = f"{clause.id}: {name}" + (f" ({param.help})" if param.help else "")
    default = param.default if "default" in param.model_fields_set else None
    reports, directions = _ids(iv, "reports"), _ids(iv, "earlier_directions")
    if param.type == "bool":
        iv.ask(key, "confirm", label, bool(default))
    elif param.type == "choice":
        iv.ask(key, "select", label, default, [Choice(c, c) for c in param.choices or []])
    elif param.type == "report" and reports:
        iv.ask(key, "select", label, reports[0], [Choice(r, r) for r in reports])
    elif param.type == "reports":
        picked = iv.answers.get(key, default or [])
        iv.ask(key, "checkbox", label, choices=[Choice(r, r, r in picked) for r in reports])
    elif param.type == "direction" and directions:
        iv.ask(key, "select", label, directions[0], [Choice(d, d) for d in directions])
    elif param.type == "texts":
        iv.lines(key, label, default or [])
    elif "default" in param.model_fields_set:
        iv.text(key, label, default=default)
    else:
        iv.ask(key, "text", label, validate=_required)


def _required(text: str) -> str | None:
    return None if text.strip() else "this clause needs it"


def _ids(iv: Interview, key: str) -> list[str]:
    """The ids of the reports or earlier directions answered so far."""
    return [e["id"] for e in iv.answers.get(key) or [] if isinstance(e, dict) and "id" in e]


def _items(iv: Interview, key: str, clause: Clause) -> None:
    """Sub-paragraphs: the clauses listed under a lead-in, one per report, or free text.

    A lead-in (`tor.duties`: "The Commissioner shall:") takes the clauses that name it as what
    they are `under`; a clause `X` with a clause `X-item` in the library (`recital.considered`)
    takes an item per report; a clause whose text says "This will include:" takes free-text items.
    """
    members = [c for c in iv.library if c.spec.under == clause.id]
    item_clause = iv.library.get(f"{clause.id}-item")
    if members:
        _choose_clauses(iv, f"{key}.items", members, f"{clause.id}: which of these?")
        _close_the_list(iv, f"{key}.items")
    elif item_clause is not None:
        reports = _ids(iv, "reports")
        picked = (
            iv.ask(
                f"wizard.{key}.items",
                "checkbox",
                f"{clause.id}: which of them?",
                choices=[Choice(r, r, True) for r in reports],
            )
            or []
        )
        iv.answers.set(
            f"{key}.items", [{"clause": item_clause.id, "with": {"report": r}} for r in picked]
        )
    elif "has_items" in clause.uses:
        index = 0
        while iv.ask(
            f"wizard.{key}.more_items_{index}",
            "confirm",
            f"{clause.id}: add a sub-paragraph of what it includes?",
            get_path(iv.answers.spec, f"{key}.items.{index}") is not None,
        ):
            iv.text(f"{key}.items.{index}.text", "The sub-paragraph")
            index += 1


def _close_the_list(iv: Interview, key: str) -> None:
    """End the next-to-last item "; and" and the last with a full stop, as lists are drafted."""
    items = iv.answers.get(key) or []
    for index, item in enumerate(items):
        end = {len(items) - 2: "; and", len(items) - 1: "."}.get(index)
        if end is None:
            item.pop("end", None)
        else:
            item["end"] = end
    iv.answers.set(key, items)


# --- review and the run -------------------------------------------------------------------------


def review(iv: Interview) -> str:
    """Show every answer by section; return `write`, `save` or the title of a section to change."""
    lines = []
    for title, _, keys in SECTIONS:
        shown = {k: iv.answers.spec[k] for k in keys if k in iv.answers.spec}
        if shown:
            lines.append(f"== {title} ==\n{dump(shown).rstrip()}")
    print("\n\n".join(lines), file=sys.stderr)
    choices = [Choice("Write the spec and build the documents", "write")]
    choices += [Choice(f"Change: {title}", title) for title, _, _ in SECTIONS]
    choices.append(Choice("Save the answers and stop", "save"))
    question = Question("wizard.review", "select", "Review your answers", "write", choices)
    action: str = iv.prompter.ask(question)
    return action


def interview(iv: Interview) -> bool:
    """Run every section, then the review until the drafter writes or stops; True to build."""
    for _, section, _ in SECTIONS:
        section(iv)
    while True:
        action = review(iv)
        if action in ("write", "save"):
            if action == "save":
                return False
            try:
                Spec.model_validate(iv.answers.spec)
            except ValidationError as exc:
                print(f"The spec is not complete yet: {exc.errors()[0]['msg']}", file=sys.stderr)
                continue
            return True
        skip, iv.skip_answered = iv.skip_answered, False
        next(section for title, section, _ in SECTIONS if title == action)(iv)
        iv.skip_answered = skip


def previous_answers(spec_path: Path) -> Data:
    """A previous spec's answers, to begin from (`--from`).

    Its notes on the published text it reproduced (`published_differences`) stay behind.
    """
    data, _ = load_yaml(spec_path, SpecError)
    if not isinstance(data, dict):
        raise DraftingError(f"{spec_path}: not a spec (a mapping of fields)")
    data.pop("published_differences", None)
    return data


def run(
    answers_path: Path,
    resume: bool,
    previous: Path | None,
    output: Path | None,
    force: bool,
    prompter: Prompter | None = None,
) -> list[Path]:
    """The whole wizard; returns the documents built (none if the drafter stopped to resume)."""
    if prompter is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise DraftingError(
                "drafting wizard asks questions at a terminal and none is attached; write a spec "
                "and run `drafting build SPEC` instead (see README.md)"
            )
        from ._prompts import TerminalPrompter

        prompter = TerminalPrompter()
    if resume:
        answers = Answers.resume(answers_path)
    elif answers_path.exists() and not force:
        raise DraftingError(
            f"{answers_path} already exists: continue it with --resume, or use --force"
        )
    else:
        answers = Answers.start(answers_path)
    defaults: Data = {}
    if previous is not None:
        answers.spec = previous_answers(previous)
        documents = [
            d
            for d in ("direction", "letter")
            if d in answers.spec or (d == "direction" and "recitals" in answers.spec)
        ]
        defaults = {"wizard": {"documents": documents}}
    iv = Interview(prompter, answers, defaults, load_library(), skip_answered=resume)
    if not interview(iv):
        return []
    answers.finish()
    from drafting._build import build

    return build(answers_path, output, force=force).paths
