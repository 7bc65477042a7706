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

import difflib
import itertools
import re
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from drafting.document._tree import ANCHOR_CLOSE, ANCHOR_OPEN, ANCHOR_PATTERN
from drafting.library._clauses import Clause, ClauseItem, ClauseRenderError
from drafting.library._language import DefinedTerms
from drafting.read._normalise import normalise_characters, read_paragraphs

OPEN, CLOSE = "\ue010", "\ue011"
_PLACEHOLDER = re.compile(f"{OPEN}([^{CLOSE}]+){CLOSE}")
_ENDING = r"(?P<__end>(?:\s*[;:.,])?(?:\s*(?:and|or))?)"
_STRIP_END = re.compile(r"\s*(?:[;:.,]\s*(?:and|or)?)?\s*$")
MAX_CHOICES = 240
MAX_NEAR = 160
_NEAR_WORDS = 10  # words changed in one run, both sides together
_NEAR_RUNS = 3  # runs of differing words, per paragraph
_CONTEXT = 2  # words either side of a difference
_TOKENS = re.compile(r"\n|[^ \n]+")


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
    #: (published words, the clause's words) where the published text has a slip it corrects
    differences: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Facts:
    """The rendering context and the reports and directions clauses may name."""

    context: dict[str, Any]
    reports: dict[str, Any]
    directions: dict[str, Any]


def attempt(
    clause: Clause,
    facts: Facts,
    terms: DefinedTerms,
    texts: list[str],
    extra_items: bool,
    near: bool = False,
) -> Attempt | None:
    """The first choice of parameters with which `clause` renders `texts` (paragraph first).

    `texts` are the paragraph's words, then those of its sub-paragraphs and text after; when
    `extra_items`, sub-paragraphs beyond the clause's own are entries of their own.  With
    `near`, a few differing words are allowed, each recorded as a published difference; the
    choice with the fewest is taken.
    """
    own = _count(clause.spec.items)
    if (own or clause.spec.then) and own >= len(texts) and not clause.spec.then:
        return None
    best: Attempt | None = None
    choices = _choices(clause, facts)
    for values in itertools.islice(choices, MAX_NEAR) if near else choices:
        trial = DefinedTerms(set(terms.defined), terms.all_defined)
        context = {**facts.context, **values, "defined_terms": trial, "anchor": "x"}
        context["has_items"] = bool(own or extra_items)
        try:
            rendered = _rendered(clause, context)
        except ClauseRenderError:
            continue
        single = not own and not clause.spec.then
        if not near:
            found = _match(rendered, texts, single)
            if found is not None:
                return _result(clause, values, found, trial, own)
            continue
        patched = (
            _patched_ends(rendered, texts)
            if single
            else _patched_tail(rendered, texts) or _patched(rendered, texts)
        )
        if patched is None:
            continue
        found = _match(rendered, patched[0], single)
        if found is not None and (best is None or _size(patched[1]) < _size(best.differences)):
            best = _result(clause, values, found, trial, own)
            best.differences = patched[1]
    return best


def _size(differences: list[tuple[str, str]]) -> int:
    return sum(len(a.split()) + len(b.split()) for a, b in differences)


def _patched_ends(
    rendered: list[str], texts: list[str]
) -> tuple[list[str], list[tuple[str, str]]] | None:
    """As `_patched`, for one paragraph, leaving its closing punctuation to `end`.

    Where the paragraph runs on past the clause's sentences, the sentences after (an `add`) are
    left as written.
    """
    patched = _patched_tail(rendered, texts)
    if patched is not None:
        return patched
    words = len(rendered[0].split())
    sentences = texts[0].split(". ")
    for count in range(1, len(sentences)):
        head = ". ".join(sentences[:count]) + "."
        if abs(len(head.split()) - words) <= _NEAR_WORDS // 2:
            found = _patched([rendered[0]], [head])
            if found is not None:
                rest = ". ".join(sentences[count:])
                return [f"{found[0][0]} {rest}", *texts[1:]], found[1]
    return None


def _patched_tail(
    rendered: list[str], texts: list[str]
) -> tuple[list[str], list[tuple[str, str]]] | None:
    """As `_patched`, leaving the closing punctuation of the clause's last line to its list.

    For one paragraph that is its own ending (an `end`); for a clause with sub-paragraphs or
    text after, that of its last line (computed by the list, or an `end`).
    """
    last = len(rendered) - 1
    if len(texts) <= last:
        return None
    ending = _STRIP_END.search(texts[last])
    tail = ending.group(0) if ending else ""
    own = [*rendered[:last], _STRIP_END.sub("", rendered[last])]
    published = [*texts[:last], texts[last][: len(texts[last]) - len(tail)], *texts[last + 1 :]]
    patched = _patched(own, published)
    if patched is None:
        return None
    lines = list(patched[0])
    lines[last] += tail
    return lines, patched[1]


def _patched(
    rendered: list[str], texts: list[str]
) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The published words with the clause's own words put back where they differ a little.

    Runs of the clause's words (not its values) that the published text words otherwise are
    replaced by the clause's; each is returned as (published, generated) with two words of
    context either side.  None if they differ by more than a few words.
    """
    if len(texts) < len(rendered):
        return None
    clause_words = _TOKENS.findall("\n".join(normalise_characters(t) for t in rendered))
    published = _TOKENS.findall("\n".join(texts[: len(rendered)]))
    patched: list[str] = []
    runs: list[tuple[int, int, list[str]]] = []  # published words j1:j2 read as the clause's
    matcher = difflib.SequenceMatcher(None, clause_words, published, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        theirs, ours = published[j1:j2], clause_words[i1:i2]
        if tag == "equal" or any(OPEN in word or ANCHOR_OPEN in word for word in ours):
            patched += theirs
            continue
        if "\n" in theirs or "\n" in ours or len(theirs) + len(ours) > _NEAR_WORDS:
            return None
        patched += ours
        if runs and j1 - runs[-1][1] <= 2 * _CONTEXT:  # near the last run: one difference
            start, end, words = runs[-1]
            runs[-1] = (start, j2, words + published[end:j1] + ours)
        else:
            runs.append((j1, j2, ours))
    if not runs or len(runs) > _NEAR_RUNS * len(rendered):
        return None
    differences = []
    for j1, j2, ours in runs:
        before, after = published[max(j1 - _CONTEXT, 0) : j1], published[j2 : j2 + _CONTEXT]
        if "\n" in before + after:
            return None
        theirs = published[j1:j2]
        differences.append((" ".join(before + theirs + after), " ".join(before + ours + after)))
    lines = " ".join(patched).split(" \n ")
    return lines + texts[len(rendered) :], differences


def _count(items: list[ClauseItem]) -> int:
    return sum(1 + _count(item.items) for item in items)


def _rendered(clause: Clause, context: dict[str, Any]) -> list[str]:
    """The clause's paragraph, fixed sub-paragraphs and text after, read as the normaliser reads."""
    lines = [clause.render(clause.spec.text, context)]
    if not clause.spec.items and not clause.spec.then:
        return [normalise_characters(lines[0])]
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
    if len(texts) < len(rendered) or not all(map(_could_match, rendered, texts)):
        return None
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
    joined = "\n".join(texts[: len(rendered)])
    found = _fullmatch("\n".join(_pattern(text) for text in rendered), joined)
    if found is not None:
        return found
    # The entry's closing punctuation, on its last sub-paragraph or text after, is the list's
    # (computed, or an `end`), not the clause's own.
    *before, last = rendered
    loose = [*map(_pattern, before), _pattern(_STRIP_END.sub("", last)) + _ENDING]
    return _fullmatch("\n".join(loose), joined)


_CUT = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}|{ANCHOR_OPEN}[^{ANCHOR_CLOSE}]*{ANCHOR_CLOSE}")


def _could_match(rendered: str, text: str) -> bool:
    """Whether every piece of the clause's own wording is in the text (a regex costs far more)."""
    return all(piece in text for piece in _pieces(rendered))


@lru_cache(maxsize=8192)
def _pieces(rendered: str) -> tuple[str, ...]:
    pieces = _CUT.split(_STRIP_END.sub("", normalise_characters(rendered)))
    return tuple(piece.strip() for piece in pieces)


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _fullmatch(pattern: str, text: str) -> dict[str, str] | None:
    compiled = _compiled(pattern)
    if compiled is None:
        return None
    try:
        found = compiled.fullmatch(text)
    except re.error:
        return None
    if found is None:
        return None
    return {k: v for k, v in found.groupdict().items() if v is not None}


@lru_cache(maxsize=8192)
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
            value = spec_id(value)
        elif isinstance(value, list):
            value = [spec_id(v) if hasattr(v, "key") else v for v in value]
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
        if not has_default:
            return [stand_in]
        # a clause may leave out what a text default says when it is none (functions_term)
        return (
            [param.default, stand_in] if param.default is None else [param.default, None, stand_in]
        )
    if kind == "texts":
        return [param.default] if has_default else []
    if kind == "report":  # an optional report left out is tried first, as the spec would be
        return ([None] if has_default and param.default is None else []) + list(
            facts.reports.values()
        )
    if kind == "reports":
        reports = list(facts.reports.values())
        runs = [reports[i:j] for i in range(len(reports)) for j in range(i + 1, len(reports) + 1)]
        return ([[]] if has_default else []) + runs
    return list(facts.directions.values())


def spec_id(thing: Any) -> str:
    """The id a spec gives a report or direction (its term's key is `("report", id)`)."""
    key = thing.key
    return str(key[-1]) if isinstance(key, tuple) else str(key)


def with_placeholders(thing: Any, fields: tuple[str, ...]) -> Any:
    """A report or direction whose unknown `fields` render as placeholders to capture."""
    changed = copy(thing)
    for name in fields:
        value = getattr(thing, name, None)
        if not isinstance(value, str):
            setattr(changed, name, placeholder(f"field.{spec_id(thing)}.{name}"))
    return changed
