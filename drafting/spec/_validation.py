"""The one place pydantic's validation errors become the user's one-line messages.

In: a `ValidationError` and the model validated (a spec, a clause file, a waiver file, one
answer of the wizard).  Out: a message such as "unknown field 'reapointed' (did you mean
'reappointed'?)", and, given the file's `LineMap`, the `DraftingError` naming file, line and
field.  A misspelt field shows up twice, as unknown and as the field it was meant to be,
missing: the unknown one, with its suggestion, is the message that helps, so it comes first.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafting._errors import DraftingError
from drafting.spec._yaml import LineMap


def did_you_mean(word: str, choices: list[str]) -> str:
    """` (did you mean 'x'?)` when a choice is close to `word`, else ``."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _first(exc: ValidationError) -> ErrorDetails:
    return sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]


def _location(error: ErrorDetails) -> list[str | int]:
    """The field path, without pydantic's names for members of a union (`function-after[...]`).

    The key an "unknown field" error names is the user's own, whatever it looks like (`[`).
    """
    loc = list(error["loc"])
    last = [loc.pop()] if error["type"] == "extra_forbidden" and loc else []
    return [part for part in loc if not (isinstance(part, str) and "[" in part)] + last


def validation_message(exc: ValidationError, model: type[BaseModel] | None = None) -> str:
    """The first error, as a one-line message in the drafter's words (no field path)."""
    error = _first(exc)
    loc = _location(error)
    if error["type"] == "extra_forbidden":
        known = sorted(_fields_at(model, loc[:-1])) if model is not None else []
        return f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), known)}"
    if error["type"] == "missing":
        return "this field is required"
    message = error["msg"].removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    value = error.get("input")
    if error["type"] == "literal_error" and value is not None:
        message = f"{value!r} is not allowed: {message.lower()}"
    return message


def validation_error(
    exc: ValidationError,
    lines: LineMap,
    error: type[DraftingError],
    model: type[BaseModel] | None = None,
) -> DraftingError:
    """The first error as `error` (a `DraftingError` class), naming the file, line and field."""
    return error(validation_message(exc, model), lines.where(_location(_first(exc))))


def _fields_at(model: type[BaseModel], loc: list[str | int]) -> set[str]:
    """The field names (by alias) of the model found by following `loc` down from `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        field = fields.get(str(part))
        if field is None:
            return set()
        current = _model_in(field.annotation)
        if current is None:
            return set()
    return {f.alias or name for name, f in current.model_fields.items()}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `list[Entry]` or `Appointee | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
