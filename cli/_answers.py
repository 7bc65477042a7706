"""The wizard's answers, saved as they are given.

Answers are stored at their place in the spec (`council.name`, `recitals.2.with.report`), so the
answers file is a spec: once the interview is complete, `drafting build` takes it as it is.
Choices that only steer the interview (which documents, which kind of intervention) and the
list of questions already answered live in a hidden sidecar beside it, removed when the wizard
finishes.  Both are written atomically after every answer, so Ctrl-C, a closed terminal or a
crash loses nothing, and `--resume` carries on from the next unanswered question.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from drafting import SpecError, Where, dump_yaml, load_yaml, write_atomic

Data = dict[str, Any]


class Answers:
    """The answers so far, the spec they make, and what the wizard itself has been told."""

    def __init__(self, path: Path, spec: Data, wizard: Data, answered: set[str]) -> None:
        self.path = path
        self.spec = spec
        self.wizard = wizard
        self.answered = answered

    @property
    def sidecar(self) -> Path:
        """The hidden file of wizard-only answers beside the answers file."""
        return sidecar_of(self.path)

    @classmethod
    def start(cls, path: Path) -> Answers:
        """A new, empty set of answers to be saved at `path`."""
        return cls(path, {}, {}, set())

    @classmethod
    def resume(cls, path: Path) -> Answers:
        """The answers saved at `path` (and its sidecar), to carry on from."""
        spec = _load(path)
        sidecar = _load(sidecar_of(path)) if sidecar_of(path).exists() else {}
        answered = set(sidecar.get("answered", []))
        if not sidecar:  # a finished answers file: everything in it counts as answered
            answered = set(flatten(spec))
        return cls(path, spec, sidecar.get("wizard", {}), answered)

    def get(self, key: str, default: Any = None) -> Any:
        """The answer at a dotted key (`wizard.` keys are the wizard's own)."""
        if key.startswith("wizard."):
            return self.wizard.get(key.removeprefix("wizard."), default)
        return get_path(self.spec, key, default)

    def set(self, key: str, value: Any) -> None:
        """Record an answer and save everything at once."""
        if key.startswith("wizard."):
            self.wizard[key.removeprefix("wizard.")] = value
        else:
            set_path(self.spec, key, value)
        self.answered.add(key)
        self.save()

    def save(self) -> None:
        """Write the answers file and its sidecar, each atomically."""
        write_atomic(self.path, dump(self.spec).encode("utf-8"))
        sidecar = {"wizard": self.wizard, "answered": sorted(self.answered)}
        write_atomic(self.sidecar, dump(sidecar).encode("utf-8"))

    def finish(self) -> None:
        """The interview is over: keep the spec, drop the sidecar."""
        write_atomic(self.path, dump(self.spec).encode("utf-8"))
        self.sidecar.unlink(missing_ok=True)


def sidecar_of(path: Path) -> Path:
    """`answers.yaml` → `.answers.yaml.wizard`."""
    return path.with_name(f".{path.name}.wizard")


def _load(path: Path) -> Data:
    if path.is_file() and path.stat().st_size == 0:  # is_file: a FIFO is refused, never opened
        return {}
    data, _ = load_yaml(path, SpecError)  # a regular file only: a FIFO never blocks
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SpecError("the answers file is not a spec (a mapping of fields)", Where(path))
    return data


def dump(data: Data) -> str:
    """YAML as a person would write it, keys in the order they were answered."""
    return dump_yaml(_plain(data))


def _plain(value: Any) -> Any:
    """Dates and other values as the text a spec holds."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _parts(key: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in key.split(".")]


def get_path(data: Any, key: str, default: Any = None) -> Any:
    """The value at a dotted key such as `recitals.2.with.report`, or `default`."""
    current = data
    for part in _parts(key):
        current = _child(current, part)
        if current is _MISSING:
            return default
    return current


_MISSING = object()


def _child(container: Any, part: str | int) -> Any:
    if isinstance(container, list):
        return container[part] if isinstance(part, int) and part < len(container) else _MISSING
    if isinstance(container, dict):
        return container.get(part, _MISSING)
    return _MISSING


def set_path(data: Data, key: str, value: Any) -> None:
    """Set the value at a dotted key, making the dicts and lists on the way."""
    parts = _parts(key)
    current: Any = data
    for part, following in itertools.pairwise(parts):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(current) <= part:
                current.append({} if not isinstance(following, int) else [])
            current = current[part]
        else:
            current = current.setdefault(part, empty)
    last = parts[-1]
    if isinstance(last, int):
        while len(current) <= last:
            current.append(None)
    current[last] = value


def flatten(data: Any, prefix: str = "") -> list[str]:
    """Every leaf's dotted key."""
    if isinstance(data, dict):
        return [k for key, value in data.items() for k in flatten(value, f"{prefix}{key}.")]
    if isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        return [k for i, value in enumerate(data) for k in flatten(value, f"{prefix}{i}.")]
    return [prefix.rstrip(".")]
