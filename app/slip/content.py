"""What a repair slip says, as plain data, before any layout or masking.

`SlipContent` is the slip's whole input.  It holds full, unmasked contact
values on purpose: the slip masks them itself (`app.core.masking`), so no
caller can forget to.  The tickets service maps a ticket onto this class; the
slip package knows nothing about storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Language = Literal["zh_CN", "en"]
LANGUAGES: tuple[Language, ...] = ("zh_CN", "en")


@dataclass(frozen=True)
class PriceLine:
    """One charged item: a part, labour, or a fee."""

    description: str
    quantity: int
    unit_price: Decimal
    amount: Decimal
    currency: str = "CNY"


@dataclass(frozen=True)
class CollectedCategory:
    """A data category the customer consented to, why it is used and how long it is kept.

    `category` is the catalogue identifier (docs/ARCHITECTURE.md section 8, e.g. `battery_record`);
    `label`, `purpose` and `retention` are the person-facing texts in the slip's language.
    """

    category: str
    label: str
    purpose: str
    retention: str


@dataclass(frozen=True)
class SlipContent:
    """Everything printed on one repair slip (docs/ARCHITECTURE.md section 10)."""

    ticket_number: str
    outlet_code: str
    outlet_name: str
    outlet_address: str
    engineer_id: str
    intake_date: dt.datetime
    due_date: dt.date | None
    customer_name: str
    customer_phone: str
    customer_email: str
    device_model: str
    imeis: tuple[str, ...]
    fault: str
    condition_at_intake: str
    diagnosis_summary: str
    battery_verdict: str
    warranty_verdict: str
    price_lines: tuple[PriceLine, ...]
    deposit: Decimal
    terms: str
    collected: tuple[CollectedCategory, ...] = ()
    consent_reference: str = ""
    diagnostics_declined: bool = False
    agreement_signature_png: bytes | None = None
    pickup_signature_png: bytes | None = None
    pickup_date: dt.datetime | None = None
    language: Language = "zh_CN"
    #: 0 for the original print; n for the n-th reprint, printed as "COPY n".
    copy_number: int = 0
    currency: str = "CNY"
    #: The reference data in force when the slip was made (prices, periods): shipped version + pulled items.
    reference_version: str = ""
    #: Who took the phone in at the counter (the engineer is who repaired it).
    intake_clerk: str = ""
    extra_notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"unsupported slip language {self.language!r}")
        if self.copy_number < 0:
            raise ValueError("copy_number must be 0 (original) or a positive reprint count")
        if not self.ticket_number:
            raise ValueError("a slip needs a ticket number")

    @property
    def total(self) -> Decimal:
        """Sum of all price lines."""
        return sum((line.amount for line in self.price_lines), Decimal("0"))

    @property
    def balance_due(self) -> Decimal:
        """What the customer still owes after the deposit."""
        return self.total - self.deposit
