"""Each store error of issue 2 point 7, produced for real through the command line:
its own exit code and a message a person can act on."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "manager-pass-1"


def run_cli(*args: str, password: str = PASSWORD, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPAIR_COUNTER_PASSWORD": password, "REPAIR_COUNTER_USER": "E1001"}
    if data_dir is not None:
        env["REPAIR_COUNTER_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One initialised store with some tickets; each test works on its own copy."""
    data = tmp_path_factory.mktemp("pristine") / "data"
    result = run_cli(
        "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", "E1001", data_dir=data
    )
    assert result.returncode == 0, result.stderr
    assert "RECOVERY KEY" in result.stdout
    seed = run_cli("seed", "--tickets", "40", data_dir=data)
    assert seed.returncode == 0, seed.stderr
    return data


@pytest.fixture
def data(pristine, tmp_path) -> Path:
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(pristine, copy)
    return copy


def test_verify_passes_on_a_healthy_store(data) -> None:
    result = run_cli("verify", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert '"ok": true' in result.stdout


def test_wrong_password(data) -> None:
    result = run_cli("verify", password="wrong-password", data_dir=data)
    assert result.returncode == 21
    assert "password for E1001 is wrong" in result.stderr and "recovery key" in result.stderr


def test_damaged_database_names_the_page(data) -> None:
    db = data / "counter.db"
    pages = db.stat().st_size // 4096
    assert pages >= 4
    with open(db, "r+b") as handle:  # scribble over the middle of page 3
        handle.seek(2 * 4096 + 1500)
        handle.write(os.urandom(64))
    result = run_cli("verify", data_dir=data)
    assert result.returncode == 22, result.stdout + result.stderr
    assert "page 3" in result.stdout + result.stderr


def test_damaged_first_page_is_damage_not_a_wrong_password(data) -> None:
    db = data / "counter.db"
    with open(db, "r+b") as handle:
        handle.seek(200)
        handle.write(os.urandom(32))
    result = run_cli("verify", data_dir=data)
    assert result.returncode == 22, result.stderr
    assert "damaged (page 1" in result.stderr


def test_key_file_present_but_database_missing(data) -> None:
    (data / "counter.db").unlink()
    result = run_cli("verify", data_dir=data)
    assert result.returncode == 23
    assert "database counter.db is missing" in result.stderr
    assert not (data / "counter.db").exists(), "a new empty store must never be created"


def test_a_plain_sqlite_file_is_not_a_repair_counter_file(data) -> None:
    (data / "counter.db").unlink()
    sqlite3.connect(data / "counter.db").execute("CREATE TABLE t (x)").connection.close()
    result = run_cli("verify", data_dir=data)
    assert result.returncode == 24
    assert "plain, unencrypted SQLite database" in result.stderr


def test_a_foreign_key_file_is_not_a_repair_counter_file(data) -> None:
    (data / "counter.keys").write_text('{"some": "other program"}')
    result = run_cli("verify", data_dir=data)
    assert result.returncode == 24
    assert "not a Repair Counter key file" in result.stderr


def test_an_empty_directory_says_how_to_initialise(tmp_path) -> None:
    result = run_cli("verify", data_dir=tmp_path / "nothing")
    assert result.returncode == 20
    assert "repair-counter init" in result.stderr


def test_a_journal_rolled_back_gives_its_own_code(data, tmp_path) -> None:
    import shutil

    shutil.copy(data / "counter.db", tmp_path / "old.db")
    assert run_cli("seed", "--tickets", "3", data_dir=data).returncode == 0
    assert run_cli("verify", data_dir=data).returncode == 0
    shutil.copy(tmp_path / "old.db", data / "counter.db")
    result = run_cli("verify", "--json", data_dir=data)
    assert result.returncode == 25
    assert "older copy" in result.stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("repair-counter ")
