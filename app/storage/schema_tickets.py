"""Schema migration 2: what the repair-ticket service keeps beyond the foundation's base tables.

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `ticket` gains the device identity (second IMEI, serial, software version),
  the fault category, the response deadline (`due_at`, UTC ISO text so text
  order is time order), send-in parcel details, the purchase date and the
  JSON blobs written once at intake (condition checklist, accessories, the
  signed agreement, the warranty verdict as it was given) or at pickup;
* `imei_tail` / `imei2_tail` and `phone_tail` hold the last 6 IMEI digits
  and the last 4 digits of the customer's phone, indexed, so the counter's one
  search box finds a ticket from a partial identifier with an index seek.
  The phone tail sits on the ticket (not only the customer) with the
  creation time in its index: "newest 50 tickets of phone ...5678" is then
  one ordered index range at a million tickets, not a sort of every match;
* `ticket_event` is the status history the progress query shows (the audit
  journal proves it, but holds only digests);
* `ticket_line` holds estimate and invoice lines (prices as decimal text);
* `ticket_photo` holds the optional condition photos taken at intake, inside
  the encrypted store like everything else (the journal gets their digests).
"""

from __future__ import annotations

#: Statuses that close a ticket; the open-queue index leaves them out (must match app.core.workflow.TERMINAL).
CLOSED_STATUSES_SQL = "'collected','cancelled','returned_unrepaired'"

_TICKET_COLUMNS = (
    "imei2 TEXT",
    "serial TEXT",
    "software_version TEXT",
    "fault_category TEXT",
    "due_at TEXT",
    "purchase_date TEXT",
    "purchase_proof TEXT",
    "courier TEXT",
    "tracking_number TEXT",
    "parcel_condition TEXT",
    "intake_json TEXT",
    "agreement_json TEXT",
    "warranty_json TEXT",
    "estimate TEXT",
    "deposit TEXT",
    "approval_json TEXT",
    "pickup_json TEXT",
    "imei_tail TEXT",
    "imei2_tail TEXT",
    "phone_tail TEXT",
)

TICKETS_V2: list[str] = [
    *(f"ALTER TABLE ticket ADD COLUMN {column}" for column in _TICKET_COLUMNS),
    "CREATE INDEX ticket_imei ON ticket (imei)",
    "CREATE INDEX ticket_imei2 ON ticket (imei2) WHERE imei2 IS NOT NULL",
    "CREATE INDEX ticket_imei_tail ON ticket (imei_tail)",
    "CREATE INDEX ticket_imei2_tail ON ticket (imei2_tail) WHERE imei2_tail IS NOT NULL",
    "CREATE INDEX ticket_tracking ON ticket (tracking_number) WHERE tracking_number IS NOT NULL",
    "CREATE INDEX ticket_created ON ticket (created_at)",
    f"CREATE INDEX ticket_open_due ON ticket (due_at) WHERE status NOT IN ({CLOSED_STATUSES_SQL})",
    "CREATE INDEX ticket_phone_tail ON ticket (phone_tail, created_at)",
    "CREATE INDEX customer_name ON customer (name COLLATE NOCASE, id)",
    # A customer's tickets newest first, from the index alone; it also does the job of migration 1's
    # ticket_customer (same leading column), which is dropped so each write updates one index, not two.
    "CREATE INDEX ticket_customer_created ON ticket (customer_id, created_at)",
    "DROP INDEX ticket_customer",
    """CREATE TABLE ticket_event (
        seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES ticket (id),
        at TEXT NOT NULL, actor TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, note TEXT)""",
    "CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, seq)",
    """CREATE TABLE ticket_line (
        id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES ticket (id),
        kind TEXT NOT NULL CHECK (kind IN ('estimate', 'invoice')), part_id TEXT,
        description TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price TEXT NOT NULL, created_at TEXT NOT NULL)""",
    "CREATE INDEX ticket_line_ticket ON ticket_line (ticket_id, kind)",
    """CREATE TABLE ticket_photo (
        id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES ticket (id), part TEXT NOT NULL,
        media_type TEXT NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL, created_at TEXT NOT NULL)""",
    "CREATE INDEX ticket_photo_ticket ON ticket_photo (ticket_id)",
]
