"""Killing derive kills its worker: SIGINT, SIGTERM, SIGHUP and SIGKILL of a real `derive` process
in the middle of a long derivation leave no worker running and no zombie; Ctrl-C is exit 130."""

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds the worker through /proc")

# Genuinely slow: expanding these powers runs for a minute and more, in the worker.
SLOW = "(x^2+1)^900 (x+3)^900"


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            info = _stat(int(name))
            if info is not None and info[1] == pid:
                found.append(int(name))
    return found


def _start_long_job() -> tuple[subprocess.Popen, int]:
    """A derive diff in its own session (so that a group signal reaches it alone), and its worker."""
    job = subprocess.Popen([sys.executable, "-m", "derive.cli", "diff", "--timeout", "600", "--", SLOW],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        workers = _children(job.pid)
        if workers:
            time.sleep(0.2)  # well inside the work
            assert job.poll() is None and _stat(workers[0])[0] in "RSD", "the job ended by itself"
            return job, workers[0]
        time.sleep(0.01)
    job.kill()
    raise AssertionError("derive started no worker")


def _dead_within(pid: int, seconds: float) -> bool:
    """Gone, or a zombie of a parent that is not ours to reap (init, after derive was killed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        info = _stat(pid)
        if info is None or info[0] in "ZX":
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("to_group", [False, True], ids=["parent", "group"])
def test_ctrl_c_ends_the_worker_and_exits_130(to_group):
    job, worker = _start_long_job()
    (os.killpg if to_group else os.kill)(job.pid, signal.SIGINT)
    out, err = job.communicate(timeout=5)
    assert job.returncode == 130
    assert out == "" and err == "derive: error: interrupted\n"
    assert _stat(worker) is None  # killed and reaped by derive before it exited: not even a zombie


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_terminate_and_hangup_end_the_worker_then_derive_by_the_signal(number):
    job, worker = _start_long_job()
    os.kill(job.pid, number)
    out, err = job.communicate(timeout=5)
    assert job.returncode == -number  # ends by the signal, as an unhandled one would, after cleaning up
    assert out == "" and err == ""
    assert _stat(worker) is None  # reaped: no zombie


def test_sigkill_of_derive_kills_the_worker_too():
    """derive gets no chance to clean up: the worker dies with it (PR_SET_PDEATHSIG)."""
    job, worker = _start_long_job()
    os.kill(job.pid, signal.SIGKILL)
    job.communicate(timeout=5)
    assert job.returncode == -signal.SIGKILL
    assert _dead_within(worker, 2), f"the worker {worker} still runs: {_stat(worker)}"


def test_an_exception_in_the_parent_kills_and_reaps_the_worker():
    """Any way out of run_limited (here an alarm raising in the parent) takes the child with it."""
    from derive.sandbox import run_limited

    seen = []

    class Stop(Exception):
        pass

    def stop(number, frame):
        seen.extend(_children(os.getpid()))
        raise Stop

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        started = time.monotonic()
        with pytest.raises(Stop):
            run_limited(time.sleep, 30, timeout=60)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 2
    assert len(seen) == 1 and _stat(seen[0]) is None  # killed and reaped
    assert _children(os.getpid()) == []


def test_a_worker_whose_parent_is_gone_ends_itself():
    """The check right after prctl: a child forked by a parent that died before it is not left running."""
    from derive import sandbox

    code = ("import os, time\n"
            "from derive import sandbox\n"
            "parent = os.getpid()\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    time.sleep(0.3)  # the parent is gone by now, before prctl could take effect\n"
            "    sandbox._die_with(parent)\n"
            "    time.sleep(30)  # a worker left running\n"
            "    os._exit(0)\n"
            "print(pid, flush=True)\n")
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=10)
    assert out.returncode == 0, out.stderr
    assert _dead_within(int(out.stdout), 2)  # it saw a parent other than the one that forked it: gone
    assert sandbox._in_worker is False  # the flag belongs to children only
