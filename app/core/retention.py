"""How long each kind of record is kept, as data, and the pure date arithmetic.

The defaults are docs/ARCHITECTURE.md section 8; a region's reference data can change any
rule's period (`RetentionPolicy.with_periods`).  The retention engine in
`app/privacy/` asks `expires_at` for each record and acts on `disposal`; this
module never looks at a clock or a database.

Rules (identifier: kept for, counted from, then):

* `contact_data`: 12 months from the customer's last contact, then deleted;
* `service_records`: 12 months from the last contact, then anonymised;
* `device_identifiers` (IMEI, SN, software version): 10 years from the last
  contact or the product's end of life, whichever comes first, then deleted;
* `diagnostic_logs`: 30 days from capture, then deleted;
* `diagnostic_data` (raw readings other than identity and battery: network,
  Wi-Fi, app and camera records): 30 days from capture, then deleted.  The
  design names no period for these; they are treated like logs because they
  are as revealing and the repair record keeps the conclusions;
* `consent_and_audit`: as long as the records they prove, then reduced to
  digests.

Months are calendar months: 12 months after 29 February is 28 February.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from types import MappingProxyType

from app.core.localized import LocalizedText as T


class Anchor(enum.StrEnum):
    """The moment a retention period is counted from."""

    LAST_CONTACT = "last_contact"
    CAPTURE = "capture"
    PROVEN_RECORD = "proven_record"


class Disposal(enum.StrEnum):
    """What happens to a record when its period ends."""

    DELETE = "delete"
    ANONYMISE = "anonymise"
    DIGEST = "digest"


@dataclass(frozen=True, slots=True)
class RetentionPeriod:
    """A calendar period: years and months by the calendar, then days."""

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if min(self.years, self.months, self.days) < 0:
            raise ValueError("a retention period cannot be negative")
        if self.years == self.months == self.days == 0:
            raise ValueError("a retention period cannot be empty")

    def after(self, start: datetime) -> datetime:
        """`start` plus this period (same time of day, month ends clamped)."""
        return add_months(start, self.years * 12 + self.months) + timedelta(days=self.days)

    def describe(self) -> T:
        """Plain words for the slip and the privacy desk, e.g. "12 months"."""
        parts_en, parts_zh = [], []
        for amount, en, zh in ((self.years, "year", "年"), (self.months, "month", "个月"), (self.days, "day", "天")):
            if amount:
                parts_en.append(f"{amount} {en}{'s' if amount != 1 else ''}")
                parts_zh.append(f"{amount}{zh}")
        return T("".join(parts_zh), " ".join(parts_en))


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """One row of the retention table."""

    identifier: str
    label: T
    anchor: Anchor
    #: None for `PROVEN_RECORD` rules, which follow the record they prove.
    period: RetentionPeriod | None
    disposal: Disposal
    #: The period also ends at the product's end of life, if that is sooner.
    ends_at_end_of_life: bool = False

    def describe(self) -> T:
        """How long this is kept, in words a customer reads on the slip."""
        if self.period is None:
            return T("与其证明的记录保留时间相同", "as long as the records it proves")
        spelled = self.period.describe()
        if self.anchor is Anchor.CAPTURE:
            return T(f"采集后{spelled.zh_CN}", f"{spelled.en} from collection")
        if self.ends_at_end_of_life:
            return T(
                f"最后一次联系后{spelled.zh_CN}，或至产品停止服务，以较早者为准",
                f"{spelled.en} from your last contact, or until the product's end of life if sooner",
            )
        return T(f"最后一次联系后{spelled.zh_CN}", f"{spelled.en} from your last contact")


def add_months(start: datetime, months: int) -> datetime:
    """Calendar month arithmetic, clamping the day to the target month's length."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return start.replace(year=year, month=month + 1, day=day)


_RULE_LIST = (
    RetentionRule(
        "contact_data",
        T("姓名、电话、邮箱、地址", "Name, phone, e-mail, address"),
        Anchor.LAST_CONTACT,
        RetentionPeriod(months=12),
        Disposal.DELETE,
    ),
    RetentionRule(
        "service_records",
        T("维修记录（工单、备注）", "Service records (tickets, notes)"),
        Anchor.LAST_CONTACT,
        RetentionPeriod(months=12),
        Disposal.ANONYMISE,
    ),
    RetentionRule(
        "device_identifiers",
        T("设备 IMEI、序列号、软件版本", "Device IMEI, serial number, software version"),
        Anchor.LAST_CONTACT,
        RetentionPeriod(years=10),
        Disposal.DELETE,
        ends_at_end_of_life=True,
    ),
    RetentionRule(
        "diagnostic_logs", T("诊断日志", "Diagnostic logs"), Anchor.CAPTURE, RetentionPeriod(days=30), Disposal.DELETE
    ),
    RetentionRule(
        "diagnostic_data",
        T("其他诊断数据", "Other diagnostic data"),
        Anchor.CAPTURE,
        RetentionPeriod(days=30),
        Disposal.DELETE,
    ),
    RetentionRule(
        "consent_and_audit",
        T("同意记录和审计日志", "Consent records and audit journal"),
        Anchor.PROVEN_RECORD,
        None,
        Disposal.DIGEST,
    ),
)

#: The defaults of docs/ARCHITECTURE.md section 8.
DEFAULT_RULES: Mapping[str, RetentionRule] = MappingProxyType({r.identifier: r for r in _RULE_LIST})


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """The rules in force for one region."""

    region: str
    rules: Mapping[str, RetentionRule]

    def rule(self, identifier: str) -> RetentionRule:
        try:
            return self.rules[identifier]
        except KeyError:
            raise ValueError(f"no retention rule {identifier!r}") from None

    def with_periods(self, region: str, periods: Mapping[str, RetentionPeriod]) -> RetentionPolicy:
        """A copy for `region` with some rules' periods replaced (reference data overrides)."""
        rules = dict(self.rules)
        for identifier, period in periods.items():
            rule = self.rule(identifier)
            if rule.period is None:
                raise ValueError(f"rule {identifier!r} follows the records it proves; it has no period to set")
            rules[identifier] = replace(rule, period=period)
        return RetentionPolicy(region, MappingProxyType(rules))


DEFAULT_POLICY = RetentionPolicy("default", DEFAULT_RULES)


def policy_for_region(region: str, overrides: Mapping[str, Mapping[str, RetentionPeriod]]) -> RetentionPolicy:
    """The defaults with `overrides[region]` applied (no entry: the defaults)."""
    return DEFAULT_POLICY.with_periods(region, overrides.get(region, {}))


def _at_start_of_day(day: date | datetime) -> datetime:
    return day if isinstance(day, datetime) else datetime(day.year, day.month, day.day)


def expires_at(
    rule: RetentionRule,
    *,
    last_contact: datetime | None = None,
    captured: datetime | None = None,
    end_of_life: date | datetime | None = None,
    proven_expiry: datetime | None = None,
) -> datetime:
    """When a record under `rule` must be disposed of.

    Pass the anchor the rule counts from (`last_contact`, `captured`, or for
    consent and audit records the `proven_expiry` of what they prove); a
    missing anchor is a `ValueError`, never a silent "keep forever".
    `end_of_life` shortens rules that end at the product's end of life.
    """
    if rule.anchor is Anchor.PROVEN_RECORD:
        if proven_expiry is None:
            raise ValueError(f"{rule.identifier}: needs the expiry of the record it proves")
        return proven_expiry
    start = last_contact if rule.anchor is Anchor.LAST_CONTACT else captured
    if start is None or rule.period is None:
        raise ValueError(f"{rule.identifier}: needs {rule.anchor.value} to compute an expiry")
    expiry = rule.period.after(start)
    if rule.ends_at_end_of_life and end_of_life is not None:
        end = _at_start_of_day(end_of_life)
        if start.tzinfo is not None and end.tzinfo is None:
            end = end.replace(tzinfo=start.tzinfo)
        expiry = min(expiry, end)
    return expiry


def is_expired(expiry: datetime, now: datetime) -> bool:
    """True from the expiry instant on: a record expiring today at 10:00 goes at 10:00."""
    return now >= expiry
