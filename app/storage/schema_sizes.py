"""Schema migration: the journal's two per-change tables rebuilt smaller (issue 13).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

Every ticket written adds a journal entry and two row seals; at 100,000 tickets
they were a fifth of the store.  Their contents stay exactly as they were:

* `row_seal` becomes WITHOUT ROWID: its primary key (entity, entity_id, seq) was a
  second B-tree beside the rows, holding every entity id and seq a second time;
  now the rows are stored in that key's order and the key is the only copy;
* `audit_journal` loses the UNIQUE index on `hash` (a 64-character copy of every
  hash): nothing looks an entry up by its hash, and `verify` recomputes every hash
  from the entry's fields, its seq included, so two entries cannot share one.

Both are copied row for row into new tables; the triggers that refuse UPDATE and
DELETE are made again on them (dropping a table drops its triggers).
"""

from __future__ import annotations


def rebuilt(table: str, create: str, columns: str, rows_are: str, values: str = "") -> list[str]:
    """`table` copied row for row into a new one made by `create` (of `{table}_compact`), which takes
    its name, with the triggers that refuse UPDATE and DELETE made again (dropping drops them).
    `values`: what each new row gets, as a SELECT list over the old row (default: `columns` as they were)."""
    refuse = "CREATE TRIGGER {table}_no_{event} BEFORE {verb} ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END"
    return [
        *copied(table, create, columns, values),
        refuse.format(table=table, event="update", verb="UPDATE", message=f"{rows_are} cannot be changed"),
        refuse.format(table=table, event="delete", verb="DELETE", message=f"{rows_are} cannot be deleted"),
    ]


def copied(table: str, create: str, columns: str, values: str = "") -> list[str]:
    """`table` copied row for row into a new one made by `create` (of `{table}_compact`), which takes its name."""
    return [
        create,
        f"INSERT INTO {table}_compact ({columns}) SELECT {values or columns} FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_compact RENAME TO {table}",
    ]


SIZES_SCHEMA: list[str] = [
    *rebuilt(
        "row_seal",
        """CREATE TABLE row_seal_compact (
            seq INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, digest TEXT NOT NULL,
            PRIMARY KEY (entity, entity_id, seq)) WITHOUT ROWID""",
        "seq, entity, entity_id, digest",
        "row seals",
    ),
    *rebuilt(
        "audit_journal",
        """CREATE TABLE audit_journal_compact (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, action TEXT NOT NULL, change_digest TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
        "seq, at, actor, entity, entity_id, action, change_digest, prev_hash, hash",
        "audit journal entries",
    ),
]
