"""Reference data pulled from the upstream: each item checked on its own, then laid over the shipped files.

The upstream publishes items keyed per kind, and the counter keeps the newest
item per (kind, key).  An item is checked whole before it is kept (`check_item`):
one that does not hold is set aside with its reason and none of it applies.
`apply_pulled` lays the kept items over the shipped `ReferenceData`, so what
sync brought is what prices, deadlines, the tool check and retention use.

Item formats (a CSV column holds the same text; amounts are decimal strings):

* ``price_list``: ``{"key": PART_ID, "price": "149.00"}`` changes a part's guide
  price; a new part also gives ``kind`` (part/labour), ``name_en``,
  ``name_zh_CN`` and optionally ``models`` (a list, or ``"RC-X1;RC-A5"``).
* ``diagtool``: ``{"key": "min_version", "min_version_code": 320,
  "min_version_name": "3.2.0"}``, optionally ``apk_file`` and ``apk_sha256``.
* ``retention``: ``{"key": "CN/diagnostic_logs", "days": 14}`` (years, months,
  days) sets a region's retention period; ``{"key": "CN/warranty", "months": 36}``
  its warranty period.
* ``holidays``: ``{"key": "CN/2026-10-01"}`` closes the region's outlets that
  day; with ``"hours": "10:00-16:00"`` they open those hours instead.
* ``part_makers``: ``{"key": KEY_ID, "public_key": BASE64}`` adds or rotates a part
  maker's Ed25519 key, ``{"key": KEY_ID, "retired": true}`` withdraws one
  (app/core/part_labels.py; laid over the shipped keys by the parts service).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from app.core.deadlines import Interval, parse_hours
from app.core.localized import LocalizedText
from app.core.part_labels import pulled_maker_key
from app.core.reference_data import (
    _APK_FILE,
    _IDENTIFIER,
    _SHA256,
    DiagnosticToolRequirement,
    PriceItem,
    PriceList,
    ReferenceData,
    ReferenceDataError,
    Regions,
    _Node,
    _period,
)
from app.core.retention import DEFAULT_POLICY, RetentionPeriod

#: The pulled kinds the counter applies, in the order they are applied.
APPLIED_KINDS = ("price_list", "diagtool", "retention", "holidays")
WARRANTY_RULE = "warranty"
MIN_VERSION_KEY = "min_version"

#: Region -> day -> opening intervals that day (empty: closed).
HolidayCalendar = Mapping[str, Mapping[date, tuple[Interval, ...]]]


@dataclass(frozen=True)
class ReferenceInForce:
    """The shipped reference data with everything pulled laid over it."""

    data: ReferenceData
    holidays: HolidayCalendar
    #: Shown in the status bar and printed on the slip: the shipped price list version,
    #: plus the number of pulled items in force when there are any.
    version: str

    def holidays_for(self, region: str) -> Mapping[date, tuple[Interval, ...]]:
        return self.holidays.get(region.upper(), {})


def item_key(item: Any) -> str:
    """The item's key for messages (bounded; "?" when it has none)."""
    key = item.get("key") if isinstance(item, dict) else None
    return str(key)[:64] if isinstance(key, str) and key else "?"


def check_item(kind: str, item: Any, base: ReferenceData) -> None:
    """ReferenceDataError naming the field when the item cannot be applied as a whole."""
    if kind == "part_makers":  # applied by the parts service over the shipped keys, checked here alike
        try:
            pulled_maker_key(item)
        except ValueError as problem:
            raise ReferenceDataError(str(problem)) from None
        return
    if kind not in APPLIED_KINDS:
        return  # kinds the counter does not apply yet are kept as they came
    _APPLY[kind](base, item)


# --- one item of each kind -------------------------------------------------------------------------


def _node(kind: str, item: Any) -> _Node:
    node = _Node(item, f"{kind} {item_key(item)}")
    node.field("key").text(max_length=64)
    return node


def _models(node: _Node) -> tuple[str, ...]:
    if isinstance(node.value, str):
        names = [m.strip() for m in node.value.split(";") if m.strip()]
        return tuple(_Node(m, node.where).text(max_length=64) for m in names)
    return tuple(m.text(max_length=64) for m in node.items())


def _absent(node: _Node) -> bool:
    return node.value is None or node.value == ""


def _price_item(base: ReferenceData, item: Any) -> PriceItem:
    node = _node("price_list", item)
    part_id = node.field("key").text(max_length=64, pattern=_IDENTIFIER)
    existing = next((i for i in base.price_list.items if i.part_id == part_id), None)
    price = node.field("price").amount()
    kind_node, models_node = node.field("kind", optional=True), node.field("models", optional=True)
    en, zh = node.field("name_en", optional=True), node.field("name_zh_CN", optional=True)
    if existing is None:
        missing = [f.where.rsplit(".", 1)[-1] for f in (kind_node, en, zh) if _absent(f)]
        if missing:
            raise node.fail(f"a new part needs {', '.join(missing)}")
    if _absent(en) != _absent(zh):
        raise node.fail("give the name in both languages (name_en and name_zh_CN)")
    kind = existing.kind if existing is not None and _absent(kind_node) else kind_node.text(max_length=10)
    if kind not in ("part", "labour"):
        raise kind_node.fail('must be "part" or "labour"')
    name = existing.name if existing is not None and _absent(en) else LocalizedText(zh_CN=zh.text(), en=en.text())
    if _absent(models_node):
        models = existing.models if existing is not None else ()
    else:
        models = _models(models_node)
    return PriceItem(part_id, kind, name, models, price)


def _tool(base: ReferenceData, item: Any) -> DiagnosticToolRequirement:
    node = _node("diagtool", item)
    if node.field("key").value != MIN_VERSION_KEY:
        raise node.field("key").fail(f"the diagtool item is {MIN_VERSION_KEY!r}")
    code = node.field("min_version_code")
    if isinstance(code.value, str) and code.value.isdigit():
        code = _Node(int(code.value), code.where)
    current = base.diagnostic_tool
    apk_file = node.field("apk_file", optional=True)
    digest = node.field("apk_sha256", optional=True)
    return dataclasses.replace(
        current,
        min_version_code=code.integer(1, 2**31 - 1),
        min_version_name=node.field("min_version_name").text(max_length=40),
        apk_file=apk_file.text(max_length=132, pattern=_APK_FILE) if apk_file.value else current.apk_file,
        apk_sha256=digest.text(max_length=64, pattern=_SHA256) if digest.value else current.apk_sha256,
    )


def _region_and_rest(node: _Node, base: ReferenceData) -> tuple[str, str]:
    region, _, rest = str(node.field("key").value).partition("/")
    if region not in base.regions.regions:
        raise node.field("key").fail(f"unknown region {region!r}; known: {', '.join(base.regions.regions)}")
    if not rest:
        raise node.field("key").fail("keys look like REGION/...")
    return region, rest


def _retention(base: ReferenceData, item: Any) -> tuple[str, str, RetentionPeriod | int]:
    node = _node("retention", item)
    region, rule = _region_and_rest(node, base)
    if rule == WARRANTY_RULE:
        months = node.field("months")
        return region, rule, _Node(_whole(months.value), months.where).integer(1, 240)
    periods = {k: v for k, v in item.items() if k in ("years", "months", "days")}
    unknown = set(item) - {"key", "years", "months", "days"}
    if unknown:
        raise node.fail(f"unknown fields {sorted(unknown)}")
    period = _period(_Node({k: _whole(v) for k, v in periods.items()}, node.where))
    try:
        DEFAULT_POLICY.with_periods(region, {rule: period})
    except (KeyError, ValueError) as error:
        raise node.field("key").fail(str(error)) from None
    return region, rule, period


def _whole(value: Any) -> Any:
    """CSV gives numbers as text: "14" is 14."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _holiday(base: ReferenceData, item: Any) -> tuple[str, date, tuple[Interval, ...]]:
    node = _node("holidays", item)
    region, day_text = _region_and_rest(node, base)
    day = _Node(day_text, node.field("key").where).day()
    hours = node.field("hours", optional=True)
    try:
        intervals = parse_hours(str(hours.value or ""))
    except ValueError as error:
        raise hours.fail(str(error)) from None
    return region, day, intervals


_APPLY = {"price_list": _price_item, "diagtool": _tool, "retention": _retention, "holidays": _holiday}


# --- everything together ---------------------------------------------------------------------------


def _newest_per_key(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    newest: dict[str, dict[str, Any]] = {}
    for item in items:
        newest.pop(item_key(item), None)  # re-inserted: a key keeps the position of its newest item
        newest[item_key(item)] = item
    return list(newest.values())


def _applicable(kind: str, base: ReferenceData, items: list[dict[str, Any]]) -> list[Any]:
    """Each item's parsed value; an item kept before it was checked on arrival, and failing now, is skipped."""
    parsed = []
    for item in items:
        try:
            parsed.append(_APPLY[kind](base, item))
        except ReferenceDataError:
            continue
    return parsed


def _prices(base: ReferenceData, items: list[dict[str, Any]]) -> PriceList:
    merged = {i.part_id: i for i in base.price_list.items}
    merged.update({priced.part_id: priced for priced in _applicable("price_list", base, items)})
    return dataclasses.replace(base.price_list, items=tuple(merged.values()))


def _regions(base: ReferenceData, items: list[dict[str, Any]]) -> Regions:
    policies = dict(base.regions.regions)
    for region, rule, value in _applicable("retention", base, items):
        policy = policies[region]
        if isinstance(value, int):
            policies[region] = dataclasses.replace(policy, warranty_months=value)
        else:
            overrides = {**policy.retention_overrides, rule: value}
            policies[region] = dataclasses.replace(policy, retention_overrides=MappingProxyType(overrides))
    return dataclasses.replace(base.regions, regions=MappingProxyType(policies))


def apply_pulled(base: ReferenceData, pulled: Mapping[str, list[dict[str, Any]]]) -> ReferenceInForce:
    """`base` with the pulled items laid over it (newest per key wins)."""
    kept = {kind: _newest_per_key(pulled.get(kind, [])) for kind in APPLIED_KINDS}
    tools = _applicable("diagtool", base, kept["diagtool"])
    data = dataclasses.replace(
        base,
        price_list=_prices(base, kept["price_list"]),
        diagnostic_tool=tools[-1] if tools else base.diagnostic_tool,
        regions=_regions(base, kept["retention"]),
    )
    holidays: dict[str, dict[date, tuple[Interval, ...]]] = {}
    for region, day, intervals in _applicable("holidays", base, kept["holidays"]):
        holidays.setdefault(region, {})[day] = intervals
    count = sum(len(items) for items in kept.values())
    version = base.price_list.version + (f"+{count}" if count else "")
    return ReferenceInForce(data, MappingProxyType(holidays), version)


__all__ = ["APPLIED_KINDS", "ReferenceDataError", "ReferenceInForce", "apply_pulled", "check_item", "item_key"]
