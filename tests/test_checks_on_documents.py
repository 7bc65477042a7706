"""The checks find nothing in the documents the samples and route specs build.

What a drafter checks is often the Word document itself, after a build (`drafting check
out/kirklees.docx --spec kirklees.yaml`): read back from Word, every sample and every route
spec gives no finding beyond those its spec accepts, with their reasons.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import Draft, check_file, render_docx
from tests.conftest import ROOT, SAMPLE_IDS, SAMPLES

ROUTES = sorted((ROOT / "tests" / "specs").glob("*.yaml"))
SPECS = [*SAMPLES, *ROUTES]


@pytest.mark.parametrize("spec", SPECS, ids=[*SAMPLE_IDS, *(p.stem for p in ROUTES)])
def test_built_documents_read_back_from_word_have_no_finding(spec: Path, tmp_path: Path) -> None:
    draft = Draft.from_file(spec)
    for kind, document in draft.documents.items():
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(render_docx(draft, kind))
        for report in check_file(path, spec=spec):
            assert report.findings == [], (kind, report.findings)
            assert all(reason for _, reason in report.accepted)
        assert document.text  # the document the spec describes was built
