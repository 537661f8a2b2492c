"""The engine reads candidates up to a generous cut-off, then decides each exactly: no expired record
may lie beyond the cut-off, whatever the period and the calendar (month ends, leap days)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.core.retention import DEFAULT_POLICY, RetentionPeriod, expires_at, is_expired
from app.privacy.retention_engine import candidate_cutoff

moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC))
periods = (
    st.tuples(st.integers(0, 12), st.integers(0, 24), st.integers(0, 400))
    .filter(any)
    .map(lambda t: RetentionPeriod(*t))
)


@given(anchor=moments, now=moments, period=periods)
def test_every_expired_anchor_is_a_candidate(anchor, now, period) -> None:
    rule = DEFAULT_POLICY.with_periods("t", {"contact_data": period}).rule("contact_data")
    if is_expired(expires_at(rule, last_contact=anchor), now):
        assert anchor <= candidate_cutoff(rule, now)


def test_the_cut_off_is_not_wastefully_early() -> None:
    now = datetime(2027, 11, 24, tzinfo=UTC)
    rule = DEFAULT_POLICY.rule("contact_data")
    assert now - candidate_cutoff(rule, now) == timedelta(days=336)  # 12 months of at least 28 days
