"""Writing outputs safely: all or nothing, never over an existing file without `force`.

Each file is written to a temporary file in the same folder and renamed into place, so a crash
or Ctrl-C leaves the old file or the new one, never half of one.  Every target of a build is
checked before the first is written, so a refused build writes nothing.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from drafting._errors import OutputError, Where


def check_targets(targets: Mapping[Path, bytes], force: bool) -> None:
    """Refuse before writing anything if a target exists (without `force`) or cannot be written."""
    for path in targets:
        folder = path.parent
        if not folder.is_dir():
            reason = "is not a folder" if folder.exists() else "does not exist"
            raise OutputError(f"the output folder {reason}", Where(folder))
        if path.is_dir():
            raise OutputError("is a folder; cannot write a document there", Where(path))
        if path.exists() and not force:
            raise OutputError("already exists; use --force to overwrite it", Where(path))
        if not os.access(folder, os.W_OK):
            raise OutputError("the output folder is not writable", Where(folder))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` by way of a temporary file renamed into place."""
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)  # a temporary file is private; the document is not
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror}", Where(path)) from None
        raise


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets (umask applied)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_all(targets: Mapping[Path, bytes], force: bool) -> list[Path]:
    """Check every target, then write each atomically; returns the paths written."""
    check_targets(targets, force)
    for path, data in targets.items():
        write_atomic(path, data)
    return list(targets)
