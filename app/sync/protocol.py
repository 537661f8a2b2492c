"""The sync protocol: request and response models shared by the counter and the upstream.

Both sides import these models, so a field renamed on one side cannot drift from the
other, and the upstream's OpenAPI document is generated from exactly what the relay sends.
Every model bounds what it accepts: the upstream parses input from the network and the
relay parses answers from the network, and neither trusts the other's sizes.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.core.canonical_json import canonical_json as canonical_json  # re-exported: the protocol's byte form

#: Route prefix of protocol version 1.
API_PREFIX = "/v1"

#: Most operations one push may carry; the relay's batches stay below this.
MAX_BATCH_OPERATIONS = 1000
#: Largest JSON encoding of one operation's payload, in bytes.
MAX_PAYLOAD_BYTES = 64 * 1024
#: Largest request body the upstream reads (a full batch of large payloads fits).
MAX_BODY_BYTES = 16 * 1024 * 1024
#: Most reference items one pull answer carries.
MAX_PULL_ITEMS = 1000

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
OUTLET_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
#: A spare part's number as the price list and its labels spell it.
PART_PATTERN = r"^[A-Z0-9][A-Z0-9-]{0,31}$"

Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
OutletCode = Annotated[str, StringConstraints(pattern=OUTLET_PATTERN)]
EntityName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
HexDigest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Cursor = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,19}$")]

Action = Literal["upsert", "delete", "erase", "rectify"]
ReferenceKind = Literal[
    "price_list", "warranty_registry", "consent_texts", "diagtool", "retention", "holidays", "part_makers"
]
REFERENCE_KINDS: tuple[str, ...] = (
    "price_list",
    "warranty_registry",
    "consent_texts",
    "diagtool",
    "retention",
    "holidays",
    "part_makers",
)

#: How the upstream answered one operation.
#: applied: the record now holds it; superseded: a later seq of the same record was there
#: first (stored, record unchanged); conflict: this op_id was seen before with other content.
OpStatus = Literal["applied", "superseded", "conflict"]


class _Model(BaseModel):
    """Unknown fields are refused: a typo on either side shows at once, not as lost data."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EnrolRequest(_Model):
    outlet: OutletCode
    code: Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class EnrolResponse(_Model):
    outlet: OutletCode
    token: Annotated[str, StringConstraints(min_length=32, max_length=128)]


class Operation(_Model):
    """One outbox row on the wire; `op_id` is its idempotency key."""

    op_id: Uuid
    seq: Annotated[int, Field(ge=0, lt=2**62)]
    entity: EntityName
    entity_id: Uuid
    action: Action
    payload: dict[str, object]
    created_at: AwareDatetime

    @field_validator("payload")
    @classmethod
    def _payload_is_bounded(cls, value: dict[str, object]) -> dict[str, object]:
        if len(canonical_json(value)) > MAX_PAYLOAD_BYTES:
            raise ValueError(f"payload larger than {MAX_PAYLOAD_BYTES} bytes")
        return value

    def digest_source(self) -> bytes:
        """The bytes that must match when the same op_id arrives twice."""
        return canonical_json(self.model_dump(mode="json"))


class PushBatch(_Model):
    operations: Annotated[list[Operation], Field(min_length=1, max_length=MAX_BATCH_OPERATIONS)]


class OpResult(_Model):
    op_id: Uuid
    status: OpStatus
    #: True when this answer is the stored one from an earlier delivery of the same op.
    replayed: bool = False


class PushResult(_Model):
    results: list[OpResult]


class PullResponse(_Model):
    """Reference items published after the request's cursor, oldest first."""

    kind: ReferenceKind
    cursor: Cursor
    items: Annotated[list[dict[str, object]], Field(max_length=MAX_PULL_ITEMS)]
    more: bool


class AnchorRequest(_Model):
    """A journal head going up.  `prev_*` name the head of the last receipt the counter holds,
    so a copy restored from an older backup, or a rewritten journal, cannot pass as new."""

    seq: Annotated[int, Field(ge=0, lt=2**62)]
    head: HexDigest
    prev_seq: Annotated[int, Field(ge=0, lt=2**62)] | None = None
    prev_head: HexDigest | None = None


class CountersignRequest(_Model):
    """A certificate of erasure's digest going up (issue 20): nothing else about it leaves."""

    certificate: Annotated[
        str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    ]
    digest: HexDigest


class Countersignature(_Model):
    """The upstream's Ed25519 signature (base64) over `countersign_message(digest, outlet, signed_at)`."""

    certificate: str
    digest: HexDigest
    outlet: OutletCode
    signed_at: Annotated[str, StringConstraints(max_length=40)]
    key_id: HexDigest
    signature: Annotated[str, StringConstraints(max_length=128)]


class AnchorReceipt(_Model):
    outlet: OutletCode
    seq: int
    head: HexDigest
    received_at: AwareDatetime
    key_id: HexDigest
    #: Ed25519 signature (base64) over `receipt_message(...)`.
    signature: Annotated[str, StringConstraints(max_length=128)]

    def signed_bytes(self) -> bytes:
        return receipt_message(self.outlet, self.seq, self.head, self.received_at)


class SigningKeyInfo(_Model):
    key_id: HexDigest
    #: Raw 32-byte Ed25519 public key, base64.
    public_key: str

    def public_key_bytes(self) -> bytes:
        return base64.b64decode(self.public_key, validate=True)


class Summary(_Model):
    outlet: OutletCode
    #: Live records per entity (deleted and erased ones excluded).
    records: dict[str, int]
    #: Deleted or erased records per entity.
    removed: dict[str, int]
    operations: int
    last_anchor_seq: int | None


class PartHolder(_Model):
    """One outlet's counts of a part, as it last synced them (no ticket, no person)."""

    outlet: OutletCode
    on_hand: Annotated[int, Field(ge=0)]
    available: Annotated[int, Field(ge=0)]


class PartHolders(_Model):
    """Which outlets of the region hold a part, and how many (issue 18)."""

    part_id: Annotated[str, StringConstraints(pattern=PART_PATTERN)]
    holders: list[PartHolder]


class ProblemDetail(_Model):
    """Error body: `code` is stable for programs, `detail` is for people."""

    code: str
    detail: str


def operation_digest(op: Operation) -> str:
    """SHA-256 (hex) of what must match when the same op_id arrives twice: the upstream stores
    it, the counter keeps it once the operation is acknowledged and its payload dropped."""
    return hashlib.sha256(op.digest_source()).hexdigest()



def receipt_message(outlet: str, seq: int, head: str, received_at: datetime) -> bytes:
    """What an anchor receipt's signature covers; domain-separated so it signs nothing else."""
    stamp = received_at.isoformat(timespec="microseconds")
    return f"repair-counter-anchor-v1\n{outlet}\n{seq}\n{head}\n{stamp}".encode()
