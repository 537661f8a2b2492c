"""The certificate of erasure: canonical JSON, the outlet's Ed25519 signature, the upstream's countersignature.

A certificate file is one JSON document::

    {"format": "repair-counter/wipe-certificate/1",
     "certificate": {...the body...},
     "outlet_signature": {"algorithm": "Ed25519", "key_id": ..., "public_key": ..., "signature": ...},
     "countersignature": null | {"algorithm": "Ed25519", "key_id": ..., "public_key": ..., "outlet": ...,
                                 "signed_at": ..., "signature": ...}}

The outlet signs the body's canonical form (sorted keys, no spaces, UTF-8).  The
digest that goes up at sync is SHA-256 over the canonical form of the body together
with the outlet's signature, so the upstream countersigns the signed certificate and
nothing else about the customer (the body carries the IMEI masked, no name).
Verification needs nothing but the file (and, to trust the countersignature, the
upstream's public key): it runs offline.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.core.canonical_json import canonical_json
from app.erasure.errors import CertificateInvalid

FORMAT = "repair-counter/wipe-certificate/1"
#: A certificate is a few kB; a file near this is not one.
MAX_CERTIFICATE_BYTES = 256 * 1024
_COUNTERSIGN_CONTEXT = b"repair-counter wipe certificate countersignature v1\n"
#: Fields every body has; verification refuses a body missing one (a forged or truncated file).
BODY_FIELDS = (
    "id",
    "ticket",
    "outlet",
    "imei_masked",
    "model",
    "method",
    "standard",
    "outcome",
    "tool_result",
    "checks_before",
    "checks_after",
    "technician",
    "consent",
    "issued_at",
)


def public_key_of(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_for(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def signing_key_from_seed(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"repair-counter outlet erasure key\n" + seed).digest())


def sign_body(private: Ed25519PrivateKey, body: dict[str, Any]) -> dict[str, str]:
    public = public_key_of(private)
    return {
        "algorithm": "Ed25519",
        "key_id": key_id_for(public),
        "public_key": _b64(public),
        "signature": _b64(private.sign(canonical_json(body))),
    }


def certificate_digest(body: dict[str, Any], outlet_signature: dict[str, str]) -> str:
    """What the upstream countersigns: SHA-256 (hex) of the body with the outlet's signature."""
    return hashlib.sha256(canonical_json({"certificate": body, "outlet_signature": outlet_signature})).hexdigest()


def countersign_message(digest: str, outlet: str, signed_at: str) -> bytes:
    """What the upstream signs: the certificate's digest, for this outlet, at this time."""
    return _COUNTERSIGN_CONTEXT + f"{outlet}\n{digest}\n{signed_at}".encode()


def document(
    body: dict[str, Any], outlet_signature: dict[str, str], countersignature: dict[str, str] | None
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "certificate": body,
        "outlet_signature": outlet_signature,
        "countersignature": countersignature,
    }


@dataclass(frozen=True)
class Verification:
    """What a successful check found."""

    certificate_id: str
    ticket: str
    outlet_key_id: str
    digest: str
    #: "absent", "valid (pinned key)" or "valid (key in the file)".
    countersignature: str


def verify_document(data: bytes, *, outlet_key: bytes | None = None, upstream_key: bytes | None = None) -> Verification:
    """Check a certificate file; CertificateInvalid (with a code) says what is wrong.

    `outlet_key` / `upstream_key`: raw public keys the checker trusts; when given, the file's
    signatures must be by exactly those keys.  Without `upstream_key` a countersignature is checked
    against the key the file carries, which proves integrity but not who signed.
    """
    parsed = _parsed(data)
    body, outlet = parsed["certificate"], parsed["outlet_signature"]
    outlet_public = _signed_by(
        outlet,
        canonical_json(body),
        outlet_key,
        "outlet_signature",
        "certificate_wrong_outlet",
        "certificate_signature_invalid",
    )
    if body.get("outcome") != "success":
        raise CertificateInvalid("The certificate does not record a successful wipe.", code="certificate_not_success")
    digest = certificate_digest(body, outlet)
    return Verification(
        str(body["id"]),
        str(body["ticket"]),
        key_id_for(outlet_public),
        digest,
        _countersignature(parsed.get("countersignature"), digest, upstream_key),
    )


def _countersignature(counter: Any, digest: str, upstream_key: bytes | None) -> str:
    if counter is None:
        return "absent"
    if not isinstance(counter, dict):
        raise CertificateInvalid("The countersignature is not readable.", code="certificate_malformed")
    code = "certificate_countersignature_invalid"
    message = countersign_message(digest, str(counter.get("outlet", "")), str(counter.get("signed_at", "")))
    _signed_by(counter, message, upstream_key, "countersignature", code, code)
    return "valid (pinned key)" if upstream_key is not None else "valid (key in the file)"


def _signed_by(
    signature: dict[str, Any], message: bytes, trusted: bytes | None, where: str, code_key: str, code_signature: str
) -> bytes:
    """The key that made `signature` over `message`; CertificateInvalid when it is not `trusted` or does not hold."""
    key = _key(signature, where)
    if trusted is not None and key != trusted:
        raise CertificateInvalid(f"The {where} is by another key than the one trusted here.", code=code_key)
    if not _holds(key, message, signature.get("signature")):
        raise CertificateInvalid(
            f"The {where} does not match the certificate: it was altered or forged.", code=code_signature
        )
    return key


def countersignature_holds(public_key: bytes, digest: str, outlet: str, signed_at: str, signature: str) -> bool:
    return _holds(public_key, countersign_message(digest, outlet, signed_at), signature)


def _parsed(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise CertificateInvalid("The file is far larger than any certificate.", code="certificate_malformed")
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CertificateInvalid(
            "The file is not a certificate of erasure (not JSON).", code="certificate_malformed"
        ) from exc
    if not isinstance(parsed, dict) or parsed.get("format") != FORMAT:
        raise CertificateInvalid(
            "The file is not a certificate of erasure of this format.", code="certificate_malformed"
        )
    body, outlet = parsed.get("certificate"), parsed.get("outlet_signature")
    if not isinstance(body, dict) or not isinstance(outlet, dict) or any(f not in body for f in BODY_FIELDS):
        raise CertificateInvalid("The certificate is incomplete.", code="certificate_malformed")
    return parsed


def _key(signature: dict[str, Any], where: str) -> bytes:
    try:
        key = base64.b64decode(str(signature.get("public_key", "")), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CertificateInvalid(f"The {where} names no readable key.", code="certificate_malformed") from exc
    if len(key) != 32 or signature.get("algorithm") != "Ed25519" or signature.get("key_id") != key_id_for(key):
        raise CertificateInvalid(f"The {where} names no readable key.", code="certificate_malformed")
    return key


def _holds(public_key: bytes, message: bytes, signature: object) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(base64.b64decode(str(signature), validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
