"""The web app: its routes, the start page, the documents, and the error pages.

In: HTTP requests from the browser on this machine.  Out: GOV.UK-style pages, and the documents
of a draft (.docx, PDF, redline .docx) as downloads.  The interview's own pages (task list,
questions, check your answers) are in `_interview`; everything here reads the drafts folder and
`drafting`'s public API.  Every failure becomes a page: a `DraftingError` a 400 with its message,
an unknown draft a 404, anything unforeseen a 500 page with no traceback.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from drafting import (
    DocumentKind,
    Draft,
    DraftingError,
    compare_files,
    output_names,
    render_redline,
)

from . import _interview
from ._office import Office
from ._render import page
from ._security import read_form, text_field
from ._state import State, documents_of, state_of

STATIC = Path(__file__).parent / "static"
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
EARLIER_SUFFIXES = {
    ".yaml": "a spec (.yaml)",
    ".yml": "a spec (.yaml)",
    ".docx": "a Word document (.docx)",
    ".pdf": "a PDF",
    ".txt": "a text file",
}
logger = logging.getLogger("drafting.web")


def create_app(folder: Path, office: Office | None = None) -> Starlette:
    """The app serving the drafts in `folder`, with `office` to convert to PDF."""
    state = State(folder, office or Office())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.office.start()
        try:
            yield
        finally:
            state.office.stop()

    routes = [
        Route("/", start, methods=["GET"]),
        Route("/drafts", new_draft, methods=["POST"]),
        Route("/previous", previous, methods=["GET", "POST"]),
        Route("/drafts/{draft_id}/preview", preview, methods=["GET"]),
        Route("/drafts/{draft_id}/download/{kind}.{extension}", download, methods=["GET"]),
        Route("/drafts/{draft_id}/redline", redline, methods=["GET", "POST"]),
        *_interview.routes(),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            HTTPException: _http_error,
            DraftingError: _drafting_error,
            Exception: _unforeseen_error,
        },
    )
    app.state.drafting = state
    return app


async def start(request: Request) -> Response:
    """The start page: the drafts in the folder and the ways to begin one."""
    drafts = state_of(request).drafts
    return page(request, "start.html", drafts=drafts.summaries(), folder=drafts.folder)


async def new_draft(request: Request) -> Response:
    """Start a new direction: an empty answers file, then its task list."""
    await read_form(request)
    draft_id, path = state_of(request).drafts.new_path()
    _interview.begin(path, None)
    return RedirectResponse(f"/drafts/{draft_id}", 303)


async def previous(request: Request) -> Response:
    """Start from a previous direction: one of the drafts here, or an uploaded file."""
    drafts = state_of(request).drafts
    choices = drafts.summaries()
    if request.method == "GET":
        return page(request, "previous.html", drafts=choices)
    form = await read_form(request, upload=True)
    chosen, upload = text_field(form, "previous"), form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        with _saved_upload(upload, await upload.read(), EARLIER_SUFFIXES) as source:
            draft_id, path = drafts.new_path(Path(upload.filename).stem)
            _interview.begin(path, source)
    elif chosen:
        source = drafts.path(chosen)
        draft_id, path = drafts.new_path(chosen.rsplit("-", 2)[0])
        _interview.begin(path, source)
    else:
        error = "Choose a draft, or choose a file to upload"
        return page(request, "previous.html", 400, drafts=choices, error=error)
    return RedirectResponse(f"/drafts/{draft_id}", 303)


def draft_of(request: Request) -> tuple[str, Draft]:
    """The id and the assembled draft named in the URL (404 unknown; 400 not yet buildable)."""
    state = state_of(request)
    draft_id = request.path_params["draft_id"]
    return draft_id, state.cache.get(state.drafts.path(draft_id))


async def preview(request: Request) -> Response:
    """The documents of a draft, as Word will show them."""
    draft_id, draft = draft_of(request)
    return page(request, "preview.html", draft_id=draft_id, documents=documents_of(draft))


async def download(request: Request) -> Response:
    """A document of the draft as .docx, or as PDF (converted by the kept LibreOffice).

    The documents are written by the engine's own `write` (checks first), as the terminal
    wizard writes them, into a private folder, and sent from there.
    """
    draft_id, interview = _interview.interview_of(request, fresh=True)
    kind, extension = request.path_params["kind"], request.path_params["extension"]
    review = _interview.review_of(request, interview)
    if kind not in review.documents or extension not in MEDIA_TYPES:
        raise HTTPException(404, f"This draft has no {kind} to download as .{extension}.")
    if not review.can_write:
        errors = [p for p in review.findings if p.severity == "error"]
        return page(request, "unfinished.html", 400, draft_id=draft_id, errors=errors)
    office = state_of(request).office
    if extension == "pdf" and not office.installed:
        raise HTTPException(404, "PDFs need LibreOffice, which is not installed here.")
    with tempfile.TemporaryDirectory(prefix="drafting-web-") as folder:
        interview.write(Path(folder), force=True)
        name = output_names(state_of(request).cache.get(interview.answers.path))[kind]
        data = (Path(folder) / f"{name}.docx").read_bytes()
    if extension == "pdf":
        data = await run_in_threadpool(office.pdf, data)
    return _attachment(data, f"{name}.{extension}")


async def redline(request: Request) -> Response:
    """Tracked changes from an earlier document (uploaded, or another draft) to this draft."""
    state = state_of(request)
    draft_id, draft = draft_of(request)
    others = [s for s in state.drafts.summaries() if s.id != draft_id]
    if request.method == "GET":
        return page(request, "redline.html", draft_id=draft_id, drafts=others)
    form = await read_form(request, upload=True)
    chosen, upload = text_field(form, "earlier"), form.get("file")
    kind: DocumentKind = "letter" if text_field(form, "document") == "letter" else draft.get().kind
    if isinstance(upload, UploadFile) and upload.filename:
        with _saved_upload(upload, await upload.read(), EARLIER_SUFFIXES) as earlier:
            data = _redline(earlier, draft.path, kind)
    elif chosen:
        data = _redline(state.drafts.path(chosen), draft.path, kind)
    else:
        error = "Choose an earlier draft, or choose a file to upload"
        return page(request, "redline.html", 400, draft_id=draft_id, drafts=others, error=error)
    return _attachment(data, f"{output_names(draft)[kind]}-redline.docx")


def _redline(earlier: Path, current: Path, kind: DocumentKind) -> bytes:
    return render_redline(compare_files(earlier, current, kind=kind))


@contextlib.contextmanager
def _saved_upload(upload: UploadFile, data: bytes, allowed: dict[str, str]) -> Iterator[Path]:
    """The upload saved under a private folder with a safe name (only its suffix is kept)."""
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in allowed:
        kinds = sorted(set(allowed.values()))
        raise HTTPException(400, f"The file must be {' or '.join(kinds)}.")
    with tempfile.TemporaryDirectory(prefix="drafting-upload-") as folder:
        path = Path(folder) / f"earlier{suffix}"
        path.write_bytes(data)
        yield path


def _attachment(data: bytes, filename: str) -> Response:
    media_type = MEDIA_TYPES[filename.rsplit(".", 1)[1]]
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(data, media_type=media_type, headers=headers)


TITLES = {
    400: "There is a problem",
    403: "This form was not accepted",
    404: "Page not found",
    405: "Page not found",
    411: "There is a problem",
    413: "The file is too large",
}


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    status = exc.status_code if exc.status_code in TITLES else 400
    message = exc.detail if status != 405 else "There is no page at this address."
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = "If you typed the web address, check it is correct."
    return page(request, "error.html", status, title=TITLES[status], message=message)


async def _drafting_error(request: Request, exc: Exception) -> Response:
    title = "There is a problem with this draft"
    return page(request, "error.html", 400, title=title, message=str(exc))


async def _unforeseen_error(request: Request, exc: Exception) -> Response:
    logger.error("unforeseen error on %s", request.url.path, exc_info=exc)
    title = "Sorry, there is a problem with the service"
    message = "Your answers are saved. Try again, or go back to the list of drafts."
    return page(request, "error.html", 500, title=title, message=message)
