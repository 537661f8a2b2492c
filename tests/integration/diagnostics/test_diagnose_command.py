"""`repair-counter diagnose` in a real process, against a real adb server and simulated phones."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.tickets.conftest import walk_in

pytestmark = pytest.mark.integration


def diagnose(server, data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD,
        "REPAIR_COUNTER_USER": ADMIN,
        "ANDROID_ADB_SERVER_PORT": str(server.port),
        "HOME": str(server.home),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


#: The customer every run here is for: diagnostics need a customer the consent names (issue 13).
ZHAO_PHONE = "13800138000"


@pytest.fixture
def ticket_number(manager) -> str:
    """A ticket for the simulated OnePlus (diagnose --ticket checks that the phone is the ticket's)."""
    phone = walk_in(customer_name="Zhao Lei", customer_phone=ZHAO_PHONE, device_model="IN2010", imei="868915051234565")
    return open_ticket(manager, phone).number


@pytest.fixture
def data_dir(manager, vault, ticket_number):
    manager.lock()  # the command signs in by itself
    return vault.paths.root


def test_diagnose_prints_the_issue_json(phones, diag_adb_server, data_dir, ticket_number) -> None:
    handset = phones.start("coloros-oneplus8-tool")
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        handset.address,
        "--functions",
        "identity,battery,network",
        "--consent",
        "device_info,battery_record",
        "--customer",
        "Zhao Lei",
        "--ticket",
        ticket_number,
        "--json",
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["ticket"] == ticket_number and out["complete"] is True
    assert out["collected"] == ["device_info", "battery_record"]
    assert out["refused"] == ["base_station_id", "ssid", "bssid", "wifi_list", "network_record"]
    assert out["tool"] == {
        "package": "com.repaircounter.diagtool",
        "installed_version": 312,
        "required_version": 300,
        "updated": False,
    }
    assert out["identity"]["imei"] == ["868915051234565", "868915051234573"]
    assert set(out["identity"]) == {
        "imei",
        "model",
        "brand",
        "manufacturer",
        "serial",
        "android_release",
        "sdk",
        "build",
        "rom_version",
    }
    assert out["battery"]["health_percent"] == 91 and out["battery"]["source"]["level"] == "dumpsys_battery"
    assert set(out["battery"]) == {
        "level",
        "status",
        "health",
        "health_percent",
        "cycle_count",
        "temperature_c",
        "voltage_mv",
        "source",
    }


def test_refused_update_gives_no_data_and_says_declined(phones, diag_adb_server, data_dir) -> None:
    handset = phones.start("realme-gt2-old-tool")
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        handset.address,
        "--functions",
        "identity",
        "--consent",
        "device_info",
        "--customer",
        "Zhao Lei",
        "--phone",
        ZHAO_PHONE,
        "--refuse-update",
        "--json",
    )
    out = json.loads(result.stdout)
    assert result.returncode == 0 and out["diagnostics_declined"] is True and out["complete"] is False
    assert out["identity"] is None and out["battery"] is None and out["collected"] == []
    assert out["tool"]["installed_version"] == 250 and out["tool"]["updated"] is False


def test_accepted_update_installs_the_genuine_tool(phones, diag_adb_server, data_dir) -> None:
    handset = phones.start("realme-gt2-old-tool")
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        handset.address,
        "--functions",
        "identity",
        "--consent",
        "device_info",
        "--customer",
        "Zhao Lei",
        "--phone",
        ZHAO_PHONE,
        "--accept-update",
        "--json",
    )
    out = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert out["tool"] == {
        "package": "com.repaircounter.diagtool",
        "installed_version": 300,
        "required_version": 300,
        "updated": True,
    }


def test_no_update_answer_and_an_unauthorised_phone_are_explained(phones, diag_adb_server, data_dir) -> None:
    old = phones.start("realme-gt2-old-tool")
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        old.address,
        "--functions",
        "identity",
        "--consent",
        "device_info",
        "--customer",
        "Zhao Lei",
        "--phone",
        ZHAO_PHONE,
    )
    assert result.returncode == 83 and "--accept-update or --refuse-update" in result.stderr
    locked = phones.start("unauthorised-oppo-reno", wait={"unauthorized"})
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        locked.address,
        "--functions",
        "identity",
        "--consent",
        "device_info",
        "--customer",
        "Zhao Lei",
        "--phone",
        ZHAO_PHONE,
    )
    assert result.returncode == 43 and "Allow" in result.stderr


def test_unknown_identifiers_are_usage_errors(phones, diag_adb_server, data_dir) -> None:
    result = diagnose(
        diag_adb_server,
        data_dir,
        "diagnose",
        "--device",
        "x",
        "--functions",
        "identity,xray",
        "--consent",
        "device_info",
        "--customer",
        "Zhao Lei",
    )
    assert result.returncode == 2 and "xray" in result.stderr
