"""Clause templates turned into patterns that recover their parameters from published words.

In: a clause, the rendering context built from the facts found, the defined terms so far, and
the words of a published paragraph (with its sub-paragraphs and any text after them).  Out: an
`Attempt` — the clause's parameters (`with`), `add` and `end` that make the clause render those
words exactly, the report and direction fields it read (a report's summary, what a direction
required), and the defined terms after it — or None.

How: each choice of the clause's bool, choice, report and direction parameters is rendered with
a placeholder for every free-text parameter and every unknown report field; the rendering is
escaped into a regular expression whose placeholders capture what the text says there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from drafting.document._tree import ANCHOR_PATTERN
from drafting.library._clauses import Clause, ClauseItem, ClauseRenderError
from drafting.library._language import DefinedTerms
from drafting.read._normalise import normalise_characters, read_paragraphs

OPEN, CLOSE = "\ue010", "\ue011"
_PLACEHOLDER = re.compile(f"{OPEN}([^{CLOSE}]+){CLOSE}")
_ENDING = r"(?P<__end>(?:\s*[;:.,])?(?:\s*(?:and|or))?)"
_STRIP_END = re.compile(r"\s*(?:[;:.,]\s*(?:and|or)?)?\s*$")
MAX_CHOICES = 240


def placeholder(name: str) -> str:
    """The stand-in rendered for an unknown value, captured back as the group `name`."""
    return f"{OPEN}{name}{CLOSE}"


@dataclass
class Attempt:
    """A clause that renders a paragraph exactly, and what that took."""

    clause: str
    with_: dict[str, Any]
    add: str | None = None
    end: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # "report-id.summary": value
    terms: DefinedTerms = field(default_factory=DefinedTerms)
    own_items: int = 0


@dataclass
class Facts:
    """The rendering context and the reports and directions clauses may name."""

    context: dict[str, Any]
    reports: dict[str, Any]
    directions: dict[str, Any]


def attempt(
    clause: Clause, facts: Facts, terms: DefinedTerms, texts: list[str], extra_items: bool
) -> Attempt | None:
    """The first choice of parameters with which `clause` renders `texts` (paragraph first).

    `texts` are the paragraph's words, then those of its sub-paragraphs and text after; when
    `extra_items`, sub-paragraphs beyond the clause's own are entries of their own.
    """
    own = _count(clause.spec.items)
    if (own or clause.spec.then) and own >= len(texts) and not clause.spec.then:
        return None
    for values in _choices(clause, facts):
        trial = DefinedTerms(set(terms.defined), terms.all_defined)
        context = {**facts.context, **values, "defined_terms": trial, "anchor": "x"}
        context["has_items"] = bool(own or extra_items)
        try:
            rendered = _rendered(clause, context)
        except ClauseRenderError:
            continue
        found = _match(rendered, texts, single=not own and not clause.spec.then)
        if found is None:
            continue
        return _result(clause, values, found, trial, own)
    return None


def _count(items: list[ClauseItem]) -> int:
    return sum(1 + _count(item.items) for item in items)


def _rendered(clause: Clause, context: dict[str, Any]) -> list[str]:
    """The clause's paragraph, fixed sub-paragraphs and text after, read as the normaliser reads."""
    lines = [clause.render(clause.spec.text, context)]
    lines += [clause.render(text, context) for text in _item_texts(clause.spec.items)]
    labelled = [f"1. {line}" for line in lines]
    if clause.spec.then:
        labelled.append(clause.render(clause.spec.then, context))
    return [p.text for p in read_paragraphs("\n".join(labelled))]


def _item_texts(items: list[ClauseItem]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _item_texts(item.items)


def _match(rendered: list[str], texts: list[str], single: bool) -> dict[str, str] | None:
    """The values the placeholders stand for, with `__add`/`__end` when those are needed."""
    if single:
        head = _pattern(rendered[0])
        core = _pattern(_STRIP_END.sub("", rendered[0]))
        for pattern in (head, core + _ENDING, head + r" (?P<__add>.+)"):
            found = _fullmatch(pattern, texts[0])
            if found is not None:
                return found
        return None
    if len(texts) < len(rendered):
        return None
    pattern = "\n".join(_pattern(text) for text in rendered)
    return _fullmatch(pattern, "\n".join(texts[: len(rendered)]))


def _fullmatch(pattern: str, text: str) -> dict[str, str] | None:
    try:
        found = re.fullmatch(pattern, text)
    except re.error:
        return None
    if found is None:
        return None
    return {k: v for k, v in found.groupdict().items() if v is not None}


def _pattern(text: str) -> str:
    """A rendering as a regular expression: placeholders capture, cross-references are labels."""
    parts: list[str] = []
    seen: set[str] = set()
    position = 0
    text = normalise_characters(text)
    for found in _PLACEHOLDER.finditer(text):
        parts.append(_literal(text[position : found.start()]))
        name = _group(found.group(1))
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>[^\n]+?)")
        seen.add(name)
        position = found.end()
    parts.append(_literal(text[position:]))
    return "".join(parts)


def _literal(text: str) -> str:
    pieces = ANCHOR_PATTERN.split(text)
    # split keeps the captured anchor ids at odd places: they become any list label
    return "".join(
        re.escape(piece) if index % 2 == 0 else r"\(?[a-z0-9]{1,4}[.)]?"
        for index, piece in enumerate(pieces)
    )


def _group(name: str) -> str:
    """A regular-expression group name that spells `name` (which may hold any character)."""
    return "g_" + name.encode("utf-8").hex()


def _name(group: str) -> str:
    return bytes.fromhex(group.removeprefix("g_")).decode("utf-8")


def _result(
    clause: Clause, values: dict[str, Any], found: dict[str, str], terms: DefinedTerms, own: int
) -> Attempt:
    given: dict[str, Any] = {}
    fields: dict[str, str] = {}
    for name, param in clause.spec.params.items():
        value = values.get(name)
        if isinstance(value, str) and _PLACEHOLDER.fullmatch(value):
            value = found.get(_group(f"param.{name}"))
        elif value is not None and hasattr(value, "key"):
            value = value.key
        elif isinstance(value, list):
            value = [v.key if hasattr(v, "key") else v for v in value]
        if value != param.default:
            given[name] = value
    for key, text in found.items():
        if key.startswith("g_") and _name(key).startswith("field."):
            fields[_name(key).removeprefix("field.")] = text
    return Attempt(clause.id, given, found.get("__add"), found.get("__end"), fields, terms, own)


# --- the choices of parameters -------------------------------------------------------------------


def _choices(clause: Clause, facts: Facts) -> Iterator[dict[str, Any]]:
    names = list(clause.spec.params)
    options = [_options(name, clause, facts) for name in names]
    if any(not option for option in options):
        return
    for combination in itertools.islice(itertools.product(*options), MAX_CHOICES):
        yield dict(zip(names, combination, strict=True))


def _options(name: str, clause: Clause, facts: Facts) -> list[Any]:
    param = clause.spec.params[name]
    has_default = "default" in param.model_fields_set
    kind = param.type
    if kind == "bool":
        return [param.default, not param.default] if has_default else [False, True]
    if kind == "choice":
        choices = list(param.choices or [])
        if has_default and param.default in choices:
            choices.remove(param.default)
            choices.insert(0, param.default)
        return choices
    if kind == "text":
        stand_in = placeholder(f"param.{name}")
        return [param.default, stand_in] if has_default else [stand_in]
    if kind == "texts":
        return [param.default] if has_default else []
    if kind == "report":
        return list(facts.reports.values())
    if kind == "reports":
        reports = list(facts.reports.values())
        runs = [reports[i:j] for i in range(len(reports)) for j in range(i + 1, len(reports) + 1)]
        return ([[]] if has_default else []) + runs
    return list(facts.directions.values())


def with_placeholders(thing: Any, fields: tuple[str, ...]) -> Any:
    """A report or direction whose unknown `fields` render as placeholders to capture."""
    changed = copy(thing)
    for name in fields:
        value = getattr(thing, name, None)
        if not isinstance(value, str):
            setattr(changed, name, placeholder(f"field.{thing.key}.{name}"))
    return changed
