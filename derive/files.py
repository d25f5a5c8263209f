"""Writing a file atomically: a temporary file beside the target, renamed over it when complete; and
reading a stream with a bound on its size and on the time it takes.

A failed run leaves the user's file as it was. A replaced file keeps its mode and owner; a new one has
the permissions a new file gets. What is not a regular file (/dev/null, /dev/stdout, a FIFO) is
written into, as a shell's > does, and never replaced. The command's own input is never written over.
"""

from __future__ import annotations

import os
import select
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import IO

from derive.errors import DeriveError, LimitError

_open_fd = os.fdopen  # one name for the output file's writes (a test makes the disk full here only)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str, write: Callable[[IO[bytes]], None], inputs: Iterable[str] = ()) -> None:
    """write(handle) into path; inputs are files the command read, which path may not be."""
    target = os.path.abspath(path)
    try:
        found = os.stat(target)  # through symbolic links: the file that would be written
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise DeriveError(f"cannot write {path}: {exc.strerror}") from None
    if found is not None:
        for source in inputs:
            try:
                read = os.stat(source)
            except OSError:
                continue
            if (read.st_dev, read.st_ino) == (found.st_dev, found.st_ino):
                raise DeriveError(f"will not write {path}: it is the input {source}")
        if stat.S_ISDIR(found.st_mode):
            raise DeriveError(f"cannot write {path}: it is a directory")
    if (found is not None and not stat.S_ISREG(found.st_mode)) or _system_path(target):
        _write_in_place(path, target, write)
        return
    if found is not None and (not found.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise DeriveError(f"will not write {path}: it is read-only")
    real = os.path.realpath(target)  # a symbolic link stays; the file it points to is replaced
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise DeriveError(f"cannot write {path}: no such directory {folder}")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".derive-", suffix=".tmp")
        with _open_fd(fd, "wb") as handle:
            write(handle)
        if found is None:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a new file is 0666 less the umask
        else:
            os.chmod(tmp, stat.S_IMODE(found.st_mode))
            if (found.st_uid, found.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.chown(tmp, found.st_uid, found.st_gid)
                except PermissionError:  # only root gives a file away; the group may still be ours
                    pass
        os.replace(tmp, real)
    except OSError as exc:
        _remove(tmp)
        raise DeriveError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:  # an interrupt, a signal turned into an exception (derive.cli): no litter
        _remove(tmp)
        raise


def _system_path(target: str) -> bool:
    """A path in /dev or /proc, itself or through symbolic links: written into, never replaced."""
    seen = 0
    while seen < 40:
        if target == "/dev" or target.startswith(("/dev/", "/proc/")):
            return True
        if not os.path.islink(target):
            return False
        target = os.path.normpath(os.path.join(os.path.dirname(target), os.readlink(target)))
        seen += 1
    return False


def _write_in_place(path: str, target: str, write: Callable[[IO[bytes]], None]) -> None:
    # O_NONBLOCK: a FIFO nobody reads is an error now (ENXIO), not a wait for ever; then blocking again
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        reason = "nothing is reading it" if exc.errno == 6 else exc.strerror  # ENXIO
        raise DeriveError(f"cannot write {path}: {reason}") from None
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        if stat.S_ISREG(os.fstat(fd).st_mode):  # /dev/stdout redirected to a file: as > does
            os.ftruncate(fd, 0)
        with _open_fd(fd, "wb") as handle:
            fd = -1
            write(handle)
    except OSError as exc:
        raise DeriveError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _remove(path: str | None) -> None:
    if path is None:
        return
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def read_bounded(fd: int, limit: int, timeout: float, what: str) -> bytes:
    """Everything fd gives until its end: LimitError past limit bytes or past timeout seconds
    (/dev/zero, a pipe that never closes), so that reading holds at most limit bytes in memory."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise LimitError(f"{what} did not end within {timeout:g} seconds (--timeout)")
        try:
            ready = select.select([fd], [], [], left)[0]
        except (OSError, ValueError):  # a descriptor select cannot watch: read it as it comes
            ready = [fd]
        if not ready:
            continue
        try:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise LimitError(f"{what} is larger than {limit / 2**20:g} MB")

