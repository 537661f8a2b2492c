"""One-time enrolment codes and bearer tokens; only their SHA-256 hashes are stored.

Both are 128 or 256 random bits, so a fast hash is enough: nobody can guess an input that
a stolen hash would confirm.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from app.upstream.storage import UpstreamStore

DEFAULT_CODE_LIFETIME = timedelta(days=7)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


def readable_code(groups: int = 5) -> str:
    """A code a person reads over the phone and types: `K7QM-2XWD-...`, 100 random bits.

    Base32 letters and digits only, so it never starts with '-' (a command line would take it
    for an option) and is unambiguous to read aloud.
    """
    letters = base64.b32encode(secrets.token_bytes(groups * 20 // 8)).decode("ascii")[: groups * 4]
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def issue_enrol_code(store: UpstreamStore, outlet: str, lifetime: timedelta = DEFAULT_CODE_LIFETIME) -> str:
    """A new one-time code for `outlet`; the operator hands it to the outlet out of band."""
    code = readable_code()
    now = utc_now()
    store.add_enrol_code(outlet, secret_hash(code), now.isoformat(), (now + lifetime).isoformat())
    return code


def redeem_enrol_code(store: UpstreamStore, outlet: str, code: str) -> str | None:
    """The outlet's new bearer token, or None when the code is unknown, used, expired or
    issued for another outlet.  A new enrolment replaces the outlet's previous token."""
    token = secrets.token_urlsafe(32)
    if store.redeem_enrol_code(outlet, secret_hash(code), secret_hash(token), utc_now().isoformat()):
        return token
    return None
