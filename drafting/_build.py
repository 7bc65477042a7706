"""`build`: from a spec file to the documents on disk.

The drafting checks run on what is generated: errors stop the build before anything is written;
warnings come back with the result for the command line to show.  Output names come from the
spec's file name only (`kirklees.yaml` → `kirklees.docx`), never from values inside the spec, so
they cannot escape the output folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ._checks import ChecksFailed, Report, check_draft
from ._draft import Draft
from ._output import write_all
from ._word import render_docx


@dataclass(frozen=True)
class Built:
    """What a build wrote, and the checks' report (None when checks were skipped)."""

    paths: list[Path]
    report: Report | None


def build(
    spec_path: Path, output_dir: Path | None = None, force: bool = False, check: bool = True
) -> Built:
    """Build the documents of the spec at `spec_path` into `output_dir` (default: beside it)."""
    draft = Draft.from_file(spec_path)
    report = check_draft(draft) if check else None
    if report is not None and report.errors:
        raise ChecksFailed(report)
    folder = output_dir if output_dir is not None else spec_path.parent
    targets = {folder / f"{spec_path.stem}.docx": render_docx(draft)}
    return Built(write_all(targets, force), report)
