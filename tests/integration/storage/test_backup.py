"""Backups: back up, wipe, restore and compare every table; tampering and a killed backup refused."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.accounts import backup as backup_service
from app.accounts import service
from app.core.roles import Role
from app.paths import DataPaths
from app.storage import backup
from app.storage.backup import BackupIncomplete, BackupTampered, BackupTargetNotEmpty, RestoreTargetNotEmpty
from app.storage.vault import Vault
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, FAST_KDF, sample_ticket
from tests.integration.cli.store_cli import MANAGER, PASSWORD, make_store, run_cli

ROOT = Path(__file__).resolve().parents[3]


def every_table(data_dir: Path, account: str = MANAGER, password: str = PASSWORD) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in rowid order where there is one (the comparison a restore must pass)."""
    session = service.sign_in(Vault(DataPaths(data_dir)), account, password, check_anchor=False)
    try:
        store = session.store
        names = [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: sorted(store.query(f'SELECT * FROM "{name}"'), key=repr) for name in names}
    finally:
        session.store.close()


def test_backup_wipe_restore_gives_back_every_row(tmp_path: Path) -> None:
    data = make_store(tmp_path / "counter", tickets=12)
    before = every_table(data)
    made = run_cli(data, "backup", "--to", str(tmp_path / "usb" / "monday"))
    assert made.returncode == 0, made.stderr
    shutil.rmtree(data)  # the disk died

    verified = run_cli(data, "backup", "verify", str(tmp_path / "usb" / "monday"))
    assert verified.returncode == 0, verified.stderr
    restored = run_cli(tmp_path / "new-pc", "restore", "--from", str(tmp_path / "usb" / "monday"))
    assert restored.returncode == 0, restored.stderr

    after = every_table(tmp_path / "new-pc")
    assert sum(len(rows) for rows in before.values()) > 50
    assert before.keys() == after.keys()
    for table in before:
        assert after[table] == before[table], table
    assert run_cli(tmp_path / "new-pc", "verify").returncode == 0


def test_restore_never_overwrites_and_backup_never_reuses_a_folder(tmp_path: Path) -> None:
    data = make_store(tmp_path / "counter", tickets=1)
    assert run_cli(data, "backup", "--to", str(tmp_path / "b")).returncode == 0
    again = run_cli(data, "backup", "--to", str(tmp_path / "b"))
    assert again.returncode == BackupTargetNotEmpty.exit_code
    assert "code: backup_target_not_empty" in again.stderr
    onto_itself = run_cli(data, "restore", "--from", str(tmp_path / "b"))
    assert onto_itself.returncode == RestoreTargetNotEmpty.exit_code
    assert every_table(data)  # still opens


def test_technician_may_not_back_up(manager, tmp_path: Path) -> None:
    service.add_account(manager, "T2001", "Wang", Role.TECHNICIAN, "technician-pass-1")
    manager.lock()
    technician = service.sign_in(manager.vault, "T2001", "technician-pass-1")
    try:
        with pytest.raises(Exception, match="may not back up the store"):
            backup_service.back_up(technician, tmp_path / "b")
    finally:
        technician.lock()
    assert not (tmp_path / "b").exists()


@pytest.fixture
def made_backup(manager, tmp_path: Path) -> Path:
    for n in range(4):
        open_ticket(manager, sample_ticket(n))
    folder = tmp_path / "backup"
    backup_service.back_up(manager, folder)
    return folder


def _resign(folder: Path, change: dict[str, Any]) -> None:
    """What someone without the key can do: edit the manifest and rehash the files."""
    data = json.loads((folder / backup.MANIFEST).read_text())
    data.update(change)
    for name in data["files"]:
        data["files"][name] = backup.file_digest(folder / name)
    (folder / backup.MANIFEST).write_text(json.dumps(data))


def test_a_changed_byte_is_refused(made_backup: Path) -> None:
    with (made_backup / backup.DATABASE).open("r+b") as handle:
        handle.seek(3 * 4096 + 100)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(BackupTampered, match="counter.db"):
        backup_service.verify_backup(made_backup, ADMIN, ADMIN_PASSWORD)


def test_a_rehashed_change_is_refused_by_the_signature(made_backup: Path, tmp_path: Path) -> None:
    with (made_backup / backup.DATABASE).open("r+b") as handle:
        handle.seek(2 * 4096 + 7)
        handle.write(b"\x00\x00\x00\x00")
    _resign(made_backup, {})  # hashes fit again: the database itself must catch it
    with pytest.raises(BackupTampered):
        backup_service.verify_backup(made_backup, ADMIN, ADMIN_PASSWORD)
    with pytest.raises(BackupTampered):
        backup_service.restore(made_backup, DataPaths(tmp_path / "new"), ADMIN, ADMIN_PASSWORD)
    assert not (tmp_path / "new" / "counter.db").exists()


def test_an_edited_manifest_is_refused(made_backup: Path) -> None:
    data = json.loads((made_backup / backup.MANIFEST).read_text())
    _resign(made_backup, {"made_at": "2020-01-01T00:00:00.000+00:00", "tables": {**data["tables"], "tickets": 1}})
    with pytest.raises(BackupTampered, match="not made with this store's key"):
        backup_service.verify_backup(made_backup, ADMIN, ADMIN_PASSWORD)


def test_another_stores_files_are_refused(made_backup: Path, tmp_path: Path) -> None:
    other = Vault(DataPaths(tmp_path / "other"), argon2=FAST_KDF)
    first = service.initialise_store(other, service.OutletInfo("SZ02", "B", "CN", ""), ADMIN, "X", ADMIN_PASSWORD)
    first.session.lock()
    shutil.copyfile(tmp_path / "other" / "counter.db", made_backup / backup.DATABASE)
    _resign(made_backup, {})
    with pytest.raises(BackupTampered):
        backup_service.verify_backup(made_backup, ADMIN, ADMIN_PASSWORD)


@pytest.mark.parametrize("step", ["files_copied", "manifest_written"])
def test_a_backup_killed_midway_leaves_nothing_that_verifies_as_the_target(tmp_path: Path, step: str) -> None:
    data = make_store(tmp_path / "counter", tickets=3)
    target = tmp_path / "usb" / "monday"
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.integration.storage.backup_helpers",
            str(data),
            str(target),
            step,
            MANAGER,
            PASSWORD,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert not target.exists()
    with pytest.raises(BackupIncomplete):
        backup_service.verify_backup(target, MANAGER, PASSWORD)
    partials = list(target.parent.glob(".monday.partial-*"))
    assert len(partials) == 1
    if step == "files_copied":  # no manifest yet: the half-made copy is not a backup
        with pytest.raises(BackupIncomplete):
            backup_service.verify_backup(partials[0], MANAGER, PASSWORD)
    # The store is untouched and a new backup to the same name succeeds.
    assert run_cli(data, "backup", "--to", str(target)).returncode == 0
    assert run_cli(data, "backup", "verify", str(target)).returncode == 0
