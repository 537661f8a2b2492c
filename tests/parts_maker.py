"""The sample part maker of resources/reference/part_makers.json, for making genuine labels in tests.

The shipped reference data holds only this maker's public key; its private half lives here, in the
tests, because the sample parts are made up (like the sample IMEIs).  A real maker's private key
never leaves the maker.  Forged labels are made with keys the tests generate on the spot.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.part_labels import make_label

SAMPLE_MAKER_KEY_ID = "rcm-2026"
_SAMPLE_MAKER_SEED = bytes.fromhex("3658232b2348185b73bea90163e06dbe7cb64c85d0c38a5f70693dc0e00c5532")


def sample_maker() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_SAMPLE_MAKER_SEED)


def genuine_label(part_id: str, serial: str) -> str:
    return make_label(part_id, serial, SAMPLE_MAKER_KEY_ID, sample_maker())


def forged_label(part_id: str, serial: str, key_id: str = SAMPLE_MAKER_KEY_ID) -> str:
    """Signed by a key the forger made, naming the maker's key id (or another one)."""
    return make_label(part_id, serial, key_id, Ed25519PrivateKey.generate())
