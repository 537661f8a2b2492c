"""The battery rule: below 80 % health within warranty, a free replacement is recommended.

Health can be read three ways, and phones offer different subsets: a health
percentage (the Diagnostic Tool, or `dumpsys battery` on newer Android),
the learned full-charge capacity against the design capacity, and the charge
cycle count.  The verdict uses the health percentage when there is one, else
computes it from the capacities; the cycle count is kept and shown but does
not decide on its own (makers rate cells for different cycle counts).  Every
reading carries where it came from, and the verdict keeps all of them, so a
disputed replacement can be traced back to the reading behind it.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from app.core.localized import LocalizedText as T

DEFAULT_THRESHOLD_PERCENT = 80.0


class ReadingSource(enum.StrEnum):
    """How a reading was obtained."""

    DIAGNOSTIC_TOOL = "diagnostic_tool"
    DUMPSYS_BATTERY = "dumpsys_battery"
    BATTERYSTATS = "batterystats"
    CYCLE_COUNT_BROADCAST = "cycle_count_broadcast"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Reading:
    """One number read from the phone (or typed), and where it came from."""

    value: float
    source: ReadingSource

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not math.isfinite(self.value) or self.value < 0:
            raise ValueError(f"a battery reading must be a finite, non-negative number, got {self.value!r}")
        if not isinstance(self.source, ReadingSource):
            object.__setattr__(self, "source", ReadingSource(self.source))


@dataclass(frozen=True, slots=True)
class BatteryReadings:
    """What the diagnostics found; any of them may be missing."""

    health_percent: Reading | None = None
    cycle_count: Reading | None = None
    learned_capacity_mah: Reading | None = None
    design_capacity_mah: Reading | None = None


class BatteryAdvice(enum.StrEnum):
    FREE_REPLACEMENT = "free_replacement"
    PAID_REPLACEMENT = "paid_replacement"
    HEALTHY = "healthy"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class BatteryVerdict:
    """The recommendation, the health it rests on, and how that health was obtained."""

    advice: BatteryAdvice
    health_percent: float | None
    #: "health_percent:<source>" or "capacity:<learned source>/<design source>", None when unknown.
    health_basis: str | None
    threshold_percent: float
    in_warranty: bool
    readings: BatteryReadings
    reason: T

    @property
    def replacement_recommended(self) -> bool:
        return self.advice in (BatteryAdvice.FREE_REPLACEMENT, BatteryAdvice.PAID_REPLACEMENT)


def _health(readings: BatteryReadings) -> tuple[float | None, str | None]:
    if readings.health_percent is not None:
        return readings.health_percent.value, f"health_percent:{readings.health_percent.source.value}"
    learned, design = readings.learned_capacity_mah, readings.design_capacity_mah
    if learned is not None and design is not None and design.value > 0:
        basis = f"capacity:{learned.source.value}/{design.source.value}"
        return round(learned.value / design.value * 100.0, 1), basis
    return None, None


def _percent(health: float | None) -> str:
    """Rounded down to one decimal, so 79.96 never shows as "80%" next to "below 80%"."""
    floored = math.floor((health or 0.0) * 10) / 10
    return f"{floored:.1f}".removesuffix(".0") + "%"


def _reason(advice: BatteryAdvice, health: float | None, threshold: float, cycles: Reading | None) -> T:
    cycles_zh = f"，充电循环 {cycles.value:.0f} 次" if cycles is not None else ""
    cycles_en = f", {cycles.value:.0f} charge cycles" if cycles is not None else ""
    if advice is BatteryAdvice.UNKNOWN:
        return T(f"无法读取电池健康度{cycles_zh}。", f"Battery health could not be read{cycles_en}.")
    shown = _percent(health)
    if advice is BatteryAdvice.HEALTHY:
        return T(
            f"电池健康度 {shown}{cycles_zh}，不低于 {threshold:.0f}%，无需更换。",
            f"Battery health {shown}{cycles_en}, not below {threshold:.0f}%: no replacement needed.",
        )
    if advice is BatteryAdvice.FREE_REPLACEMENT:
        return T(
            f"电池健康度 {shown}{cycles_zh}，低于 {threshold:.0f}% 且在保修期内，建议免费更换电池。",
            f"Battery health {shown}{cycles_en}, below {threshold:.0f}% within warranty: "
            "free battery replacement recommended.",
        )
    return T(
        f"电池健康度 {shown}{cycles_zh}，低于 {threshold:.0f}%，已过保修期，建议付费更换电池。",
        f"Battery health {shown}{cycles_en}, below {threshold:.0f}% and out of warranty: "
        "paid battery replacement recommended.",
    )


def battery_verdict(
    readings: BatteryReadings,
    *,
    in_warranty: bool,
    threshold_percent: float = DEFAULT_THRESHOLD_PERCENT,
) -> BatteryVerdict:
    """Apply the battery rule to what the diagnostics read."""
    if not 0 < threshold_percent <= 100:
        raise ValueError("the health threshold is a percentage above 0")
    health, basis = _health(readings)
    if health is None:
        advice = BatteryAdvice.UNKNOWN
    elif health >= threshold_percent:
        advice = BatteryAdvice.HEALTHY
    else:
        advice = BatteryAdvice.FREE_REPLACEMENT if in_warranty else BatteryAdvice.PAID_REPLACEMENT
    reason = _reason(advice, health, threshold_percent, readings.cycle_count)
    return BatteryVerdict(advice, health, basis, threshold_percent, in_warranty, readings, reason)
