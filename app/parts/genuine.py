"""The genuine-part check: a scanned label verified offline against the makers' keys in reference data."""

from __future__ import annotations

from functools import cache

from app.core.part_labels import LabelRefused, MakerKeys, PartLabel, parse_maker_keys, verify_label, with_pulled
from app.core.reference_data import default_resources_dir, read_json
from app.parts.errors import PartLabelRefused
from app.storage import sync_repository
from app.storage.store import Store

MAKER_KEYS_FILE = "part_makers.json"
#: The kind of reference item the upstream publishes makers' keys as.
MAKER_KIND = "part_makers"
_CODES = {"malformed": "part_label_malformed", "unknown_maker": "part_label_unknown_maker"}


@cache
def shipped_maker_keys() -> MakerKeys:
    """The makers' public keys that ship with the app (resources/reference/part_makers.json)."""
    return parse_maker_keys(read_json(default_resources_dir() / "reference" / MAKER_KEYS_FILE))


def maker_keys_in_force(store: Store) -> MakerKeys:
    """The shipped keys with the `part_makers` items sync pulled laid over them (new makers, rotated
    or retired keys), so a key change reaches the counter without a new release."""
    return with_pulled(shipped_maker_keys(), sync_repository.reference_items(store, MAKER_KIND))


def check_label(scanned: str, makers: MakerKeys, *, expected_part: str | None = None) -> PartLabel:
    """The label of a genuine part (of `expected_part`, when given), or PartLabelRefused saying why."""
    try:
        label = verify_label(scanned, makers)
    except LabelRefused as refusal:
        code = _CODES.get(refusal.reason, "part_label_forged")
        raise PartLabelRefused(str(refusal), code=code) from None
    if expected_part is not None and label.part_id != expected_part:
        raise PartLabelRefused(
            f"The label is for part {label.part_id}, not {expected_part}.",
            code="part_label_wrong_part",
            params={"part": label.part_id, "expected": expected_part},
        )
    return label
