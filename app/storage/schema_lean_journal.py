"""Schema migration: the journal and the done outbox without what can be read elsewhere (issue 13).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `audit_journal` loses `prev_hash`: an entry's previous hash is the hash of the entry before it,
  which journal.entries reads from there, so the stored copy (32 bytes an entry) said nothing new.
  `at` is kept as stored_time.stored_time keeps it: milliseconds where they give back exactly the
  text the entry's hash covers, else that text (the column has no type, so SQLite converts neither).
  Rows are copied into a new table; the triggers that refuse UPDATE and DELETE are made again.
* `outbox_done` keeps what proves an operation was acknowledged (seq, op id, the upstream's digest)
  and `sent_at` as milliseconds (retention compares it with `time_ms(?)`).  It loses `entity`, which
  nothing reads; it keeps `entity_id` and `action`, which erasure reads to forget the done rows of an
  erased record but not the erase operation itself (privacy_repository.scrub_outbox).
"""

from __future__ import annotations

from app.storage.schema_sizes import copied, rebuilt

LEAN_JOURNAL_SCHEMA: list[str] = [
    *rebuilt(
        "audit_journal",
        """CREATE TABLE audit_journal_compact (
            seq INTEGER PRIMARY KEY, at NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id BLOB NOT NULL, action TEXT NOT NULL, change_digest BLOB NOT NULL, hash BLOB NOT NULL)""",
        "seq, at, actor, entity, entity_id, action, change_digest, hash",
        "audit journal entries",
        values="seq, stored_time(at), actor, entity, entity_id, action, change_digest, hash",
    ),
    *copied(
        "outbox_done",
        """CREATE TABLE outbox_done_compact (
            seq INTEGER PRIMARY KEY, op_id BLOB NOT NULL, entity_id BLOB NOT NULL, action TEXT NOT NULL,
            digest BLOB, sent_at INTEGER NOT NULL)""",
        "seq, op_id, entity_id, action, digest, sent_at",
        values="seq, op_id, entity_id, action, digest, time_ms(sent_at)",
    ),
]
