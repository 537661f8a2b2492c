"""The upstream's Ed25519 receipt-signing key, kept in a PEM file only the service reads.

Several workers sharing one PostgreSQL must sign with the same key, so the key lives in a
file each is given, not in the database the counters' data lives in.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from app.upstream.errors import SigningKeyError

MAX_KEY_FILE_BYTES = 4096


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    """The key in `path`, or a new one written there (mode 0600) when the file is absent."""
    if not path.exists():
        return _create(path)
    try:
        data = path.read_bytes()[: MAX_KEY_FILE_BYTES + 1]
    except OSError as exc:
        raise SigningKeyError(f"Cannot read the signing key {path}: {exc.strerror}") from exc
    if len(data) > MAX_KEY_FILE_BYTES:
        raise SigningKeyError(f"{path} is too large to be a signing key.")
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"{path} is not an unencrypted PEM private key.") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} holds a key that is not Ed25519.")
    return key


def _create(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    except OSError as exc:
        raise SigningKeyError(f"Cannot create the signing key {path}: {exc.strerror}") from exc
    return key
