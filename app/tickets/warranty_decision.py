"""The ticket's warranty decision: the one place the battery verdict, prices, estimate, invoice and
slip take the warranty and care benefits from.

It is the verdict stored with the ticket at intake (`warranty_check.verdict_record`), so
what the customer was told at the counter is what they are charged.  Under warranty
everything is free; otherwise an active care benefit makes the parts it covers free
(battery care: batteries; screen care: screens), and the labour with them when every
part of the repair is covered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.accounts.session import Session
from app.core.localized import LocalizedText as T
from app.storage.ticket_records import TicketDetail
from app.tickets.moves import load

#: Part-number prefixes each care benefit makes free.
BENEFIT_PARTS: Mapping[str, tuple[str, ...]] = {"battery_care": ("BAT-",), "screen_care": ("SCR-",)}
BATTERY_CARE = "battery_care"
_COVER_LABELS = {
    "warranty": T("保修", "warranty"),
    "battery_care": T("电池关怀", "battery care"),
    "screen_care": T("屏幕关怀", "screen care"),
}
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class WarrantyDecision:
    in_warranty: bool
    #: Care benefit types active on the day of the verdict.
    benefits: frozenset[str]

    @classmethod
    def from_record(cls, record: Mapping[str, Any] | None) -> WarrantyDecision:
        record = record or {}
        types = {str(b.get("type")) for b in record.get("benefits") or [] if b.get("status", "active") == "active"}
        return cls(bool(record.get("in_warranty")), frozenset(types))

    @property
    def battery_free(self) -> bool:
        """A worn battery is replaced free: in warranty, or under an active battery-care benefit."""
        return self.in_warranty or BATTERY_CARE in self.benefits

    def part_cover(self, part_id: str) -> str | None:
        """What makes this part free ("warranty" or a benefit type), or None when it is charged."""
        if self.in_warranty:
            return "warranty"
        for benefit, prefixes in BENEFIT_PARTS.items():
            if benefit in self.benefits and part_id.startswith(prefixes):
                return benefit
        return None

    def covers(self, lines: Sequence[tuple[str, str]]) -> list[str | None]:
        """The cover of each (part_id, kind) line of one repair; labour goes with the parts."""
        parts = [self.part_cover(part_id) for part_id, kind in lines if kind != "labour"]
        labour = "warranty" if self.in_warranty else (parts[0] if parts and all(parts) else None)
        return [labour if kind == "labour" else self.part_cover(part_id) for part_id, kind in lines]


def decision_of(detail: TicketDetail) -> WarrantyDecision:
    return WarrantyDecision.from_record(detail.warranty)


def decision_for(session: Session, number: str) -> WarrantyDecision:
    """The decision of the ticket with this number (TicketNotFound when there is none)."""
    return decision_of(load(session, number))


def charged(guide_price: Decimal, description: str, cover: str | None) -> tuple[Decimal, str]:
    """The price charged for a line and its description: a covered line is free, its guide price kept."""
    if cover is None:
        return guide_price, description
    label = _COVER_LABELS.get(cover, T(cover, cover)).en
    return ZERO, f"{description} ({label}; guide price {guide_price})"
