"""The data directory's key file and database as one thing: create, unlock, rotate, anchor.

Key rotation (an account removed) runs in steps that a crash can interrupt
anywhere without locking out the remaining accounts:

1. the new key, sealed to every remaining holder, is written to the key file
   as `pending` (the current slots still open the current database);
2. the database is exported under the new key to a side file;
3. the WAL is folded in and the side file renamed over the database;
4. the key file promotes `pending` to current and drops the removed slot.

Unlock tries the current key, then the pending one, and finishes whatever
rotation it finds half done.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.clock import Clock, iso, utc_now
from app.paths import DataPaths
from app.storage import database, sealing, wal_check
from app.storage.errors import (
    AccountError,
    AlreadyInitialised,
    DatabaseMissing,
    JournalBroken,
    NotRepairCounterFile,
    StoreInUse,
    StoreNotInitialised,
    WrongPassword,
)
from app.storage.keyfile import (
    RECOVERY,
    Anchor,
    KeyFile,
    PendingRotation,
    db_key_context,
    new_account_slot,
    open_account_private_key,
    rewrap_private_key,
    seal_for_all,
)
from app.storage.store import Store, journal_continues_from, journal_hash_at
from app.storage.writer_lock import acquire_writer_lock

#: Set inside the encrypted database when the store is created: from then on a key file
#: without an anchor means the anchor was removed, which needs no key to do.
ANCHOR_BOUND = "anchor_bound"
RECOVERY_SIGNING = "recovery_signing_public"
#: Key-file record of a damaged write-ahead log found at open (kept aside, never deleted).
WAL_LOSS = "wal_loss"


@dataclass(frozen=True)
class Created:
    """A new store, open; the recovery key (shown once); the first manager's private key."""

    store: Store
    recovery_key: str
    admin_private: bytes


@dataclass(frozen=True)
class Credentials:
    """Who is opening the store: an account and its private key, or the recovery key."""

    holder: str
    private_key: bytes


def _no_step(name: str) -> None:
    """Crash-test hook: tests replace it to kill the process between rotation steps."""


class Vault:
    def __init__(self, paths: DataPaths, *, argon2: sealing.Argon2Params | None = None, clock: Clock = utc_now) -> None:
        self.paths = paths
        self.argon2 = argon2 or sealing.Argon2Params()
        self.clock = clock
        self.on_step: Callable[[str], None] = _no_step

    # --- what is there ----------------------------------------------------------------------

    @property
    def _init_side_file(self) -> Path:
        return self.paths.database.with_name(self.paths.database.name + ".init")

    @property
    def _rekey_side_file(self) -> Path:
        return self.paths.database.with_name(self.paths.database.name + ".rekey")

    def is_initialised(self) -> bool:
        return self.paths.key_file.exists()

    def load_keys(self) -> KeyFile:
        if not self.paths.key_file.exists():
            if self.paths.database.exists():
                raise NotRepairCounterFile(
                    f"{self.paths.database} has no key file beside it ({self.paths.key_file.name}); "
                    "without it the database cannot be opened."
                )
            raise StoreNotInitialised(f"No Repair Counter store in {self.paths.root}.")
        return KeyFile.load(self.paths.key_file)

    def account_names(self) -> list[str]:
        return sorted(self.load_keys().slots)

    # --- first run --------------------------------------------------------------------------

    def initialise(self, admin_account: str, admin_password: str) -> Created:
        """Create the database and key file; returns the open store and the recovery key (shown once)."""
        if self.paths.key_file.exists() or self.paths.database.exists():
            raise AlreadyInitialised(f"{self.paths.root} already holds a Repair Counter store.")
        self.paths.ensure_root()
        lock = acquire_writer_lock(self.paths.lock_file, admin_account)
        try:
            created = self._create(admin_account, admin_password)
        except BaseException:
            lock.release()
            raise
        created.store.take_writer_lock(lock)
        return created

    def _create(self, admin_account: str, admin_password: str) -> Created:
        if self.paths.key_file.exists() or self.paths.database.exists():  # made meanwhile by another process
            raise AlreadyInitialised(f"{self.paths.root} already holds a Repair Counter store.")
        db_key = sealing.new_database_key()
        side = self._init_side_file
        if side.exists():
            side.unlink()  # an earlier init died before its key file: nobody holds that key
        store = Store(database.create_new(side, db_key), db_key, side, clock=self.clock)
        store_id = store.store_id
        store.set_meta_value(ANCHOR_BOUND, "1")
        head = store.journal_head()
        database.checkpoint_and_close(store.detach_connection(), side)
        recovery_private, recovery_public = sealing.new_key_pair()
        admin_slot, admin_private = new_account_slot(store_id, 1, admin_account, admin_password, db_key, self.argon2)
        keys = KeyFile(
            store_id=store_id,
            generation=1,
            slots={admin_account: admin_slot},
            recovery_public=sealing.b64(recovery_public),
            recovery_db_key=sealing.seal_to(recovery_public, db_key, db_key_context(store_id, 1, RECOVERY)),
            anchor=Anchor.make(db_key, store_id, head.seq, head.hash),
            extra={RECOVERY_SIGNING: sealing.b64(sealing.signing_public_of(recovery_private))},
        )
        keys.save(self.paths.key_file)
        os.replace(side, self.paths.database)
        return Created(self._open_with_key(db_key), sealing.format_recovery_key(recovery_private), admin_private)

    def _finish_interrupted_init(self) -> None:
        """The key file was written but the database not yet moved into place: move it now."""
        if not self.paths.database.exists() and self._init_side_file.exists():
            os.replace(self._init_side_file, self.paths.database)

    # --- unlocking --------------------------------------------------------------------------

    def credentials_for_account(self, account: str, password: str) -> Credentials:
        keys = self.load_keys()
        try:
            return Credentials(account, open_account_private_key(keys, account, password))
        except sealing.SealBroken as exc:
            raise WrongPassword(f"The password for {account} is wrong, or there is no such account.") from exc

    def credentials_for_recovery(self, recovery_key: str) -> Credentials:
        keys = self.load_keys()
        try:
            private = sealing.parse_recovery_key(recovery_key)
        except sealing.SealBroken as exc:
            raise WrongPassword("That is not a recovery key (13 groups of 4 letters and digits).") from exc
        if sealing.public_of(private) != sealing.unb64(keys.recovery_public):
            raise WrongPassword("That recovery key does not belong to this store.")
        return Credentials(RECOVERY, private)

    def unlock(self, account: str, password: str) -> Store:
        return self.open(self.credentials_for_account(account, password))

    def unlock_with_recovery(self, recovery_key: str) -> Store:
        return self.open(self.credentials_for_recovery(recovery_key))

    def open(self, who: Credentials) -> Store:
        """Open the store for this holder, holding the store's lock until the store closes."""
        self.load_keys()
        lock = acquire_writer_lock(self.paths.lock_file, who.holder)
        try:
            store = self._open_locked(who)
        except BaseException:
            lock.release()
            raise
        return store.take_writer_lock(lock)

    def _open_locked(self, who: Credentials) -> Store:
        keys = self.load_keys()  # read again under the lock: a rotation may have just finished
        self._finish_interrupted_init()
        self._tidy_data_directory()
        self._keep_damaged_wal()
        if not self.paths.database.exists():
            raise DatabaseMissing(
                f"The key file is in {self.paths.root} but the database {self.paths.database.name} is missing."
            )
        current = self._unseal(keys, who, pending=False)
        pending = self._unseal(keys, who, pending=True) if keys.pending else None
        if current is None and pending is None:
            raise AccountError(f"The account {who.holder} has been removed from this store.")
        if current is not None:
            try:
                conn = database.open_existing(self.paths.database, current)
            except database.KeyDoesNotFit:
                if keys.pending and pending is None:  # re-keyed without this holder: it was removed
                    raise AccountError(f"The account {who.holder} has been removed from this store.") from None
                if pending is None:
                    database.raise_damaged(self.paths.database, current)
            else:
                store = Store(conn, current, self.paths.database, clock=self.clock)
                if keys.pending and pending is not None:
                    return self._rotate(store, keys, pending)  # step 1 done, steps 2-4 still to do
                if keys.pending:  # this holder is being removed: finish that now, under a fresh key
                    self._restart_rotation(store, keys).close()
                    raise AccountError(f"The account {who.holder} has been removed from this store.")
                return store
        assert pending is not None
        return self._finish_rotation_after_swap(keys, pending)

    def _tidy_data_directory(self) -> None:
        """Under the lock, nobody else writes here: key-file temp copies left by a killed process
        go, and every file of the store is made owner-only again (a copy or restore may widen it)."""
        own_temp = f".{self.paths.key_file.name}.tmp-{os.getpid()}"
        for stale in self.paths.root.glob(f".{self.paths.key_file.name}.tmp-*"):
            if stale.name != own_temp:
                stale.unlink(missing_ok=True)
        db = self.paths.database
        store_files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), self.paths.key_file]
        for path in [*store_files, self.paths.lock_file]:
            if path.is_file() and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)

    def _keep_damaged_wal(self) -> None:
        """Before SQLite reads the WAL (and drops what follows a bad frame): copy it aside and
        record the loss, which sign-in and `verify` then report."""
        wal = self.paths.database.with_name(self.paths.database.name + "-wal")
        found = wal_check.damage(wal)
        if found is None:
            return
        kept = wal.with_name(f"{wal.name}.damaged-{utc_now().strftime('%Y%m%dT%H%M%S')}")
        shutil.copyfile(wal, kept)
        os.chmod(kept, 0o600)
        record = {"kept": kept.name, "first_bad_frame": found.first_bad_frame, "commits_lost": found.commits_lost}
        self.write_extra(WAL_LOSS, {**record, "found_at": iso(self.clock())})

    def database_key(self, who: Credentials) -> bytes:
        """The current database key this holder's slot opens (a backup's manifest is checked with it)."""
        key = self._unseal(self.load_keys(), who, pending=False)
        if key is None:
            raise AccountError(f"The account {who.holder} holds no key to this store.")
        return key

    def _unseal(self, keys: KeyFile, who: Credentials, *, pending: bool) -> bytes | None:
        sealed = keys.sealed_key_for(who.holder, pending=pending)
        if sealed is None:
            return None
        generation = keys.pending.generation if pending and keys.pending else keys.generation
        try:
            return sealing.open_sealed(who.private_key, sealed, db_key_context(keys.store_id, generation, who.holder))
        except sealing.SealBroken as exc:
            raise NotRepairCounterFile("A key slot in the key file has been altered.") from exc

    def _open_with_key(self, key: bytes) -> Store:
        try:
            conn = database.open_existing(self.paths.database, key)
        except database.KeyDoesNotFit:
            database.raise_damaged(self.paths.database, key)
            raise  # unreachable: raise_damaged always raises
        return Store(conn, key, self.paths.database, clock=self.clock)

    def open_with_raw_key(self, key: bytes) -> Store:
        """For benchmarks and crash tests that already hold the key."""
        self.load_keys()
        lock = acquire_writer_lock(self.paths.lock_file, "a program holding the raw key")
        try:
            return self._open_with_key(key).take_writer_lock(lock)
        except BaseException:
            lock.release()
            raise

    # --- accounts ---------------------------------------------------------------------------

    def add_account(self, store: Store, account: str, password: str) -> bytes:
        """Give the account a slot; returns its public signing key."""
        keys = self.load_keys()
        if account in keys.slots:
            raise AccountError(f"The account {account} already has a key slot.")
        keys.slots[account], private = new_account_slot(
            keys.store_id, keys.generation, account, password, store.key, self.argon2
        )
        keys.save(self.paths.key_file)
        return sealing.signing_public_of(private)

    def change_password(self, account: str, old_password: str, new_password: str) -> None:
        """Only this account's slot changes; the database is not touched."""
        who = self.credentials_for_account(account, old_password)
        keys = self.load_keys()
        rewrap_private_key(keys, account, who.private_key, new_password, self.argon2)
        keys.save(self.paths.key_file)

    def reset_password(self, store: Store, account: str, new_password: str) -> bytes:
        """A manager gives an account a new slot (the person forgot the password); returns its
        new public signing key, which the manager signs into the account's staff record."""
        keys = self.load_keys()
        if account not in keys.slots:
            raise AccountError(f"There is no account {account}.")
        keys.slots[account], private = new_account_slot(
            keys.store_id, keys.generation, account, new_password, store.key, self.argon2
        )
        keys.save(self.paths.key_file)
        return sealing.signing_public_of(private)

    def recovery_signing_public(self) -> bytes:
        """The recovery key's public signing key, bound into every staff record's signature
        (empty for a store made before staff records were signed)."""
        value = self.load_keys().extra.get(RECOVERY_SIGNING)
        return sealing.unb64(value) if isinstance(value, str) else b""

    def remove_account(self, store: Store, account: str) -> Store:
        """Drop the account's slot and rotate the database key; returns the re-opened store."""
        keys = self.load_keys()
        if account not in keys.slots:
            raise AccountError(f"There is no account {account}.")
        if len(keys.slots) == 1:
            raise AccountError("The last account cannot be removed.")
        lock = store.writer_lock
        if lock is None or lock.sharers > 1:  # the rotation replaces the file under every other connection
            raise StoreInUse("The key cannot be rotated while another session of this program has the store open.")
        store.writer_lock = None
        new_key = sealing.new_database_key()
        keys.pending = PendingRotation(
            keys.generation + 1, seal_for_all(keys, new_key, keys.generation + 1, exclude=[account])
        )
        keys.save(self.paths.key_file)
        self.on_step("pending-written")
        try:
            return self._rotate(store, keys, new_key).take_writer_lock(lock)
        except BaseException:
            lock.release()
            raise

    def _restart_rotation(self, store: Store, keys: KeyFile) -> Store:
        """A rotation that has not reached the swap, met by a holder it leaves out (who cannot
        open its new key): replace it by one under a fresh key that leaves out the same holders."""
        assert keys.pending is not None
        left_out = set(keys.holders()) - set(keys.pending.db_keys)
        new_key = sealing.new_database_key()
        generation = keys.pending.generation
        keys.pending = PendingRotation(generation, seal_for_all(keys, new_key, generation, exclude=left_out))
        keys.save(self.paths.key_file)
        return self._rotate(store, keys, new_key)

    def _rotate(self, store: Store, keys: KeyFile, new_key: bytes) -> Store:
        side = self._rekey_side_file
        self.check_anchor(store)  # never carry a bad state over to the new key
        self._save_anchor(store, keys)  # keep the head we know, to re-anchor under the new key
        conn = store.detach_connection()
        database.export_with_new_key(conn, side, new_key)
        self.on_step("exported")
        database.checkpoint_and_close(conn, self.paths.database)
        self.on_step("checkpointed")
        os.replace(side, self.paths.database)
        self.on_step("swapped")
        return self._finish_rotation_after_swap(keys, new_key)

    def _finish_rotation_after_swap(self, keys: KeyFile, new_key: bytes) -> Store:
        assert keys.pending is not None
        store = self._open_with_key(new_key)
        pending = keys.pending
        for holder in list(keys.slots):
            if holder in pending.db_keys:
                keys.slots[holder].db_key = pending.db_keys[holder]
            else:
                del keys.slots[holder]
        keys.recovery_db_key = pending.db_keys[RECOVERY]
        keys.generation, keys.pending = pending.generation, None
        if keys.anchor is not None:
            keys.anchor = Anchor.make(new_key, keys.store_id, keys.anchor.seq, keys.anchor.head)
        keys.save(self.paths.key_file)
        self.on_step("committed")
        return store

    # --- small records kept beside the key slots (sync enrolment, the last anchor receipt) ------

    def read_extra(self, name: str) -> dict[str, Any] | None:
        value = self.load_keys().extra.get(name)
        return value if isinstance(value, dict) else None

    def write_extra(self, name: str, value: dict[str, Any] | None) -> None:
        keys = self.load_keys()
        if value is None:
            keys.extra.pop(name, None)
        else:
            keys.extra[name] = value
        keys.save(self.paths.key_file)

    # --- the anchor: the journal head kept outside the database -------------------------------

    def check_anchor(self, store: Store) -> None:
        """Raise JournalBroken unless the database's journal descends from the anchored head."""
        keys = self.load_keys()
        loss = keys.extra.get(WAL_LOSS)
        if isinstance(loss, dict):
            raise JournalBroken(
                f"The database lost at least {loss.get('commits_lost')} committed changes: its write-ahead log "
                f"was damaged at frame {loss.get('first_bad_frame')} and everything after it was dropped. "
                f"The damaged log is kept as {loss.get('kept')}."
            )
        anchor = keys.anchor
        if anchor is None:
            if store.meta_value(ANCHOR_BOUND):
                raise JournalBroken(
                    "The journal anchor has been removed from the key file, but this store has had one "
                    "since it was created."
                )
            return  # a store made before anchors were bound to it; its first lock anchors it
        if not anchor.is_genuine(store.key, keys.store_id):
            raise JournalBroken("The journal anchor in the key file has been altered.")
        head = store.journal_head()
        if head.seq < anchor.seq:
            raise JournalBroken(
                f"The database is older than the last verified state: its journal ends at entry {head.seq}, "
                f"but entry {anchor.seq} was verified before. It may have been replaced by an older copy."
            )
        if anchor.seq and journal_hash_at(store, anchor.seq) != anchor.head:
            raise JournalBroken(f"Journal entry {anchor.seq} differs from the one verified before.")
        problem = journal_continues_from(store, anchor.seq, anchor.head)
        if problem:
            raise JournalBroken(f"The journal after the verified entry {anchor.seq} does not follow it: {problem}.")

    def save_anchor(self, store: Store) -> None:
        """Move the anchor to the current head, only once the head is shown to descend from it.

        Raises JournalBroken (and moves nothing) when it does not: a bad state is never anchored.
        """
        self.check_anchor(store)
        self._save_anchor(store, self.load_keys())

    def _save_anchor(self, store: Store, keys: KeyFile) -> None:
        if not store.meta_value(ANCHOR_BOUND):
            store.set_meta_value(ANCHOR_BOUND, "1")
        head = store.journal_head()
        if keys.anchor and keys.anchor.seq == head.seq and keys.anchor.head == head.hash:
            return
        keys.anchor = Anchor.make(store.key, keys.store_id, head.seq, head.hash)
        keys.save(self.paths.key_file)
