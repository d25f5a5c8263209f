"""Run work where it can be stopped: a forked child with a wall-clock bound and a memory cap.

A signal alarm cannot interrupt one long SymPy call (a big factorisation, a huge power): the child
process can always be killed. The child's result or exception comes back pickled through a pipe,
SymPy expressions as written (see _Pickler). The child dies with its parent (PR_SET_PDEATHSIG on Linux),
and the parent kills and reaps it on any way out of run_limited, an interrupt included.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from derive.errors import DeriveError, LimitError, as_limit

T = TypeVar("T")

DEFAULT_TIMEOUT = 20.0  # seconds: generous for any derivation a person writes (derive.cli repeats it)
DEFAULT_MEMORY_MB = 2048
MAX_TIMEOUT = 3600.0  # the bounds the command line accepts (derive.cli repeats them)
MIN_MEMORY_MB, MAX_MEMORY_MB = 256, 2**20

_in_worker = False  # True in a child: a nested run_limited runs in it, under the child's own bounds


def check_limits(timeout: float | None, memory_mb: int | None) -> None:
    """Refuse bounds that bound nothing or cannot be set: nan, infinite, negative, out of range."""
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not math.isfinite(timeout) or not 0 < timeout <= MAX_TIMEOUT):
        raise DeriveError(f"the timeout is a number of seconds above 0 and at most {MAX_TIMEOUT:g}, "
                          f"not {timeout!r}")
    if memory_mb is not None and (isinstance(memory_mb, bool) or not isinstance(memory_mb, int)
                                  or not MIN_MEMORY_MB <= memory_mb <= MAX_MEMORY_MB):
        raise DeriveError(f"the memory bound is a whole number of MB from {MIN_MEMORY_MB} to "
                          f"{MAX_MEMORY_MB}, not {memory_mb!r}")


def run_limited(fn: Callable[..., T], *args: Any, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB) -> T:
    """fn(*args) in a child process; LimitError when it runs past timeout seconds or out of memory.

    None lifts a bound. An exception raised by fn is raised here again. Called inside a child, fn
    runs there, under that child's bounds. Without fork (not on Linux or macOS), fn runs in this
    process, unbounded.
    """
    check_limits(timeout, memory_mb)
    if _in_worker or not hasattr(os, "fork"):
        return fn(*args)
    for stream in (sys.stdout, sys.stderr):  # None when started with it closed
        if stream is not None:
            stream.flush()
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(fn, args, write_end, memory_mb, parent)
    os.close(write_end)
    finished = False
    try:
        data = _read_until(read_end, math.inf if timeout is None else time.monotonic() + timeout)
        finished = True
    except TimeoutError:
        raise LimitError(f"the work took longer than {timeout:g} seconds (--timeout)") from None
    finally:  # a timeout, an interrupt, a signal turned into an exception: the child goes too
        os.close(read_end)
        if not finished:
            _kill(pid)
        _reap(pid)
    if not data:
        raise LimitError("the work ran out of memory or was stopped")
    status, value = pickle.loads(data)
    if status == "ok":
        return value
    raise value


def _child(fn, args, write_end: int, memory_mb: int | None, parent: int) -> None:
    global _in_worker
    code = 0
    try:
        _in_worker = True
        _die_with(parent)
        if memory_mb:
            limit = memory_mb * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            result = ("ok", fn(*args))
        except MemoryError:
            result = ("error", LimitError(f"the work needed more than {memory_mb} MB of memory"))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            result = ("error", as_limit(exc))
        try:
            payload = _dumps(result)
        except Exception as exc:  # an unpicklable result or exception: say what it was
            payload = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001 - nothing may escape the child into the parent's code
        code = 1
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """The child ends at a signal as a plain process does, and when its parent dies, however it dies."""
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(number, signal.SIG_DFL)  # not the parent's handlers, which raise
        except (ValueError, OSError):
            pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _read_until(fd: int, deadline: float) -> bytes:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], None if left == math.inf else left)
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


# Pickling SymPy as written: SymPy's own pickles rebuild an expression by calling its class, which
# evaluates it (x*x comes back as x**2, e^0 as 1), and a function defined at run time (g(x) = …) is
# a class pickle cannot find by name. These reducers rebuild both as they were.

def _dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        sympy = sys.modules.get("sympy")
        if sympy is None:
            return NotImplemented
        if isinstance(obj, type):
            functions = sys.modules.get("derive.functions")
            if functions is not None and issubclass(obj, functions.DefinedFunction) and not _importable(obj):
                return _defined_function, (obj.__name__, obj.variable, obj.body, obj.latex_name)
            return NotImplemented
        if isinstance(obj, sympy.Basic) and not obj.is_Atom and obj.args:
            return _unevaluated, (type(obj), obj.args)
        return NotImplemented


def _importable(cls: type) -> bool:
    module = sys.modules.get(getattr(cls, "__module__", ""))
    return module is not None and getattr(module, getattr(cls, "__qualname__", ""), None) is cls


def _unevaluated(cls, args):
    from sympy import Basic
    from sympy.core.operations import AssocOp

    if issubclass(cls, AssocOp):
        return cls._from_args(args)
    for options in ({"evaluate": False}, {}):  # Sum and Indexed take no evaluate=False, and evaluate nothing
        try:
            obj = cls(*args, **options)
            if type(obj) is cls and obj.args == args:
                return obj
        except Exception:  # noqa: BLE001 - a class that refuses these arguments: built raw below
            pass
    return Basic.__new__(cls, *args)


def _defined_function(name: str, variable, body, latex_name: str):
    from derive.functions import define

    cls = define(name, variable, body)
    cls.latex_name = latex_name
    return cls


class OverBudget(BaseException):
    """One piece of work took longer than its share (a BaseException: SymPy's own `except Exception`
    clauses must not swallow it). Its argument is the budget that ran out (see within)."""


@contextmanager
def budget(seconds: float, owner: object = None) -> Iterator[None]:
    """Raise OverBudget(owner) in the block after `seconds` of this process's CPU time (again every
    second, should a handler swallow it), so that one slow link costs the document that link, not all
    of it. CPU time, not wall-clock: a loaded machine reaches the same verdicts. Only in the main thread
    of a child that run_limited forked: elsewhere the block runs unbounded (the timer belongs to the
    process, and a caller's own must be left alone). Inside another budget, one that would outlast it
    is the outer's (its time is all that is left); a shorter one runs, and the outer's time goes on
    counting after it."""
    if not _in_worker or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer, _ = signal.getitimer(signal.ITIMER_PROF)
    if outer and outer <= seconds:
        yield
        return
    armed = [True]

    def expired(signum: int, frame: Any) -> None:
        if armed[0]:  # (a signal already on its way as the block ends raises nothing)
            raise OverBudget(owner)

    before = signal.signal(signal.SIGPROF, expired)
    started = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, seconds, 1.0)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)
        if outer:  # (at least a moment: an outer budget spent inside this one runs out just after)
            signal.setitimer(signal.ITIMER_PROF, max(outer - (time.process_time() - started), 1e-3), 1.0)


def within(seconds: float, attempt: Callable[[], T], otherwise: T) -> T:
    """attempt(), or otherwise where it takes more than seconds of CPU time (a budget of its own, as
    budget runs one: in a forked child only). An outer budget running out inside it still ends the
    outer block."""
    mine = object()
    try:
        with budget(seconds, mine):
            return attempt()
    except OverBudget as exc:
        if exc.args and exc.args[0] is mine:
            return otherwise
        raise
