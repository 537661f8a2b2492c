"""Issue 21 item 4: a role needs a manager's signature; a key holder's UPDATE is caught.

The clerk here holds a real slot, so they can open the database with their own
password and the library, as anyone with a staff password could.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.paths import DataPaths
from app.storage.vault import Vault
from tests.integration.cli.store_cli import make_store, run_cli

CLERK, CLERK_PASSWORD = "C3001", "clerk-pass-123"
JOURNAL_BROKEN = 25


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = make_store(tmp_path / "data", tickets=2)
    added = run_cli(data, "staff", "add", CLERK, "--role", "intake_clerk", REPAIR_COUNTER_NEW_PASSWORD=CLERK_PASSWORD)
    assert added.returncode == 0, added.stderr
    return data


def _as_clerk_with_the_key(data: Path, sql: str, params: tuple[str, ...]) -> None:
    """What a clerk can do with their own password: open the database and change a row."""
    store = Vault(DataPaths(data)).unlock(CLERK, CLERK_PASSWORD)
    try:
        store.connection.execute(sql, params)
    finally:
        store.close()


def test_a_clerk_who_updates_their_role_is_caught(data: Path) -> None:
    assert run_cli(data, "staff", "list", user=CLERK, password=CLERK_PASSWORD).returncode == 13
    _as_clerk_with_the_key(data, "UPDATE staff SET role = 'manager' WHERE engineer_id = ?", (CLERK,))

    raised = run_cli(
        data,
        "staff",
        "add",
        "M9",
        "--role",
        "manager",
        user=CLERK,
        password=CLERK_PASSWORD,
        REPAIR_COUNTER_NEW_PASSWORD="manager-9-pass",
    )
    assert raised.returncode == JOURNAL_BROKEN, raised.stdout + raised.stderr
    assert f"staff record of {CLERK} does not verify" in raised.stderr

    verify = run_cli(data, "verify", "--json")
    assert verify.returncode == JOURNAL_BROKEN
    assert any(p.startswith(f"staff record {CLERK}:") for p in json.loads(verify.stdout)["problems"])


def test_a_removal_nobody_signed_removes_nobody(data: Path) -> None:
    _as_clerk_with_the_key(data, "UPDATE staff SET active = 0 WHERE engineer_id = ?", ("E1001",))
    result = run_cli(data, "ticket", "list")
    assert result.returncode == JOURNAL_BROKEN, result.stderr
    assert "staff record of E1001 does not verify" in result.stderr
    keys = json.loads((data / "counter.keys").read_text())
    assert "E1001" in keys["slots"], "an unsigned removal removes nobody's slot"


def test_signed_records_verify(data: Path) -> None:
    assert run_cli(data, "verify").returncode == 0
    assert run_cli(data, "ticket", "list", user=CLERK, password=CLERK_PASSWORD).returncode == 0


def _problems(data: Path) -> list[str]:
    result = run_cli(data, "verify", "--json")
    assert result.returncode == JOURNAL_BROKEN, result.stdout + result.stderr
    return list(json.loads(result.stdout)["problems"])


def test_a_ticket_row_edited_directly_is_found_by_verify(data: Path) -> None:
    _as_clerk_with_the_key(data, "UPDATE ticket SET fault = 'screen cracked by the customer' WHERE rowid = 1", ())
    assert any("changed outside the journal" in p and p.startswith("records: ticket ") for p in _problems(data))


def test_a_ticket_row_deleted_or_inserted_directly_is_found_by_verify(data: Path) -> None:
    _as_clerk_with_the_key(data, "DELETE FROM ticket_event", ())
    _as_clerk_with_the_key(data, "DELETE FROM ticket WHERE rowid = 1", ())
    _as_clerk_with_the_key(data, "UPDATE customer SET phone = '13900000000'", ())
    problems = _problems(data)
    assert any("deleted outside the journal" in p for p in problems)
    assert any(p.startswith("records: customer ") for p in problems)
