"""Schema migration for the repair slip (issue 6): the print journal and the thermal retry queue.

Appended to `migrations.MIGRATIONS` after the migrations before it (append-only).

* `slip_print`: one row per slip that left the counter (a PDF written, a job
  sent to a system or thermal printer): which ticket, which copy (0 for the
  original, n for the n-th reprint), format, target, pages, the SHA-256 of
  the bytes produced (so a disputed slip can be matched), who and when.  The
  audit journal holds only a digest; this table is what "how many times was
  this slip printed" is answered from;
* `slip_print_job`: thermal jobs the printer could not take (paper out,
  offline), kept with their bytes until they are sent or discarded, so a
  restart of the app loses no slip.  Jobs are sent in `seq` order.
"""

from __future__ import annotations

SLIPS_SCHEMA: list[str] = [
    """CREATE TABLE slip_print (
        id TEXT PRIMARY KEY, ticket_number TEXT NOT NULL, copy_number INTEGER NOT NULL CHECK (copy_number >= 0),
        language TEXT NOT NULL, slip_format TEXT NOT NULL CHECK (slip_format IN ('a5', 'a4', 'thermal')),
        target TEXT NOT NULL, pages INTEGER NOT NULL, sha256 TEXT NOT NULL,
        printed_by TEXT NOT NULL, printed_at TEXT NOT NULL)""",
    "CREATE INDEX slip_print_ticket ON slip_print (ticket_number, copy_number)",
    """CREATE TABLE slip_print_job (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ticket_number TEXT NOT NULL,
        copy_number INTEGER NOT NULL, language TEXT NOT NULL, port TEXT NOT NULL, description TEXT NOT NULL,
        data BLOB NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX slip_print_job_ticket ON slip_print_job (ticket_number)",
]
