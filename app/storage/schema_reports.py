"""Schema migration 8: indexes the outlet reports (issue 16) read by time.

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `ticket_event_closed`: the moves that close a ticket, by time, so "closed this
  month" and the turnaround of those tickets are one index range, not a scan of
  every status change the store ever recorded;
* `diag_run_started`: diagnostic runs by start time (declined diagnostics per period);
* `privacy_request_received`: data-subject requests by the day they came in.
"""

from __future__ import annotations

from app.storage.schema_tickets import CLOSED_STATUSES_SQL

REPORTS_SCHEMA: list[str] = [
    f"CREATE INDEX ticket_event_closed ON ticket_event (at) WHERE to_status IN ({CLOSED_STATUSES_SQL})",
    "CREATE INDEX diag_run_started ON diag_run (started_at)",
    "CREATE INDEX privacy_request_received ON privacy_request (received_at)",
]
