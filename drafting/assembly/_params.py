"""A clause's parameters as a spec gives them, checked and converted for rendering.

In: the clause, the `with:` values of a spec entry and what the spec declares (its reports and
earlier directions by id, and the line of every field).  Out: the values the clause's text is
rendered with — texts with their spacing folded, reports and directions as the objects clauses
speak of — or a `SpecError` naming the entry's line and the parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, assert_never

from drafting._errors import SpecError
from drafting.library._clauses import Clause, ParamType
from drafting.library._language import EarlierDirection, Report
from drafting.spec._validation import did_you_mean
from drafting.spec._yaml import LineMap, PathKey


@dataclass(frozen=True)
class Known:
    """What a spec declares that parameters may name: reports and directions, and lines."""

    lines: LineMap
    reports: dict[str, Report]
    directions: dict[str, EarlierDirection]


def clause_values(
    known: Known, clause: Clause, given: dict[str, Any], path: PathKey
) -> dict[str, Any]:
    declared = clause.spec.params
    for name in given:
        if name not in declared:
            hint = did_you_mean(name, list(declared)) or (
                f" (it takes: {', '.join(declared)})" if declared else " (it takes none)"
            )
            raise SpecError(
                f"clause '{clause.id}' has no parameter '{name}'{hint}",
                known.lines.where((*path, name)),
            )
    values: dict[str, Any] = {}
    for name, param in declared.items():
        required = "default" not in param.model_fields_set
        if name not in given or (required and given[name] is None):
            if required:
                raise SpecError(
                    f"clause '{clause.id}' needs parameter '{name}' ({param.type}) under 'with'",
                    known.lines.where(path[:-1]),
                )
            value = param.default
        else:
            value = given[name]
        values[name] = _convert(
            known, clause, name, param.type, value, param.choices, (*path, name)
        )
    return values


def _convert(
    known: Known,
    clause: Clause,
    name: str,
    kind: ParamType,
    value: Any,
    choices: list[str] | None,
    path: PathKey,
) -> Any:
    def fail(expected: str) -> SpecError:
        return SpecError(
            f"parameter '{name}' of clause '{clause.id}' must be {expected}, not {value!r}",
            known.lines.where(path),
        )

    if kind in ("report", "direction") and value is None:
        return None  # an optional report or direction the spec does not give
    match kind:
        case "bool":
            if not isinstance(value, bool):
                raise fail("true or false")
            return value
        case "text":
            if value is not None and not isinstance(value, str | int | float):
                raise fail("text")
            return None if value is None else " ".join(str(value).split())
        case "texts":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail("a list of texts")
            return [" ".join(v.split()) for v in value]
        case "choice":
            if value not in (choices or []):
                raise fail(f"one of {', '.join(choices or [])}")
            return value
        case "report":
            return _lookup(known, known.reports, value, "report", path)
        case "reports":
            if not isinstance(value, list):
                raise fail("a list of report ids")
            return [_lookup(known, known.reports, v, "report", path) for v in value]
        case "direction":
            return _lookup(known, known.directions, value, "earlier direction", path)
        case _:  # every parameter type has its case: mypy refuses a type left out
            assert_never(kind)


def _lookup(known: Known, ids: dict[str, Any], key: Any, what: str, path: PathKey) -> Any:
    if not isinstance(key, str) or key not in ids:
        hint = did_you_mean(str(key), list(ids)) or (
            f" (ids: {', '.join(ids)})" if ids else f" (the spec lists no {what}s)"
        )
        raise SpecError(f"no {what} with id {key!r}{hint}", known.lines.where(path))
    return ids[key]
