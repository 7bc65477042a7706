"""The compiled clause library, kept between runs as Python keeps bytecode.

Loading the library reads every clause file, validates it and compiles each text to Python with
Jinja: about 70 ms, several times what the rest of a build costs.  So the first load writes its
result (the clauses and their compiled code) to one file in the user's cache folder, and later
loads read that file instead.

An entry is named by the clause folder and a hash of everything the result depends on: the clause
files' names and bytes, the source of the modules defining what is stored, and the versions of
Python, Jinja and pydantic.  An edit to any of them gives another name, so a stale entry is never
read (and is removed when the new one is written).

The folder is `$DRAFTING_CACHE_DIR`, else `$XDG_CACHE_HOME/drafting`, else `~/.cache/drafting`;
an empty `DRAFTING_CACHE_DIR` turns the cache off.  The cache only saves time: a folder that
cannot be written or an entry that cannot be read means loading from the clause files, silently.
Entries are pickles, trusted as the user's own files are (like `__pycache__`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import CodeType
from typing import Any

#: Bump when the layout of an entry changes.
_FORMAT = b"clause-library 1"
#: Modules whose classes are pickled, or whose settings shape the compiled code.
_MODULES = ("_clauses.py", "_errors.py", "_language.py", "_dates.py")


def cache_folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("DRAFTING_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "drafting"


def entry_name(folder: Path, files: Iterable[Path], versions: Iterable[str]) -> str:
    """The entry for the clause files in `folder`: `<folder hash>-<content hash>`."""
    place = hashlib.blake2b(str(folder.resolve()).encode(), digest_size=6).hexdigest()
    digest = hashlib.blake2b(_FORMAT, digest_size=16)
    for part in (sys.version, *versions):
        digest.update(part.encode() + b"\0")
    here = Path(__file__).parent
    for path in [*(here / name for name in _MODULES), *files]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{place}-{digest.hexdigest()}"


def read(name: str) -> tuple[Any, dict[str, CodeType]] | None:
    """The stored clauses and compiled code, or None if there is no usable entry."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        clauses, code = pickle.loads((folder / f"{name}.pickle").read_bytes())
        return clauses, marshal.loads(code)
    except Exception:  # missing or damaged: rebuilt, never an error for the user
        return None


def write(name: str, clauses: Any, code: dict[str, CodeType]) -> None:
    """Store an entry, replacing the folder's older ones; any failure leaves the cache as it was."""
    folder = cache_folder()
    if folder is None:
        return
    data = pickle.dumps((clauses, marshal.dumps(code)), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, folder / f"{name}.pickle")
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    place = name.split("-", 1)[0]
    for older in folder.glob(f"{place}-*.pickle"):
        if older.stem != name:
            older.unlink(missing_ok=True)
