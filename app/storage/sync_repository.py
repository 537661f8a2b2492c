"""Local side of sync: reference data with its cursor, anchor receipts, sync status, the secrets key.

Reference data and its cursor are stored in one transaction, so a crash can
never leave a cursor that points past data we do not have (or the reverse).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from app.clock import iso
from app.storage.store import Store

SYNC_ACTOR = "#sync"


def save_reference(
    store: Store,
    kind: str,
    cursor: str,
    items: list[dict[str, Any]],
    rejected: Sequence[tuple[str, dict[str, Any], str]] = (),
) -> None:
    """Keep a pulled page: the items that passed their check, the `rejected` ones (key, item, reason)
    set aside, and the cursor, all in one transaction."""
    with store.transaction(SYNC_ACTOR) as work:
        work.executemany(
            "INSERT INTO sync_reference_rejected (kind, item_key, item, reason, received_at) VALUES (?, ?, ?, ?, ?)",
            [(kind, key, json.dumps(item, sort_keys=True), reason[:500], work.at) for key, item, reason in rejected],
        )
        start = work.execute(
            "SELECT coalesce(max(position), 0) FROM sync_reference WHERE kind = ?", (kind,)
        ).fetchone()[0]
        work.executemany(
            "INSERT INTO sync_reference (kind, position, item, received_at) VALUES (?, ?, ?, ?)",
            [(kind, start + i + 1, json.dumps(item, sort_keys=True), work.at) for i, item in enumerate(items)],
        )
        work.execute(
            "INSERT INTO sync_cursor (kind, cursor, saved_at) VALUES (?, ?, ?)"
            " ON CONFLICT (kind) DO UPDATE SET cursor = excluded.cursor, saved_at = excluded.saved_at",
            (kind, cursor, work.at),
        )
        work.record(
            "reference_data",
            kind,
            "pull",
            {"kind": kind, "items": len(items), "set_aside": [key for key, _, _ in rejected], "cursor": cursor},
            upstream=False,
        )


def rejected_references(store: Store, after: int = 0) -> list[tuple[int, str, str, str]]:
    """(seq, kind, key, reason) of the pulled items set aside, oldest first, after `seq`."""
    rows = store.query(
        "SELECT seq, kind, item_key, reason FROM sync_reference_rejected WHERE seq > ? ORDER BY seq LIMIT 1000",
        (after,),
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def last_rejected_seq(store: Store) -> int:
    row = store.query_one("SELECT coalesce(max(seq), 0) FROM sync_reference_rejected")
    return int(row[0]) if row else 0


def reference_cursor(store: Store, kind: str) -> str | None:
    row = store.query_one("SELECT cursor FROM sync_cursor WHERE kind = ?", (kind,))
    return row[0] if row else None


def reference_items(store: Store, kind: str) -> list[dict[str, Any]]:
    rows = store.query("SELECT item FROM sync_reference WHERE kind = ? ORDER BY position", (kind,))
    return [json.loads(r[0]) for r in rows]


def save_receipt(store: Store, seq: int, head: str, receipt_json: str) -> None:
    """Not journaled: a receipt confirms the journal; journaling it would move the head it confirms."""
    with store._raw_transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO sync_receipt (seq, head, receipt, received_at) VALUES (?, ?, ?, ?)",
            (seq, head, receipt_json, iso(store.clock())),
        )


def receipts(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT receipt FROM sync_receipt ORDER BY seq")]


def set_status(store: Store, **values: str) -> None:
    """Operational state for the status bar (last sync, last error): not a business record."""
    with store._raw_transaction() as conn:
        conn.executemany("INSERT OR REPLACE INTO sync_status (key, value) VALUES (?, ?)", list(values.items()))


def status(store: Store) -> dict[str, str]:
    return dict(store.query("SELECT key, value FROM sync_status"))


def secrets_key(store: Store) -> bytes:
    """A random key kept inside the encrypted database, for secrets kept outside it (the sync
    token in the key file).  It survives key rotation because it travels with the data."""
    return store.meta_secret("secrets_key")
