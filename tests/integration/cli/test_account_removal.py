"""Issue 21 item 2: an account marked removed never keeps a working key slot.

The half-done state is what a kill between "marked removed" and the key rotation
leaves (tests/integration/storage/test_crashes.py kills a real process at every
step); here it is made directly, then met through the command line.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from app.accounts import service
from app.paths import DataPaths
from app.storage import staff_repository
from app.storage.vault import Vault
from tests.integration.cli.store_cli import MANAGER, PASSWORD, make_store, run_cli

GONE_PASSWORD = "gone-password-1"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = make_store(tmp_path / "data")
    added = run_cli(data, "staff", "add", "GONE1", "--role", "technician", REPAIR_COUNTER_NEW_PASSWORD=GONE_PASSWORD)
    assert added.returncode == 0, added.stderr
    return data


def _marked_but_not_rotated(data: Path) -> None:
    vault = Vault(DataPaths(data))
    session = service.sign_in(vault, MANAGER, PASSWORD)
    member = staff_repository.staff_by_engineer_id(session.store, "GONE1")
    assert member is not None
    with session.store.transaction(MANAGER) as work:
        staff_repository.deactivate_staff(
            work,
            member,
            signer=session.signer(),
            recovery_signing=vault.recovery_signing_public(),
            store=session.store,
        )
    session.lock()


def _slots(data: Path) -> set[str]:
    return set(json.loads((data / "counter.keys").read_text())["slots"])


def test_the_next_sign_in_finishes_a_half_done_removal(data: Path) -> None:
    _marked_but_not_rotated(data)
    assert "GONE1" in _slots(data)
    listing = run_cli(data, "staff", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [row["engineer_id"] for row in json.loads(listing.stdout)] == [MANAGER]
    assert "GONE1" not in _slots(data), "the removed person's slot must be gone once anyone signs in"
    gone = run_cli(data, "ticket", "list", user="GONE1", password=GONE_PASSWORD)
    assert gone.returncode in (21, 26), gone.stderr
    assert run_cli(data, "verify").returncode == 0


def test_the_removed_person_cannot_use_the_gap(data: Path) -> None:
    _marked_but_not_rotated(data)
    gone = run_cli(data, "ticket", "list", user="GONE1", password=GONE_PASSWORD)
    assert gone.returncode == 26, gone.stderr
    assert "GONE1" not in _slots(data), "their own attempt rotates the key away from them"
    assert run_cli(data, "ticket", "list").returncode == 0


def test_removing_again_finishes_instead_of_saying_no_such_account(data: Path) -> None:
    _marked_but_not_rotated(data)
    again = service.sign_in(Vault(DataPaths(data)), MANAGER, PASSWORD, check_anchor=False)  # no finishing on open
    service.remove_account(again, "GONE1")
    again.lock()
    assert "GONE1" not in _slots(data)


def test_a_removal_leaves_the_database_owner_only(data: Path) -> None:
    removed = run_cli(data, "staff", "remove", "GONE1")
    assert removed.returncode == 0, removed.stderr
    assert stat.S_IMODE((data / "counter.db").stat().st_mode) == 0o600
