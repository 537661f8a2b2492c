"""A person changes their own password through the real command line and real store files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
OLD, NEW = "manager-pass-1", "a-new-pass-22"


def run_cli(data: Path, *args: str, stdin: str = "", password: str = OLD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPAIR_COUNTER_PASSWORD": password, "REPAIR_COUNTER_USER": "E1001"}
    env["REPAIR_COUNTER_DATA_DIR"] = str(data)
    env.pop("REPAIR_COUNTER_NEW_PASSWORD", None)
    return subprocess.run(
        [sys.executable, "-m", "app", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    made = run_cli(data, "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", "E1001")
    assert made.returncode == 0, made.stderr
    return data


def test_the_new_password_opens_the_store_and_the_old_one_no_longer_does(data: Path) -> None:
    changed = run_cli(data, "password", "--password-stdin", stdin=f"{OLD}\n{NEW}\n")
    assert changed.returncode == 0, changed.stderr
    assert "changed" in changed.stdout
    assert run_cli(data, "verify", password=OLD).returncode == 21
    assert run_cli(data, "verify", password=NEW).returncode == 0


def test_a_wrong_current_password_changes_nothing(data: Path) -> None:
    refused = run_cli(data, "password", "--password-stdin", stdin=f"not-the-password\n{NEW}\n")
    assert refused.returncode == 21
    assert run_cli(data, "verify", password=OLD).returncode == 0


def test_a_weak_new_password_is_refused_and_the_old_one_still_works(data: Path) -> None:
    refused = run_cli(data, "password", "--password-stdin", stdin=f"{OLD}\nshort\n")
    assert refused.returncode != 0 and refused.stderr.strip()
    assert run_cli(data, "verify", password=OLD).returncode == 0
