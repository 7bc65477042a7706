"""Comparing two files: read both, gather the waivers, compare.

Waivers come from a spec's `published_differences`, when the spec is compared with a published
text (.txt or .pdf; not with another spec or a .docx, whose differences those are not), and from
a waiver file given with `--waivers`:

    waivers:
      - left: the 1996 Act              # as the first document has it
        right: the Education Act 1996   # as the second has it
        reason: the defined term is used after its definition
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from drafting._errors import SpecError
from drafting.compare._diff import Comparison, Waiver, compare
from drafting.read._readers import TEXT_SUFFIXES, Source, read_document
from drafting.spec._model import spec_error
from drafting.spec._yaml import load_yaml

PUBLISHED_SUFFIXES = TEXT_SUFFIXES | {".pdf"}


class _WaiverEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    left: str
    right: str
    reason: str


class _WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    waivers: list[_WaiverEntry]


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers in a waiver file; every one must give a reason."""
    data, lines = load_yaml(path, SpecError)
    try:
        parsed = _WaiverFile.model_validate(data)
    except ValidationError as exc:
        raise spec_error(exc, lines, _WaiverFile) from None
    return [Waiver(w.left, w.right, w.reason) for w in parsed.waivers]


def compare_files(
    left_path: Path,
    right_path: Path,
    waiver_file: Path | None = None,
    accept_changes: bool = True,
    kind: str | None = None,
) -> Comparison:
    """Compare two documents of any readable kind (`kind`: a spec's direction or letter)."""
    left = read_document(left_path, accept_changes, kind)
    right = read_document(right_path, accept_changes, kind)
    waivers = _spec_waivers(left, right)
    if waiver_file is not None:
        waivers += load_waivers(waiver_file)
    return compare(left.paragraphs, right.paragraphs, waivers, str(left_path), str(right_path))


def _spec_waivers(left: Source, right: Source) -> list[Waiver]:
    """A spec's known differences from its published text, oriented to the side the spec is on."""
    if _is_published(right):
        return [Waiver(d.generated, d.published, d.reason) for d in left.known_differences]
    if _is_published(left):
        return [Waiver(d.published, d.generated, d.reason) for d in right.known_differences]
    return []


def _is_published(source: Source) -> bool:
    return source.path.suffix.lower() in PUBLISHED_SUFFIXES
