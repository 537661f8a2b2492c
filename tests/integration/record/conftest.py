"""Issue 12's scenarios: one repair record across areas, driven through `python -m app` as a person would.

Every command runs in its own process on a real SQLCipher store (made with a cheap Argon2id so
each sign-in is quick); a test reopens the store afterwards to check what was (not) written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.accounts import service
from app.accounts.session import Session
from app.storage.vault import Vault
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD

#: An RC-X1 (its TAC) the benefit registry does not know: no purchase date, no benefits.
RC_X1_IMEI = "860955027785108"

Cli = Callable[..., subprocess.CompletedProcess[str]]


def run_cli(
    data: Path, *args: str, user: str = ADMIN, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "REPAIR_COUNTER_USER": user,
        "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD,
        "REPAIR_COUNTER_DATA_DIR": str(data),
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=full_env, timeout=120
    )


def json_of(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def data(vault: Vault, manager: Session) -> Path:
    """A store with the outlet SZ01 (region CN) and the manager E1001, locked for the commands."""
    manager.lock()
    return vault.paths.root


@pytest.fixture
def reopen(vault: Vault) -> Callable[[], Session]:
    """Sign in again in this process, to look at the store after the commands ran."""
    opened: list[Session] = []

    def open_again() -> Session:
        session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
        opened.append(session)
        return session

    yield open_again  # type: ignore[misc]
    for session in opened:
        session.lock()


def ticket_new_args(*extra: str, name: str = "Wang Fang", phone: str = "139-8765-4321") -> list[str]:
    """`ticket new` for a walk-in maintenance ticket of an RC-X1; `extra` adds or overrides flags,
    an empty name or phone leaves the flag out."""
    args = ["ticket", "new", "--type", "maintenance", "--model", "RC-X1", "--imei", RC_X1_IMEI]
    args += ["--name", name] if name else []
    args += ["--phone", phone] if phone else []
    return [*args, "--fault", "battery drains fast", "--fault-category", "battery_drain", *extra]


def new_ticket(data: Path, *extra: str, name: str = "Wang Fang", phone: str = "139-8765-4321") -> dict[str, Any]:
    """The `ticket new --json` answer of `ticket_new_args`."""
    return json_of(run_cli(data, *ticket_new_args(*extra, name=name, phone=phone), "--json"))
