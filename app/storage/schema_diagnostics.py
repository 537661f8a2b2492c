"""Tables of the consented Diagnostic Tool flow (issue 4): consents, runs, results, logs, battery.

One migration's statements; `migrations.py` appends the list to MIGRATIONS.
Personal data here (customer name, IMEI, signature, logs) lives only inside the
encrypted database; the journal holds digests of it.
"""

from __future__ import annotations

DIAGNOSTICS_SCHEMA: list[str] = [
    # A consent a customer gave: which text they saw (id, version, language), to what categories,
    # to whom, when, and the evidence (signature PNG, an explicit tick, or "verbal" at the CLI).
    """CREATE TABLE diag_consent (
        id TEXT PRIMARY KEY, text_id TEXT NOT NULL, text_version INTEGER NOT NULL,
        language TEXT NOT NULL, categories TEXT NOT NULL, customer_name TEXT NOT NULL,
        ticket_number TEXT, technician TEXT NOT NULL, given_at TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('signature', 'tick', 'verbal')),
        signature_png BLOB, signature_sha256 TEXT, withdrawn_at TEXT)""",
    "CREATE INDEX diag_consent_ticket ON diag_consent (ticket_number)",
    # One run of the flow on one phone.
    """CREATE TABLE diag_run (
        id TEXT PRIMARY KEY, consent_id TEXT NOT NULL REFERENCES diag_consent (id),
        update_consent_id TEXT REFERENCES diag_consent (id), ticket_number TEXT,
        transport TEXT NOT NULL, functions TEXT NOT NULL, categories TEXT NOT NULL,
        refused TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN
            ('running', 'complete', 'incomplete', 'declined', 'cancelled', 'withdrawn')),
        tool_package TEXT, tool_installed_version INTEGER, tool_required_version INTEGER,
        tool_updated INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL, finished_at TEXT,
        note TEXT)""",
    "CREATE INDEX diag_run_consent ON diag_run (consent_id)",
    "CREATE INDEX diag_run_ticket ON diag_run (ticket_number)",
    # What one diagnostic function found (JSON, zlib), the categories it came from and how it was obtained.
    """CREATE TABLE diag_result (
        run_id TEXT NOT NULL REFERENCES diag_run (id), function TEXT NOT NULL, categories TEXT NOT NULL,
        source TEXT NOT NULL, data BLOB NOT NULL, collected_at TEXT NOT NULL,
        PRIMARY KEY (run_id, function))""",
    # A redacted, compressed log capture; deleted when expires_at passes (30 days by default).
    """CREATE TABLE diag_log (
        id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES diag_run (id),
        captured_at TEXT NOT NULL, expires_at TEXT NOT NULL, line_count INTEGER NOT NULL,
        text_size INTEGER NOT NULL, data BLOB NOT NULL)""",
    "CREATE INDEX diag_log_expiry ON diag_log (expires_at)",
    # The battery verdict and every reading behind it with its source.
    """CREATE TABLE diag_battery (
        run_id TEXT PRIMARY KEY REFERENCES diag_run (id), advice TEXT NOT NULL,
        health_percent REAL, health_basis TEXT, in_warranty INTEGER NOT NULL,
        readings TEXT NOT NULL, decided_at TEXT NOT NULL)""",
]
