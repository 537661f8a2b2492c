"""Retention rules as data and their expiry dates, at the boundaries (issue 8 item 1)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.retention import (
    DEFAULT_POLICY,
    DEFAULT_RULES,
    Disposal,
    RetentionPeriod,
    add_months,
    expires_at,
    is_expired,
    policy_for_region,
)

CONTACT = datetime(2026, 3, 15, 14, 30)


def _day_before_and_after(expiry: datetime) -> tuple[bool, bool, bool]:
    return (
        is_expired(expiry, expiry - timedelta(days=1)),
        is_expired(expiry, expiry),
        is_expired(expiry, expiry + timedelta(days=1)),
    )


@pytest.mark.parametrize(
    ("rule", "expected", "disposal"),
    [
        ("contact_data", datetime(2027, 3, 15, 14, 30), Disposal.DELETE),
        ("service_records", datetime(2027, 3, 15, 14, 30), Disposal.ANONYMISE),
        ("device_identifiers", datetime(2036, 3, 15, 14, 30), Disposal.DELETE),
    ],
)
def test_rules_counted_from_last_contact(rule: str, expected: datetime, disposal: Disposal) -> None:
    expiry = expires_at(DEFAULT_RULES[rule], last_contact=CONTACT)
    assert expiry == expected
    assert DEFAULT_RULES[rule].disposal is disposal
    assert _day_before_and_after(expiry) == (False, True, True)


@pytest.mark.parametrize("rule", ["diagnostic_logs", "diagnostic_data"])
def test_logs_go_thirty_days_after_capture(rule: str) -> None:
    captured = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    expiry = expires_at(DEFAULT_RULES[rule], captured=captured)
    assert expiry == datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
    assert _day_before_and_after(expiry) == (False, True, True)


def test_end_of_life_shortens_device_identifiers() -> None:
    rule = DEFAULT_RULES["device_identifiers"]
    assert expires_at(rule, last_contact=CONTACT, end_of_life=date(2030, 6, 30)) == datetime(2030, 6, 30)
    # An end of life after the 10 years changes nothing.
    assert expires_at(rule, last_contact=CONTACT, end_of_life=date(2040, 1, 1)) == datetime(2036, 3, 15, 14, 30)
    aware = expires_at(rule, last_contact=CONTACT.replace(tzinfo=UTC), end_of_life=date(2030, 6, 30))
    assert aware == datetime(2030, 6, 30, tzinfo=UTC)


def test_end_of_life_does_not_shorten_contact_data() -> None:
    rule = DEFAULT_RULES["contact_data"]
    assert expires_at(rule, last_contact=CONTACT, end_of_life=date(2026, 4, 1)) == datetime(2027, 3, 15, 14, 30)


def test_consent_records_follow_what_they_prove() -> None:
    rule = DEFAULT_RULES["consent_and_audit"]
    proven = datetime(2027, 1, 1)
    assert expires_at(rule, proven_expiry=proven) == proven
    assert rule.disposal is Disposal.DIGEST
    with pytest.raises(ValueError, match="proves"):
        expires_at(rule, last_contact=CONTACT)


def test_a_missing_anchor_is_an_error_not_forever() -> None:
    with pytest.raises(ValueError, match="last_contact"):
        expires_at(DEFAULT_RULES["contact_data"], captured=CONTACT)
    with pytest.raises(ValueError, match="capture"):
        expires_at(DEFAULT_RULES["diagnostic_logs"], last_contact=CONTACT)


def test_leap_day_plus_twelve_months_is_the_last_of_february() -> None:
    leap = datetime(2028, 2, 29, 8, 0)
    assert expires_at(DEFAULT_RULES["contact_data"], last_contact=leap) == datetime(2029, 2, 28, 8, 0)


def test_region_override_changes_only_its_rules() -> None:
    overrides = {"EU": {"contact_data": RetentionPeriod(months=6), "diagnostic_logs": RetentionPeriod(days=14)}}
    eu = policy_for_region("EU", overrides)
    cn = policy_for_region("CN", overrides)
    assert eu.region == "EU" and cn.rules == DEFAULT_POLICY.rules
    assert expires_at(eu.rule("contact_data"), last_contact=CONTACT) == datetime(2026, 9, 15, 14, 30)
    assert expires_at(eu.rule("service_records"), last_contact=CONTACT) == datetime(2027, 3, 15, 14, 30)
    assert eu.rule("diagnostic_logs").describe().en == "14 days from collection"


def test_overrides_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        DEFAULT_POLICY.with_periods("X", {"nope": RetentionPeriod(days=1)})
    with pytest.raises(ValueError):
        DEFAULT_POLICY.with_periods("X", {"consent_and_audit": RetentionPeriod(days=1)})
    with pytest.raises(ValueError):
        RetentionPeriod()
    with pytest.raises(ValueError):
        RetentionPeriod(days=-1)


def test_descriptions_for_the_slip() -> None:
    assert DEFAULT_RULES["contact_data"].describe().en == "12 months from your last contact"
    assert DEFAULT_RULES["contact_data"].describe().zh_CN == "最后一次联系后12个月"
    assert "end of life" in DEFAULT_RULES["device_identifiers"].describe().en
    assert DEFAULT_RULES["diagnostic_logs"].describe().zh_CN == "采集后30天"
    assert RetentionPeriod(years=1, months=1, days=1).describe().en == "1 year 1 month 1 day"


MOMENTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31))


@given(MOMENTS, st.integers(min_value=0, max_value=240))
def test_add_months_lands_in_the_right_month_never_after_the_day(start: datetime, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day and moved.time() == start.time()
    assert moved.day == start.day or (moved + timedelta(days=1)).month != moved.month


@given(MOMENTS, st.sampled_from(sorted(r for r in DEFAULT_RULES if r != "consent_and_audit")))
def test_every_expiry_is_after_its_anchor(start: datetime, rule: str) -> None:
    expiry = expires_at(DEFAULT_RULES[rule], last_contact=start, captured=start)
    assert expiry > start
    assert not is_expired(expiry, start)
