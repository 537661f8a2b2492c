"""Reference data an operator publishes for every outlet to pull: read from JSON or CSV.

JSON: an object mapping kinds to lists of items, `{"price_list": [{"key": "BAT-X1", ...}]}`.
CSV: one kind per file, header row with a `key` column; the kind is `--kind` or the file's
name (`price_list.csv`).  Every item is an object with a non-empty string `key`: the counter
keeps the newest item per (kind, key).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path

from app.sync.protocol import MAX_PAYLOAD_BYTES, REFERENCE_KINDS, canonical_json
from app.upstream.enrolment import utc_now
from app.upstream.errors import ReferenceFileError
from app.upstream.storage import UpstreamStore

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 200_000
MAX_KEY_CHARS = 200

ReferenceSet = dict[str, list[dict[str, object]]]


def read_reference_file(path: Path, kind: str | None = None) -> ReferenceSet:
    """Items per kind from a JSON or CSV file, validated; raises ReferenceFileError."""
    text = _read_bounded(path)
    if path.suffix.lower() == ".csv":
        return {_csv_kind(path, kind): _csv_items(text, path)}
    if path.suffix.lower() == ".json":
        return _json_items(text, path, kind)
    raise ReferenceFileError(f"{path.name}: only .json and .csv files can be published.")


def publish_reference(store: UpstreamStore, references: Mapping[str, list[dict[str, object]]]) -> dict[str, int]:
    """Store each kind's items as one publication; returns the new cursor per kind."""
    published_at = utc_now().isoformat()
    return {
        kind: store.publish_reference(kind, [canonical_json(item).decode("utf-8") for item in items], published_at)
        for kind, items in references.items()
    }


def _read_bounded(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ReferenceFileError(f"Cannot read {path}: {exc.strerror}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ReferenceFileError(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReferenceFileError(f"{path.name} is not UTF-8 text.") from exc


def _checked_kind(kind: str, where: str) -> str:
    if kind not in REFERENCE_KINDS:
        raise ReferenceFileError(f"{where}: unknown kind {kind!r}; known: {', '.join(REFERENCE_KINDS)}.")
    return kind


def _csv_kind(path: Path, kind: str | None) -> str:
    return _checked_kind(kind or path.stem, path.name)


def _csv_items(text: str, path: Path) -> list[dict[str, object]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "key" not in reader.fieldnames:
        raise ReferenceFileError(f"{path.name}: the header row has no 'key' column.")
    items: list[dict[str, object]] = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise ReferenceFileError(f"{path.name} line {line}: the row does not match the header.")
        items.append(_checked_item(dict(row), f"{path.name} line {line}"))
        _check_count(items, path)
    return items


def _json_items(text: str, path: Path, kind: str | None) -> ReferenceSet:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferenceFileError(f"{path.name}: not valid JSON ({exc.msg}, line {exc.lineno}).") from exc
    if kind is not None and isinstance(document, list):
        document = {kind: document}
    if not isinstance(document, dict) or not document:
        raise ReferenceFileError(f"{path.name}: expected an object mapping kinds to lists of items.")
    references: ReferenceSet = {}
    for name, items in document.items():
        where = f"{path.name} {name}"
        if not isinstance(items, list):
            raise ReferenceFileError(f"{where}: expected a list of items.")
        references[_checked_kind(name, path.name)] = [
            _checked_item(item, f"{where}[{index}]") for index, item in enumerate(items)
        ]
        _check_count(references[name], path)
    return references


def _checked_item(item: object, where: str) -> dict[str, object]:
    if not isinstance(item, dict):
        raise ReferenceFileError(f"{where}: an item must be an object.")
    key = item.get("key")
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_CHARS:
        raise ReferenceFileError(f"{where}: every item needs a 'key' string of 1 to {MAX_KEY_CHARS} characters.")
    try:
        size = len(canonical_json(item))
    except ValueError as exc:  # NaN or Infinity: not JSON the counters could read
        raise ReferenceFileError(f"{where}: {exc}") from exc
    if size > MAX_PAYLOAD_BYTES:
        raise ReferenceFileError(f"{where}: the item is larger than {MAX_PAYLOAD_BYTES} bytes.")
    return item


def _check_count(items: list[dict[str, object]], path: Path) -> None:
    if len(items) > MAX_ITEMS:
        raise ReferenceFileError(f"{path.name}: more than {MAX_ITEMS} items in one kind.")
