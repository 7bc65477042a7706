"""The one place where what other libraries raise becomes one of our errors.

zipfile, lxml, pypdf, python-docx and docxtpl raise their own exceptions on a damaged or hostile
file, and Python's own (`ValueError`, `KeyError`, `IndexError`, `OSError`, `RecursionError` ...)
from deep inside.  To the user each means one thing: this file cannot be read or used.  In: the
error class and the words for the file ("not a readable .docx") and where it is.  Out: that
error, whose message gives the library's reason in brackets.  Our own errors pass through; an
exception of our own code that is none of these is a bug and is not hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from drafting._errors import DraftingError, Where

#: Packages whose exceptions mean "this input is damaged", whatever their class.
_LIBRARIES = frozenset({"zipfile", "lxml", "pypdf", "docx", "docxtpl", "jinja2", "xml"})
#: Python's own exceptions that readers of damaged input raise.
_BUILTIN = (ValueError, KeyError, IndexError, OSError, EOFError, RecursionError)


def is_foreign(exc: BaseException, anything: bool = False) -> bool:
    """Whether `exc` is another library's way of saying its input is damaged."""
    if isinstance(exc, DraftingError) or not isinstance(exc, Exception):
        return False
    if anything or isinstance(exc, _BUILTIN):
        return True
    return type(exc).__module__.partition(".")[0] in _LIBRARIES


def reason(exc: BaseException) -> str:
    """The library's reason, in words a user can read."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc) or type(exc).__name__


@contextmanager
def translated(
    error: type[DraftingError], what: str, where: Where, anything: bool = False
) -> Iterator[None]:
    """Raise `error("what (reason)", where)` for what another library raises inside the block.

    `anything`: every exception is the library's (pypdf raises all kinds on a hostile file).
    """
    try:
        yield
    except Exception as exc:
        if not is_foreign(exc, anything):
            raise
        raise error(f"{what} ({reason(exc)})", where) from None
