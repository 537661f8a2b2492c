"""Customer name search that an index serves: the key table, its upkeep, and its queries.

`customer_search_key` holds the keys of each customer's name (app.core.name_keys):
the name, its words, and a Chinese name's pinyin and initials.  A search reads a
range of its primary key, so a name is found with an index seek at a million
tickets, where `name LIKE 'x%'` over `COLLATE NOCASE` read every customer.

The keys are personal data like the name they come from: they live in the same
encrypted file, and triggers drop them whenever the name changes or the customer
row goes (erasure blanks the name, the retention purge deletes the row), so no
path that forgets a name can leave its keys behind.  The code that writes a name
adds the new keys (`add_keys`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.name_keys import name_keys, prefix_range, query_prefixes

#: Migration 13: the key table, its triggers, and a marker asking for the keys of existing customers.
NAME_SEARCH_SCHEMA: list[str] = [
    # WITHOUT ROWID: the primary key is the search index itself, no second copy of each key.
    """CREATE TABLE customer_search_key (
        key TEXT NOT NULL, customer_id TEXT NOT NULL,
        PRIMARY KEY (key, customer_id)) WITHOUT ROWID""",
    "CREATE INDEX customer_search_key_customer ON customer_search_key (customer_id)",
    """CREATE TRIGGER customer_search_key_gone AFTER DELETE ON customer
       BEGIN DELETE FROM customer_search_key WHERE customer_id = old.id; END""",
    # Any write of the name (erasure blanks it, rectification corrects it) drops the old keys.
    """CREATE TRIGGER customer_search_key_renamed AFTER UPDATE OF name ON customer
       BEGIN DELETE FROM customer_search_key WHERE customer_id = old.id; END""",
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('name_keys_backfill', 'pending')",
    # The key table serves name search now; the old NOCASE index only cost every new customer a page.
    "DROP INDEX customer_name",
]

#: Most customers a name search looks at (each costs one probe of ticket_customer_created, a page
#: read and decrypted when cold).  A prefix shared by more (a common surname at a million tickets)
#: shows the newest tickets of the first customers in key order, where the keys equal to what was
#: typed come before the longer ones; the counter types more of the name to narrow it.
MAX_CANDIDATES = 32
#: Customers whose keys the backfill writes per statement batch (their keys sorted first: inserting
#: in key order touches each index page once per batch instead of once per key).
BACKFILL_BATCH = 20_000

_INSERT_KEY = "INSERT OR IGNORE INTO customer_search_key (key, customer_id) VALUES (?, ?)"

_ONE_RANGE = "SELECT customer_id FROM (SELECT customer_id FROM customer_search_key WHERE key >= ? AND key < ? LIMIT ?)"
#: The customers with a key starting with either prefix (the query as typed, and without its spaces),
#: each range bounded on its own so a common prefix reads at most MAX_CANDIDATES index entries.
CANDIDATES_SQL = f"{_ONE_RANGE} UNION ALL {_ONE_RANGE}"


def add_keys(work: Any, customer_id: str, name: str) -> None:
    """Write the keys of a name just written (inside the caller's unit of work)."""
    work.executemany(_INSERT_KEY, [(key, customer_id) for key in name_keys(name)])


def candidate_args(query: str) -> tuple[str | int, ...] | None:
    """Parameters of CANDIDATES_SQL for a typed query; None when it has nothing to look up."""
    prefixes = query_prefixes(query)
    if not prefixes:
        return None
    typed = (*prefix_range(prefixes[0]), MAX_CANDIDATES)
    # A query without spaces reads its one range once (the second range is empty).
    compact = (*prefix_range(prefixes[1]), MAX_CANDIDATES) if len(prefixes) > 1 else ("", "", 0)
    return (*typed, *compact)


def backfill_pending(conn: Any) -> bool:
    row = conn.execute("SELECT 1 FROM meta WHERE key = 'name_keys_backfill'").fetchone()
    return row is not None


def backfill(conn: Any) -> int:
    """Keys for every named customer, once after migration 13; returns how many customers got keys.

    Idempotent: keys are inserted OR IGNORE, and the marker goes in the same
    transaction as the last keys, so an interrupted backfill simply runs again.
    """
    if not backfill_pending(conn):
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = _fill_all(conn)
        conn.execute("DELETE FROM meta WHERE key = 'name_keys_backfill'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done


def _fill_all(conn: Any) -> int:
    done, after = 0, ""
    while True:
        rows = conn.execute(
            "SELECT id, name FROM customer WHERE id > ? AND name <> '' ORDER BY id LIMIT ?", (after, BACKFILL_BATCH)
        ).fetchall()
        if not rows:
            return done
        conn.executemany(_INSERT_KEY, sorted(_key_rows(rows)))
        done, after = done + len(rows), rows[-1][0]


def _key_rows(rows: Sequence[tuple[str, str]]) -> Any:
    cache: dict[str, list[str]] = {}  # many customers share a name: compute its keys once per batch
    for customer_id, name in rows:
        keys = cache.get(name)
        if keys is None:
            keys = cache[name] = name_keys(name)
        for key in keys:
            yield key, customer_id
