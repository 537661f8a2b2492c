"""Issue 21 item 1: `verify` never blesses tampering, and the anchor cannot be switched off.

Every check goes through `python -m app` on real files, as an attacker with file access
(and no key) would meet it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.upstream.enrolment import issue_enrol_code
from tests.integration.cli.store_cli import copy_store, edit_key_file, make_store, run_cli
from tests.integration.sync.test_counter_sync import upstream  # noqa: F401 - fixture

JOURNAL_BROKEN = 25


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("trust") / "data")


@pytest.fixture
def data(pristine: Path, tmp_path: Path) -> Path:
    return copy_store(pristine, tmp_path / "data")


def _older_copy_swapped_in(data: Path, tmp_path: Path) -> None:
    shutil.copy(data / "counter.db", tmp_path / "old.db")
    assert run_cli(data, "seed", "--tickets", "3").returncode == 0
    shutil.copy(tmp_path / "old.db", data / "counter.db")


def test_verify_does_not_clear_its_own_finding(data: Path, tmp_path: Path) -> None:
    _older_copy_swapped_in(data, tmp_path)
    first = run_cli(data, "verify")
    assert first.returncode == JOURNAL_BROKEN, first.stdout + first.stderr
    second = run_cli(data, "verify")
    assert second.returncode == JOURNAL_BROKEN, "the second verify must still see the older copy"
    assert "older copy" in second.stdout
    listing = run_cli(data, "ticket", "list")
    assert listing.returncode == JOURNAL_BROKEN, "ordinary commands stay refused"


def test_a_removed_anchor_is_tampering(data: Path, tmp_path: Path) -> None:
    _older_copy_swapped_in(data, tmp_path)
    edit_key_file(data, anchor=None)  # plain JSON: no key needed to do this
    result = run_cli(data, "verify", "--json")
    assert result.returncode == JOURNAL_BROKEN, result.stdout + result.stderr
    assert any("anchor has been removed" in p for p in json.loads(result.stdout)["problems"])
    assert run_cli(data, "ticket", "list").returncode == JOURNAL_BROKEN


def test_a_healthy_store_verifies_and_keeps_working(data: Path) -> None:
    assert run_cli(data, "verify").returncode == 0
    assert run_cli(data, "seed", "--tickets", "1").returncode == 0
    assert run_cli(data, "verify").returncode == 0


def test_an_older_database_and_key_file_restored_together(data: Path, tmp_path: Path, upstream) -> None:  # noqa: F811
    code = issue_enrol_code(upstream.store, "SZ01")
    assert run_cli(data, "enroll", "--upstream", upstream.url, "--code", code).returncode == 0
    assert run_cli(data, "sync", "--once").returncode == 0
    backup = copy_store(data, tmp_path / "backup")
    assert run_cli(data, "seed", "--tickets", "2").returncode == 0
    assert run_cli(data, "sync", "--once").returncode == 0
    for name in ("counter.db", "counter.keys"):
        shutil.copy(backup / name, data / name)

    offline = run_cli(data, "verify", "--json")  # the receipt kept in its own file catches it
    assert offline.returncode == JOURNAL_BROKEN, offline.stdout + offline.stderr
    assert any("older copy" in p for p in json.loads(offline.stdout)["problems"])

    (data / "last-anchor-receipt.json").unlink()  # even without it, the upstream still knows
    synced = run_cli(data, "sync", "--once")
    assert synced.returncode == JOURNAL_BROKEN, synced.stdout + synced.stderr
    assert "older copy" in synced.stderr
