"""Backups of a store: an encrypted copy, its key file and a manifest that proves both.

A backup folder holds three files:

- `counter.db`: a consistent copy of the database, exported under the store's own key
  (SQLCipher's `sqlcipher_export`, the path key rotation already uses), so it is exactly as
  unreadable as the store itself;
- `counter.keys`: the key file, whose slots open that key with an account's password or
  the recovery key (nothing in it is readable without one);
- `manifest.json`: the SHA-256 and size of both, the store id, the journal head, the number
  of rows of every table, and an HMAC over all that under a key derived from the database
  key.  Anyone can rehash the files; only a holder of the key could have made the HMAC, so
  a backup that was altered, or swapped for another store's, is refused.

The folder is written under a hidden partial name beside the target and renamed into place
only once the manifest is durable: a process killed halfway leaves a partial folder that
has no manifest (so nothing verifies) and no folder under the target name.

Restoring goes the other way, after a full verification: the copy is placed as the new
data directory's init side file (`counter.db.init`), the key file is written, and the side
file is renamed into place: the same finishing step the vault does for an interrupted
first run, so a restore killed midway completes at the next sign-in or is simply redone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from app import APPLICATION_ID
from app.clock import iso
from app.paths import DataPaths
from app.storage import database, journal
from app.storage.atomic_file import fsync_directory, write_atomically
from app.storage.errors import StoreError
from app.storage.store import Store

MANIFEST = "manifest.json"
DATABASE = "counter.db"
KEYS = "counter.keys"
FORMAT = "repair-counter-backup"
VERSION = 1
#: A manifest lists two files and some tables: anything larger is not ours.
MAX_MANIFEST_BYTES = 256 * 1024
_MAC_CONTEXT = b"repair-counter backup manifest v1"
_CHUNK = 1024 * 1024


class BackupError(StoreError):
    """Base of the backup and restore problems."""


class BackupTargetNotEmpty(BackupError):
    exit_code = 110
    next_step = "Choose a new, empty folder for the backup (old backups are never overwritten)."


class BackupIncomplete(BackupError):
    exit_code = 111
    next_step = "This folder is not a finished backup: use another backup, or make a new one."


class BackupTampered(BackupError):
    exit_code = 112
    next_step = "Do not restore from this folder: it was changed after it was made. Use another backup."


class RestoreTargetNotEmpty(BackupError):
    exit_code = 113
    next_step = "Restore into a new, empty data directory; an existing store is never overwritten."


@dataclass(frozen=True)
class BackupManifest:
    store_id: str
    made_at: str
    schema_version: int
    journal_seq: int
    journal_hash: str
    files: dict[str, dict[str, Any]]
    tables: dict[str, int]

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "made_at": self.made_at,
            "schema_version": self.schema_version,
            "journal": {"seq": self.journal_seq, "hash": self.journal_hash},
            "files": self.files,
            "tables": self.tables,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BackupManifest:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError("unknown manifest format")
        files = {str(name): {"sha256": str(f["sha256"]), "bytes": int(f["bytes"])} for name, f in data["files"].items()}
        if set(files) != {DATABASE, KEYS}:
            raise ValueError("the manifest does not list the database and the key file")
        return cls(
            store_id=str(data["store_id"]),
            made_at=str(data["made_at"]),
            schema_version=int(data["schema_version"]),
            journal_seq=int(data["journal"]["seq"]),
            journal_hash=str(data["journal"]["hash"]),
            files=files,
            tables={str(k): int(v) for k, v in data["tables"].items()},
        )


def _no_step(name: str) -> None:
    """Crash-test hook: tests replace it to kill the process between backup steps."""


def manifest_mac(db_key: bytes, body: dict[str, Any]) -> str:
    mac_key = hmac.new(db_key, _MAC_CONTEXT, hashlib.sha256).digest()
    return hmac.new(mac_key, journal.canonical_json(body).encode(), hashlib.sha256).hexdigest()


def file_digest(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return {"sha256": digest.hexdigest(), "bytes": size}


def table_counts(conn: database.Connection) -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    # FTS shadow tables and the like are counted too: a restore must bring every table back.
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


# --- writing ---------------------------------------------------------------------------------


def write_backup(
    store: Store, key_file: Path, target: Path, *, on_step: Callable[[str], None] = _no_step
) -> BackupManifest:
    """Copy the open store and its key file into `target` (new or empty), with a signed manifest."""
    target = target.expanduser().resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupTargetNotEmpty(
            f"{target} already exists and is not an empty folder.", params={"folder": str(target)}
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:8]}")
    partial.mkdir(mode=0o700)
    try:
        manifest = _fill_partial(store, key_file, partial, on_step)
        on_step("manifest_written")
        if target.exists():
            target.rmdir()  # empty (checked above): the rename needs the name free
        os.rename(partial, target)
        fsync_directory(target.parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


def _fill_partial(store: Store, key_file: Path, partial: Path, on_step: Callable[[str], None]) -> BackupManifest:
    with store._lock:  # the one connection: no write can slip between the copy and the counts
        conn = store.connection
        database.export_with_new_key(conn, partial / DATABASE, store.key)
        head = journal.head(conn)
        tables = table_counts(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        # Read under the same hold: a password change or rotation cannot interleave with the copy.
        write_atomically(partial / KEYS, key_file.read_bytes())
        key = store.key
    on_step("files_copied")
    manifest = BackupManifest(
        store_id=store.store_id,
        made_at=iso(store.clock()),
        schema_version=version,
        journal_seq=head.seq,
        journal_hash=head.hash,
        files={DATABASE: file_digest(partial / DATABASE), KEYS: file_digest(partial / KEYS)},
        tables=tables,
    )
    body = manifest.body()
    signed = {**body, "mac": manifest_mac(key, body)}
    write_atomically(partial / MANIFEST, json.dumps(signed, indent=1, sort_keys=True).encode())
    return manifest


# --- verifying -------------------------------------------------------------------------------


def read_manifest(folder: Path) -> tuple[BackupManifest, str]:
    """The manifest and its MAC, after checking both files against their recorded hashes."""
    path = folder / MANIFEST
    if not folder.is_dir() or not path.is_file():
        raise BackupIncomplete(
            f"{folder} holds no backup manifest: it is not a finished backup.", params={"folder": str(folder)}
        )
    try:
        raw = path.read_bytes()[: MAX_MANIFEST_BYTES + 1]
        if len(raw) > MAX_MANIFEST_BYTES:
            raise ValueError("too large")
        data = json.loads(raw)
        manifest, mac = BackupManifest.from_json(data), str(data["mac"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupTampered(
            f"The manifest in {folder} is not a backup manifest ({exc.__class__.__name__}).",
            params={"folder": str(folder)},
        ) from exc
    for name, recorded in manifest.files.items():
        if not (folder / name).is_file():
            raise BackupIncomplete(
                f"The backup in {folder} lacks {name}.", params={"folder": str(folder), "file": name}
            )
        if file_digest(folder / name) != recorded:
            raise BackupTampered(
                f"{name} in {folder} is not the file the backup recorded (its hash differs).",
                params={"folder": str(folder), "file": name},
            )
    return manifest, mac


def check_with_key(folder: Path, manifest: BackupManifest, mac: str, db_key: bytes) -> None:
    """The MAC, then the copy itself: opens read-only, every page, structure, journal, counts."""
    if not hmac.compare_digest(mac, manifest_mac(db_key, manifest.body())):
        raise BackupTampered(
            f"The manifest in {folder} was not made with this store's key.", params={"folder": str(folder)}
        )
    conn = _open_read_only(folder / DATABASE, db_key)
    try:
        _check_copy(folder, conn, manifest)
    finally:
        conn.close()


def _open_read_only(path: Path, db_key: bytes) -> database.Connection:
    conn: database.Connection = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    return conn


def _check_copy(folder: Path, conn: database.Connection, manifest: BackupManifest) -> None:
    def refuse(why: str) -> BackupTampered:
        return BackupTampered(f"The database copy in {folder} {why}.", params={"folder": str(folder)})

    try:
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
            raise refuse("is not a Repair Counter database")
        if database.failing_pages(conn) or database.sqlite_integrity_problems(conn):
            raise refuse("fails its integrity check")
        chain = journal.verify_chain(conn)
        counts = table_counts(conn)
    except database.DatabaseError as exc:
        raise refuse("does not open with this store's key") from exc
    if not chain.ok or (chain.head.seq, chain.head.hash) != (manifest.journal_seq, manifest.journal_hash):
        raise refuse("has an audit journal that does not match the manifest")
    if counts != manifest.tables:
        raise refuse("does not hold the rows the manifest counted")


# --- restoring -------------------------------------------------------------------------------


def refuse_existing_store(paths: DataPaths) -> None:
    for path in (paths.database, paths.key_file, paths.database.with_name(paths.database.name + ".init")):
        if path.exists():
            raise RestoreTargetNotEmpty(
                f"{paths.root} already holds a store ({path.name}); a restore never overwrites one.",
                params={"folder": str(paths.root)},
            )


def place_restored_files(folder: Path, paths: DataPaths) -> None:
    """Copy the verified files in; the database arrives last, by rename (see the module text)."""
    refuse_existing_store(paths)
    paths.ensure_root()
    side = paths.database.with_name(paths.database.name + ".init")
    _copy_durably(folder / DATABASE, side)
    write_atomically(paths.key_file, (folder / KEYS).read_bytes())
    os.replace(side, paths.database)
    fsync_directory(paths.root)


def _copy_durably(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # owner-only before any byte
    with os.fdopen(fd, "wb") as out, open(source, "rb") as handle:
        shutil.copyfileobj(handle, out, _CHUNK)
        out.flush()
        os.fsync(out.fileno())
