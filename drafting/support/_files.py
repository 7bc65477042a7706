"""Reading a user's file: the one way every reader opens what it is given.

In: a path, the error class of the reader (`SpecError`, `DocumentError` ...) and a size limit.
Out: the file's bytes or UTF-8 text, or that error with one of a fixed set of messages, worded
the same for a spec, a waiver file, a clause file, a .txt, a .docx or a .pdf:

    no such file / is a directory, not a file / not a regular file / too large (over N MB) /
    not UTF-8 text (byte N) / cannot read: <reason>

Only regular files are read.  A FIFO would block the read for ever and a device (or a link to
`/dev/zero`) never ends, so the kind of file is checked before it is opened, and again on the
open descriptor (opened non-blocking, so a FIFO put in its place meanwhile cannot block either).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from drafting._errors import DraftingError, Where

MB = 1024 * 1024
#: A spec, waiver or clause file is a few kilobytes; a long direction as text is some 50 KB.
TEXT_LIMIT = 10 * MB
#: Published PDFs and Word documents are well under this.
DOCUMENT_LIMIT = 50 * MB


def read_bytes(path: Path, error: type[DraftingError], limit: int = DOCUMENT_LIMIT) -> bytes:
    """The bytes of the regular file at `path`; `error` naming the file if it cannot be read."""
    try:
        _check_kind(os.stat(path), path, error, limit)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error("no such file", Where(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Where(path)) from None
    try:
        _check_kind(os.fstat(descriptor), path, error, limit)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Where(path)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # the file grew after it was measured
        raise error(f"too large (over {limit // MB} MB)", Where(path))
    return data


def require_file(path: Path, error: type[DraftingError], limit: int = DOCUMENT_LIMIT) -> None:
    """Refuse at once what `read_bytes` would refuse for its kind: before its name is judged."""
    try:
        _check_kind(os.stat(path), path, error, limit)
    except FileNotFoundError:
        raise error("no such file", Where(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Where(path)) from None


def read_text(path: Path, error: type[DraftingError], limit: int = TEXT_LIMIT) -> str:
    """The UTF-8 text of the regular file at `path` (a byte-order mark is dropped)."""
    data = read_bytes(path, error, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start})", Where(path)) from None


def _check_kind(status: os.stat_result, path: Path, error: type[DraftingError], limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise error("is a directory, not a file", Where(path))
    if not stat.S_ISREG(status.st_mode):
        raise error("not a regular file (a pipe, device or socket cannot be read)", Where(path))
    if status.st_size > limit:
        raise error(f"too large (over {limit // MB} MB)", Where(path))
