"""Schema migration 4: the privacy desk (issue 8).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `privacy_request`: a data-subject request (access, rectification, erasure,
  restriction, objection, withdrawal of consent) with its received and due
  dates, status, who handled it and how the person's identity was checked.
  It names the customer by the customer's UUID only, so it outlives an erasure
  without keeping personal data;
* `customer_privacy`: per customer, whether processing is restricted (and
  why), an objection, and for children the age bracket and the guardian's
  consent.  Deleted with the customer on erasure;
* `contact_event`: each visit, counter call or pickup that resets the
  customer's last contact (the retention anchor), kinds only;
* `purge_receipt`: what each retention run did, as counts per rule (no
  personal data), so a run can be shown to an auditor;
* `privacy_export`: each export made (who, when, how it was encrypted, the
  file's digest), never its content;
* `ticket.retention_anchor` keeps the customer's last contact on a ticket once
  its service record is anonymised (the customer link is gone by then, but
  the device identifiers still count 10 years from that contact);
  `ticket.anonymised_at` says when the record was anonymised;
* two outbox indexes: waiting rows by record (emptied when the record is
  anonymised or erased) and delivered rows by delivery time (pruned).
"""

from __future__ import annotations

REQUEST_KINDS_SQL = "'access','rectification','erasure','restriction','objection','withdrawal'"
REQUEST_STATUSES_SQL = "'open','done','refused'"

PRIVACY_SCHEMA: list[str] = [
    f"""CREATE TABLE privacy_request (
        id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ({REQUEST_KINDS_SQL})),
        customer_id TEXT NOT NULL, received_at TEXT NOT NULL, due_at TEXT NOT NULL,
        latest_due_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ({REQUEST_STATUSES_SQL})),
        identity_check TEXT NOT NULL, identity_checked_by TEXT NOT NULL,
        handled_by TEXT, closed_at TEXT, outcome TEXT)""",
    "CREATE INDEX privacy_request_open ON privacy_request (due_at) WHERE status = 'open'",
    "CREATE INDEX privacy_request_customer ON privacy_request (customer_id)",
    """CREATE TABLE customer_privacy (
        customer_id TEXT PRIMARY KEY, restricted_at TEXT, restricted_request TEXT,
        objected_at TEXT, age_bracket TEXT, guardian_name TEXT, guardian_consent_at TEXT)""",
    """CREATE TABLE contact_event (
        seq INTEGER PRIMARY KEY, customer_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'pickup')), at TEXT NOT NULL)""",
    "CREATE INDEX contact_event_customer ON contact_event (customer_id, at)",
    """CREATE TABLE purge_receipt (
        id TEXT PRIMARY KEY, ran_at TEXT NOT NULL, actor TEXT NOT NULL, region TEXT NOT NULL,
        counts TEXT NOT NULL)""",
    """CREATE TABLE privacy_export (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, request_id TEXT, made_at TEXT NOT NULL,
        made_by TEXT NOT NULL, protection TEXT NOT NULL CHECK (protection IN ('password', 'key')),
        file_name TEXT NOT NULL, sha256 TEXT NOT NULL)""",
    "ALTER TABLE ticket ADD COLUMN retention_anchor TEXT",
    "ALTER TABLE ticket ADD COLUMN anonymised_at TEXT",
    "CREATE INDEX customer_last_contact ON customer (last_contact_at)",
    "CREATE INDEX ticket_device_anchor ON ticket (retention_anchor) WHERE imei IS NOT NULL",
    "CREATE INDEX diag_log_captured ON diag_log (captured_at)",
    "CREATE INDEX diag_result_collected ON diag_result (collected_at)",
    # Waiting outbox rows by record, so an erasure or an anonymisation empties their payloads with a seek.
    "CREATE INDEX outbox_pending_entity ON outbox (entity_id) WHERE sent_at IS NULL",
    "CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL",
]
