"""Tables of data forgetting (issue 20): wipe jobs with their steps, and certificates of erasure.

A `wipe_job` is one offer of data forgetting for a ticket: refused (the refusal is
printed on the slip) or agreed (the consent row it cites), then the steps as they
ran and how it ended.  A `wipe_certificate` exists only for a job whose tool
reported success: the canonical JSON body, the outlet's signature, and the
upstream's countersignature once a sync brought it.
"""

from __future__ import annotations

ERASURE_SCHEMA = [
    """CREATE TABLE wipe_job (
        id TEXT PRIMARY KEY, ticket_number TEXT NOT NULL, decision TEXT NOT NULL
            CHECK (decision IN ('agreed', 'refused')),
        consent_id TEXT REFERENCES diag_consent (id), signed_by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('refused', 'agreed', 'running', 'failed', 'done')),
        failure_code TEXT, failure_message TEXT, steps TEXT NOT NULL DEFAULT '[]',
        technician TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT)""",
    "CREATE INDEX wipe_job_ticket ON wipe_job (ticket_number, created_at)",
    """CREATE TABLE wipe_certificate (
        id TEXT PRIMARY KEY, job_id TEXT NOT NULL UNIQUE REFERENCES wipe_job (id),
        ticket_number TEXT NOT NULL, body TEXT NOT NULL, signature TEXT NOT NULL,
        digest TEXT NOT NULL UNIQUE, issued_at TEXT NOT NULL,
        countersignature TEXT, countersigned_at TEXT, upstream_key_id TEXT)""",
    "CREATE INDEX wipe_certificate_ticket ON wipe_certificate (ticket_number)",
    "CREATE INDEX wipe_certificate_waiting ON wipe_certificate (issued_at) WHERE countersignature IS NULL",
]
