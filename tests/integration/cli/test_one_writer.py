"""Issue 21 item 3: one writer per store.

A GUI-like process stays signed in and writes; command-line writers in other
processes are refused with exit 29 and told who holds the store; nothing the
GUI-like process acknowledged is lost, and after it locks the writers go ahead.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.cli.store_cli import MANAGER, PASSWORD, make_store, run_cli

ROOT = Path(__file__).resolve().parents[3]
STORE_IN_USE = 29


class HeldSession:
    def __init__(self, data: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.cli.held_session", str(data), MANAGER, PASSWORD],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._answer() == "ready"

    def _answer(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line:
            raise AssertionError(self.proc.stderr.read() if self.proc.stderr else "no answer")
        return line

    def say(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._answer()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = make_store(tmp_path / "data", tickets=0)
    added = run_cli(data, "staff", "add", "T2001", "--role", "technician", REPAIR_COUNTER_NEW_PASSWORD="tech-pass-12")
    assert added.returncode == 0, added.stderr
    return data


@pytest.fixture
def held(data: Path) -> Iterator[HeldSession]:
    session = HeldSession(data)
    yield session
    if session.proc.poll() is None:
        session.proc.kill()
    session.proc.communicate()  # closes its pipes


def test_a_second_process_is_refused_and_no_acknowledged_write_is_lost(data: Path, held: HeldSession) -> None:
    acknowledged = [held.say("ticket")]

    writer = run_cli(data, "seed", "--tickets", "1")
    assert writer.returncode == STORE_IN_USE, writer.stdout + writer.stderr
    assert f"in use by {MANAGER} (process {held.proc.pid}" in writer.stderr
    acknowledged.append(held.say("ticket"))

    rotation = run_cli(data, "staff", "remove", "T2001")
    assert rotation.returncode == STORE_IN_USE, "a key rotation must not replace the file under the GUI"
    acknowledged.append(held.say("ticket"))
    assert held.say("lock") == "locked"
    held.proc.communicate(timeout=30)
    assert held.proc.returncode == 0

    assert run_cli(data, "staff", "remove", "T2001").returncode == 0
    assert run_cli(data, "seed", "--tickets", "1").returncode == 0
    for number in acknowledged:
        shown = run_cli(data, "ticket", "show", number)
        assert shown.returncode == 0, f"acknowledged ticket {number} was lost: {shown.stderr}"
    assert run_cli(data, "verify").returncode == 0


def test_a_killed_holder_leaves_no_lock_behind(data: Path, held: HeldSession) -> None:
    number = held.say("ticket")
    held.proc.send_signal(signal.SIGKILL)
    held.proc.communicate(timeout=30)
    assert run_cli(data, "ticket", "show", number).returncode == 0
    assert stat.S_IMODE((data / "counter.lock").stat().st_mode) == 0o600


def test_reading_commands_wait_for_nobody_once_the_holder_locked(data: Path, held: HeldSession) -> None:
    refused = run_cli(data, "verify")
    assert refused.returncode == STORE_IN_USE and "next:" in refused.stderr
    held.say("lock")
    held.proc.communicate(timeout=30)
    assert run_cli(data, "verify").returncode == 0
