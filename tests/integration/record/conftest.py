"""Issue 12's scenarios: one repair record across areas, driven through `python -m app` as a person would.

Every command runs in its own process on a real SQLCipher store (made with a cheap Argon2id so
each sign-in is quick); a test reopens the store afterwards to check what was (not) written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.accounts import service
from app.accounts.session import Session
from app.device.adb_server import AdbServer
from app.device.simulator.profile import HandsetProfile, load_profile
from app.storage.vault import Vault
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.diagnostics.conftest import diag_adb_server, phones  # noqa: F401 - fixtures for these tests
from tests.integration.sync.test_counter_sync import upstream  # noqa: F401 - a fixture for these tests

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


HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"


def phone_profile(folder: Path, imeis: list[str], *, health: int = 76, cycles: int = 905) -> HandsetProfile:
    """The OnePlus 8 profile (with the Diagnostic Tool) copied, its IMEIs and battery record replaced:
    a worn battery (76 %, 905 cycles) by default, as in issue 12."""
    copy = folder / "phone"
    shutil.copytree(HANDSETS / "coloros-oneplus8-tool", copy)
    info = json.loads((copy / "results" / "device_info.json").read_text())
    (copy / "results" / "device_info.json").write_text(json.dumps({**info, "imei": imeis}))
    battery = json.loads((copy / "results" / "battery_record.json").read_text())
    battery.update(health_percent=health, cycle_count=cycles)
    (copy / "results" / "battery_record.json").write_text(json.dumps(battery))
    return load_profile(copy)


def adb_env(server: AdbServer) -> dict[str, str]:
    """The environment that points `diagnose` at the test's adb server."""
    return {"ANDROID_ADB_SERVER_PORT": str(server.port), "HOME": str(server.home)}


def pdf_text(path: Path) -> str:
    """The slip as a person reads it: text extracted from the PDF by poppler's pdftotext."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
