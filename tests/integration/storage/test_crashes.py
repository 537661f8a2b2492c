"""SIGKILL in the middle of transactions and between the steps of a key rotation."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.accounts import service
from app.core.roles import Role
from app.storage.errors import AccountError, WrongPassword
from app.storage.keyfile import KeyFile
from app.storage.store import integrity_problems
from app.storage.ticket_repository import recent_tickets
from app.storage.vault import Vault
from app.sync.verification import verify_store
from app.tickets.intake import find_ticket, open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, make_vault, sample_ticket

ROOT = Path(__file__).resolve().parents[3]
KILLS = 30


def _child(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.storage.crash_helpers", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after_some_writes(proc: subprocess.Popen, rng: random.Random) -> list[str]:
    """Let the child commit a few tickets, then SIGKILL it wherever it is; return what it acknowledged."""
    wanted = rng.randint(1, 25)
    acknowledged = []
    assert proc.stdout is not None
    while len(acknowledged) < wanted:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"writer stopped on its own: {proc.stderr.read() if proc.stderr else ''}")
        acknowledged.append(line.strip())
    time.sleep(rng.uniform(0, 0.004))  # land somewhere inside the next transaction
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate()
    acknowledged += [n for n in rest.split("\n") if n]  # committed before the kill landed
    assert proc.returncode == -signal.SIGKILL
    return acknowledged


def test_sigkill_in_the_middle_of_transactions_loses_no_acknowledged_write(vault, manager) -> None:
    key = manager.store.key.hex()
    manager.lock()
    rng = random.Random(20261123)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        acknowledged += _kill_after_some_writes(_child("write", str(vault.paths.root), key), rng)
        session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
        structural, pages = integrity_problems(session.store)
        assert structural == [] and pages == ()
        missing = [n for n in acknowledged if find_ticket(session, n) is None]
        assert missing == []
        report = verify_store(session)
        assert report.ok, report.problems
        session.lock()
    assert len(acknowledged) >= KILLS


#: "marked" is the account marked removed in the database, before the key file changes.
ROTATION_STEPS = ["marked", "pending-written", "exported", "checkpointed", "swapped", "committed"]


@pytest.fixture(scope="module")
def three_accounts(tmp_path_factory) -> Path:
    """A store with a manager, a technician to keep and one to remove."""
    tmp = tmp_path_factory.mktemp("rotation")
    vault = make_vault(tmp)
    first = service.initialise_store(vault, service.OutletInfo("SZ01", "Futian", "CN"), ADMIN, "", ADMIN_PASSWORD)
    service.add_account(first.session, "KEEP1", "Stays", Role.TECHNICIAN, "keep-password")
    service.add_account(first.session, "GONE1", "Leaves", Role.TECHNICIAN, "gone-password")
    for i in range(30):
        open_ticket(first.session, sample_ticket(i))
    first.session.lock()
    return vault.paths.root


def _removal_killed_at(store: Path, tmp_path: Path, step: str) -> Vault:
    """A copy of the store whose `staff remove GONE1` was SIGKILLed right after `step`."""
    data = tmp_path / "data"
    shutil.copytree(store, data)
    proc = _child("rotate", str(data), step, ADMIN, ADMIN_PASSWORD, "GONE1")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, out + err
    return make_vault(tmp_path)


@pytest.mark.parametrize("step", ROTATION_STEPS)
def test_a_kill_between_rotation_steps_never_locks_out_the_remaining_accounts(three_accounts, tmp_path, step) -> None:
    vault = _removal_killed_at(three_accounts, tmp_path, step)
    keeper = service.sign_in(vault, "KEEP1", "keep-password")  # finishes the removal if it was half done
    assert [t.number for t in recent_tickets(keeper.store, 1)] != []
    keeper.lock()
    keys = KeyFile.load(vault.paths.key_file)
    assert keys.pending is None and keys.generation == 2 and "GONE1" not in keys.slots
    with pytest.raises((AccountError, WrongPassword)):
        vault.unlock("GONE1", "gone-password")  # the removed slot opens nothing, not even the raw key
    with pytest.raises((AccountError, WrongPassword)):
        service.sign_in(vault, "GONE1", "gone-password")
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert verify_store(session).ok
    assert session.store.query_one("SELECT count(*) FROM ticket")[0] == 30
    assert [m.engineer_id for m in service.list_accounts(session)] == [ADMIN, "KEEP1"]
    session.lock()


@pytest.mark.parametrize("step", ROTATION_STEPS)
def test_the_removed_person_signing_in_first_finishes_their_own_removal(three_accounts, tmp_path, step) -> None:
    vault = _removal_killed_at(three_accounts, tmp_path, step)
    with pytest.raises((AccountError, WrongPassword)):
        service.sign_in(vault, "GONE1", "gone-password")
    with pytest.raises((AccountError, WrongPassword)):
        vault.unlock("GONE1", "gone-password")  # before the swap their attempt re-keyed the store without them
    service.sign_in(vault, "KEEP1", "keep-password").lock()
    assert "GONE1" not in KeyFile.load(vault.paths.key_file).slots
