"""Run work where it can be stopped: a forked child with a wall-clock bound and a memory cap.

A signal alarm cannot interrupt one long SymPy call (a big factorisation, a huge power): the child
process can always be killed. The child's result or exception comes back pickled through a pipe.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

from derive.errors import LimitError

T = TypeVar("T")

DEFAULT_TIMEOUT = 20.0  # seconds: generous for any derivation a person writes (derive.cli repeats it)
DEFAULT_MEMORY_MB = 2048


def run_limited(fn: Callable[..., T], *args: Any, timeout: float = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB) -> T:
    """fn(*args) in a child process; LimitError when it runs past timeout seconds or out of memory.

    An exception raised by fn is raised here again. Without fork (not on Linux or macOS), fn runs in
    this process, unbounded.
    """
    if not hasattr(os, "fork"):
        return fn(*args)
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(fn, args, write_end, memory_mb)
    os.close(write_end)
    try:
        data = _read_until(read_end, time.monotonic() + timeout)
    except TimeoutError:
        os.kill(pid, signal.SIGKILL)
        raise LimitError(f"the work took longer than {timeout:g} seconds (--timeout)") from None
    finally:
        os.close(read_end)
        _reap(pid)
    if not data:
        raise LimitError("the work ran out of memory or was stopped")
    status, value = pickle.loads(data)
    if status == "ok":
        return value
    raise value


def _child(fn, args, write_end: int, memory_mb: int | None) -> None:
    code = 0
    try:
        if memory_mb:
            limit = memory_mb * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            result = ("ok", fn(*args))
        except MemoryError:
            result = ("error", LimitError(f"the work needed more than {memory_mb} MB of memory"))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            result = ("error", exc)
        try:
            payload = pickle.dumps(result)
        except Exception as exc:  # an unpicklable result or exception: say what it was
            payload = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001 - nothing may escape the child into the parent's code
        code = 1
    finally:
        os._exit(code)


def _read_until(fd: int, deadline: float) -> bytes:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
