"""One-time enrolment codes and bearer tokens; only their SHA-256 hashes are stored.

Both are 128 or 256 random bits, so a fast hash is enough: nobody can guess an input that
a stolen hash would confirm.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from app.storage.upstream import UpstreamStore

DEFAULT_CODE_LIFETIME = timedelta(days=7)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def issue_enrol_code(store: UpstreamStore, outlet: str, lifetime: timedelta = DEFAULT_CODE_LIFETIME) -> str:
    """A new one-time code for `outlet`; the operator hands it to the outlet out of band."""
    code = secrets.token_urlsafe(16)
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
