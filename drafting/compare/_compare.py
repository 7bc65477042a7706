"""Comparing two files: read both, gather the waivers, compare.

Waivers are known differences between a spec's output and its published text, so they apply
only when a spec is compared with that text: the file its `published:` field names, or the
other document when `published` is set (`--published`).  Then the spec's
`published_differences` apply, and so do those of a waiver file given with `--waivers`:

    waivers:
      - left: the 1996 Act              # as the first document has it
        right: the Education Act 1996   # as the second has it
        reason: the defined term is used after its definition

Compared with anything else (its own text, its own .docx), a spec's output must match as it is.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from drafting._errors import SpecError
from drafting.compare._diff import Comparison, Waiver, compare
from drafting.document._tree import DocumentKind
from drafting.read._readers import SPEC_SUFFIXES, Source, read_document
from drafting.spec._validation import validation_error
from drafting.spec._yaml import load_yaml


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
        raise validation_error(exc, lines, SpecError, _WaiverFile) from None
    return [Waiver(w.left, w.right, w.reason) for w in parsed.waivers]


def compare_files(
    left_path: Path,
    right_path: Path,
    waiver_file: Path | None = None,
    accept_changes: bool = True,
    kind: DocumentKind | None = None,
    published: bool = False,
) -> Comparison:
    """Compare two documents of any readable kind (`kind`: a spec's direction or letter).

    `published`: the document that is not a spec is the spec's published text (or, for two
    documents neither of which is a spec, the right-hand one is the left's published text),
    whatever the spec's `published:` field says.
    """
    left = read_document(left_path, accept_changes, kind)
    right = read_document(right_path, accept_changes, kind)
    given = load_waivers(waiver_file) if waiver_file is not None else []
    waivers: list[Waiver] = []
    against_published = published or _names(left, right) or _names(right, left)
    if against_published:
        waivers += _spec_waivers(left, right) + given
    comparison = compare(
        left.paragraphs, right.paragraphs, waivers, str(left_path), str(right_path)
    )
    comparison.left_lines, comparison.right_lines = left.has_lines, right.has_lines
    if waiver_file is not None and not against_published:
        comparison.notes.append(
            f"the waivers in {waiver_file} were not applied: neither document is the other's "
            "published text (name it in the spec's `published:` field, or give --published)"
        )
    return comparison


def _is_spec(source: Source) -> bool:
    return source.path.suffix.lower() in SPEC_SUFFIXES


def _names(spec: Source, other: Source) -> bool:
    """Whether `spec` names `other` as its published text."""
    if spec.published is None or _is_spec(other):
        return False
    return spec.published.resolve() == other.path.resolve()


def _spec_waivers(left: Source, right: Source) -> list[Waiver]:
    """A spec's known differences from its published text, oriented to the side the spec is on."""
    if _is_spec(left) and not _is_spec(right):
        return [Waiver(d.generated, d.published, d.reason) for d in left.known_differences]
    if _is_spec(right) and not _is_spec(left):
        return [Waiver(d.published, d.generated, d.reason) for d in right.known_differences]
    return []
