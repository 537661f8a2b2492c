"""Warranty verdicts: the standard warranty and care benefits registered by IMEI.

The standard warranty runs for a number of months from the purchase date (24
by default; a region's reference data may set another).  It covers the
purchase day and ends the day before the same date `months` later.  Care
benefits (extended warranty, screen care, battery care...) come from the
maker's registry by IMEI, each with a type, a status and a validity period;
an active extended warranty keeps a phone in warranty after the standard
one ends.  The verdict carries a reason code for the software and a reason in
both languages for the person, and is stored with the ticket as it was given.
The reason's wording is stored only where it differs from what the code and the
dates beside it say today (`stored_record` / `shown_record`): the two sentences
were a third of a ticket row (issue 13).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.core.localized import LocalizedText as T
from app.core.retention import add_months

DEFAULT_WARRANTY_MONTHS = 24
#: The benefit type that extends the warranty itself.
EXTENDED_WARRANTY = "extended_warranty"
#: Benefit types the registry sample and the counter know how to describe.
KNOWN_BENEFIT_TYPES: frozenset[str] = frozenset({EXTENDED_WARRANTY, "screen_care", "battery_care", "accidental_damage"})


class BenefitStatus(enum.StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CareBenefit:
    """One care benefit of one phone, as the registry lists it."""

    benefit_type: str
    status: BenefitStatus
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"care benefit {self.benefit_type!r} ends before it starts")
        if not self.benefit_type or len(self.benefit_type) > 64:
            raise ValueError("care benefit type must be a short identifier")

    def covers(self, day: date) -> bool:
        """Active and within its dates on `day` (both ends included)."""
        return self.status is BenefitStatus.ACTIVE and self.start <= day <= self.end


class WarrantyReason(enum.StrEnum):
    IN_STANDARD_WARRANTY = "in_standard_warranty"
    EXTENDED_BY_BENEFIT = "extended_by_benefit"
    EXPIRED = "expired"
    NO_PURCHASE_DATE = "no_purchase_date"
    PURCHASE_DATE_IN_FUTURE = "purchase_date_in_future"


@dataclass(frozen=True, slots=True)
class WarrantyVerdict:
    """The answer shown at the counter, printed on the slip and stored with the ticket."""

    in_warranty: bool
    reason_code: WarrantyReason
    reason: T
    #: Last day of the standard warranty, when the purchase date is known.
    standard_warranty_ends: date | None
    #: Care benefits in force on the day of the verdict.
    active_benefits: tuple[CareBenefit, ...]
    checked_on: date

    def has_benefit(self, benefit_type: str) -> bool:
        return any(b.benefit_type == benefit_type for b in self.active_benefits)


def standard_warranty_ends(purchase: date, months: int = DEFAULT_WARRANTY_MONTHS) -> date:
    """Last covered day: the day before the purchase date `months` later."""
    if months <= 0:
        raise ValueError("the warranty period must be at least one month")
    anniversary = add_months(datetime(purchase.year, purchase.month, purchase.day), months).date()
    return anniversary - timedelta(days=1)


def _reason(code: WarrantyReason, ends: date | None, extended_until: date | None) -> T:
    if code is WarrantyReason.IN_STANDARD_WARRANTY:
        return T(f"在保修期内，保修至 {ends}。", f"In warranty until {ends}.")
    if code is WarrantyReason.EXTENDED_BY_BENEFIT:
        return T(
            f"标准保修已结束，延长保修有效至 {extended_until}。",
            f"The standard warranty has ended; the extended warranty is valid until {extended_until}.",
        )
    if code is WarrantyReason.EXPIRED:
        return T(f"保修已于 {ends} 结束，维修需付费。", f"The warranty ended on {ends}; the repair is chargeable.")
    if code is WarrantyReason.NO_PURCHASE_DATE:
        return T(
            "没有购买日期，无法确认保修；请客户提供购机凭证。",
            "No purchase date, so the warranty cannot be confirmed; ask the customer for proof of purchase.",
        )
    return T("购买日期晚于今天，请核对购机凭证。", "The purchase date is after today; check the proof of purchase.")


def warranty_verdict(
    purchase_date: date | None,
    today: date,
    *,
    months: int = DEFAULT_WARRANTY_MONTHS,
    benefits: Iterable[CareBenefit] = (),
) -> WarrantyVerdict:
    """Decide whether a phone is in warranty on `today`, and say why."""
    active = tuple(b for b in benefits if b.covers(today))
    extension = max((b.end for b in active if b.benefit_type == EXTENDED_WARRANTY), default=None)
    ends = standard_warranty_ends(purchase_date, months) if purchase_date is not None else None
    if purchase_date is not None and purchase_date > today:
        code = WarrantyReason.PURCHASE_DATE_IN_FUTURE
    elif ends is not None and today <= ends:
        code = WarrantyReason.IN_STANDARD_WARRANTY
    elif extension is not None:
        code = WarrantyReason.EXTENDED_BY_BENEFIT
    elif ends is None:
        code = WarrantyReason.NO_PURCHASE_DATE
    else:
        code = WarrantyReason.EXPIRED
    in_warranty = code in (WarrantyReason.IN_STANDARD_WARRANTY, WarrantyReason.EXTENDED_BY_BENEFIT)
    return WarrantyVerdict(in_warranty, code, _reason(code, ends, extension), ends, active, today)


#: Keys of a stored verdict record that its reason code and dates say again.
REASON_KEYS = {"en": "reason_en", "zh_CN": "reason_zh_CN"}
#: Keys of a verdict record that most verdicts leave empty: stored only when they hold something.
EMPTY_WHEN_UNKNOWN: dict[str, Any] = {
    "standard_warranty_ends": None,
    "benefits": [],
    "purchase_date": None,
    "purchase_date_source": None,
    "purchase_date_conflict": None,
}


def reason_of_record(record: dict[str, Any]) -> T | None:
    """The reason a stored verdict record's code and dates give; None for a record this cannot read."""
    try:
        code = WarrantyReason(str(record.get("reason_code")))
        ends_text = record.get("standard_warranty_ends")
        ends = date.fromisoformat(ends_text) if ends_text else None
        extension = max(
            (date.fromisoformat(b["end"]) for b in record.get("benefits") or () if b.get("type") == EXTENDED_WARRANTY),
            default=None,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return _reason(code, ends, extension)


def stored_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record without what `shown_record` gives back: the reason wording its code and dates say
    (wording that differs stays) and the keys left empty."""
    reason = reason_of_record(record)
    if reason is None:
        return record
    said = {language: record.get(key) for language, key in REASON_KEYS.items()}
    derived = set(REASON_KEYS.values()) if said == {"en": reason.en, "zh_CN": reason.zh_CN} else set()
    empty = {key for key, value in record.items() if key in EMPTY_WHEN_UNKNOWN and value == EMPTY_WHEN_UNKNOWN[key]}
    return {key: value for key, value in record.items() if key not in derived | empty}


def shown_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record as it was given: the reason wording and the empty keys put back where the store left them out."""
    reason = reason_of_record(record)
    if reason is None:
        return record
    empty = {key: list(value) if isinstance(value, list) else value for key, value in EMPTY_WHEN_UNKNOWN.items()}
    return {**empty, "reason_en": reason.en, "reason_zh_CN": reason.zh_CN, **record}
