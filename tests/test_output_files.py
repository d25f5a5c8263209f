"""-o FILE: never over the command's own input, into what is not a regular file without replacing it,
keeping a replaced file's mode and owner, no litter when killed, and every write error exit 2."""

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_derive

DOCUMENT = "$$ x^2 = x x $$\n"


def _litter(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".derive-")]


def _one_error_line(out, fragment: str) -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert out.stdout == "" and out.stderr.startswith("derive: error: ") and out.stderr.count("\n") == 1
    assert fragment in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_check_never_writes_over_its_own_input(tmp_path, how):
    paper = tmp_path / "paper.md"
    paper.write_text(DOCUMENT)
    target = tmp_path / "out.md"
    if how == "same":
        target = paper
    elif how == "symlink":
        target.symlink_to(paper.name)
    else:
        os.link(paper, target)
    out = run_derive("check", str(paper), "-o", str(target))
    _one_error_line(out, "it is the input")
    assert paper.read_text() == DOCUMENT and _litter(tmp_path) == []


def test_a_template_is_an_input_too(tmp_path):
    from derive.render.templates import shipped_dir

    template = tmp_path / "align.tex.j2"
    shutil.copy(shipped_dir() / "align.tex.j2", template)
    before = template.read_text()
    out = run_derive("sigmoid", "--template", str(template), "-o", str(template))
    _one_error_line(out, "it is the input")
    assert template.read_text() == before


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    out = run_derive("diff", "x^2", "-o", str(fifo))
    reader.join(5)
    assert out.returncode == 0, out.stderr
    assert received and r"\frac{d}{dx}(x^{2}) &= 2 x" in received[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _litter(tmp_path) == []


def test_a_fifo_nobody_reads_is_an_error_not_a_wait(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = run_derive("diff", "x^2", "-o", str(fifo))
    _one_error_line(out, "nothing is reading it")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _litter(tmp_path) == []


def _in_a_throwaway_dev(script: str, tmp_path: Path) -> str:
    """Run a shell script where /dev is a fresh tmpfs holding null and stdout (a private mount
    namespace), so that a derive that replaced them would replace throwaway copies, never the
    machine's. Without root nothing in /dev can be replaced, and the script runs as it is."""
    setup = ""
    prefix: list[str] = []
    if os.geteuid() == 0:
        unshare = shutil.which("unshare")
        probe = unshare and subprocess.run([unshare, "--mount", "--propagation", "private", "true"],
                                           check=False, capture_output=True)
        if not unshare or probe.returncode != 0:
            pytest.skip("as root this test needs a private mount namespace (unshare), not the real /dev")
        prefix = [unshare, "--mount", "--propagation", "private"]
        setup = ("mount -t tmpfs tmpfs /dev && mknod -m 666 /dev/null c 1 3 && "
                 "ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout || exit 99\n")
    out = subprocess.run([*prefix, "sh", "-c", setup + script, sys.executable, str(tmp_path)],
                         check=False, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_dev_null_and_dev_stdout_are_written_to_never_replaced(tmp_path):
    (tmp_path / "null").symlink_to("/dev/null")
    script = ('"$0" -m derive.cli diff x^2 -o /dev/null 2>&1; echo "null $?"\n'
              '"$0" -m derive.cli diff x^2 -o "$1/null" 2>&1; echo "link $?"\n'
              '"$0" -m derive.cli diff x^2 --format text -o /dev/stdout 2>&1; echo "stdout $?"\n'
              'echo "kinds $(stat -c %F /dev/null)/$(stat -c %F /dev/stdout)"\n'
              'echo "litter $(ls -A /dev | grep -c derive-)"\n')
    lines = _in_a_throwaway_dev(script, tmp_path).splitlines()
    assert lines[:2] == ["null 0", "link 0"]
    assert "2·x" in "".join(lines[2:-3]) and lines[-3] == "stdout 0"
    assert lines[-2] == "kinds character special file/symbolic link" and lines[-1] == "litter 0"
    assert (tmp_path / "null").is_symlink() and os.readlink(tmp_path / "null") == "/dev/null"


def test_a_replaced_file_keeps_its_mode_and_owner(tmp_path):
    target = tmp_path / "secret.tex"
    target.write_text("old")
    target.chmod(0o600)
    owner = None
    if os.geteuid() == 0:  # root can give the file away, and derive must give the new one back
        owner = (4321, 4321)
        os.chown(target, *owner)
    out = run_derive("diff", "x^2", "-o", str(target))
    assert out.returncode == 0, out.stderr
    info = os.stat(target)
    assert stat.S_IMODE(info.st_mode) == 0o600 and r"\begin{align}" in target.read_text()
    if owner:
        assert (info.st_uid, info.st_gid) == owner
    assert _litter(tmp_path) == []


def test_a_new_file_gets_the_permissions_of_a_new_file(tmp_path):
    target = tmp_path / "new.tex"
    mask = os.umask(0o022)
    try:
        out = run_derive("diff", "x^2", "-o", str(target))
    finally:
        os.umask(mask)
    assert out.returncode == 0 and stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_a_read_only_file_is_refused_not_replaced(tmp_path):
    target = tmp_path / "kept.tex"
    target.write_text("mine")
    target.chmod(0o444)
    out = run_derive("diff", "x^2", "-o", str(target))
    _one_error_line(out, "read-only")
    assert target.read_text() == "mine" and stat.S_IMODE(os.stat(target).st_mode) == 0o444


def test_a_symlinked_output_stays_a_link_to_the_new_content(tmp_path):
    real = tmp_path / "real.tex"
    real.write_text("old")
    link = tmp_path / "link.tex"
    link.symlink_to(real.name)
    out = run_derive("diff", "x^2", "-o", str(link))
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and r"\begin{align}" in real.read_text() and _litter(tmp_path) == []


def test_a_full_disk_is_exit_2_and_leaves_the_file_and_no_litter(tmp_path, monkeypatch, capsys):
    from derive import files
    from derive.cli import main

    target = tmp_path / "paper.tex"
    target.write_text("my paper")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_open_fd", lambda fd, mode="r", *a, **k: Full(real_fdopen(fd, mode, *a, **k)))
    assert main(["sigmoid", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("derive: error: cannot write") and "No space left" in err and err.count("\n") == 1
    assert target.read_text() == "my paper" and _litter(tmp_path) == []


def test_an_unwritable_folder_is_exit_2_not_70(tmp_path, monkeypatch, capsys):
    """A read-only folder (simulated: root writes anywhere): mkstemp's PermissionError is one line, exit 2."""
    from derive import files
    from derive.cli import main

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    assert main(["sigmoid", "-o", str(tmp_path / "x.tex")]) == 2
    err = capsys.readouterr().err
    assert err == "derive: error: cannot write " + str(tmp_path / "x.tex") + ": Permission denied\n"


def test_a_write_killed_by_sigterm_leaves_no_temporary_file(tmp_path):
    """SIGTERM arrives while the temporary file exists: it is removed, the target is as it was, and
    derive ends by the signal."""
    target = tmp_path / "paper.tex"
    target.write_text("my paper")
    code = ("import os, signal, sys, time\n"
            "import derive.files as files\n"
            "def killed(*args):\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(5)\n"
            "files.os.replace = killed\n"
            "sys.argv = ['derive', 'sigmoid', '-o', sys.argv[1]]\n"
            "from derive.cli import run\n"
            "run()\n")
    out = subprocess.run([sys.executable, "-c", code, str(target)], check=False, capture_output=True, text=True, timeout=30)
    assert out.returncode == -signal.SIGTERM, out.stderr
    assert target.read_text() == "my paper" and _litter(tmp_path) == []


def test_a_closed_standard_output_is_exit_2():
    out = subprocess.run(["sh", "-c", 'exec "$0" -m derive.cli diff x^2 >&-', sys.executable],
                         check=False, capture_output=True, text=True, timeout=30)
    assert out.returncode == 2 and out.stderr == "derive: error: cannot write the output: standard output is closed\n"


def test_a_reader_that_went_away_ends_derive_quietly():
    """As cat | head: no message, exit 141 (128 + SIGPIPE, what a shell shows for cat)."""
    job = subprocess.Popen([sys.executable, "-m", "derive.cli", "sigmoid"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    job.stdout.close()  # the reader is gone before derive writes
    err = job.stderr.read()
    job.wait(30)
    assert job.returncode == 141 and err == b""


def test_head_c_10_is_quiet():
    out = subprocess.run(["sh", "-c", '"$0" -m derive.cli sigmoid --standalone | head -c 10', sys.executable],
                         check=False, capture_output=True, text=True, timeout=30)
    assert out.stdout == r"\documentc" and out.stderr == ""
