"""`build`: from a spec file to its documents on disk.

The drafting checks run on what is generated: errors stop the build before anything is written;
warnings come back with the result for the command line to show.  Output names come from the
spec's file name only, never from values inside the spec, so they cannot escape the output
folder: `kirklees.yaml` gives `kirklees.docx` (the direction, or the letter when the spec has
only a letter) and `kirklees-letter.docx` (a letter beside a direction), and with `pdf` the same
names ending `.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafting._errors import ChecksFailed, OutputError, PdfFailed
from drafting.assembly._draft import Draft
from drafting.checks import Report, check_draft
from drafting.library._clauses import load_library
from drafting.render._word import render_docx
from drafting.support._output import check_targets, write_all


@dataclass(frozen=True)
class Built:
    """What a build wrote, and the checks' reports (empty when checks were skipped)."""

    paths: list[Path]
    reports: list[Report]


def output_names(draft: Draft) -> dict[str, str]:
    """The file name (without extension) of each document of the draft."""
    stem = draft.path.stem
    main = draft.get().kind
    return {kind: stem if kind == main else f"{stem}-{kind}" for kind in draft.documents}


def build(
    spec_path: Path,
    output_dir: Path | None = None,
    force: bool = False,
    check: bool = True,
    pdf: bool = False,
    template: Path | None = None,
    library: Path | None = None,
) -> Built:
    """Build the documents of the spec at `spec_path` into `output_dir` (default: beside it).

    `template` is a Word template (or a folder of them) to use instead of the bundled ones;
    `library` a folder of clause files adding to, or replacing clauses of, the bundled library.
    """
    draft = Draft.from_file(spec_path, load_library(extra=[library]) if library else None)
    reports = check_draft(draft) if check else []
    if any(report.errors for report in reports):
        raise ChecksFailed(str(spec_path), reports)
    folder = output_dir if output_dir is not None else spec_path.parent
    names = output_names(draft)
    documents = {names[kind]: render_docx(draft, kind, template) for kind in draft.documents}
    word = {folder / f"{name}.docx": data for name, data in documents.items()}
    if not pdf:
        return Built(write_all(word, force, [spec_path]), reports)
    pdf_paths = {folder / f"{name}.pdf": name for name in documents}
    # Refused before LibreOffice runs (it takes seconds), not after.
    check_targets({**word, **{path: b"" for path in pdf_paths}}, force, [spec_path])
    from drafting.render._pdf import render_pdfs

    try:
        pdfs = render_pdfs(documents)
    except OutputError as exc:
        raise PdfFailed(exc, write_all(word, force, [spec_path])) from None
    every = {**word, **{path: pdfs[name] for path, name in pdf_paths.items()}}
    return Built(write_all(every, force, [spec_path]), reports)
