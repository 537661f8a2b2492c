"""Schema for two-way sync through the outlet hub (issue 22).

- `outbox.hub_seen`: the hub position this counter had applied when it made the change; a
  change made without having seen another counter's change to the same field conflicts with it.
- `replica_field`: the outlet's records as every counter sees them, one row per field, built by
  applying the hub's operations in the hub's order, so every counter computes the same rows.
- `replica_applied`: each operation applied once (its op_id, author, sequence and hub position);
  the op_id is the identity: a replaced PC joining under its old counter code counts anew.
- `replica_conflict`: two counters changed one field without seeing each other's change, or a
  workflow move that the record's status on the replica did not allow: both values, who, when.
"""

from __future__ import annotations

HUB_SCHEMA: list[str] = [
    "ALTER TABLE outbox ADD COLUMN hub_seen INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE replica_field (
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
        op_id TEXT NOT NULL, author TEXT NOT NULL, hub_position INTEGER NOT NULL, changed_at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field))""",
    """CREATE TABLE replica_applied (
        op_id TEXT PRIMARY KEY, author TEXT NOT NULL, author_seq INTEGER NOT NULL,
        hub_position INTEGER NOT NULL UNIQUE, applied_at TEXT NOT NULL)""",
    """CREATE TABLE replica_conflict (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        field TEXT NOT NULL, kept_value TEXT, kept_author TEXT, kept_at TEXT, kept_op TEXT,
        other_value TEXT NOT NULL, other_author TEXT NOT NULL, other_at TEXT NOT NULL, other_op TEXT NOT NULL,
        hub_position INTEGER NOT NULL, settled_at TEXT, settled_by TEXT,
        UNIQUE (other_op, field, kind))""",
]
