"""The records the ticket repository reads and writes (plain dataclasses, no SQL).

They live beside the repository because the storage layer returns them and
the tickets service, the command line and the GUI all read them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

#: The pre-repair condition checklist, in the order it is asked at the counter.
CONDITION_ITEMS = ("screen", "housing", "water_indicator", "buttons", "cameras")
#: What a checklist item may say about its part.
CONDITION_STATES = ("ok", "damaged", "not_checked")


#: Photo formats accepted, by their first bytes (a counter camera or phone gives one of these).
PHOTO_SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTOS = 10


@dataclass(frozen=True)
class ConditionPhoto:
    """A photo of the phone's condition at intake; kept only inside the encrypted store."""

    part: str  # a CONDITION_ITEMS entry, or "other"
    data: bytes = field(repr=False)

    @property
    def media_type(self) -> str | None:
        """image/jpeg or image/png from the file's first bytes; None for anything else."""
        return next((kind for magic, kind in PHOTO_SIGNATURES.items() if self.data.startswith(magic)), None)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Agreement:
    """The electronic service agreement as the customer saw and signed it."""

    text_id: str
    version: int
    language: str
    signed_by: str
    #: SHA-256 of the signature strokes or typed confirmation, never the strokes themselves.
    signature_digest: str
    signed_at: str = ""


@dataclass(frozen=True)
class NewTicket:
    """Everything the intake wizard or `ticket new` collects; the service type decides what is asked."""

    service_type: str
    customer_name: str
    customer_phone: str
    device_model: str
    imei: str
    fault: str
    priority: int = 3
    customer_email: str = ""
    customer_address: str = ""
    imei2: str = ""
    serial: str = ""
    software_version: str = ""
    fault_category: str = "other"
    purchase_date: date | None = None
    purchase_proof: str = ""
    courier: str = ""
    tracking_number: str = ""
    parcel_condition: str = ""
    #: Checklist item -> state (see CONDITION_ITEMS / CONDITION_STATES); notes go in `condition_notes`.
    condition: dict[str, str] = field(default_factory=dict)
    condition_notes: str = ""
    photos: tuple[ConditionPhoto, ...] = ()
    accessories: tuple[str, ...] = ()
    agreement: Agreement | None = None
    estimate: Decimal | None = None
    deposit: Decimal | None = None
    #: A returning customer picked explicitly (GUI candidates, `--customer ID`); "" to match by phone and name.
    customer_id: str = ""

    def intake_details(self) -> dict[str, Any]:
        """The one-off intake facts kept together as JSON (nothing here is searched)."""
        return {
            "condition": dict(self.condition),
            "condition_notes": self.condition_notes,
            "photos": len(self.photos),
            "accessories": list(self.accessories),
        }

    def journal_change(self) -> dict[str, Any]:
        """A shallow, JSON-ready copy (asdict's deep copy costs too much when seeding a million)."""
        change = dict(self.__dict__)
        change["purchase_date"] = self.purchase_date.isoformat() if self.purchase_date else None
        change["agreement"] = dict(self.agreement.__dict__) if self.agreement else None
        change["accessories"] = list(self.accessories)
        change["condition"] = dict(self.condition)
        change["photos"] = [{"part": p.part, "sha256": p.sha256} for p in self.photos]  # never the pictures
        return change


@dataclass(frozen=True)
class TicketRow:
    """One line of a ticket list or a search result."""

    id: str
    number: str
    status: str
    service_type: str
    priority: int
    customer_name: str
    customer_phone: str
    device_model: str
    imei: str
    fault: str
    created_at: str
    due_at: str | None = None


@dataclass(frozen=True)
class TicketEvent:
    at: str
    actor: str
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class TicketLine:
    id: str
    kind: str  # "estimate" or "invoice"
    part_id: str | None
    description: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity

    def as_json(self) -> dict[str, Any]:
        """The line as an operation carries it to the outlet's other counters (the price as text)."""
        return {**self.__dict__, "unit_price": str(self.unit_price)}


@dataclass(frozen=True)
class TicketDetail:
    """Everything about one ticket, for the detail page, `ticket show` and the slip."""

    row: TicketRow
    customer_id: str | None
    customer_email: str
    customer_address: str
    imei2: str
    serial: str
    software_version: str
    fault_category: str
    purchase_date: str | None
    purchase_proof: str
    courier: str
    tracking_number: str
    parcel_condition: str
    intake: dict[str, Any]
    agreement: dict[str, Any] | None
    warranty: dict[str, Any] | None
    estimate: Decimal | None
    deposit: Decimal | None
    approval: dict[str, Any] | None
    pickup: dict[str, Any] | None
    created_by: str
    updated_at: str
    events: tuple[TicketEvent, ...]
    lines: tuple[TicketLine, ...]

    @property
    def number(self) -> str:
        return self.row.number

    @property
    def status(self) -> str:
        return self.row.status
