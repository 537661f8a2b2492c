"""Schema migration 8: what the outlet reports (issue 16) read, kept where one range scan finds it.

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

A monthly report at a million tickets must not probe each ticket's status history
at random (every page it touches is read and decrypted), so three facts the
history proves are kept on the ticket row as the moves happen
(`ticket_repository.set_status`, and the seeding code):

* `ticket.responded_at`: the first move after intake (the first response);
* `ticket.closed_at`: the move into a closed status; `ticket_closed` indexes it, so
  "closed this month" is one index range;
* `ticket.qc_failed`: 1 once a quality check sent the phone back to repairing;
* `ticket.repeat_visit`: the IMEI had another ticket opened in the 90 days before this one;
* `ticket.came_back`: the IMEI came back with a new ticket within 90 days after this one
  (both set by `ticket_repository.mark_repeat_visits` when a ticket is opened).

Existing tickets get them from their `ticket_event` history here.  Also:

* `ticket_imei_created` replaces `ticket_imei` (same leading column, so every IMEI
  lookup still uses it) and finds "another ticket for this IMEI within 90 days" at intake
  from the index alone;
* `diag_run_started`, `privacy_request_received`: runs and requests by time.
"""

from __future__ import annotations

from app.storage.schema_tickets import CLOSED_STATUSES_SQL

#: A ticket's creation moved by whole days, in the stored text form (app.clock.iso).
_SHIFTED = "strftime('%Y-%m-%dT%H:%M:%f+00:00', ticket.created_at, '{days:+d} days')"

REPORTS_SCHEMA: list[str] = [
    "ALTER TABLE ticket ADD COLUMN responded_at TEXT",
    "ALTER TABLE ticket ADD COLUMN closed_at TEXT",
    "ALTER TABLE ticket ADD COLUMN qc_failed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE ticket ADD COLUMN repeat_visit INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE ticket ADD COLUMN came_back INTEGER NOT NULL DEFAULT 0",
    f"""UPDATE ticket SET
        responded_at = (SELECT min(e.at) FROM ticket_event e
                        WHERE e.ticket_id = ticket.id AND e.from_status IS NOT NULL),
        closed_at = CASE WHEN status IN ({CLOSED_STATUSES_SQL}) THEN
                        (SELECT max(e.at) FROM ticket_event e WHERE e.ticket_id = ticket.id) END,
        qc_failed = EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = ticket.id
                            AND e.from_status = 'quality_check' AND e.to_status = 'repairing')""",
    "CREATE INDEX ticket_closed ON ticket (closed_at) WHERE closed_at IS NOT NULL",
    "CREATE INDEX ticket_imei_created ON ticket (imei, created_at)",
    "DROP INDEX ticket_imei",
    f"""UPDATE ticket SET
        repeat_visit = EXISTS (SELECT 1 FROM ticket r WHERE r.imei = ticket.imei AND r.id <> ticket.id
            AND r.created_at < ticket.created_at AND r.created_at >= {_SHIFTED.format(days=-90)}),
        came_back = EXISTS (SELECT 1 FROM ticket r WHERE r.imei = ticket.imei AND r.id <> ticket.id
            AND r.created_at > ticket.created_at AND r.created_at <= {_SHIFTED.format(days=90)})
        WHERE imei IS NOT NULL""",
    "CREATE INDEX diag_run_started ON diag_run (started_at)",
    "CREATE INDEX privacy_request_received ON privacy_request (received_at)",
]
