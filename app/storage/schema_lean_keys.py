"""Schema migration: the name-search keys in about a third of the bytes (issue 13).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `customer_search_key.customer_id` is the customer's UUID as its 16 bytes instead of 36
  characters (`digest_bytes.stored_id`); the search turns it back into the text that
  `customer.id` holds (`id_as_text`, name_search.CANDIDATES_SQL);
* the index on `customer_id` goes (a second copy of every key row): it served only the
  triggers that drop a customer's keys.  They now delete exactly the keys of the old name,
  computed by SQL (`name_keys_json`), each one a seek on the primary key (key, customer_id).
  That is exact only while the keys are computed the way they were written: the keys are
  rebuilt whenever `name_search.KEY_SCHEME` changes (name_search.backfill at store open).

The table is made again empty and the keys are rebuilt from the names at the next store
open (the backfill marker of migration 13): a store's keys may come from an older
pypinyin than today's, which the old triggers (deleting by customer id) never needed to know.
"""

from __future__ import annotations

from app.storage.name_search import BACKFILL_MARKER, KEY_TABLE_SQL

#: A customer's keys go when its row goes (retention purge) and when its name or id is written
#: (erasure blanks the name, rectification corrects it): only those of the old name exist, so
#: deleting them by (key, customer_id) leaves none.  A customer table rebuilt by a later
#: migration (DROP TABLE drops its triggers) makes these again.
KEY_TRIGGERS: list[str] = [
    """CREATE TRIGGER customer_search_key_gone AFTER DELETE ON customer
       BEGIN DELETE FROM customer_search_key WHERE customer_id = id_as_bytes(old.id)
       AND key IN (SELECT value FROM json_each(name_keys_json(old.name))); END""",
    """CREATE TRIGGER customer_search_key_renamed AFTER UPDATE OF name, id ON customer
       WHEN old.name IS NOT new.name OR old.id IS NOT new.id
       BEGIN DELETE FROM customer_search_key WHERE customer_id = id_as_bytes(old.id)
       AND key IN (SELECT value FROM json_each(name_keys_json(old.name))); END""",
]

LEAN_KEYS_SCHEMA: list[str] = [
    "DROP TABLE customer_search_key",  # with its index on customer_id
    # the old triggers are the customer table's, and delete by customer id alone
    "DROP TRIGGER customer_search_key_gone",
    "DROP TRIGGER customer_search_key_renamed",
    KEY_TABLE_SQL,
    *KEY_TRIGGERS,
    f"INSERT OR REPLACE INTO meta (key, value) VALUES ('{BACKFILL_MARKER}', 'pending')",
]
