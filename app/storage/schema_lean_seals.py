"""Schema migration: row seals in fewer bytes (issue 13: under 1.5 KB a ticket at a million tickets).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

Every ticket written logs two row seals (its own row's and its customer's), about 135 bytes a ticket:

* `entity` becomes one letter ('t', 'c': row_seals.ENTITY_CODES) instead of the table's name, in every
  row already logged too.  The journal's set digests cover the seals by the table's name, which
  row_seals reads back from the letter, so every set digest still fits;
* seals logged from now on keep 16 bytes of the row's HMAC-SHA256 instead of 32 (row_seals.new_seal).
  The seals already logged keep their 32: their journal entries cover them as they were logged.

`row_seal` refuses UPDATE, so it is copied into a new table (with its refusing triggers made again).
"""

from __future__ import annotations

from app.storage.row_seals import ENTITY_CODES
from app.storage.schema_sizes import rebuilt

_LETTER = (
    "CASE entity "
    + " ".join(f"WHEN '{table}' THEN '{code}'" for table, code in ENTITY_CODES.items())
    + " ELSE entity END"  # a name of no sealed table stays as it was, for verify to name
)

LEAN_SEALS_SCHEMA: list[str] = rebuilt(
    "row_seal",
    """CREATE TABLE row_seal_compact (
        seq INTEGER NOT NULL, entity TEXT NOT NULL, entity_id BLOB NOT NULL, digest BLOB NOT NULL,
        PRIMARY KEY (entity, entity_id, seq)) WITHOUT ROWID""",
    "seq, entity, entity_id, digest",
    "row seals",
    values=f"seq, {_LETTER}, entity_id, digest",
)
