"""A draft: one spec loaded, assembled and laid out, ready for any renderer.

`Draft.from_file` is the pipeline's front door: read and validate the spec, assemble its
documents (a direction, a letter, or both) with the clause library, lay them out.  Renderers
take a draft and the kind of document wanted; nothing is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from drafting._errors import SpecError, Where
from drafting.assembly._assemble import assemble
from drafting.document._text import render_text
from drafting.document._tree import Document, DocumentKind, LaidOut, layout
from drafting.library._clauses import ClauseLibrary, load_library
from drafting.spec._dates import PartialDate
from drafting.spec._model import Spec, load_spec
from drafting.spec._yaml import LineMap


@dataclass(frozen=True)
class Rendered:
    """One document of a draft: its tree and its laid-out paragraphs."""

    kind: DocumentKind
    document: Document
    laid_out: tuple[LaidOut, ...]
    dated: PartialDate | None

    @cached_property
    def text(self) -> str:
        """The document as plain text (what `drafting text` prints)."""
        return render_text(self.laid_out)


@dataclass(frozen=True)
class Draft:
    """A spec with the documents it describes."""

    path: Path
    spec: Spec
    documents: dict[DocumentKind, Rendered]

    @classmethod
    def from_file(cls, path: Path, library: ClauseLibrary | None = None) -> Draft:
        """Load, validate and assemble the spec at `path` (errors are `DraftingError`s)."""
        spec, lines = load_spec(path)
        return cls.from_spec(spec, lines, library)

    @classmethod
    def from_spec(cls, spec: Spec, lines: LineMap, library: ClauseLibrary | None = None) -> Draft:
        """Assemble an already validated spec."""
        trees = assemble(spec, library or load_library(), lines)
        dates: dict[DocumentKind, PartialDate | None] = {
            "direction": spec.dated,
            "letter": spec.letter.date if spec.letter else None,
        }
        documents = {
            kind: Rendered(kind, tree, tuple(layout(tree)), dates[kind])
            for kind, tree in trees.items()
        }
        return cls(lines.file, spec, documents)

    def get(self, kind: DocumentKind | None = None) -> Rendered:
        """The document of that kind; by default the direction, or the letter if there is none."""
        if kind is None:
            return self.documents.get("direction") or self.documents["letter"]
        if kind not in self.documents:
            has = " and ".join(self.documents)
            raise SpecError(f"the spec describes no {kind} (it has a {has})", Where(self.path))
        return self.documents[kind]

    @property
    def text(self) -> str:
        """The main document (the direction, else the letter) as plain text."""
        return self.get().text

    @property
    def laid_out(self) -> tuple[LaidOut, ...]:
        """The main document's laid-out paragraphs."""
        return self.get().laid_out
