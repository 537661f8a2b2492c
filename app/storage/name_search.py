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

Since the lean-keys migration (schema_lean_keys.py) a key row holds the customer's UUID as
its 16 bytes, and the triggers delete the old name's keys by (key, customer_id), computing
them in SQL (`name_keys_json`): no index on customer_id.  That is exact while every stored
key was computed the way the triggers compute it now, so the keys are rebuilt at store open
whenever KEY_SCHEME differs from the one they were written under.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from app.core.name_keys import name_keys, prefix_range, query_prefixes
from app.storage.digest_bytes import shown_id, stored_id

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

#: What the keys of a name depend on besides the name: the rules of app.core.name_keys (bump
#: NAME_KEYS_RULES when they change what any name gives: tests/unit/storage/test_lean_keys.py pins
#: sample names' keys), the pypinyin release (pinned in pyproject.toml; a test compares it with the
#: one installed) and the Unicode data behind NFKC and casefold (it changes with Python).
NAME_KEYS_RULES = 1
PYPINYIN_VERSION = "0.55.0"
KEY_SCHEME = f"rules {NAME_KEYS_RULES}; pypinyin {PYPINYIN_VERSION}; unicode {unicodedata.unidata_version}"
#: meta rows: the scheme the stored keys were computed under, and migration 13's request for keys.
SCHEME_META = "name_keys_scheme"
BACKFILL_MARKER = "name_keys_backfill"

#: The key table since the lean-keys migration: a UUID customer id as its 16 bytes (any other id as
#: its text).  WITHOUT ROWID: the primary key is the search index itself, no second copy of each key.
KEY_TABLE_SQL = """CREATE TABLE customer_search_key (
        key TEXT NOT NULL, customer_id BLOB NOT NULL,
        PRIMARY KEY (key, customer_id)) WITHOUT ROWID"""

_INSERT_KEY = "INSERT OR IGNORE INTO customer_search_key (key, customer_id) VALUES (?, ?)"

# The ids come back as the text customer.id holds, so the caller's `customer_id IN (...)` compares
# text with text and seeks ticket_customer_created as before.
_ONE_RANGE = (
    "SELECT id_as_text(customer_id) FROM"
    " (SELECT customer_id FROM customer_search_key WHERE key >= ? AND key < ? LIMIT ?)"
)
#: The customers with a key starting with either prefix (the query as typed, and without its spaces),
#: each range bounded on its own so a common prefix reads at most MAX_CANDIDATES index entries.
CANDIDATES_SQL = f"{_ONE_RANGE} UNION ALL {_ONE_RANGE}"


def name_keys_json(name: str | None) -> str:
    """The keys of a name as a JSON array: what the key triggers delete (`json_each` over it)."""
    return json.dumps(name_keys(name or ""), ensure_ascii=False)


#: SQL name -> function, registered on every connection (migrations.SQL_FUNCTIONS): the key
#: triggers and CANDIDATES_SQL call them.
KEY_FUNCTIONS: dict[str, Callable[[Any], Any]] = {"name_keys_json": name_keys_json, "id_as_text": shown_id}


def add_keys(work: Any, customer_id: str, name: str) -> None:
    """Write the keys of a name just written (inside the caller's unit of work)."""
    stored = stored_id(customer_id)
    work.executemany(_INSERT_KEY, [(key, stored) for key in name_keys(name)])


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
    """True when the keys are to be (re)built: asked for by a migration, or computed under another KEY_SCHEME."""
    marker = conn.execute("SELECT 1 FROM meta WHERE key = ?", (BACKFILL_MARKER,)).fetchone()
    scheme = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEME_META,)).fetchone()
    return marker is not None or scheme is None or scheme[0] != KEY_SCHEME


def backfill(conn: Any) -> int:
    """Every named customer's keys made again, when backfill_pending; returns how many customers got keys.

    The old keys go first: the triggers delete a name's keys as KEY_SCHEME computes them, so a key
    computed otherwise would outlive its name.  One transaction, with the marker and the scheme
    written last, so an interrupted backfill simply runs again.
    """
    if not backfill_pending(conn):
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM customer_search_key")
        done = _fill_all(conn)
        conn.execute("DELETE FROM meta WHERE key = ?", (BACKFILL_MARKER,))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SCHEME_META, KEY_SCHEME))
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
        conn.executemany(_INSERT_KEY, sorted(_key_rows(rows), key=_table_order))
        done, after = done + len(rows), rows[-1][0]


def _key_rows(rows: Sequence[tuple[str, str]]) -> Iterator[tuple[str, bytes | str | None]]:
    cache: dict[str, list[str]] = {}  # many customers share a name: compute its keys once per batch
    for customer_id, name in rows:
        keys = cache.get(name)
        if keys is None:
            keys = cache[name] = name_keys(name)
        stored = stored_id(customer_id)
        for key in keys:
            yield key, stored


def _table_order(row: tuple[str, Any]) -> tuple[str, bool, Any]:
    """SQLite's order of the primary key: by key, then text ids before byte ids (never compared)."""
    key, customer_id = row
    return key, isinstance(customer_id, bytes), customer_id
