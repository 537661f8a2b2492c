"""The ticket's once-written JSON columns, stored deflated against a preset dictionary (issue 13).

Each ticket carries up to five small JSON records (intake checklist, signed agreement,
warranty verdict, approval, pickup): about 500 bytes a ticket, nearly all of it keys and
values every ticket repeats.  Deflate alone gains little on 100-200 bytes; with a preset
dictionary holding those keys and usual values it keeps only what differs (a name, a date,
a signature digest), a fifth of the text.

Nothing reads these columns in SQL (no json_extract): they are packed on the way in and
unpacked on the way out, here in app/storage only.  Stored form: a BLOB of one format byte
then raw deflate.  A TEXT value (a row written before migration 19, or by hand) is read as it
is, so both forms may sit side by side.  The dictionary is part of the stored format: never
change it; a new one takes a new format byte.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

#: The columns stored packed (app/storage/schema_tickets.py).
PACKED_COLUMNS = ("intake_json", "agreement_json", "warranty_json", "approval_json", "pickup_json")

_FORMAT_1 = 1
#: Far above any ticket's record (a few hundred bytes): a value inflating further is damaged or hostile.
MAX_UNPACKED_BYTES = 256 * 1024
#: Frozen with format 1.  Deflate finds matches nearer the end more cheaply, so the commonest go last.
#: No value only synthetic tickets have (the seeder's all-zero signature digest): it would flatter the bench.
_DICTIONARY_1 = (
    b'{"at":"20","handed_over_by":"E1","signature_digest":"","signed_by":"'
    b'{"approved_by":"","at":"20","signature_digest":"","total":"'
    b'"purchase_date":"20","purchase_date_source":"registry","customer","reason_code":"out_of_standard_warranty",'
    b'"in_standard_warranty","no_purchase_date","standard_warranty_ends":"20'
    b'{"checked_on":"20","in_warranty":false,"in_warranty":true,'
    b'"condition_notes":"","photos":0}'
    b'{"language":"zh_CN","en","signature_digest":"'
    b'"signed_at":"20","signed_by":"","text_id":"service_agreement","version":1}'
    b'{"accessories":[],["charger"],"condition":{"buttons":"ok","cameras":"ok","housing":"ok","screen":"ok",'
    b'"water_indicator":"ok"},"condition_notes":"","photos":0}'
)


def pack(text: str | None) -> bytes | None:
    """A JSON text as stored: format byte + raw deflate against the dictionary."""
    if text is None:
        return None
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _DICTIONARY_1)
    return bytes((_FORMAT_1,)) + packer.compress(text.encode()) + packer.flush()


def unpack(stored: str | bytes | None) -> str | None:
    """The JSON text of a stored value, packed or (from before packing) plain."""
    if stored is None or isinstance(stored, str):
        return stored
    if not stored or stored[0] != _FORMAT_1:
        raise ValueError(f"not a packed JSON value (format {stored[:1].hex() or 'empty'})")
    unpacker = zlib.decompressobj(-15, _DICTIONARY_1)
    text = unpacker.decompress(stored[1:], MAX_UNPACKED_BYTES)
    if unpacker.unconsumed_tail:  # a few bytes that would inflate past any ticket's record: not ours
        raise ValueError(f"a packed JSON value inflates past {MAX_UNPACKED_BYTES} bytes")
    return (text + unpacker.flush()).decode()


def pack_stored(stored: str | bytes | None) -> bytes | None:
    """A stored value in packed form whichever form it had (the migration's SQL function)."""
    return pack(unpack(stored))


def unpacked_columns(names: Sequence[str], row: Sequence[Any]) -> tuple[Any, ...]:
    """A ticket row read with `names` as columns, its packed columns back as JSON text; a value that
    does not unpack (damaged, or edited outside the app) stays as its bytes, for the row seal to flag."""
    return tuple(_readable(value) if name in PACKED_COLUMNS else value for name, value in zip(names, row, strict=True))


def _readable(value: Any) -> Any:
    if not isinstance(value, bytes):
        return value
    try:
        return unpack(value)
    except (ValueError, zlib.error):  # UnicodeDecodeError is a ValueError
        return value
