"""Writing an imported spec as YAML a drafter can read: facts first, paragraphs commented.

In: an `Imported`.  Out: the spec's YAML text, sections in the order the README describes, each
free-text paragraph preceded by a comment naming the nearest clause and the words that differ,
so that a drafter (or the library's authors) can see what would make it a clause.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from drafting.importing._document import Imported
from drafting.importing._match import Matched

_FACTS = (
    "date",
    "title",
    "council",
    "secretary_of_state",
    "appointee",
    "reports",
    "earlier_directions",
)
_AFTER = ("duration", "signature", "style", "terms")
_PARTS = ("recitals", "operative", "annex", "letter")
_LAST = ("published", "published_differences", "accepted_findings")
_WIDTH = 96


def spec_yaml(imported: Imported, written_to: Path | None = None) -> str:
    """The imported spec as commented YAML.

    Written to `written_to`, it names the imported document as its published text (the path
    relative to the spec's folder), so its `published_differences` apply when the two are
    compared.
    """
    data = dict(imported.spec)
    if written_to is not None:
        folder = written_to.resolve().parent
        data["published"] = os.path.relpath(imported.path.resolve(), folder)
    by_part: dict[str, list[Matched]] = {}
    for part, top in imported.entries:
        by_part.setdefault(part, []).append(top)
    every = imported.matched
    clauses = sum(m.clause is not None for m in every)
    lines = [
        f"# Imported by `drafting import` from {imported.path.name}: {clauses} of {len(every)}",
        "# paragraph entries are clauses; each paragraph kept as free text names its nearest",
        "# clause and the words that differ.",
    ]
    # facts first, and any the importer found that this writer does not place by name
    placed = {*_FACTS, *_AFTER, *_PARTS, *_LAST}
    facts = [*_FACTS, *(key for key in data if key not in placed)]
    lines += _dump({k: data[k] for k in facts if data.get(k) not in (None, [], {})})
    if "recitals" in data:
        lines += ["", "recitals:", *_entries(by_part.get("recitals", []), 2)]
        operative = {k: v for k, v in data["operative"].items() if k != "paragraphs"}
        lines += ["", "operative:", *_indent(_dump(operative), 2), "  paragraphs:"]
        lines += _entries(by_part.get("operative", []), 4)
    lines += ["", *_dump({k: data[k] for k in _AFTER if data.get(k) not in (None, {})})]
    if "annex" in data:
        annex = {k: v for k, v in data["annex"].items() if k != "paragraphs"}
        lines += ["", "annex:", *_indent(_dump(annex), 2), "  paragraphs:"]
        lines += _entries(by_part.get("annex", []), 4)
    if "letter" in data:
        letter = {k: v for k, v in data["letter"].items() if k != "paragraphs"}
        lines += ["", "letter:", *_indent(_dump(letter), 2), "  paragraphs:"]
        lines += _entries(by_part.get("letter", []), 4)
    for key in _LAST:
        if data.get(key):
            lines += ["", *_dump({key: data[key]})]
    return "\n".join(lines) + "\n"


def _dump(data: dict[str, Any]) -> list[str]:
    if not data:
        return []
    text = yaml.safe_dump(data, sort_keys=False, width=_WIDTH, allow_unicode=True)
    return text.rstrip("\n").splitlines()


def _indent(lines: list[str], by: int) -> list[str]:
    return [" " * by + line for line in lines]


def _entries(entries: list[Matched], indent: int) -> list[str]:
    lines: list[str] = []
    for matched in entries:
        lines += _entry(matched, indent)
    return lines


def _entry(matched: Matched, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if matched.clause is None and matched.nearest:
        note = " ".join(f"nearest clause {matched.nearest} ({matched.score:.0f}%)".split())
        lines.append(f"{pad}# free text; {note}: {matched.differing}")
    body = {k: v for k, v in matched.entry.items() if k not in ("items", "bullets")}
    dumped = _dump(body)
    lines.append(f"{pad}- {dumped[0]}")
    lines += [f"{pad}  {line}" for line in dumped[1:]]
    if matched.items:
        lines.append(f"{pad}  items:")
        lines += _entries(matched.items, indent + 4)
    if matched.bullets:
        lines.append(f"{pad}  bullets:")
        lines += _entries(matched.bullets, indent + 4)
    return lines
