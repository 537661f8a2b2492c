"""Stores written by earlier releases (made by make_old_stores.py), for the migration tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from app.storage.vault import Vault
from tests.fixtures_store import make_vault

HERE = Path(__file__).resolve().parent


def old_store(name: str, tmp_path: Path) -> tuple[Vault, dict[str, Any]]:
    """A copy of the store `name` (v15, v18, v19) in `tmp_path`, and what its release read back from it."""
    shutil.copytree(HERE / name / "data", tmp_path / "data")
    return make_vault(tmp_path), json.loads((HERE / name / "expected.json").read_text(encoding="utf-8"))


def plain(value: Any) -> Any:
    """A record as expected.json holds it (make_old_stores.plain)."""
    from tests.old_stores.make_old_stores import plain as as_json

    return as_json(value)
