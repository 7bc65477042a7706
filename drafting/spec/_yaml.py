"""Reading YAML files while remembering where every value came from.

The spec and the clause library are YAML; error messages must name the line of the offending
field.  PyYAML's C loader (libyaml) composes the document into nodes that carry their marks: we
walk the nodes once for a `LineMap` from field paths to lines, then construct plain Python data
(what pydantic validates).  Four rules differ from PyYAML's defaults, for drafters' sake: dates
stay text (the spec model checks them and can say where they are), only `true` and `false` are
booleans (so "yes" or "no" is never silently one), a key given twice is an error, and so is a
control character written as an escape in a quoted string, which no Word document can hold.

Work is bounded whatever the file holds: files over 1 MB, aliases, types other than the plain
ones (no `!!set`, `!!binary` or `!!timestamp` read as something else), nesting deeper than 40
levels, whole numbers of more than 15 digits and infinite numbers are refused, each naming the
line.  The nodes are walked without recursion, so no input can exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafting._errors import DraftingError, Where
from drafting.support._characters import NOT_XML, PRIVATE_USE
from drafting.support._files import read_text

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
    text = read_text(path, error, YAML_LIMIT)
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
    except _Alias as alias:
        where = Where(path, _first_alias_line(text), dotted(alias.path) or None)
        raise error("YAML aliases (*name) are not allowed", where) from None
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


#: The plain types a spec, clause file or waiver file is made of; `!!set`, `!!binary`,
#: `!!timestamp`, `!!omap` and the like are refused rather than read as something else.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
#: Deeper than any spec or clause file nests (a clause's items go four or five levels down).
MAX_DEPTH = 40
#: Digits in a whole number: no year, count or number of days needs more.
MAX_DIGITS = 15
#: A spec is a few kilobytes; the largest clause file some tens.
YAML_LIMIT = 1024 * 1024


def _walk(
    node: yaml.Node, path: PathKey, lines: LineMap, file: Path, error: type[DraftingError]
) -> None:
    """Record the line of every key and item; refuse what a plain YAML file never holds.

    A key given twice, an alias (`*name`: a spec never needs one, and aliases of aliases make
    a small file a huge one), a type other than the plain ones, nesting deeper than `MAX_DEPTH`
    and a control character are each refused naming their line.
    """
    stack: list[tuple[yaml.Node, PathKey]] = [(node, path)]
    visited: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in visited:  # the composer gives an alias the very node of its anchor
            raise _Alias(path)
        visited.add(id(node))
        _check_node(node, path, file, error)
        if isinstance(node, yaml.MappingNode):
            stack += reversed(_keys(node, path, lines, file, error))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines.lines[(*path, index)] = item.start_mark.line + 1
            stack += reversed([(item, (*path, i)) for i, item in enumerate(node.value)])


class _Alias(Exception):
    """An alias was met at `path` (its node carries its anchor's line, not its own)."""

    def __init__(self, path: PathKey) -> None:
        super().__init__()
        self.path = path


def _first_alias_line(text: str) -> int | None:
    """The line of the first alias in the text (scanned only when there is one to report)."""
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, yaml.AliasToken):
            return int(token.start_mark.line) + 1
    return None


def _keys(
    node: yaml.MappingNode, path: PathKey, lines: LineMap, file: Path, error: type[DraftingError]
) -> list[tuple[yaml.Node, PathKey]]:
    """The values of a mapping with their paths, after checking its keys."""
    seen: set[str] = set()
    children: list[tuple[yaml.Node, PathKey]] = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise error("a key must be a plain name", _at(file, key_node, path))
        _check_node(key_node, path, file, error)
        key = str(key_node.value)
        child = (*path, key)
        if key in seen:
            raise error(f"'{key}' is given twice", _at(file, key_node, child))
        seen.add(key)
        lines.lines[child] = key_node.start_mark.line + 1
        children.append((value_node, child))
    return children


def _check_node(node: yaml.Node, path: PathKey, file: Path, error: type[DraftingError]) -> None:
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise error(f"the YAML type {shown} is not allowed here", _at(file, node, path))
    if len(path) > MAX_DEPTH:
        raise error(f"nested more than {MAX_DEPTH} levels deep", _at(file, node, path))
    if not isinstance(node, yaml.ScalarNode):
        return
    value = node.value
    if node.tag.endswith(":int") and len(value.lstrip("+-0").replace("_", "")) > MAX_DIGITS:
        raise error(f"the number is too large ({len(value)} digits)", _at(file, node, path))
    if node.tag.endswith(":float") and value.lower().lstrip("+-") in (".inf", ".nan"):
        raise error("not a finite number", _at(file, node, path))
    if (bad := NOT_XML.search(value)) is not None:
        raise error(
            f"contains the control character U+{ord(bad.group()):04X}, which a document cannot "
            "hold",
            _at(file, node, path),
        )
    if (private := PRIVATE_USE.search(value)) is not None:
        raise error(
            f"contains the private-use character U+{ord(private.group()):04X}, which has no "
            "agreed meaning (the toolkit keeps some for its own marks)",
            _at(file, node, path),
        )


def _at(file: Path, node: yaml.Node, path: PathKey) -> Where:
    return Where(file, node.start_mark.line + 1, dotted(path) or None)


def dump_yaml(data: Any) -> str:
    """YAML as a person would write it: keys in their order, block style, any characters."""
    text: str = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    return text
