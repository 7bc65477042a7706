"""The one error hierarchy of the toolkit.

Every error a user can cause is a `DraftingError`; its `str()` is the one-line message the command
line prints before exiting with status 2.  Anything else escaping the library is a bug.

    DraftingError
    ├── SpecError            a spec (answers file) is unreadable, malformed or invalid
    ├── ClauseLibraryError   a clause file is malformed, or a clause cannot be rendered
    ├── TemplateError        a Word template is missing or lacks a style or list it must have
    ├── DocumentError        a document given to read (.docx, .pdf, .txt) cannot be read
    ├── ChecksFailed         a generated document has drafting errors, so nothing was written
    └── OutputError          an output cannot be written (exists, not writable, escapes the folder)
        └── PdfFailed        the Word documents were written, but PDF export failed
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Where:
    """A place in a source file: the file, the 1-based line, and the dotted field path."""

    file: Path | str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = _printable(str(self.file))
        if self.line is not None:
            place += f":{self.line}"
        if self.field:
            place += f": {_printable(self.field)}"
        return place


def _printable(text: str) -> str:
    """The text with what would break a one-line message (a newline in a key) shown escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class DraftingError(Exception):
    """Base class: the message is what the user sees, on one line."""

    def __init__(self, message: str, where: Where | None = None) -> None:
        self.message = " ".join(message.split())
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class SpecError(DraftingError):
    """A spec cannot be read or does not describe a valid document."""


class ClauseLibraryError(DraftingError):
    """A clause is malformed, or fails to render (a typo in its text, a missing variable)."""


class TemplateError(DraftingError):
    """A Word template cannot be used."""


class DocumentError(DraftingError):
    """A document given to read cannot be read."""


class OutputError(DraftingError):
    """An output file cannot be written."""


class ChecksFailed(DraftingError):
    """A generated document has drafting errors, so nothing was written.

    `reports` holds the checks' reports (`drafting.checks.Report`), for the findings to be shown.
    """

    def __init__(self, name: str, reports: Sequence[Any]) -> None:
        self.reports = list(reports)
        count = sum(len(report.errors) for report in self.reports)
        super().__init__(
            f"{name}: {count} drafting error{'s' * (count != 1)}; nothing was written "
            "(fix the spec, or build a draft with --no-check)"
        )


class PdfFailed(OutputError):
    """The Word documents were written, but PDF export failed (LibreOffice missing or failing)."""

    def __init__(self, error: OutputError, written: Sequence[Path]) -> None:
        self.written = list(written)
        super().__init__(f"{error}; the Word documents were written")
