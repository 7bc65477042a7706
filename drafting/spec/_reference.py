"""The field reference of a spec, generated from the models (`docs/spec.md`).

In: the spec models (their fields' descriptions and defaults) and, optionally, specs to take
examples from (the samples).  Out: Markdown, one section a model, one table row a field: its
name, meaning, default (or "required") and an example.  A test keeps the checked-in file in step
with the models, so a field cannot be added without its description reaching the reference.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from drafting.spec._model import Spec

_EXAMPLE_WIDTH = 60
Examples = dict[tuple[type[BaseModel], str], Any]


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The models inside an annotation (`list[Entry]`, `Appointee | None`, `dict[str, X]`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _fields(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    return [(info.alias or name, info) for name, info in model.model_fields.items()]


def _all_models() -> list[type[BaseModel]]:
    """Spec and every model reachable from it, in the order a reader meets them."""
    found: list[type[BaseModel]] = []
    waiting: list[type[BaseModel]] = [Spec]
    while waiting:
        model = waiting.pop(0)
        if model in found:
            continue
        found.append(model)
        for _, info in _fields(model):
            waiting += [m for m in _models_in(info.annotation) if m not in found]
    return found


def _collect(data: Any, model: type[BaseModel], examples: Examples) -> None:
    """The first value each field of each model has in `data` (a spec as plain data)."""
    if not isinstance(data, Mapping):
        return
    for name, info in _fields(model):
        if name not in data:
            continue
        value = data[name]
        examples.setdefault((model, name), value)
        for inner in _models_in(info.annotation):
            for item in value if isinstance(value, list) else [value]:
                _collect(item, inner, examples)


def _flow(value: Any) -> str:
    """A value as YAML's flow style would show it, cut to fit a table cell."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str) and not any(c in value for c in ":#{}[],\"'"):
        text = value
    text = text.replace("|", "\\|")
    return text if len(text) <= _EXAMPLE_WIDTH else text[: _EXAMPLE_WIDTH - 1] + "…"


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    if info.default_factory is not None or info.default is PydanticUndefined:
        return "(see meaning)"
    if info.default is None or info.default == []:
        return ""
    return f"`{_flow(info.default)}`"


def _where_used(models: Sequence[type[BaseModel]]) -> dict[type[BaseModel], list[str]]:
    used: dict[type[BaseModel], list[str]] = {}
    for model in models:
        for name, info in _fields(model):
            for inner in _models_in(info.annotation):
                used.setdefault(inner, []).append(f"{_title(model)}.{name}")
    return used


def _title(model: type[BaseModel]) -> str:
    return "spec" if model is Spec else model.__name__


def spec_reference(specs: Sequence[Any] = ()) -> str:
    """The Markdown field reference, with examples from `specs` (plain data) where they have one."""
    examples: Examples = {}
    for data in specs:
        _collect(data, Spec, examples)
    models = _all_models()
    used = _where_used(models)
    lines = [
        "# The spec: every field",
        "",
        "Generated from the spec's models by `drafting schema --markdown samples/*.yaml`; a",
        "test keeps it in step. Examples come from the samples. Editors that read the line",
        "`# yaml-language-server: $schema=...` check and complete specs with",
        "`schema/spec.schema.json`.",
    ]
    for model in models:
        lines += ["", f"## {_title(model)}", "", (model.__doc__ or "").strip().splitlines()[0]]
        if model in used:
            lines += ["", "Used in: " + ", ".join(f"`{place}`" for place in used[model]) + "."]
        lines += ["", "| field | meaning | default | example |", "| --- | --- | --- | --- |"]
        for name, info in _fields(model):
            meaning = (info.description or "").replace("|", "\\|")
            example = examples.get((model, name))
            nested = any(True for _ in _models_in(info.annotation))  # shown in its own section
            shown = f"`{_flow(example)}`" if example is not None and not nested else ""
            lines.append(f"| `{name}` | {meaning} | {_default(info)} | {shown} |")
    return "\n".join(lines) + "\n"


def undescribed_fields() -> list[str]:
    """Fields with no description (`Model.field`): each must say what it means."""
    return [
        f"{_title(model)}.{name}"
        for model in _all_models()
        for name, info in _fields(model)
        if not info.description
    ]


__all__ = ["spec_reference", "undescribed_fields"]
