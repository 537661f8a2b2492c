"""The key file beside the database: one key slot per staff account, the recovery slot,
a pending key rotation, and the last verified journal head (the anchor).

It holds no personal data and nothing that opens the database without a
password or the recovery key.  Every change is written atomically.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import APPLICATION_ID
from app.storage import sealing
from app.storage.atomic_file import write_atomically
from app.storage.errors import NotRepairCounterFile

FORMAT = "repair-counter-keys"
VERSION = 1
MAX_KEY_FILE_BYTES = 1024 * 1024


def db_key_context(store_id: str, generation: int, holder: str) -> bytes:
    """Binds a sealed database key to its store, key generation and holder."""
    return f"db-key|{store_id}|{generation}|{holder}".encode()


def private_key_context(store_id: str, account: str) -> bytes:
    return f"account-key|{store_id}|{account}".encode()


RECOVERY = "#recovery"


@dataclass
class AccountSlot:
    salt: str
    kdf: dict[str, int]
    public: str
    wrapped_private: dict[str, str]
    db_key: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class Anchor:
    """The journal head last seen verified, MACed with a key derived from the database key."""

    seq: int
    head: str
    mac: str

    @staticmethod
    def compute_mac(db_key: bytes, store_id: str, seq: int, head: str) -> str:
        mac_key = hashlib.sha256(b"anchor-mac|" + db_key).digest()
        return hmac.new(mac_key, f"{store_id}|{seq}|{head}".encode(), hashlib.sha256).hexdigest()

    @classmethod
    def make(cls, db_key: bytes, store_id: str, seq: int, head: str) -> Anchor:
        return cls(seq, head, cls.compute_mac(db_key, store_id, seq, head))

    def is_genuine(self, db_key: bytes, store_id: str) -> bool:
        return hmac.compare_digest(self.mac, self.compute_mac(db_key, store_id, self.seq, self.head))


@dataclass
class PendingRotation:
    """A new database key sealed to the accounts that keep access, written before the database is re-keyed."""

    generation: int
    db_keys: dict[str, dict[str, str]]  # account (or RECOVERY) -> sealed new key


@dataclass
class KeyFile:
    store_id: str
    generation: int
    slots: dict[str, AccountSlot]
    recovery_public: str
    recovery_db_key: dict[str, str]
    anchor: Anchor | None = None
    pending: PendingRotation | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. the sync token, sealed

    # --- persistence -------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        write_atomically(path, json.dumps(self._to_json(), indent=1, sort_keys=True).encode())

    def _to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "application_id": APPLICATION_ID,
            "store_id": self.store_id,
            "generation": self.generation,
            "slots": {name: slot.to_json() for name, slot in self.slots.items()},
            "recovery": {"public": self.recovery_public, "db_key": self.recovery_db_key},
            "anchor": self.anchor.__dict__ if self.anchor else None,
            "pending": self.pending.__dict__ if self.pending else None,
            "extra": self.extra,
        }

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()[: MAX_KEY_FILE_BYTES + 1]
            if len(raw) > MAX_KEY_FILE_BYTES:
                raise ValueError("too large")
            data = json.loads(raw)
            return cls._from_json(data)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotRepairCounterFile(
                f"{path.name} is not a Repair Counter key file ({exc.__class__.__name__})."
            ) from exc

    @classmethod
    def _from_json(cls, data: dict[str, Any]) -> KeyFile:
        if data.get("format") != FORMAT or data.get("application_id") != APPLICATION_ID:
            raise ValueError("unknown format")
        if data.get("version") != VERSION:
            raise ValueError(f"key file version {data.get('version')}")
        pending = data.get("pending")
        anchor = data.get("anchor")
        return cls(
            store_id=str(data["store_id"]),
            generation=int(data["generation"]),
            slots={str(k): AccountSlot(**v) for k, v in data["slots"].items()},
            recovery_public=str(data["recovery"]["public"]),
            recovery_db_key=dict(data["recovery"]["db_key"]),
            anchor=Anchor(int(anchor["seq"]), str(anchor["head"]), str(anchor["mac"])) if anchor else None,
            pending=PendingRotation(int(pending["generation"]), dict(pending["db_keys"])) if pending else None,
            extra=dict(data.get("extra") or {}),
        )

    # --- slots -------------------------------------------------------------------------------

    def holders(self) -> dict[str, bytes]:
        """Public key of every holder of the database key (accounts and the recovery key)."""
        publics = {name: sealing.unb64(slot.public) for name, slot in self.slots.items()}
        publics[RECOVERY] = sealing.unb64(self.recovery_public)
        return publics

    def sealed_key_for(self, holder: str, *, pending: bool) -> dict[str, str] | None:
        if pending:
            return self.pending.db_keys.get(holder) if self.pending else None
        if holder == RECOVERY:
            return self.recovery_db_key
        slot = self.slots.get(holder)
        return slot.db_key if slot else None


def new_account_slot(
    store_id: str, generation: int, account: str, password: str, db_key: bytes, params: sealing.Argon2Params
) -> tuple[AccountSlot, bytes]:
    """The slot, and the account's private key (its signing key is derived from it)."""
    salt = sealing.new_database_key()[:16]
    private, public = sealing.new_key_pair()
    wrapping_key = sealing.password_key(password, salt, params)
    return AccountSlot(
        salt=sealing.b64(salt),
        kdf=params.to_json(),
        public=sealing.b64(public),
        wrapped_private=sealing.wrap(wrapping_key, private, private_key_context(store_id, account)),
        db_key=sealing.seal_to(public, db_key, db_key_context(store_id, generation, account)),
    ), private


def open_account_private_key(keys: KeyFile, account: str, password: str) -> bytes:
    """Raises sealing.SealBroken for a wrong password or an unknown account."""
    slot = keys.slots.get(account)
    if slot is None:
        raise sealing.SealBroken("no such account")
    wrapping_key = sealing.password_key(password, sealing.unb64(slot.salt), sealing.Argon2Params.from_json(slot.kdf))
    return sealing.unwrap(wrapping_key, slot.wrapped_private, private_key_context(keys.store_id, account))


def rewrap_private_key(
    keys: KeyFile, account: str, private: bytes, new_password: str, params: sealing.Argon2Params
) -> None:
    """A password change: only this account's wrapped private key changes; the database is untouched."""
    slot = keys.slots[account]
    salt = sealing.new_database_key()[:16]
    slot.salt = sealing.b64(salt)
    slot.kdf = params.to_json()
    wrapping_key = sealing.password_key(new_password, salt, params)
    slot.wrapped_private = sealing.wrap(wrapping_key, private, private_key_context(keys.store_id, account))


def seal_for_all(
    keys: KeyFile, db_key: bytes, generation: int, exclude: Collection[str] = ()
) -> dict[str, dict[str, str]]:
    return {
        holder: sealing.seal_to(public, db_key, db_key_context(keys.store_id, generation, holder))
        for holder, public in keys.holders().items()
        if holder not in exclude
    }
