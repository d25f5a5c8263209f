"""Running many inputs: in this process, in local workers, or on a Dask cluster, each input as a single
run's (derive.sandbox.run_limited, in a child process under the same time and memory bounds); results
handed back in input order or as they finish, with a progress bar when standard error is a terminal.

Local workers are threads of this process that each wait on their child: the work is done in the
children, forked from a parent that has SymPy imported already (no start-up cost per input), and they
die with it. The parent's threads import nothing and write nothing while they run (everything is
imported before they start; the progress bar writes around Python's stream locks), so that a fork
never hands a child a lock held by another thread.
"""

from __future__ import annotations

import contextvars
import importlib
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from derive.errors import DeriveError

EXIT_INTERNAL = 70
CONNECT_TIMEOUT = 10  # seconds to reach a Dask scheduler

Emit = Callable[[str], None]


class Outcome(NamedTuple):
    """One input's result, as the worker that made it hands it back."""

    code: int  # the exit status this input alone would give
    text: str  # what is written for it: one line in JSONL, a report in text
    links: int = 0
    decided: int = 0
    included: tuple[str, ...] = ()  # the \input files it read: -o may not replace them


@dataclass(frozen=True)
class Workers:
    """Where the work runs: jobs local workers (None: one per core), or a Dask scheduler's cluster."""

    jobs: int | None = None
    scheduler: str | None = None
    ordered: bool = True  # results written in input order (else as they finish)


# --- running: in this process, in local workers, or on a Dask cluster ------------------------------

def deliver(tasks: list, workers: Workers, emit: Emit | None, unit: str) -> list[Outcome]:
    """Run every task, writing each outcome's text through emit as soon as it may be written: at once
    (unordered), or when every one before it is written (input order). Returns them in input order."""
    outcomes: list[Outcome | None] = [None] * len(tasks)
    progress = Progress(len(tasks), unit)
    written = 0
    try:
        for index, outcome in _run(tasks, workers):
            outcomes[index] = outcome
            ready = [index] if not workers.ordered else []
            while workers.ordered and written < len(tasks) and outcomes[written] is not None:
                ready.append(written)
                written += 1
            if emit is not None and ready:
                progress.clear()  # out of the way, should standard output share the terminal
                for i in ready:
                    emit(outcomes[i].text)
            progress.advance(redraw=bool(ready))
    finally:
        progress.close()
    return outcomes  # type: ignore[return-value]


def preload(*modules: str) -> None:
    """Import before the workers start: their threads then import nothing while another forks."""
    for name in modules:
        importlib.import_module(name)


def _run(tasks: list, workers: Workers) -> Iterator[tuple[int, Outcome]]:
    """(index, outcome) of every task, in the order they finish."""
    if workers.scheduler:
        return _on_cluster(tasks, workers.scheduler)
    jobs = workers.jobs or cores()
    if jobs == 1 or len(tasks) <= 1:
        return ((i, task.run()) for i, task in enumerate(tasks))
    return _in_threads(tasks, jobs)


def cores() -> int:
    """The cores this process may use (its affinity, which a container or taskset may narrow)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _in_threads(tasks: list, jobs: int) -> Iterator[tuple[int, Outcome]]:
    """jobs threads, each running one task at a time. Daemon threads: an interrupted run exits without
    waiting for them, and their children die with the process (PR_SET_PDEATHSIG, derive.sandbox)."""
    todo: queue.SimpleQueue = queue.SimpleQueue()
    done: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()
    for item in enumerate(tasks):
        todo.put(item)

    def serve() -> None:
        while not stop.is_set():
            try:
                index, task = todo.get_nowait()
            except queue.Empty:
                return
            try:
                outcome = task.run()
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread, raised there
                outcome = exc
            if not stop.is_set():  # a child that died with an interrupted run is not its file's report
                done.put((index, outcome))

    for _ in range(min(jobs, len(tasks))):  # each with the caller's context (its --template choice)
        threading.Thread(target=contextvars.copy_context().run, args=(serve,), daemon=True).start()
    try:
        for _ in tasks:
            index, outcome = done.get()
            if isinstance(outcome, BaseException):
                raise outcome
            yield index, outcome
    finally:
        stop.set()


def _on_cluster(tasks: list, address: str) -> Iterator[tuple[int, Outcome]]:
    """Each task on a worker of the Dask cluster at address, where it runs as locally (run_limited, in
    the worker's own child process). The workers need derive installed and the same files."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DeriveError("--scheduler needs dask.distributed: pip install 'derive[cluster]'") from None
    from distributed.comm.addressing import parse_address, parse_host_port

    try:  # before Client: one given a bad address stays half made, and hangs at exit closing itself
        scheme, place = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(place)
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise DeriveError(f"cannot reach the Dask scheduler at {address}: {one_line(str(exc))}") from None
    try:
        with client.as_current():  # as_completed looks for the current client
            futures = client.map(_perform, tasks, pure=False)
            index = {future.key: i for i, future in enumerate(futures)}
            for future in as_completed(futures):
                i = index[future.key]
                try:
                    yield i, future.result()
                except Exception as exc:  # noqa: BLE001 - its worker died (KilledWorker), or it was lost
                    yield i, tasks[i].failed(f"the cluster lost the work ({type(exc).__name__}: "
                                             f"{one_line(str(exc))})", EXIT_INTERNAL)
    finally:
        client.close()


def _perform(task) -> Outcome:
    return task.run()


def one_line(message: str) -> str:
    return " ".join(message.split())


class Progress:
    """Files or lines done, rate and time left, on standard error when it is a terminal; silent
    otherwise. Written with os.write: around Python's stream lock, which a fork must not catch held."""

    WIDTH = 24

    def __init__(self, total: int, unit: str, stream=None) -> None:
        stream = sys.stderr if stream is None else stream
        self.total, self.unit, self.done = total, unit, 0
        self.start = self.drawn_at = time.monotonic()
        self.shown = False
        try:
            self.fd = stream.fileno() if total and stream.isatty() else None
        except (AttributeError, OSError, ValueError):  # a test's stream, a closed one
            self.fd = None
        self.draw()  # 0/N at once: the first input may take a while

    def advance(self, redraw: bool = False) -> None:
        """One more done; drawn again at most ten times a second, or at once after output cleared it."""
        self.done += 1
        if redraw or time.monotonic() - self.drawn_at >= 0.1:
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        filled = self.WIDTH * self.done // max(self.total, 1)
        left = _clock((self.total - self.done) / rate) if rate else "?"
        return (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total} {self.unit}"
                f"  {rate:.1f}/s  {left} left")

    def draw(self) -> None:
        self.drawn_at = time.monotonic()
        self.shown = self._write("\r" + self.line() + "\x1b[K") or self.shown

    def clear(self) -> None:
        if self.shown:
            self._write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        self.clear()

    def _write(self, text: str) -> bool:
        if self.fd is None:
            return False
        try:
            os.write(self.fd, text.encode("utf-8", "replace"))
            return True
        except OSError:
            self.fd = None
            return False


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
