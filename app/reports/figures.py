"""The report's figures, computed from the aggregate rows of app.storage.report_queries.

Counts add up and histograms merge, so a group's total over the whole range is
the sum of its periods, and the outlet's total is the sum of its groups: no
query is run twice, and no ticket is ever held here.  Percentiles use the
nearest-rank method on the histogram: the p-th percentile of n values is the
ceil(p * n)-th smallest, always a value that occurred.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

PRIORITIES = (1, 2, 3, 4)
#: Statuses after which the phone went back to the customer (turnaround counts these).
RETURNED_STATUSES = ("collected", "returned_unrepaired")


def percentile(histogram: Counter[int], fraction: float) -> int | None:
    """Nearest-rank percentile of a value -> count histogram; None when it is empty."""
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise AssertionError("unreachable: the ranks add up to the total")


def rate(part: int, whole: int) -> float | None:
    """part / whole rounded to 4 places; None when there is nothing to divide."""
    return None if whole == 0 else round(part / whole, 4)


@dataclass
class ResponseTally:
    """First responses at one priority level against the deadline the intake set."""

    met: int = 0
    missed: int = 0
    pending: int = 0
    no_deadline: int = 0

    def add(self, other: ResponseTally) -> None:
        self.met += other.met
        self.missed += other.missed
        self.pending += other.pending
        self.no_deadline += other.no_deadline

    def as_json(self) -> dict[str, Any]:
        return {
            "met": self.met,
            "missed": self.missed,
            "pending": self.pending,
            "no_deadline": self.no_deadline,
            "met_rate": rate(self.met, self.met + self.missed),
        }


@dataclass
class Tally:
    """Everything counted for one period and group (or a total of several)."""

    received: int = 0
    closed: int = 0
    closed_by_status: Counter[str] = field(default_factory=Counter)
    turnaround_minutes: Counter[int] = field(default_factory=Counter)
    responses: dict[int, ResponseTally] = field(default_factory=lambda: {p: ResponseTally() for p in PRIORITIES})
    collected: int = 0
    first_time_fixes: int = 0
    repeats: int = 0
    battery_free: int = 0
    battery_paid: int = 0
    diagnostics_declined: int = 0

    def add(self, other: Tally) -> None:
        self.received += other.received
        self.closed += other.closed
        self.closed_by_status.update(other.closed_by_status)
        self.turnaround_minutes.update(other.turnaround_minutes)
        for priority, tally in other.responses.items():
            self.responses.setdefault(priority, ResponseTally()).add(tally)
        self.collected += other.collected
        self.first_time_fixes += other.first_time_fixes
        self.repeats += other.repeats
        self.battery_free += other.battery_free
        self.battery_paid += other.battery_paid
        self.diagnostics_declined += other.diagnostics_declined

    def figures(self) -> dict[str, Any]:
        """The figures people read, as plain JSON values (minutes and rates, no personal data)."""
        met = sum(r.met for r in self.responses.values())
        judged = met + sum(r.missed for r in self.responses.values())
        return {
            "received": self.received,
            "closed": self.closed,
            "closed_by_status": dict(sorted(self.closed_by_status.items())),
            "turnaround_median_minutes": percentile(self.turnaround_minutes, 0.5),
            "turnaround_p90_minutes": percentile(self.turnaround_minutes, 0.9),
            "response_by_priority": {str(p): self.responses[p].as_json() for p in sorted(self.responses)},
            "response_met_rate": rate(met, judged),
            "collected": self.collected,
            "first_time_fixes": self.first_time_fixes,
            "first_time_fix_rate": rate(self.first_time_fixes, self.collected),
            "repeat_repairs_90_days": self.repeats,
            "battery_replacements_free": self.battery_free,
            "battery_replacements_paid": self.battery_paid,
            "diagnostics_declined": self.diagnostics_declined,
        }


@dataclass
class RequestTally:
    """Data-subject requests of one kind received in one period, and how fast they were answered."""

    received: int = 0
    answered: int = 0
    on_time: int = 0
    answer_minutes: Counter[int] = field(default_factory=Counter)

    def add(self, other: RequestTally) -> None:
        self.received += other.received
        self.answered += other.answered
        self.on_time += other.on_time
        self.answer_minutes.update(other.answer_minutes)

    def figures(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "answered": self.answered,
            "answered_on_time": self.on_time,
            "open": self.received - self.answered,
            "answer_median_minutes": percentile(self.answer_minutes, 0.5),
            "answer_p90_minutes": percentile(self.answer_minutes, 0.9),
        }
