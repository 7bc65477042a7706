"""Safety of the pages: CSRF tokens, size limits, and forms read within them.

In: a request.  Out: its form (fields and at most one uploaded file), or an `HTTPException` the
error pages turn into a page: 403 when the form's CSRF token does not match the browser's cookie
or the request comes from another site, 413 when it is too large.  The token is the
double-submit kind: a random value in a cookie only this site's pages can read (SameSite=Strict)
that every form carries back in a hidden field.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

CSRF_COOKIE = "drafting_csrf"
CSRF_FIELD = "csrf_token"
MAX_FORM_BYTES = 64 * 1024  # a page of answers
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # an earlier direction as .docx or .pdf, or a spec


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, or a new one (set as a cookie by `remember_token`)."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) == 43 and token.replace("-", "").replace("_", "").isalnum():
        return token
    new: str = request.state.__dict__.setdefault("csrf_new", secrets.token_urlsafe(32))
    return new


def remember_token(request: Request, response: Response) -> None:
    """Set the cookie for a token made while answering this request."""
    token = request.state.__dict__.get("csrf_new")
    if token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


async def read_form(request: Request, upload: bool = False) -> FormData:
    """The form posted with the request, once its origin, size and CSRF token are checked."""
    _check_origin(request)
    limit = MAX_UPLOAD_BYTES if upload else MAX_FORM_BYTES
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(411, "The form was sent without its length; send it again.")
    if int(length) > limit:
        raise HTTPException(413, f"The file is too large: the limit is {_size(limit)}.")
    try:
        form = await request.form(max_files=1 if upload else 0, max_fields=200, max_part_size=limit)
    except (ValueError, KeyError, AssertionError) as exc:
        raise HTTPException(400, f"The form could not be read: {exc}") from None
    sent = form.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not isinstance(sent, str) or not cookie or not hmac.compare_digest(sent, cookie):
        raise HTTPException(
            403, "This form has expired or came from another site. Go back, reload and try again."
        )
    return form


def text_field(form: FormData, name: str) -> str:
    """A text field of the form ("" when absent; a file sent in its place is refused)."""
    value = form.get(name, "")
    if isinstance(value, UploadFile):
        raise HTTPException(400, f"'{name}' must be text, not a file.")
    return value


def _check_origin(request: Request) -> None:
    # Browsers send Origin with every POST; a page of another site posting here is refused
    # even before its (missing) token is looked at.
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "This form came from another site and was not accepted.")


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
