"""Ed25519 anchor receipts: signed by the upstream, checked by the counter.

A receipt says "the upstream saw this outlet's audit journal reach `seq` with head `head`
at `received_at`".  A counter whose store was swapped for an older copy holds receipts for
heads its journal no longer reaches, which `verify` can show without trusting the store.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.sync.protocol import AnchorReceipt, receipt_message


def public_key_bytes(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_for(public_key: bytes) -> str:
    """A stable name for a public key, so a receipt says which key signed it."""
    return hashlib.sha256(public_key).hexdigest()


def sign_anchor(
    private_key: Ed25519PrivateKey, outlet: str, seq: int, head: str, received_at: datetime
) -> tuple[str, str]:
    """(key_id, base64 signature) for a receipt with these fields."""
    signature = private_key.sign(receipt_message(outlet, seq, head, received_at))
    return key_id_for(public_key_bytes(private_key)), base64.b64encode(signature).decode("ascii")


def verify_receipt(receipt: AnchorReceipt, public_key: bytes) -> bool:
    """True when `public_key` (raw 32 bytes) signed exactly this receipt."""
    if receipt.key_id != key_id_for(public_key):
        return False
    try:
        signature = base64.b64decode(receipt.signature, validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, receipt.signed_bytes())
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


@dataclass(frozen=True)
class ReceiptProblem:
    """Why a stored receipt does not fit the local journal; `seq` names the receipt."""

    seq: int
    reason: str


def receipt_problems(
    receipts: Iterable[AnchorReceipt], journal_hash_at: Callable[[int], str | None], public_key: bytes
) -> list[ReceiptProblem]:
    """What `repair-counter verify` reports: receipts that are forged, or that the journal no
    longer matches.  A store swapped for an older copy lacks the entries its receipts name;
    an edited one has other hashes there.  `journal_hash_at(seq)` is the local journal's
    entry hash at seq, or None when the journal does not reach it."""
    problems = []
    for receipt in receipts:
        local = journal_hash_at(receipt.seq)
        if not verify_receipt(receipt, public_key):
            problems.append(ReceiptProblem(receipt.seq, "signature_invalid"))
        elif local is None:
            problems.append(ReceiptProblem(receipt.seq, "journal_behind_receipt"))
        elif local != receipt.head:
            problems.append(ReceiptProblem(receipt.seq, "journal_differs_from_receipt"))
    return problems
