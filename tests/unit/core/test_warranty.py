"""Warranty verdicts with care benefits (issue 5 item 5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.warranty import (
    BenefitStatus,
    CareBenefit,
    WarrantyReason,
    standard_warranty_ends,
    warranty_verdict,
)

PURCHASE = date(2025, 3, 10)


def test_in_standard_warranty_on_its_last_day_and_out_the_day_after() -> None:
    last = date(2027, 3, 9)
    assert standard_warranty_ends(PURCHASE) == last
    on_last = warranty_verdict(PURCHASE, last)
    assert on_last.in_warranty and on_last.reason_code is WarrantyReason.IN_STANDARD_WARRANTY
    assert "2027-03-09" in on_last.reason.en and "2027-03-09" in on_last.reason.zh_CN
    after = warranty_verdict(PURCHASE, last + timedelta(days=1))
    assert not after.in_warranty and after.reason_code is WarrantyReason.EXPIRED
    assert "chargeable" in after.reason.en and "付费" in after.reason.zh_CN


def test_region_period_is_settable() -> None:
    assert warranty_verdict(PURCHASE, date(2026, 3, 10), months=12).reason_code is WarrantyReason.EXPIRED
    assert warranty_verdict(PURCHASE, date(2026, 3, 9), months=12).in_warranty
    with pytest.raises(ValueError):
        standard_warranty_ends(PURCHASE, 0)


def test_leap_day_purchase() -> None:
    assert standard_warranty_ends(date(2024, 2, 29)) == date(2026, 2, 27)


def test_active_extended_warranty_keeps_it_in_warranty() -> None:
    extended = CareBenefit("extended_warranty", BenefitStatus.ACTIVE, date(2027, 3, 10), date(2028, 3, 9))
    verdict = warranty_verdict(PURCHASE, date(2027, 6, 1), benefits=[extended])
    assert verdict.in_warranty and verdict.reason_code is WarrantyReason.EXTENDED_BY_BENEFIT
    assert "2028-03-09" in verdict.reason.en
    assert verdict.active_benefits == (extended,)


@pytest.mark.parametrize("status", [BenefitStatus.CANCELLED, BenefitStatus.EXPIRED, BenefitStatus.PENDING])
def test_an_inactive_benefit_does_not_count(status: BenefitStatus) -> None:
    benefit = CareBenefit("extended_warranty", status, date(2027, 3, 10), date(2028, 3, 9))
    verdict = warranty_verdict(PURCHASE, date(2027, 6, 1), benefits=[benefit])
    assert verdict.reason_code is WarrantyReason.EXPIRED and verdict.active_benefits == ()


def test_screen_care_is_reported_but_does_not_extend() -> None:
    screen = CareBenefit("screen_care", BenefitStatus.ACTIVE, PURCHASE, date(2028, 1, 1))
    verdict = warranty_verdict(PURCHASE, date(2027, 6, 1), benefits=[screen])
    assert not verdict.in_warranty and verdict.has_benefit("screen_care")
    assert not verdict.has_benefit("battery_care")


def test_missing_or_future_purchase_date() -> None:
    missing = warranty_verdict(None, date(2026, 1, 1))
    assert not missing.in_warranty and missing.reason_code is WarrantyReason.NO_PURCHASE_DATE
    assert "proof of purchase" in missing.reason.en
    future = warranty_verdict(date(2026, 2, 1), date(2026, 1, 1))
    assert not future.in_warranty and future.reason_code is WarrantyReason.PURCHASE_DATE_IN_FUTURE
    extended = CareBenefit("extended_warranty", BenefitStatus.ACTIVE, date(2025, 1, 1), date(2027, 1, 1))
    assert warranty_verdict(None, date(2026, 1, 1), benefits=[extended]).in_warranty


def test_a_benefit_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        CareBenefit("screen_care", BenefitStatus.ACTIVE, date(2026, 1, 2), date(2026, 1, 1))


DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@given(DAYS, DAYS, st.integers(min_value=1, max_value=60))
def test_in_warranty_exactly_within_the_period(purchase: date, today: date, months: int) -> None:
    verdict = warranty_verdict(purchase, today, months=months)
    ends = standard_warranty_ends(purchase, months)
    assert verdict.in_warranty == (purchase <= today <= ends)
    assert verdict.standard_warranty_ends == ends
    assert (ends - purchase).days >= 28 * months - 1
