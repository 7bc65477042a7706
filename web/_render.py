"""Pages and documents: the Jinja templates, and the drafts' documents kept while unchanged.

In: a template name and what it shows; an answers file.  Out: an HTML response (escaped:
autoescape is on for every template, and no template marks user text safe), or the `Draft` and
the interview's review of an answers file, made once and kept until the file changes, so the
pages of an unchanged draft do not assemble and check it again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from drafting import Draft, Interview, Review

from ._forms import as_text, checked
from ._security import CSRF_FIELD, csrf_token, remember_token

TEMPLATES = Path(__file__).parent / "templates"
SERVICE_NAME = "Draft a statutory direction"
KEPT_DRAFTS = 32
Kept = TypeVar("Kept")

environment = Environment(
    loader=ChoiceLoader(
        [
            FileSystemLoader(TEMPLATES),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    ),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def sentence(message: str) -> str:
    """A message as a sentence: the engine's plain words, capitalised for the page."""
    return message[:1].upper() + message[1:]


def lines_html(lines: list[str]) -> Markup:
    """Lines of an answer for the page, each escaped, one per line."""
    return Markup("<br>").join(lines)


environment.filters["sentence"] = sentence
environment.filters["lines"] = lines_html
environment.globals.update(checked=checked, as_text=as_text)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page made from `template`, with the service's name and the form's CSRF field."""
    html = environment.get_template(template).render(
        request=request,
        service_name=SERVICE_NAME,
        csrf_field=CSRF_FIELD,
        csrf_token=csrf_token(request),
        **context,
    )
    response = HTMLResponse(html, status_code)
    remember_token(request, response)
    return response


class KeptByFile(Generic[Kept]):
    """What is made from an answers file, kept while the file's size and time are unchanged."""

    def __init__(self, make: Callable[[Path], Kept]) -> None:
        self._make = make
        self._kept: OrderedDict[Path, tuple[tuple[int, int], Kept]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: Path) -> Kept:
        """What is made from the file (errors are `DraftingError`s, never kept)."""
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            kept = self._kept.get(path)
            if kept is not None and kept[0] == stamp:
                self._kept.move_to_end(path)
                return kept[1]
        made = self._make(path)
        with self._lock:
            self._kept[path] = (stamp, made)
            while len(self._kept) > KEPT_DRAFTS:
                self._kept.popitem(last=False)
        return made


def draft_cache() -> KeptByFile[Draft]:
    """Assembled drafts by answers file (for the preview, the documents' names)."""
    return KeptByFile(Draft.from_file)


def interview_cache() -> KeptByFile[Interview]:
    """Interviews by answers file, for pages that only read them (never for an answer)."""
    return KeptByFile(Interview.resume)


def review_cache() -> KeptByFile[Review]:
    """The interview's review by answers file (answers, findings: task list, check answers)."""
    return KeptByFile(lambda path: Interview.resume(path).review())
