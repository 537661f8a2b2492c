"""The warranty verdict for a ticket: the region's period, the registry's purchase date and benefits.

The verdict and its reason are stored with the ticket as they were given
(`verdict_record`), so a later change of reference data does not rewrite
what the customer was told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from app.core.reference_data import ReferenceData, default_resources_dir, load_reference_data
from app.core.warranty import WarrantyVerdict, warranty_verdict


@lru_cache(maxsize=1)
def shipped_reference() -> ReferenceData:
    """The reference data that ships with the app (read once; the files do not change while running)."""
    return load_reference_data(default_resources_dir())


@dataclass(frozen=True)
class WarrantyCheck:
    verdict: WarrantyVerdict
    #: Where the purchase date came from: "customer", "registry" or None.
    purchase_date_source: str | None
    purchase_date: date | None
    #: The customer's date when the registry has another one (the registry's wins; shown and journaled).
    customer_date_overruled: date | None = None


def check_warranty(
    reference: ReferenceData, region: str, imei: str, purchase_date: date | None, today: date
) -> WarrantyCheck:
    """The maker's registry's purchase date wins (it is the sale as recorded); the customer's is used
    when the registry has none, and a differing one is kept as overruled.  Benefits come from the registry."""
    try:
        months = reference.regions.get(region).warranty_months
    except ValueError:
        months = reference.regions.get().warranty_months
    registered = reference.benefits.lookup(imei) if imei else None
    source = "customer" if purchase_date else None
    overruled = None
    if registered is not None and registered.purchase_date is not None:
        if purchase_date is not None and purchase_date != registered.purchase_date:
            overruled = purchase_date
        purchase_date, source = registered.purchase_date, "registry"
    benefits = registered.benefits if registered is not None else ()
    verdict = warranty_verdict(purchase_date, today, months=months, benefits=benefits)
    return WarrantyCheck(verdict, source, purchase_date, overruled)


def verdict_record(check: WarrantyCheck) -> dict[str, Any]:
    """The verdict as stored with the ticket and shown on the detail page."""
    verdict = check.verdict
    return {
        "in_warranty": verdict.in_warranty,
        "reason_code": verdict.reason_code.value,
        "reason_en": verdict.reason.en,
        "reason_zh_CN": verdict.reason.zh_CN,
        "standard_warranty_ends": verdict.standard_warranty_ends.isoformat()
        if verdict.standard_warranty_ends
        else None,
        "benefits": [
            {"type": b.benefit_type, "status": b.status.value, "start": b.start.isoformat(), "end": b.end.isoformat()}
            for b in verdict.active_benefits
        ],
        "purchase_date": check.purchase_date.isoformat() if check.purchase_date else None,
        "purchase_date_source": check.purchase_date_source,
        "purchase_date_conflict": None
        if check.customer_date_overruled is None
        else {"customer": check.customer_date_overruled.isoformat(), "registry": check.purchase_date.isoformat()}
        if check.purchase_date
        else None,
        "checked_on": verdict.checked_on.isoformat(),
    }
