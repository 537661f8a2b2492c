"""A warranty verdict is stored without the reason sentences its code and dates give and without its
empty keys (issue 13), and reads back word for word as it was given, for every reason code."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.warranty import BenefitStatus, CareBenefit, WarrantyReason, shown_record, stored_record, warranty_verdict
from app.tickets.warranty_check import WarrantyCheck, verdict_record

TODAY = date(2026, 11, 23)
EXTENDED = CareBenefit("extended_warranty", BenefitStatus.ACTIVE, date(2025, 1, 1), date(2027, 12, 31))
CASES = {
    WarrantyReason.IN_STANDARD_WARRANTY: (date(2026, 1, 5), ()),
    WarrantyReason.EXTENDED_BY_BENEFIT: (date(2023, 1, 5), (EXTENDED,)),
    WarrantyReason.EXPIRED: (date(2023, 1, 5), ()),
    WarrantyReason.NO_PURCHASE_DATE: (None, ()),
    WarrantyReason.PURCHASE_DATE_IN_FUTURE: (date(2027, 1, 5), ()),
}


@pytest.mark.parametrize("code", list(WarrantyReason))
def test_every_reason_round_trips_without_its_sentences(code: WarrantyReason) -> None:
    purchase, benefits = CASES[code]
    verdict = warranty_verdict(purchase, TODAY, benefits=benefits)
    assert verdict.reason_code is code
    given = verdict_record(WarrantyCheck(verdict, "registry" if purchase else None, purchase))
    kept = stored_record(given)
    assert "reason_en" not in kept and "reason_zh_CN" not in kept
    assert None not in kept.values() and [] not in kept.values(), "empty keys are not stored"
    assert shown_record(kept) == given


def test_wording_that_the_code_does_not_give_is_kept_as_it_was() -> None:
    verdict = warranty_verdict(date(2023, 1, 5), TODAY)
    given = {**verdict_record(WarrantyCheck(verdict, "registry", date(2023, 1, 5))), "reason_en": "Told otherwise."}
    kept = stored_record(given)
    assert (kept["reason_en"], kept["reason_zh_CN"]) == ("Told otherwise.", verdict.reason.zh_CN)
    assert shown_record(kept) == given
    assert shown_record(given) == given, "a record stored whole (before issue 13) reads as it was"
    assert shown_record({"reason_code": "not a code"}) == {"reason_code": "not a code"}
