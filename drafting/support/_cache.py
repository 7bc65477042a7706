"""Prepared inputs kept between runs, as Python keeps bytecode.

Two inputs take longer to prepare than a build takes to use them: the clause library (every
file read and validated, every text compiled to Python by Jinja: about 70 ms) and the Word
templates (parsed with lxml and split where the body goes).  The first run stores what it
prepared in the user's cache folder; later runs read it back in a fraction of a millisecond.

An entry is named by what it was prepared from (its kind and place: `clauses` and the folder, or
`template` and the file) and a hash of everything the result depends on: the source files'
names and bytes, the source of every module of the toolkit (no hand-kept list to fall out of
step) and its version, and the versions of Python and of the libraries concerned.  An edit to
any of them gives another name, so a stale entry is never read; writing the new entry removes
the place's older ones.

The folder is `$DRAFTING_CACHE_DIR`, else `$XDG_CACHE_HOME/drafting`, else `~/.cache/drafting`;
an empty `DRAFTING_CACHE_DIR` turns the cache off.  The cache only ever saves time: a folder
that cannot be written, or an entry that cannot be read, means preparing afresh, silently.
Entries are pickles, trusted as the user's own files are (like `__pycache__`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from drafting._errors import OutputError
from drafting.support._output import write_atomic

T = TypeVar("T")

#: Bump when the layout of entries changes.
_FORMAT = b"drafting-cache 1"
#: The toolkit's own package: every module in it is part of every entry's key.
_PACKAGE = Path(__file__).resolve().parent.parent


def cached(
    kind: str,
    place: Path,
    sources: Iterable[Path],
    versions: Iterable[str],
    prepare: Callable[[], T],
) -> T:
    """What `prepare()` returns for these sources: from the cache, or prepared and stored."""
    folder = cache_folder()
    if folder is None:
        return prepare()
    try:
        name = _entry_name(kind, place, sources, versions)
    except OSError:  # a source unreadable: preparing it says so properly
        return prepare()
    try:
        value: T = pickle.loads((folder / f"{name}.pickle").read_bytes())
        return value
    except Exception:  # missing, or damaged: prepared again, never an error for the user
        pass
    value = prepare()
    _store(folder, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def cache_folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("DRAFTING_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "drafting"


def _entry_name(kind: str, place: Path, sources: Iterable[Path], versions: Iterable[str]) -> str:
    """`<kind>-<hash of the place>-<hash of the content>`."""
    where = hashlib.blake2b(str(place.resolve()).encode(), digest_size=6).hexdigest()
    digest = hashlib.blake2b(_FORMAT, digest_size=16)
    for part in (sys.version, _toolkit_digest(), *versions):
        digest.update(part.encode() + b"\0")
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{kind}-{where}-{digest.hexdigest()}"


@functools.cache
def _toolkit_digest() -> str:
    """A hash of the toolkit's version and the source of every one of its modules."""
    digest = hashlib.blake2b(digest_size=16)
    # A checkout that is not installed has no version; its modules' source still counts.
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        digest.update(importlib.metadata.version("drafting").encode() + b"\0")
    for module in sorted(_PACKAGE.rglob("*.py")):
        relative = module.relative_to(_PACKAGE).as_posix()
        digest.update(relative.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def _store(folder: Path, name: str, data: bytes) -> None:
    """Write an entry all or nothing, then remove the older entries of its place."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{name}.pickle", data)
    except (OSError, OutputError):
        return
    place = name.rsplit("-", 1)[0]
    for older in folder.glob(f"{place}-*.pickle"):
        if older.stem != name:
            older.unlink(missing_ok=True)
