"""The one deterministic JSON form, for what is hashed or signed: sorted keys, no spaces, UTF-8, no NaN.

The sync protocol's operation digests and the certificate of erasure's signatures both depend on every
side producing the same bytes from the same data, so there is one definition of those bytes.
"""

from __future__ import annotations

import json


def canonical_json(value: object) -> bytes:
    """Deterministic JSON: the same data gives the same bytes on every side."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
