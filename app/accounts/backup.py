"""Back up a store, verify a backup, and restore one into a new data directory.

The files and their proofs are app/storage/backup.py; here is who may do what.  Making a
backup needs a signed-in manager (it copies every customer's record).  Verifying and
restoring need an account of the backed-up store and its password: the backup's own key
file opens its database key, which checks the manifest's MAC, so nobody can restore, or
pass off as genuine, a backup they could not have opened anyway.
"""

from __future__ import annotations

from pathlib import Path

from app.accounts import service
from app.accounts.session import Session
from app.core.roles import Permission
from app.paths import DataPaths
from app.storage import backup
from app.storage.backup import BackupManifest
from app.storage.vault import Vault


def back_up(session: Session, target: Path) -> BackupManifest:
    session.require(Permission.BACK_UP_STORE)
    return backup.write_backup(session.store, session.vault.paths.key_file, target)


def verify_backup(folder: Path, account: str, password: str) -> BackupManifest:
    """Every check a restore relies on; raises BackupIncomplete, BackupTampered or WrongPassword."""
    folder = folder.expanduser().resolve()
    manifest, mac = backup.read_manifest(folder)
    vault = Vault(DataPaths(folder))  # a backup folder names its files as a data directory does
    db_key = vault.database_key(vault.credentials_for_account(account, password))
    backup.check_with_key(folder, manifest, mac, db_key)
    return manifest


def restore(folder: Path, target: DataPaths, account: str, password: str) -> BackupManifest:
    """Verify, place the files in an empty data directory, then sign in there once to prove it opens."""
    backup.refuse_existing_store(target)
    manifest = verify_backup(folder, account, password)
    backup.place_restored_files(folder.expanduser().resolve(), target)
    service.sign_in(Vault(target), account, password).lock()
    return manifest
