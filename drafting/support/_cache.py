"""Prepared inputs kept between runs, as Python keeps bytecode, and never trusted blindly.

In: what an entry is prepared from (its kind, place, source files and the versions it depends
on) and how to prepare it.  Out: the prepared value, read back from the cache when an entry made
by this user for exactly these sources is there, else prepared afresh (and stored).

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
that cannot be written, or an entry that cannot be read, means preparing afresh, silently (the
reason is logged at debug level: `drafting --debug`).

An entry holds compiled code, so the cache must never run code it did not make.  A folder (or
an entry) not owned by the user, or writable by others, is ignored as if there were no cache.
Every entry is signed: an HMAC-SHA256, keyed with a secret kept in the folder's `key` file that
only the user can read, over the entry's name (the hash of its sources) and its content.  An
entry is unpickled only when its signature is right, and only into the classes a prepared input
is made of; anything else (a flipped byte, a planted file, a FIFO, a value of the wrong type)
is ignored and prepared again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import importlib.metadata
import io
import logging
import os
import pickle
import secrets
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from drafting._errors import DraftingError, OutputError
from drafting.support._files import read_bytes
from drafting.support._output import write_atomic

T = TypeVar("T")

#: Bump when the layout of entries changes; every entry begins with it.
_FORMAT = b"drafting-cache 2"
_TAG_SIZE = hashlib.sha256().digest_size
_KEY_SIZE = 32
#: Larger than any prepared input (the compiled library is about a megabyte).
_MAX_ENTRY = 64 * 1024 * 1024
_LOG = logging.getLogger("drafting.cache")
#: The toolkit's own package: every module in it is part of every entry's key.
_PACKAGE = Path(__file__).resolve().parent.parent


def cached(
    kind: str,
    place: Path,
    sources: Iterable[Path],
    versions: Iterable[str],
    prepare: Callable[[], T],
    usable: Callable[[object], bool],
) -> T:
    """What `prepare()` returns for these sources: from the cache, or prepared and stored.

    `usable` says whether a value read back is of the shape `prepare` returns.
    """
    folder = _own_folder()
    key = _key(folder) if folder is not None else None
    if folder is None or key is None:
        return prepare()
    try:
        name = _entry_name(kind, place, sources, versions)
    except DraftingError:  # a source unreadable (or a FIFO): preparing it says so properly
        return prepare()
    value = _read_entry(folder / f"{name}.pickle", name, key)
    if value is not None and usable(value):
        return value  # type: ignore[return-value]
    value = prepare()
    _store(folder, name, _sign(key, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value


def cache_folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("DRAFTING_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "drafting"


# --- whose cache: the folder, the key ----------------------------------------------------------


def _own_folder() -> Path | None:
    """The cache folder, made if need be, if it is the user's own and no one else can write it."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError as exc:
        _LOG.debug("cache off: %s: %s", folder, exc.strerror)
        return None
    if not _private(status, stat.S_ISDIR):
        _LOG.debug("cache off: %s is not a folder of this user's that only they can write", folder)
        return None
    return folder


def _private(status: os.stat_result, kind: Callable[[int], bool], others: int = 0o022) -> bool:
    """Whether a file is of `kind`, owned by this user, and not writable (`others`) by others."""
    return kind(status.st_mode) and status.st_uid == os.geteuid() and not status.st_mode & others


def _key(folder: Path) -> bytes | None:
    """The user's secret for signing entries, made on first use; None if it is not private."""
    path = folder / "key"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        key = _read_private(path, _KEY_SIZE, others=0o077)
        if key is None or len(key) != _KEY_SIZE:
            _LOG.debug("cache off: %s is not a key only this user can read", path)
            return None
        return key
    except OSError as exc:
        _LOG.debug("cache off: cannot make %s: %s", path, exc.strerror)
        return None
    key = secrets.token_bytes(_KEY_SIZE)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(key)
    return key


def _read_private(path: Path, limit: int, others: int = 0o022) -> bytes | None:
    """The bytes of a regular file of this user's that others cannot write (or read); else None.

    Opened without following a link and without blocking (a FIFO in its place cannot hang us).
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not _private(status, stat.S_ISREG, others) or status.st_size > limit:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)


# --- entries: named by their sources, signed with the key --------------------------------------


def _entry_name(kind: str, place: Path, sources: Iterable[Path], versions: Iterable[str]) -> str:
    """`<kind>-<hash of the place>-<hash of the content>`."""
    where = hashlib.blake2b(str(place.resolve()).encode(), digest_size=6).hexdigest()
    digest = hashlib.blake2b(_FORMAT, digest_size=16)
    for part in (sys.version, _toolkit_digest(), *versions):
        digest.update(part.encode() + b"\0")
    for path in sources:
        digest.update(path.name.encode() + b"\0" + read_bytes(path, DraftingError) + b"\0")
    return f"{kind}-{where}-{digest.hexdigest()}"


def _signature(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, _FORMAT + name.encode() + b"\0" + payload, hashlib.sha256).digest()


def _sign(key: bytes, name: str, payload: bytes) -> bytes:
    """An entry: the format, the signature of the name and payload, the payload."""
    return _FORMAT + _signature(key, name, payload) + payload


def _read_entry(path: Path, name: str, key: bytes) -> object | None:
    """The value of the entry at `path` if this user made it for `name`; else None."""
    data = _read_private(path, _MAX_ENTRY)
    if data is None:
        _LOG.debug("cache: no usable entry %s", path.name)
        return None
    header, tag = data[: len(_FORMAT)], data[len(_FORMAT) : len(_FORMAT) + _TAG_SIZE]
    payload = data[len(_FORMAT) + _TAG_SIZE :]
    if header != _FORMAT or not hmac.compare_digest(tag, _signature(key, name, payload)):
        _LOG.debug("cache: %s is not signed by this user's key; prepared again", path.name)
        return None
    try:
        value: object = _Unpickler(io.BytesIO(payload)).load()
        return value
    except Exception as exc:  # signed yet unreadable: a library changed under it
        _LOG.debug("cache: %s cannot be read (%s); prepared again", path.name, exc)
        return None


class _Unpickler(pickle.Unpickler):
    """Unpickles only the classes prepared inputs are made of (a second line behind the key)."""

    _MODULES = ("drafting.", "pydantic.", "pydantic_core.", "pathlib", "collections")
    _BUILTINS = frozenset(
        ["set", "frozenset", "dict", "list", "tuple", "str", "bytes", "int", "float", "bool"]
    )

    def find_class(self, module: str, name: str) -> type:
        allowed = (module == "builtins" and name in self._BUILTINS) or (
            module.startswith(self._MODULES) and not name.startswith("_")
        )
        if not allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a prepared input")
        found: type = super().find_class(module, name)
        return found


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
    path = folder / f"{name}.pickle"
    try:
        path.unlink(missing_ok=True)  # an entry refused (not private) may hold these very bytes
        write_atomic(path, data, mode=0o600)
    except (OSError, OutputError) as exc:
        _LOG.debug("cache: cannot store %s: %s", name, exc)
        return
    place = name.rsplit("-", 1)[0]
    for older in folder.glob(f"{place}-*.pickle"):
        if older.stem != name:
            older.unlink(missing_ok=True)
