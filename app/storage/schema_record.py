"""Schema migration 8 (issue 12): pulled reference items set aside, and the outlet's own calendar.

* `sync_reference_rejected`: a pulled reference item that did not pass its check,
  kept as it came with the reason, so HQ can be told and nothing of it applies;
* `outlet_hours`: the outlet's opening hours per weekday (0 = Monday), as the
  manager set them ("" = closed); a weekday without a row keeps the default;
* `outlet_holiday`: days the outlet closes (hours "") or opens other hours,
  set by a manager on top of the region's holidays pulled from the upstream.
"""

from __future__ import annotations

RECORD_SCHEMA: list[str] = [
    """CREATE TABLE sync_reference_rejected (
        seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_key TEXT NOT NULL, item TEXT NOT NULL,
        reason TEXT NOT NULL, received_at TEXT NOT NULL)""",
    """CREATE TABLE outlet_hours (
        weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6), hours TEXT NOT NULL,
        set_by TEXT NOT NULL, set_at TEXT NOT NULL)""",
    """CREATE TABLE outlet_holiday (
        day TEXT PRIMARY KEY, hours TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        set_by TEXT NOT NULL, set_at TEXT NOT NULL)""",
]
