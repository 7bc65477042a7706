"""Reading YAML files while remembering where every value came from.

The spec and the clause library are YAML; error messages must name the line of the offending
field.  PyYAML's C loader (libyaml) composes the document into nodes that carry their marks: we
walk the nodes once for a `LineMap` from field paths to lines, then construct plain Python data
(what pydantic validates).  Four rules differ from PyYAML's defaults, for drafters' sake: dates
stay text (the spec model checks them and can say where they are), only `true` and `false` are
booleans (so "yes" or "no" is never silently one), a key given twice is an error, and so is a
control character written as an escape in a quoted string, which no Word document can hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafting._errors import DraftingError, Where
from drafting.support._characters import NOT_XML

PathKey = tuple[str | int, ...]

_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """The safe loader with dates left as text and YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
for _first, _resolvers in _Loader.yaml_implicit_resolvers.items():
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
        if tag == "tag:yaml.org,2002:bool"
        else (tag, pattern)
        for tag, pattern in _resolvers
    ]


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
    return parse_yaml(text, path, error)


def parse_yaml(text: str, path: Path, error: type[DraftingError]) -> tuple[Any, LineMap]:
    """Parse YAML text read from `path` (named in errors)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines = LineMap(path, {(): 1})
        if node is None:
            return None, lines
        _walk(node, (), lines, path, error)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        message = f"YAML syntax error{column}: {exc.problem or exc.context}"
        raise error(message, Where(path, line)) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", Where(path)) from None
    finally:
        loader.dispose()


def _walk(
    node: yaml.Node, path: PathKey, lines: LineMap, file: Path, error: type[DraftingError]
) -> None:
    """Record the line of every key and item, and refuse a key given twice."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                raise error(
                    f"'{key}' is given twice",
                    Where(file, key_node.start_mark.line + 1, dotted(child)),
                )
            seen.add(key)
            lines.lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, lines, file, error)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.lines[(*path, index)] = item.start_mark.line + 1
            _walk(item, (*path, index), lines, file, error)
    elif (bad := NOT_XML.search(node.value)) is not None:
        raise error(
            f"contains the control character U+{ord(bad.group()):04X}, which a document cannot "
            "hold",
            Where(file, node.start_mark.line + 1, dotted(path) or None),
        )


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


def dump_yaml(data: Any) -> str:
    """YAML as a person would write it: keys in their order, block style, any characters."""
    text: str = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    return text
