"""Writing outputs safely: all or nothing, never over an existing file without `force`.

In: the documents of one command (path → bytes), `force`, and the command's own input files.
Out: the paths written, or an `OutputError` saying what was and was not written.

A command's documents are first written in full to temporary files beside their targets, and
renamed into place only when every one is complete: a failure (a full disk, a name too long, a
read-only folder) removes the temporary files and leaves every old document as it was.  Without
`force` a document is put in place by a hard link, which fails if the name has been taken since
it was checked, so two builds racing for one name cannot both succeed.  A document whose bytes
are already on disk is left alone, needing no `force`.  An output that is one of the command's
inputs is refused even with `force`: a spec named `x.docx` is never replaced by its document.

Temporary names are short (`.` + 8 hex digits naming the target + a random part + `.part`), so
a target whose name is near the file system's limit still has room, and each temporary file is
locked while it lives: a `.part` file left by a killed run is unlocked, and the next write of
the same target removes it.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import secrets
import stat
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from drafting._errors import OutputError, Where

#: The Linux inode flags of a folder whose entries cannot be renamed or removed.
_FS_IOC_GETFLAGS = 0x80086601
_IMMUTABLE_OR_APPEND_ONLY = 0x00000010 | 0x00000020


def check_targets(targets: Mapping[Path, bytes], force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse before writing anything what `write_all` would refuse.

    An input as output; a target that exists (without `force`, unless it holds these very
    bytes); a name too long; a folder that cannot be used.
    """
    sources = list(inputs)
    for path, data in targets.items():
        if len(path.name.encode()) > _name_max(path.parent):
            raise OutputError("the file name is too long for its folder", Where(path))
        if any(_same_file(path, source) for source in sources):
            raise OutputError(
                "is one of the command's inputs; it is never overwritten", Where(path)
            )
        _check_folder(path.parent)
        if os.path.isdir(path):
            raise OutputError("is a folder; cannot write a document there", Where(path))
        if os.path.lexists(path) and not force and not _holds(path, data):
            raise OutputError("already exists; use --force to overwrite it", Where(path))


def write_all(
    targets: Mapping[Path, bytes], force: bool, inputs: Iterable[Path] = (), mode: int | None = None
) -> list[Path]:
    """Check every target, write them all to temporary files, then put them all in place.

    Returns every target, written or (already holding its bytes) left as it was.  `mode`: the
    permissions of the files written (default: the replaced file's, or a new file's).
    """
    check_targets(targets, force, inputs)
    created = _make_folders({path.parent for path in targets})
    staged: dict[Path, _Staged] = {}
    try:
        for path, data in targets.items():
            if not _holds(path, data):
                staged[path] = _stage(path, data, mode)
        _commit(staged, force)
    except BaseException:
        for temporary in staged.values():
            temporary.discard()
        for folder in reversed(created):
            with suppress(OSError):
                folder.rmdir()
        raise
    return list(targets)


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` (created or replaced) by way of a temporary file renamed over it."""
    write_all({path: data}, force=True, mode=mode)


# --- staging: every document written in full before any is put in place ------------------------


@dataclass
class _Staged:
    """A temporary file holding a target's new bytes, locked while it lives."""

    path: Path
    descriptor: int

    def discard(self) -> None:
        """Remove the file (if it is still there) and release it; harmless to repeat."""
        with suppress(OSError):
            self.path.unlink()
        if self.descriptor >= 0:
            with suppress(OSError):
                os.close(self.descriptor)
            self.descriptor = -1


def _stage(target: Path, data: bytes, mode: int | None) -> _Staged:
    _remove_stale(target)
    name = f".{_tag(target)}-{secrets.token_hex(3)}.part"
    temporary = target.parent / name
    mode = _mode_for(target) if mode is None else mode
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise _failure(exc, target, [], [target]) from None
    staged = _Staged(temporary, descriptor)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fchmod(descriptor, mode)  # a temporary file is private; the document is not
        os.fsync(descriptor)
    except OSError as exc:
        staged.discard()
        raise _failure(exc, target, [], [target]) from None
    return staged


def _tag(target: Path) -> str:
    """8 hex digits naming the target, shared by all its temporary files."""
    return hashlib.blake2b(target.name.encode(), digest_size=4).hexdigest()


def _remove_stale(target: Path) -> None:
    """Remove the temporary files a killed run left for this target (no one holds their lock)."""
    for stale in target.parent.glob(f".{_tag(target)}-*.part"):
        try:
            descriptor = os.open(stale, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if stat.S_ISREG(os.fstat(descriptor).st_mode):
                stale.unlink()
        except OSError:
            pass  # locked: a build running now is writing it
        finally:
            os.close(descriptor)


# --- committing: every staged file put in place, or a message saying what was -----------------


def _commit(staged: Mapping[Path, _Staged], force: bool) -> None:
    """Put every staged file in place; if one cannot be, undo the others and say so."""
    done: list[Path] = []
    kept: dict[Path, Path | None] = {}  # target that exists → a link to it (None: none made)
    try:
        for target, temporary in staged.items():
            if force and os.path.lexists(target):
                kept[target] = _keep_old(target)
            try:
                _put_in_place(temporary.path, target, force)
            except OSError as exc:
                undone = _undo(done, kept)
                written = [path for path in done if path not in undone]
                unwritten = [path for path in staged if path not in written]
                raise _failure(exc, target, written, unwritten) from None
            done.append(target)
            temporary.discard()
    finally:
        for old in kept.values():
            if old is not None:
                with suppress(OSError):
                    old.unlink()


def _keep_old(target: Path) -> Path | None:
    """A hard link to the document about to be replaced, to put back if the build fails."""
    old = target.parent / f".{_tag(target)}-{secrets.token_hex(3)}.old.part"
    try:
        os.link(target, old, follow_symlinks=False)
    except OSError:
        return None  # nothing there, or no hard links: the replaced file cannot be put back
    return old


def _undo(done: list[Path], kept: Mapping[Path, Path | None]) -> list[Path]:
    """Put back what the documents put in place replaced, or remove new ones; returns those undone.

    A document that replaced one of which no copy could be kept stays (and is reported written).
    """
    undone = []
    for path in done:
        old = kept.get(path)
        try:
            if old is not None:
                os.replace(old, path)
            elif path not in kept:
                path.unlink()
            else:
                continue
        except OSError:
            continue
        undone.append(path)
    return undone


def _put_in_place(temporary: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the name is taken: no check-then-write race
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # A file system without hard links: claim the name exclusively, then rename onto it.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600))
        os.replace(temporary, target)


def _failure(exc: OSError, target: Path, written: list[Path], unwritten: list[Path]) -> OutputError:
    if isinstance(exc, FileExistsError):
        reason = "already exists; use --force to overwrite it"
    else:
        reason = f"cannot write: {exc.strerror or exc}"
    if written:
        listed = ", ".join(str(p) for p in written)
        missing = ", ".join(str(p) for p in unwritten)
        return OutputError(f"{reason}; written: {listed}; not written: {missing}", Where(target))
    return OutputError(f"{reason}; nothing was written", Where(target))


# --- the folders and files involved ------------------------------------------------------------


def _check_folder(folder: Path) -> None:
    """The nearest existing folder must be a writable folder whose entries can be renamed."""
    existing = _nearest_existing(folder)
    if not os.path.isdir(existing):
        raise OutputError("the output folder is not a folder", Where(existing))
    if not os.access(existing, os.W_OK):
        raise OutputError("the output folder is not writable", Where(existing))
    if _locked_folder(existing):
        raise OutputError(
            "the output folder is append-only or immutable: documents cannot be put in it",
            Where(existing),
        )


def _locked_folder(folder: Path) -> bool:
    """Whether the folder is append-only or immutable (`chattr +a`/`+i`; Linux only)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        flags = bytearray(8)
        fcntl.ioctl(descriptor, _FS_IOC_GETFLAGS, flags)
        return bool(int.from_bytes(flags[:4], "little") & _IMMUTABLE_OR_APPEND_ONLY)
    except OSError:  # a file system without inode flags
        return False
    finally:
        os.close(descriptor)


def _make_folders(folders: Iterable[Path]) -> list[Path]:
    """Create the output folders and their parents (`-o out/`); returns those created."""
    created: list[Path] = []
    for folder in sorted(folders):
        missing = [p for p in (folder, *folder.parents) if not os.path.exists(p)][::-1]
        try:
            for path in missing:
                path.mkdir()
                created.append(path)
        except OSError as exc:
            for path in reversed(created):
                with suppress(OSError):
                    path.rmdir()
            reason = f"cannot create the output folder: {exc.strerror}; nothing was written"
            raise OutputError(reason, Where(folder)) from None
    return created


def _same_file(output: Path, source: Path) -> bool:
    with suppress(OSError):
        return os.path.samefile(output, source)
    return output.resolve() == source.resolve()


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file holding exactly `data`."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _nearest_existing(folder: Path) -> Path:
    """The folder, or its nearest ancestor that exists (`-o` creates the rest)."""
    while not os.path.exists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(_nearest_existing(folder), "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets (umask applied)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
