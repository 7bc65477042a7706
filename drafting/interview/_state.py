"""The answers file: the interview's whole state, saved atomically after every answer.

Answers are kept at their place in the spec (`council.name`, `recitals.2.with.report`), so the
answers file is a spec: `drafting build` takes it as it is.  What only the interview needs
(which documents, the kind of intervention, the question to carry on from) is under the one
`interview:` section, which the build ignores.  In: a path (and, to start from, a spec's data);
out: the data, read and written as YAML a person can edit.
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from drafting._errors import SpecError, Where
from drafting.spec._model import Spec
from drafting.spec._yaml import LineMap, dump_yaml, parse_yaml
from drafting.support._files import read_text
from drafting.support._output import write_atomic

Data = dict[str, Any]
INTERVIEW = "interview"
_MISSING = object()
# Errors of an unfinished spec, not of a wrongly shaped one: a field not answered yet, or a
# rule over several fields (a direction needs both recitals and an operative part).
_UNFINISHED = frozenset({"missing", "value_error"})


class Answers:
    """The answers so far: the data of the spec being written, and where it is saved."""

    def __init__(self, path: Path, data: Data) -> None:
        self.path = path
        self.data = data

    @classmethod
    def load(cls, path: Path) -> Answers:
        """The answers saved at `path`; a file of the wrong shape is a `SpecError` (line, field)."""
        data, _ = read_answers(path)
        return cls(path, data)

    def get(self, key: str, default: Any = None) -> Any:
        """The answer at a dotted key (`council.name`, `reports.0.date`), or `default`."""
        return get_path(self.data, key, default)

    def has(self, key: str) -> bool:
        """Whether there is an answer (even a blank one) at `key`."""
        return get_path(self.data, key, _MISSING) is not _MISSING

    def set(self, key: str, value: Any) -> None:
        """Record an answer (None removes it); `save` writes it."""
        if value is None:
            remove_path(self.data, key)
        else:
            set_path(self.data, key, value)

    @property
    def interview(self) -> Data:
        """The interview's own section (made when first needed)."""
        section = self.data.get(INTERVIEW)
        if not isinstance(section, dict):
            section = self.data[INTERVIEW] = {}
        return section

    def save(self) -> None:
        """Write the answers file atomically: valid YAML at every moment, whatever happens."""
        ordered = {k: v for k, v in self.data.items() if k != INTERVIEW}
        if INTERVIEW in self.data:
            ordered[INTERVIEW] = self.data[INTERVIEW]
        write_atomic(self.path, dump(ordered).encode("utf-8"))

    def snapshot(self) -> Data:
        """A copy of the data, to compare against after an answer."""
        return copy.deepcopy(self.data)


def read_answers(path: Path) -> tuple[Data, LineMap]:
    """Read an answers file or spec; report a wrong shape (file, line, field), never crash."""
    text = read_text(path, SpecError)
    data, lines = parse_yaml(text, path, SpecError)
    if data is None:
        return {}, lines
    if not isinstance(data, dict):
        raise SpecError("the answers file is not a spec (a mapping of fields)", Where(path))
    try:
        Spec.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            if error["type"] not in _UNFINISHED:
                loc = [p for p in error["loc"] if not (isinstance(p, str) and "[" in p)]
                message = error["msg"].removeprefix("Value error, ")
                raise SpecError(message[:1].lower() + message[1:], lines.where(loc)) from None
    return data, lines


def dump(data: Data) -> str:
    """YAML as a person would write it, keys in the order they were answered.

    The same YAML as `dump_yaml`, written by libyaml when it is there: the answers file is
    written after every answer, and the pure-Python writer takes ~70 ms for a whole direction.
    """
    dumper = getattr(yaml, "CSafeDumper", None)
    if dumper is None:
        return dump_yaml(plain(data))
    text: str = yaml.dump(
        plain(data),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


def plain(value: Any) -> Any:
    """Dates and other values as the text a spec holds."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _parts(key: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in key.split(".")]


def get_path(data: Any, key: str, default: Any = None) -> Any:
    """The value at a dotted key such as `recitals.2.with.report`, or `default`."""
    current = data
    for part in _parts(key):
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        if in_list or (isinstance(current, dict) and part in current):
            current = current[part]
        else:
            return default
    return current


def set_path(data: Data, key: str, value: Any) -> None:
    """Set the value at a dotted key, making the mappings and lists on the way."""
    parts = _parts(key)
    current: Any = data
    for part, following in itertools.pairwise(parts):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(current) <= part:
                current.append(copy.copy(empty))
            if not isinstance(current[part], list | dict):
                current[part] = empty
            current = current[part]
        else:
            if not isinstance(current.get(part), list | dict):
                current[part] = empty
            current = current[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(current) <= last:
            current.append(None)
    current[last] = value


def remove_path(data: Data, key: str) -> None:
    """Remove the answer at a dotted key (a mapping key; nothing if it is not there)."""
    head, _, last = key.rpartition(".")
    parent = get_path(data, head) if head else data
    if isinstance(parent, dict):
        parent.pop(last, None)
