"""Business rows bound to the audit journal, so a row edited outside the app is found by `verify`.

The journal holds digests of each change, but nothing tied the rows themselves to it:
anyone with a staff password could UPDATE a ticket row and `verify` saw nothing.  Now
temporary triggers on this connection note every ticket and customer row a transaction
touches; the next journal entry of that transaction carries a keyed digest of those
rows' new contents (appended to its change digest, so the hash chain covers it), and
`row_seal` logs each row's digest under that entry's number.  `verify` then checks
that each row still has the digest its last journaled change gave it, and that each
logged digest is the one its journal entry covers.  A connection opened without the
app (without the triggers) leaves rows whose digests no longer match.

Since schema_lean_seals.py's migration (issue 13) a seal keeps the first 128 bits of the row's
HMAC-SHA256 (NIST SP 800-107 allows the truncation for authentication) and names its table by one
letter; seals logged before keep their 256 bits, because their journal entries cover them as they
were logged.  A row fits its seal when the seal is the row's digest at the seal's own length.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.storage.digest_bytes import shown, shown_id, stored, stored_id
from app.storage.packed_json import unpacked_columns
from app.storage.stored_time import shown_columns

#: table -> its key column.  Tables whose rows a person would be misled by if edited.
SEALED_TABLES = {"ticket": "id", "customer": "id"}
DELETED = "deleted"
SEAL_ENTITY = "row_seal"
#: table -> the letter `row_seal` names it by: a ticket has two seals, and the word was 6-8 bytes of each.
#: Only the stored row uses the letter: the journal's set digests and every message name the table.
ENTITY_CODES = {"ticket": "t", "customer": "c"}
_TABLES = {code: table for table, code in ENTITY_CODES.items()}
#: hex characters of a row's digest a new seal keeps: 128 bits, 16 bytes as stored.
SEAL_HEX_CHARS = 32

SCHEMA = [
    """CREATE TABLE row_seal (
        seq INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, digest TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, seq))""",
    """CREATE TRIGGER row_seal_no_update BEFORE UPDATE ON row_seal
       BEGIN SELECT RAISE(ABORT, 'row seals cannot be changed'); END""",
    """CREATE TRIGGER row_seal_no_delete BEFORE DELETE ON row_seal
       BEGIN SELECT RAISE(ABORT, 'row seals cannot be deleted'); END""",
]


def install_triggers(conn: Any) -> None:
    """Per connection: temporary, so they exist only where the app writes."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched_rows (entity TEXT NOT NULL, entity_id TEXT NOT NULL,"
        " PRIMARY KEY (entity, entity_id))"
    )
    for table, key in SEALED_TABLES.items():
        for event, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table}_{event.lower()} AFTER {event} ON main.{table}"
                f" BEGIN INSERT OR IGNORE INTO touched_rows (entity, entity_id) VALUES ('{table}', {ref}.{key}); END"
            )


def row_digest(salt: bytes, conn: Any, table: str, row_id: str) -> str:
    key = SEALED_TABLES[table]
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (row_id,))
    row = cursor.fetchone()
    if row is None:
        return DELETED
    names = [d[0] for d in cursor.description]
    # NULLs left out: a later migration's ADD COLUMN (NULL by default) must not change every digest
    # The JSON columns digested as their text, not as packed, and the moments as their ISO text, not as
    # milliseconds: the seal covers what the row says, so packing them (migrations 19, 20) left every seal valid.
    values = shown_columns(names, unpacked_columns(names, row))
    fields = {name: value for name, value in zip(names, values, strict=True) if value is not None}
    if table == "ticket":  # the row stopped repeating its outlet (migration 20); the seal still covers it
        fields["outlet_id"] = conn.execute("SELECT id FROM outlet").fetchone()[0]
    return _digest(salt, fields)


def _digest(salt: bytes, value: object) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), default=_plain)
    return hmac.new(salt, canonical.encode(), hashlib.sha256).hexdigest()


def _plain(value: object) -> str:
    return value.hex() if isinstance(value, bytes) else str(value)


def new_seal(digest: str) -> str:
    """What a new seal keeps of a row's digest: its first 128 bits (the DELETED marker as it is)."""
    return digest if digest == DELETED else digest[:SEAL_HEX_CHARS]


def fits(seal: str | None, digest: str) -> bool:
    """Whether a row whose digest is now `digest` is the row `seal` was logged for: the seal is the
    digest at its own length, 128 bits, or the 256 of a seal logged before schema_lean_seals.py's migration.
    No other length: a seal cut shorter by hand would otherwise fit more rows."""
    return seal is not None and seal in (digest, new_seal(digest))


def take_touched(salt: bytes, conn: Any) -> list[tuple[str, str, str]]:
    """(entity, id, seal) of the rows touched since the last call, and forget them."""
    touched = conn.execute("SELECT entity, entity_id FROM touched_rows ORDER BY entity, entity_id").fetchall()
    if not touched:
        return []
    conn.execute("DELETE FROM touched_rows")
    return [(entity, row_id, new_seal(row_digest(salt, conn, entity, row_id))) for entity, row_id in touched]


def set_digest(salt: bytes, seals: list[tuple[str, str, str]]) -> str:
    return _digest(salt, sorted(seals))


def log(conn: Any, seq: int, seals: list[tuple[str, str, str]]) -> None:
    conn.executemany(
        "INSERT INTO row_seal (seq, entity, entity_id, digest) VALUES (?, ?, ?, ?)",
        [(seq, ENTITY_CODES[entity], stored_id(row_id), stored(digest)) for entity, row_id, digest in seals],
    )


def has_seals(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM row_seal LIMIT 1").fetchone() is not None


SEAL_ALL = "seal_all"
SEALED_VERSION = "row_seals_version"


def sealed_version(conn: Any) -> int:
    """The schema version the rows were last sealed under as a whole, as the journal says
    (a meta row is only the fast path: removing it cannot force a reseal)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SEALED_VERSION,)).fetchone()
    if row is not None:
        return int(row[0])
    found = conn.execute(
        "SELECT max(CAST(entity_id AS INTEGER)) FROM audit_journal WHERE entity = ? AND action = ?",
        (SEAL_ENTITY, SEAL_ALL),
    ).fetchone()[0]
    return int(found or 0)


def touch_changed_rows(salt: bytes, conn: Any) -> None:
    """Rows as they are become the baseline: a store from before row seals, or after a migration
    that changed sealed tables (a new column with a default changes every row's digest).  A row whose
    last seal still fits is left alone: resealing every row after every migration added two seals a
    ticket each time (issue 13), and the seal it has already proves it."""
    for table, key in SEALED_TABLES.items():
        for (row_id,) in conn.execute(f"SELECT {key} FROM {table}").fetchall():
            if not fits(latest_digest(conn, table, row_id), row_digest(salt, conn, table, row_id)):
                conn.execute("INSERT OR IGNORE INTO touched_rows (entity, entity_id) VALUES (?, ?)", (table, row_id))


def latest_digest(conn: Any, table: str, row_id: str) -> str | None:
    row = conn.execute(
        "SELECT digest FROM row_seal WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1",
        (ENTITY_CODES[table], stored_id(row_id)),
    ).fetchone()
    return None if row is None else str(shown(row[0]))


def journal_covers_seals(conn: Any) -> bool:
    # a change digest covering seals is two digests: 64 bytes as stored (digest_bytes.py), "a:b" as text.
    # LIKE only on text: a digest's bytes read as text hold a ":" (0x3a) about one time in eight.
    covering = (
        "(typeof(change_digest) = 'blob' AND length(change_digest) > 32)"
        " OR (typeof(change_digest) = 'text' AND change_digest LIKE '%:%')"
    )
    return conn.execute(f"SELECT 1 FROM audit_journal WHERE {covering} LIMIT 1").fetchone() is not None


def problems(salt: bytes, conn: Any, journal_digest_at: Any) -> list[str]:
    """Rows whose contents are not what their last journaled change left, and seal logs that
    their journal entries do not cover."""
    with _lenient_text(conn):
        found = ["the row seals have been removed"] if not has_seals(conn) and journal_covers_seals(conn) else []
        found += _log_problems(salt, conn, journal_digest_at)
        found += _row_problems(salt, conn)
    return found


@contextmanager
def _lenient_text(conn: Any) -> Iterator[None]:
    """Text that is no UTF-8 read with replacement characters instead of stopping `verify`: a seal or a
    row edited by hand into such bytes (`digest || x'00'` is text) then fits nothing and is named."""
    strict = conn.text_factory
    conn.text_factory = _replacing
    try:
        yield
    finally:
        conn.text_factory = strict


def _replacing(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _table(code: str) -> str:
    """The table a stored seal names; a letter that names none reads as no table's name, so a seal
    re-lettered by hand neither passes for one of the table's nor leaves its set digest as it was."""
    return _TABLES.get(code, f"?{code}")


def _log_problems(salt: bytes, conn: Any, journal_digest_at: Any) -> Iterator[str]:
    by_seq: dict[int, list[tuple[str, str, str]]] = {}
    for seq, entity, row_id, digest in conn.execute("SELECT seq, entity, entity_id, digest FROM row_seal"):
        by_seq.setdefault(seq, []).append((_table(entity), shown_id(row_id), shown(digest)))
    for seq, seals in sorted(by_seq.items()):
        covered = journal_digest_at(seq)
        if covered is None or not covered.endswith(":" + set_digest(salt, seals)):
            yield f"the row seals logged under journal entry {seq} are not the ones that entry covers"


def _row_problems(salt: bytes, conn: Any) -> Iterator[str]:
    latest = {
        (_table(entity), shown_id(row_id)): shown(digest)
        for entity, row_id, digest in conn.execute(
            "SELECT entity, entity_id, digest FROM row_seal s WHERE seq ="
            " (SELECT max(seq) FROM row_seal t WHERE t.entity = s.entity AND t.entity_id = s.entity_id)"
        )
    }
    if not latest:
        return
    for table, key in SEALED_TABLES.items():
        for (row_id,) in conn.execute(f"SELECT {key} FROM {table}").fetchall():
            sealed = latest.pop((table, row_id), None)
            if sealed is None:
                yield f"{table} {row_id} was written outside the journal"
            elif not fits(sealed, row_digest(salt, conn, table, row_id)):
                yield f"{table} {row_id} was changed outside the journal"
    for (table, row_id), digest in sorted(latest.items()):
        if digest != DELETED:
            yield f"{table} {row_id} was deleted outside the journal"
