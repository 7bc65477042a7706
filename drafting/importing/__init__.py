"""Importing: a published direction or letter (.pdf, .docx, .txt) turned into a spec that builds.

In: a document's path (and optionally the clause library).  Out: `Imported` — the spec as data,
the paragraph entries matched, the facts with how sure, the checks' findings and the round trip;
`spec_yaml` writes it as commented YAML, `report_lines`/`report_json` the import report, and
`candidate_clauses` the unmatched paragraphs as clauses for the library.

    document ─read─► Shape (_shape) ─► Facts (_facts, _reports, _dates)
             ─► entries (_match ranks clauses, _patterns reads their parameters)
             ─► spec (_document), proved by a round trip (_proof)
             ─► YAML (_write), report (_report), candidate clauses (_candidates)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting.importing._candidates import candidate_clauses
from drafting.importing._document import Imported, import_document
from drafting.importing._report import report_json, report_lines
from drafting.importing._write import spec_yaml


def spec_from_document(path: Path) -> dict[str, Any]:
    """The spec (as data, ready to save as YAML) of a published direction or letter.

    For front ends that start a new draft from a previous direction (`wizard --from`).
    """
    return import_document(path).spec


__all__ = [
    "Imported",
    "candidate_clauses",
    "import_document",
    "report_json",
    "report_lines",
    "spec_from_document",
    "spec_yaml",
]
