"""What the app keeps while it runs: the drafts folder, the assembled drafts and LibreOffice.

In: the request (the app's state hangs on it).  Out: the `State`, and a draft's documents as
preview pages.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request

from drafting import Draft

from ._drafts import DraftsFolder
from ._office import Office
from ._preview import Page, preview_pages
from ._render import draft_cache, interview_cache, review_cache


class State:
    """The drafts folder, the drafts kept assembled, and the kept LibreOffice."""

    def __init__(self, folder: Path, office: Office) -> None:
        self.drafts = DraftsFolder(folder)
        self.cache = draft_cache()
        self.reviews = review_cache()
        self.interviews = interview_cache()
        self.office = office


def state_of(request: Request) -> State:
    """The app's state."""
    state: State = request.app.state.drafting
    return state


def documents_of(draft: Draft) -> list[tuple[str, list[Page]]]:
    """Each document of the draft (direction, letter) with its preview pages."""
    return [(kind, preview_pages(doc.laid_out)) for kind, doc in draft.documents.items()]
