"""Issue 21 item 6, the store's part: owner-only files, temp files cleaned, and a truncated
database or a directory in its place each told apart (through the command line)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.paths import DataPaths
from app.storage.vault import Vault
from tests.integration.cli.store_cli import copy_store, make_store, run_cli


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("hygiene") / "data", tickets=3)


@pytest.fixture
def data(pristine: Path, tmp_path: Path) -> Path:
    return copy_store(pristine, tmp_path / "data")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_store_file_is_owner_only_and_stale_temp_files_go(data: Path) -> None:
    os.chmod(data / "counter.db", 0o644)  # as a copy or a restore with a wide umask leaves it
    os.chmod(data / "counter.keys", 0o644)
    stale = data / ".counter.keys.tmp-999999"  # a killed process's unfinished key-file write
    stale.write_text("{}")
    assert run_cli(data, "ticket", "list").returncode == 0
    assert not stale.exists()
    for name in ("counter.db", "counter.keys", "counter.lock"):
        assert _mode(data / name) == 0o600, name


def test_a_truncated_database_is_called_truncated(data: Path) -> None:
    with open(data / "counter.db", "r+b") as handle:
        handle.truncate(3000)
    result = run_cli(data, "verify")
    assert result.returncode == 22, result.stderr
    assert "truncated: 3000 bytes" in result.stderr and "another application" not in result.stderr


def test_an_empty_database_file_is_truncated_too(data: Path) -> None:
    (data / "counter.db").write_bytes(b"")
    result = run_cli(data, "ticket", "list")
    assert result.returncode == 22 and "truncated: 0 bytes" in result.stderr


def test_a_directory_in_place_of_the_database(data: Path) -> None:
    (data / "counter.db").unlink()
    (data / "counter.db").mkdir()
    result = run_cli(data, "verify")
    assert result.returncode == 24, result.stderr
    assert "counter.db is a directory" in result.stderr and "Traceback" not in result.stderr


def test_seed_is_for_managers_and_journaled_as_synthetic(data: Path) -> None:
    clerk_password = {"REPAIR_COUNTER_NEW_PASSWORD": "clerk-pass-12"}
    added = run_cli(data, "staff", "add", "C3002", "--role", "intake_clerk", **clerk_password)
    assert added.returncode == 0, added.stderr
    clerk = run_cli(data, "seed", "--tickets", "2", user="C3002", password="clerk-pass-12")
    assert clerk.returncode == 13, "a clerk may not mix synthetic tickets into a real store"
    assert run_cli(data, "seed", "--tickets", "2").returncode == 0
    store = Vault(DataPaths(data)).unlock("E1001", "manager-pass-1")
    try:
        marks = [e for e in store.journal_entries(limit=100_000) if e.entity == "synthetic_tickets"]
    finally:
        store.close()
    assert len(marks) == 2, "the fixture's seed and this one each say which tickets are synthetic"
