"""PDF export through LibreOffice, the real renderer of Word documents on this platform.

All documents of one build are converted in a single LibreOffice run (starting LibreOffice is
most of the cost), with a private user profile so that a desktop LibreOffice left open by the
drafter does not swallow the request.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from drafting._errors import OutputError

#: LibreOffice's PDF export, tagged for assistive technology and identified as PDF/UA: a
#: structure tree in reading order, the language (from the styles' document defaults, en-GB), the
#: title shown in the window rather than the file name, bookmarks from the headings.  LibreOffice
#: always embeds the fonts it uses.
EXPORT_OPTIONS = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "DisplayPDFDocumentTitle": True,
    "ExportBookmarks": True,
}
FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {
        name: {"type": "boolean", "value": str(value).lower()}
        for name, value in EXPORT_OPTIONS.items()
    }
)
INSTALL_HINT = "install it with: sudo apt-get install libreoffice-writer (or see README.md)"
TIMEOUT_SECONDS = 300


def libreoffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdfs(documents: Mapping[str, bytes]) -> dict[str, bytes]:
    """PDF bytes for each named .docx (`{"direction": docx_bytes}`), in one LibreOffice run.

    The conversion happens in a private folder; callers write the results atomically.
    """
    command = libreoffice()
    if command is None:
        raise OutputError(f"cannot make PDFs: LibreOffice is not installed; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as work:
        folder = Path(work)
        sources = []
        for name, data in documents.items():
            source = folder / f"{name}.docx"
            source.write_bytes(data)
            sources.append(source)
        completed = _run(command, folder, sources)
        pdfs = {name: folder / f"{name}.pdf" for name in documents}
        missing = [path.name for path in pdfs.values() if not path.exists()]
        if completed.returncode != 0 or missing:
            detail = (completed.stderr or completed.stdout).strip().splitlines()
            raise OutputError(
                f"LibreOffice could not convert {', '.join(missing) or 'the documents'} to PDF"
                + (f": {detail[-1]}" if detail else "")
            )
        return {name: path.read_bytes() for name, path in pdfs.items()}


def _run(command: str, folder: Path, sources: Sequence[Path]) -> subprocess.CompletedProcess[str]:
    profile = folder / "profile"
    arguments = [
        command,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        FILTER,
        "--outdir",
        str(folder),
        *[str(source) for source in sources],
    ]
    try:
        return subprocess.run(
            arguments, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise OutputError("LibreOffice did not finish converting to PDF in time") from None
