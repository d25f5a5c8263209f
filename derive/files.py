"""Writing a file atomically: a temporary file beside the target, renamed over it when complete.

A failed run leaves the user's file as it was; a finished one has the permissions a new file gets.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import IO

from derive.errors import DeriveError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str, write: Callable[[IO[bytes]], None]) -> None:
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise DeriveError(f"cannot write {path}: no such directory {folder}")
    if os.path.isdir(target):
        raise DeriveError(f"cannot write {path}: it is a directory")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".derive-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a new file is 0666 less the umask
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise DeriveError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
