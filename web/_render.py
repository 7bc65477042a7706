"""Pages and documents: the Jinja templates, and the drafts' documents kept while unchanged.

In: a template name and what it shows; an answers file.  Out: an HTML response (escaped:
autoescape is on for every template, and no template marks user text safe), or the `Draft` of an
answers file, assembled once and kept until the file changes, so the preview and the downloads
of an unchanged draft do not assemble it again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from drafting import Draft

from ._forms import as_text, checked
from ._security import CSRF_FIELD, csrf_token, remember_token

TEMPLATES = Path(__file__).parent / "templates"
SERVICE_NAME = "Draft a statutory direction"
KEPT_DRAFTS = 32

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


class DraftCache:
    """Assembled drafts by answers file, valid while the file's size and time are unchanged."""

    def __init__(self) -> None:
        self._drafts: OrderedDict[Path, tuple[tuple[int, int], Draft]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: Path) -> Draft:
        """The draft of the answers file (its errors are `DraftingError`s, never cached)."""
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            kept = self._drafts.get(path)
            if kept is not None and kept[0] == stamp:
                self._drafts.move_to_end(path)
                return kept[1]
        draft = Draft.from_file(path)
        with self._lock:
            self._drafts[path] = (stamp, draft)
            while len(self._drafts) > KEPT_DRAFTS:
                self._drafts.popitem(last=False)
        return draft
