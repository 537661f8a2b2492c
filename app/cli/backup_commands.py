"""`backup --to FOLDER`, `backup verify FOLDER` and `restore --from FOLDER`: a store's backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.accounts import backup
from app.cli import env_or
from app.cli.store_commands import USER_ENV, _common, in_session, read_password
from app.errors import UsageError
from app.paths import DataPaths
from app.storage.backup import BackupManifest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    make = subparsers.add_parser("backup", help="write an encrypted, verifiable backup of the store (managers)")
    _common(make)
    make.add_argument("--to", metavar="FOLDER", help="a new or empty folder (a USB stick, the hub's disk)")
    make.set_defaults(func=run_backup)
    actions = make.add_subparsers(dest="backup_action", required=False)
    verify = actions.add_parser("verify", help="check a backup folder: hashes, signature, every page and row")
    _common(verify)
    verify.add_argument("folder", metavar="FOLDER")
    verify.set_defaults(func=run_verify_backup)

    restore = subparsers.add_parser("restore", help="bring a store back from a backup into a new data directory")
    _common(restore)
    restore.add_argument("--from", dest="source", required=True, metavar="FOLDER", help="the backup folder")
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    if not args.to:
        raise UsageError("Where to? Use backup --to FOLDER, or backup verify FOLDER.")
    target = Path(args.to)
    return in_session(args, lambda session: _say("backed up", target, backup.back_up(session, target)))


def run_verify_backup(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    return _say("verified", folder, backup.verify_backup(folder, _account(args), read_password(args)))


def run_restore(args: argparse.Namespace) -> int:
    target = DataPaths.at(getattr(args, "data_dir", None))
    source = Path(args.source)
    _say("restored", target.root, backup.restore(source, target, _account(args), read_password(args)))
    return 0


def _account(args: argparse.Namespace) -> str:
    user = env_or(getattr(args, "user", None), USER_ENV)
    if not user:
        raise UsageError(f"Which account of the backed-up store? Use --user ENGINEER_ID or set {USER_ENV}.")
    return user


def _say(done: str, where: Path, manifest: BackupManifest) -> int:
    rows = sum(manifest.tables.values())
    print(
        f"{done} {where}: store {manifest.store_id}, journal entry {manifest.journal_seq}, "
        f"{len(manifest.tables)} tables, {rows} rows, made {manifest.made_at}"
    )
    return 0
