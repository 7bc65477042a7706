"""The clause library: clause files in `clauses/` loaded, checked and compiled once.

A clause file holds one family:

    family: access
    clauses:
      access.co-operate:
        title: Co-operate and allow access          # what `drafting clauses list` shows
        source: Norfolk 2016 7.b; Kirklees 2018 7.b  # where the wording comes from
        usual_for: [commissioner, advisers]          # the wizard ticks it for these
        under: null                                  # or the lead-in it is an item of
        params:                                      # what a spec passes under `with:`
          purpose: {type: text, default: null, help: ...}
        text: To co-operate with {{ appointee.reference }} ...
        items:                                       # fixed sub-paragraphs, numbered
          - {id: premises, text: ...}
        then: which appears to {{ appointee.them }} ...  # continues after the items

Text is Jinja2 run in a sandbox with StrictUndefined: spec values reach it only as data, and a
misspelt variable is an error naming the clause rather than a blank in a direction.  Loading
checks every text and compiles it to Python; the result is kept between runs (`_cache`), so a
build reads a library already compiled unless a clause file has changed.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any, Literal

import jinja2
import pydantic
from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError, meta, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafting._errors import ClauseLibraryError, Where
from drafting.document._tree import ANCHOR_CLOSE, ANCHOR_OPEN
from drafting.library._language import (
    DefinedTerms,
    Term,
    capfirst,
    indefinite,
    join_and,
    possessive,
)
from drafting.spec._dates import MONTHS, DateStyle, PartialDate, ordinal
from drafting.spec._validation import validation_error
from drafting.spec._yaml import load_yaml
from drafting.support._cache import cached
from drafting.support._resources import data_dir

#: The interview steps that offer clauses from a list: the recitals, the operative part (what the
#: council is directed to do), the Terms of Reference annex and the letter's paragraphs.
Step = Literal["recitals", "operative", "annex", "letter"]
ParamType = Literal["text", "texts", "bool", "choice", "report", "reports", "direction"]
#: The kinds of intervention the wizard offers; `any` marks a clause usual for all of them.
Intervention = Literal[
    "any", "commissioner", "advisers", "improvement-adviser", "improvement-board", "partnership"
]
INTERVENTIONS: tuple[str, ...] = (
    "commissioner",
    "advisers",
    "improvement-adviser",
    "improvement-board",
    "partnership",
)

#: Names every clause can use; a parameter may not shadow them.
CONTEXT_NAMES = frozenset(
    [
        "council",
        "sos",
        "appointee",
        "act",
        "tor",
        "annex",
        "direction_word",
        "date",
        "signature",
        "style",
        "defined_terms",
        "anchor",
        "has_items",
        "leader",
        "council_address",
        "we",
        "voice",
        "functions",
        "improvement_board",
        "annex_name",
        "framework",
    ]
)


class _Model(BaseModel):
    # Built on first validation: a library read from the cache is never validated again.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Param(_Model):
    """A clause parameter: its type, default (absent: required), choices, label and help.

    The interview asks for it by its `label`, in the drafter's words, with one line of `help`.
    """

    type: ParamType
    default: Any = None
    choices: list[str] | None = None
    label: str = Field(min_length=1, description="the question the interview asks, in plain words")
    help: str = Field(min_length=1, description="one line explaining what to give")


class ClauseItem(_Model):
    """A fixed sub-paragraph of a clause."""

    id: str | None = None
    text: str
    items: list[ClauseItem] = []


class ClauseDef(_Model):
    """A clause as written in its file."""

    title: str
    source: str = ""
    usual_for: list[Intervention] = Field(
        [], description="interventions the wizard pre-ticks it for"
    )
    under: str | None = Field(
        None, description="the lead-in clause it is an item of (tor.duties: 'shall:')"
    )
    offered: bool = Field(
        True, description="false: added by the build or by another clause, never offered in a list"
    )
    params: dict[str, Param] = {}
    text: str
    items: list[ClauseItem] = []
    then: str | None = None
    closes_list: bool = Field(
        False,
        description="a lead-in whose items (from the spec) end ';', '; and' before the last, '.'",
    )


class ClauseFile(_Model):
    """One file of the library: a family of clauses."""

    family: str
    step: Step | None = Field(None, description="the interview step that offers its clauses")
    order: int = Field(
        100,
        description="where its clauses come among their step's, lower first: the order of "
        "the published directions (compliance, access, amenities ... monitoring)",
    )
    clauses: dict[str, ClauseDef]


class ClauseRenderError(Exception):
    """A clause could not be rendered for this spec (usually a fact the spec does not give)."""


@dataclass(frozen=True)
class Clause:
    """A loaded clause: its definition, where it is, and its compiled templates."""

    id: str
    family: str
    spec: ClauseDef
    where: Where
    uses: frozenset[str]
    step: Step | None = None  # the interview step that offers it (None: never offered in a list)
    order: int = 100  # where it comes among its step's clauses (its file's `order`)

    def required_params(self) -> list[str]:
        """Parameters the spec must give (those with no default in the clause file)."""
        return [name for name, p in self.spec.params.items() if "default" not in p.model_fields_set]

    def render(self, template: str, context: dict[str, Any]) -> str:
        """Render one of this clause's texts as one paragraph: whitespace folds to single spaces."""
        return " ".join(self._render(template, context).split())

    def render_lines(self, template: str, context: dict[str, Any]) -> list[str]:
        """Render a text whose lines are paragraphs (the signature block); empty lines dropped."""
        lines = (" ".join(line.split()) for line in self._render(template, context).splitlines())
        return [line for line in lines if line]

    def _render(self, template: str, context: dict[str, Any]) -> str:
        compiled = _compiled(template)
        if not context.keys() >= _GLOBAL_NAMES:
            context = {**ENVIRONMENT.globals, **context}
        try:
            # What `Template.render` does, less copying the context and merging the globals into
            # it for every text: `with_globals` did that once for a document's many texts.
            return ENVIRONMENT.concat(
                compiled.root_render_func(compiled.new_context(context, shared=True))
            )
        except UndefinedError as exc:
            raise ClauseRenderError(f"clause '{self.id}': {exc.message}") from None
        except ClauseRenderError:
            raise
        except TemplateError as exc:
            raise ClauseLibraryError(f"clause '{self.id}' fails: {exc}", self.where) from None


def _item_texts(items: list[ClauseItem]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _item_texts(item.items)


class ClauseLibrary:
    """All clauses, by id."""

    def __init__(self, clauses: dict[str, Clause], folder: Path) -> None:
        self.clauses = clauses
        self.folder = folder

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self.clauses

    def __iter__(self) -> Iterator[Clause]:
        """Clauses family by family, each in its file's order (the order of a document)."""
        return iter(self.clauses.values())

    def get(self, clause_id: str) -> Clause | None:
        """The clause with this id, or None."""
        return self.clauses.get(clause_id)

    @property
    def ids(self) -> list[str]:
        """Every clause id, sorted."""
        return sorted(self.clauses)


def load_library(folder: Path | None = None, extra: Sequence[Path] = ()) -> ClauseLibrary:
    """Load every `*.yaml` in `folder` (default: the bundled library), checked and compiled.

    `extra` folders (and those named in `$DRAFTING_LIBRARY`, separated by `os.pathsep`) add
    clauses, or replace the bundled clause of the same id; two of them defining one id is an
    error naming both places.
    """
    configured = os.environ.get("DRAFTING_LIBRARY", "")
    folders = [*extra, *(Path(p) for p in configured.split(os.pathsep) if p)]
    return _load_library(folder or data_dir("clauses"), tuple(folders))


@lru_cache(maxsize=4)
def _load_library(folder: Path, extra: tuple[Path, ...] = ()) -> ClauseLibrary:
    clauses = _compiled_folder(folder)
    added: dict[str, Clause] = {}
    for own_folder in extra:
        for clause in _compiled_folder(own_folder).values():
            if clause.id in added:
                raise ClauseLibraryError(
                    f"clause '{clause.id}' is also defined in {added[clause.id].where}",
                    clause.where,
                )
            added[clause.id] = clause
    merged = {**clauses, **added}  # a department's clause replaces the bundled one of its id
    for clause in merged.values():
        lead_in = clause.spec.under
        if lead_in is not None and lead_in not in merged:
            raise ClauseLibraryError(
                f"clause '{clause.id}' is under '{lead_in}', which is not a clause", clause.where
            )
    return ClauseLibrary(merged, folder)


def _compiled_folder(folder: Path) -> dict[str, Clause]:
    if not folder.is_dir():
        raise ClauseLibraryError("clause library folder not found", Where(folder))
    files = sorted(folder.glob("*.yaml"))
    versions = (jinja2.__version__, pydantic.VERSION)
    clauses, code = cached(
        "clauses", folder, files, versions, lambda: _compile_library(files), _is_compiled_library
    )
    try:
        compiled = marshal.loads(code)
    except (ValueError, EOFError, TypeError):  # only from an entry whose key was known to others
        clauses, code = _compile_library(files)
        compiled = marshal.loads(code)
    if not isinstance(compiled, dict):
        clauses, code = _compile_library(files)
        compiled = marshal.loads(code)
    _CODE.update(compiled)
    return clauses


def _is_compiled_library(value: object) -> bool:
    """Whether a value read back from the cache has the shape `_compile_library` returns."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes)):
        return False
    clauses = value[0]
    return isinstance(clauses, dict) and all(isinstance(c, Clause) for c in clauses.values())


def _compile_library(files: list[Path]) -> tuple[dict[str, Clause], bytes]:
    """Every clause of the files, checked, and the compiled code of every text (marshalled)."""
    clauses: dict[str, Clause] = {}
    code: dict[str, CodeType] = {}
    for path in files:
        for clause in _load_file(path, code):
            if clause.id in clauses:
                raise ClauseLibraryError(
                    f"clause '{clause.id}' is also defined in {clauses[clause.id].where}",
                    clause.where,
                )
            clauses[clause.id] = clause
    return clauses, marshal.dumps(code)


def _load_file(path: Path, code: dict[str, CodeType]) -> Iterator[Clause]:
    data, lines = load_yaml(path, ClauseLibraryError)
    try:
        parsed = ClauseFile.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, lines, ClauseLibraryError, ClauseFile) from None
    for clause_id, definition in parsed.clauses.items():
        where = lines.where(("clauses", clause_id))
        _check_clause(clause_id, parsed.family, definition, where)
        uses: set[str] = set()
        for text in _all_texts(definition):
            try:
                template = ENVIRONMENT.parse(text)
                uses |= meta.find_undeclared_variables(template)
                code[text] = ENVIRONMENT.compile(template)
            except TemplateError as exc:
                raise ClauseLibraryError(f"clause '{clause_id}': {exc}", where) from None
        unknown = uses - CONTEXT_NAMES - set(definition.params)
        if unknown:
            raise ClauseLibraryError(
                f"clause '{clause_id}' uses {', '.join(sorted(unknown))}, which is neither a "
                "parameter nor a name every clause has",
                where,
            )
        step = parsed.step if definition.offered and definition.under is None else None
        yield Clause(
            clause_id, parsed.family, definition, where, frozenset(uses), step, parsed.order
        )


def _all_texts(definition: ClauseDef) -> Iterator[str]:
    yield definition.text
    yield from _item_texts(definition.items)
    if definition.then:
        yield definition.then


def _check_clause(clause_id: str, family: str, definition: ClauseDef, where: Where) -> None:
    if not clause_id.startswith(f"{family}."):
        raise ClauseLibraryError(f"clause id '{clause_id}' must start with '{family}.'", where)
    for name, param in definition.params.items():
        if name in CONTEXT_NAMES:
            raise ClauseLibraryError(f"parameter '{name}' shadows a name every clause uses", where)
        if param.type == "choice" and not param.choices:
            raise ClauseLibraryError(f"choice parameter '{name}' lists no choices", where)


# --- the template environment ------------------------------------------------------------------


def _terms(context: Context) -> DefinedTerms:
    terms = context.get("defined_terms")
    if not isinstance(terms, DefinedTerms):
        raise ClauseRenderError("no record of defined terms in this rendering")
    return terms


@pass_context
def _mention(context: Context, term: Term) -> str:
    return _terms(context).mention(term)


@pass_context
def _define(context: Context, term: Term) -> str:
    return _terms(context).define(term)


def _style(context: Context) -> DateStyle:
    style = context.get("style", "plain")
    return "ordinal" if style == "ordinal" else "plain"


@pass_context
def _date(context: Context, value: PartialDate) -> str:
    return value.format(_style(context))


@pass_context
def _on_date(context: Context, value: PartialDate) -> str:
    return value.on(_style(context))


def _day_of(value: PartialDate) -> str:
    """`23rd day of October 2013`, the form of "Dated this ... day of ..."."""
    if value.day is None or value.month is None:
        raise ClauseRenderError(f"'Dated this ... day of' needs a full date, not {value}")
    return f"{ordinal(value.day)} day of {MONTHS[value.month - 1]} {value.year}"


@pass_context
def _label(context: Context, anchor: str) -> str:
    return f"{ANCHOR_OPEN}{context.get('anchor', '')}{anchor}{ANCHOR_CLOSE}"


def _fail(message: str) -> str:
    raise ClauseRenderError(message)


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    env.filters.update(
        mention=_mention,
        define=_define,
        capfirst=capfirst,
        possessive=possessive,
        indefinite=indefinite,
        join_and=join_and,
        date=_date,
        on_date=_on_date,
        day_of=_day_of,
    )
    env.globals.update(label=_label, fail=_fail)
    return env


ENVIRONMENT = _environment()
_GLOBAL_NAMES = ENVIRONMENT.globals.keys()


def with_globals(context: Mapping[str, Any]) -> dict[str, Any]:
    """A rendering context with the template environment's globals (`label`, `fail`) in it."""
    return {**ENVIRONMENT.globals, **context}


#: The compiled code of every clause text of the libraries loaded (a text compiles the same
#: whichever library it is in); a text not among them is compiled when first rendered.
_CODE: dict[str, CodeType] = {}


@lru_cache(maxsize=1024)
def _compiled(text: str) -> Template:
    code = _CODE.get(text)
    if code is None:
        return ENVIRONMENT.from_string(text)
    globals_ = ENVIRONMENT.make_globals(None)
    return ENVIRONMENT.template_class.from_code(ENVIRONMENT, code, globals_, None)


def describe(clause: Clause) -> str:
    """The clause as `drafting clauses show` prints it."""
    lines = [f"{clause.id}  ({clause.family})", clause.spec.title]
    if clause.spec.source:
        lines.append(f"Source: {clause.spec.source}")
    if clause.spec.under:
        lines.append(f"An item under: {clause.spec.under}")
    if clause.spec.params:
        lines.append("Parameters:")
        for name, param in clause.spec.params.items():
            default = (
                f" (default: {param.default!r})"
                if "default" in param.model_fields_set
                else " (required)"
            )
            choices = f" one of {', '.join(param.choices)}" if param.choices else ""
            lines.append(f"  {name}: {param.type}{choices}{default} {param.label}: {param.help}")
    lines += ["Text:", f"  {clause.spec.text.strip()}"]
    lines += _describe_items(clause.spec.items, 1)
    if clause.spec.then:
        lines.append(f"  {clause.spec.then.strip()}")
    return "\n".join(lines)


def _describe_items(items: list[ClauseItem], depth: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'  ' * (depth + 1)}- {item.text.strip()}")
        lines += _describe_items(item.items, depth + 1)
    return lines
