"""`build`: from a spec file to the documents on disk.

Output names come from the spec's file name only (`kirklees.yaml` → `kirklees.docx` in the
output folder), never from values inside the spec, so they cannot escape the folder.
"""

from __future__ import annotations

from pathlib import Path

from ._draft import Draft
from ._output import write_all
from ._word import render_docx


def build(spec_path: Path, output_dir: Path | None = None, force: bool = False) -> list[Path]:
    """Build the documents of the spec at `spec_path` into `output_dir` (default: beside it)."""
    draft = Draft.from_file(spec_path)
    folder = output_dir if output_dir is not None else spec_path.parent
    targets = {folder / f"{spec_path.stem}.docx": render_docx(draft)}
    return write_all(targets, force)
