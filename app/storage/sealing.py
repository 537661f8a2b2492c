"""Key sealing for the store's key file (docs/ARCHITECTURE.md section 5).

The database key is a random 256-bit raw SQLCipher key.  Each staff account
has an X25519 key pair: its private half is wrapped under a key derived from
the person's password with Argon2id; the database key is sealed to its public
half.  That split is what lets a manager remove an account and rotate the
database key *without anyone else's password*: the new key is sealed to each
remaining public key.  The recovery key is another such private key, shown
once and never stored.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

# cryptography and argon2 are imported in the functions that use them: they take ~25 ms to load,
# and the sign-in window shows before anything is sealed (tests/bench/bench_cold_start.py).
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

DB_KEY_BYTES = 32
SEAL_INFO = b"repair-counter seal v1"
SIGNING_INFO = b"repair-counter staff signing v1"


class SealBroken(Exception):
    """A wrapped or sealed value did not open: wrong secret or altered bytes."""


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost.  Measured here: t=3, 64 MiB, p=1 takes about 0.18 s (target 0.15 to 0.5 s)."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1

    def to_json(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_json(cls, data: dict[str, int]) -> Argon2Params:
        return cls(int(data["t"]), int(data["m"]), int(data["p"]))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_database_key() -> bytes:
    return os.urandom(DB_KEY_BYTES)


def password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        params.time_cost,
        params.memory_kib,
        params.parallelism,
        32,
        Type.ID,
    )


def wrap(key: bytes, secret: bytes, context: bytes) -> dict[str, str]:
    """AES-256-GCM, bound to `context` so a slot cannot be swapped for another's."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": b64(nonce), "ct": b64(AESGCM(key).encrypt(nonce, secret, context))}


def unwrap(key: bytes, wrapped: dict[str, str], context: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(unb64(wrapped["nonce"]), unb64(wrapped["ct"]), context)
    except (InvalidTag, KeyError, ValueError) as exc:
        raise SealBroken("sealed value does not open") from exc


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw, public_of(private)


def public_of(private: X25519PrivateKey | bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if isinstance(private, bytes):
        private = X25519PrivateKey.from_private_bytes(private)
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _seal_key(shared: bytes, ephemeral_pub: bytes, recipient_pub: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SEAL_INFO + ephemeral_pub + recipient_pub)
    return hkdf.derive(shared)


def seal_to(recipient_pub: bytes, secret: bytes, context: bytes) -> dict[str, str]:
    """Seal `secret` so only the holder of the matching private key opens it (ECIES)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    ephemeral = X25519PrivateKey.generate()
    ephemeral_pub = public_of(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_pub))
    sealed = wrap(_seal_key(shared, ephemeral_pub, recipient_pub), secret, context)
    return {"epk": b64(ephemeral_pub), **sealed}


def open_sealed(private: bytes, sealed: dict[str, str], context: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    try:
        private_key = X25519PrivateKey.from_private_bytes(private)
        ephemeral_pub = unb64(sealed["epk"])
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_pub))
    except (KeyError, ValueError) as exc:
        raise SealBroken("sealed value is malformed") from exc
    return unwrap(_seal_key(shared, ephemeral_pub, public_of(private_key)), sealed, context)


# The recovery key is an X25519 private key written as 13 groups of 4 base32 letters.


def format_recovery_key(private: bytes) -> str:
    text = base64.b32encode(private).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError as exc:
        raise SealBroken("not a recovery key") from exc
    if len(raw) != 32:
        raise SealBroken("not a recovery key")
    return raw


# Each holder's Ed25519 signing key is derived from the private key its slot wraps, so only
# the holder's password (or the recovery key) yields it, and a password change keeps it.


def _signing_key(private: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SIGNING_INFO).derive(private)
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_public_of(private: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    raw, raw_public = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    return _signing_key(private).public_key().public_bytes(raw, raw_public)


def sign(private: bytes, message: bytes) -> str:
    return b64(_signing_key(private).sign(message))


def signature_holds(public: bytes, message: bytes, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
