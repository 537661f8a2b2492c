"""`repair-counter enroll` and `repair-counter sync --once --json` in real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.tickets.intake import open_ticket
from app.upstream.enrolment import issue_enrol_code
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket
from tests.integration.sync.test_counter_sync import upstream  # noqa: F401 - fixture

pytestmark = pytest.mark.integration


def cli(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REPAIR_COUNTER_USER": ADMIN,
        "REPAIR_COUNTER_PASSWORD": ADMIN_PASSWORD,
        "REPAIR_COUNTER_DATA_DIR": str(data_dir),
    }
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120)


def test_enroll_then_sync_once_prints_the_documented_json(vault, manager, upstream) -> None:  # noqa: F811
    for i in range(3):
        open_ticket(manager, sample_ticket(i))
    manager.lock()
    data = vault.paths.root
    code = issue_enrol_code(upstream.store, "SZ01")

    enrolled = cli(data, "enroll", "--upstream", upstream.url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    again = cli(data, "enroll", "--upstream", upstream.url, "--code", code)
    assert again.returncode == 75, "a one-time code works once"

    first = cli(data, "sync", "--once", "--json")
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert set(result) == {"pushed", "pulled", "pending", "errors"}
    assert result["pushed"] == 3 and result["pending"] == 0 and result["errors"] == []
    assert json.loads(cli(data, "sync", "--once", "--json").stdout)["pushed"] == 0
    assert cli(data, "verify").returncode == 0


def test_sync_before_enrolment_says_what_to_do(vault, manager) -> None:
    manager.lock()
    result = cli(vault.paths.root, "sync", "--once")
    assert result.returncode == 100
    assert "repair-counter enroll" in result.stderr
