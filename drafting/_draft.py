"""A draft: one spec loaded, assembled and laid out, ready for any renderer.

`Draft.from_file` is the pipeline's front door: read and validate the spec, assemble it with the
clause library, lay it out.  Renderers take the draft; nothing is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ._assemble import assemble
from ._clauses import ClauseLibrary, load_library
from ._spec import Spec, load_spec
from ._text import render_text
from ._tree import Document, LaidOut, layout
from ._yaml import LineMap


@dataclass(frozen=True)
class Draft:
    """A spec with its document tree and laid-out paragraphs."""

    path: Path
    spec: Spec
    document: Document
    laid_out: tuple[LaidOut, ...]

    @classmethod
    def from_file(cls, path: Path, library: ClauseLibrary | None = None) -> Draft:
        """Load, validate and assemble the spec at `path` (errors are `DraftingError`s)."""
        spec, lines = load_spec(path)
        return cls.from_spec(spec, lines, library)

    @classmethod
    def from_spec(cls, spec: Spec, lines: LineMap, library: ClauseLibrary | None = None) -> Draft:
        """Assemble an already validated spec."""
        document = assemble(spec, library or load_library(), lines)
        return cls(lines.file, spec, document, tuple(layout(document)))

    @cached_property
    def text(self) -> str:
        """The direction as plain text (what `drafting text` prints)."""
        return render_text(self.laid_out)
