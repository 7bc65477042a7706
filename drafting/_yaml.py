"""Reading YAML files while remembering where every value came from.

The spec and the clause library are YAML; error messages must name the line of the offending
field.  ruamel.yaml keeps positions on the containers it builds, so we load with it, then convert to
plain Python data (what pydantic validates) and keep a `LineMap` from field paths to lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ._errors import DraftingError, Where

PathKey = tuple[str | int, ...]


class _Constructor(RoundTripConstructor):
    """Leaves dates as text, so that the spec model checks them and can say where they are."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


@dataclass
class LineMap:
    """Lines (1-based) of every mapping key and sequence item, by path from the document root."""

    file: Path
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def where(self, path: Sequence[str | int]) -> Where:
        """A `Where` naming the file, the line and the dotted field path."""
        return Where(self.file, self.line_of(path), dotted(path) or None)


def dotted(path: Sequence[str | int]) -> str:
    """`('recitals', 2, 'with')` as `recitals[2].with`: how the user sees a field path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load_yaml(path: Path, error: type[DraftingError]) -> tuple[Any, LineMap]:
    """Load `path` as plain data plus its line map; any problem raises `error` naming the file."""
    text = read_text(path, error)
    if not text.strip():
        raise error("the file is empty", Where(path))
    try:
        root = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        raise error(
            f"YAML syntax error{column}: {exc.problem or exc.context}", Where(path, line)
        ) from None
    except YAMLError as exc:
        raise error(f"YAML error: {exc}", Where(path)) from None
    lines = LineMap(path, {(): 1})
    return _plain(root, (), lines), lines


def read_text(path: Path, error: type[DraftingError]) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a one-line `error`."""
    if path.is_dir():
        raise error("is a directory, not a file", Where(path))
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("no such file", Where(path)) from None
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start})", Where(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Where(path)) from None


def _plain(node: Any, path: PathKey, lines: LineMap) -> Any:
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for key, value in node.items():
            child = (*path, str(key))
            lines.lines[child] = node.lc.key(key)[0] + 1
            result[str(key)] = _plain(value, child, lines)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            lines.lines[(*path, index)] = node.lc.item(index)[0] + 1
            items.append(_plain(value, (*path, index), lines))
        return items
    if isinstance(node, str):
        return str(node)  # ruamel's scalar string subclasses carry formatting we do not want
    return node
