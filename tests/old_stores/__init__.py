"""Stores written by earlier releases (made by make_old_stores.py), for the migration tests."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.accounts import service
from app.accounts.session import Session
from app.storage import database
from app.storage.vault import Vault
from app.sync.verification import verify_store
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, make_vault

HERE = Path(__file__).resolve().parent


def old_store(name: str, tmp_path: Path) -> tuple[Vault, dict[str, Any]]:
    """A copy of the store `name` (v15, v18, v19) in `tmp_path`, and what its release read back from it."""
    shutil.copytree(HERE / name / "data", tmp_path / "data")
    return make_vault(tmp_path), json.loads((HERE / name / "expected.json").read_text(encoding="utf-8"))


def plain(value: Any) -> Any:
    """A record as expected.json holds it (make_old_stores.plain)."""
    from tests.old_stores.make_old_stores import plain as as_json

    return as_json(value)


@contextmanager
def migrated(name: str, tmp_path: Path) -> Iterator[tuple[Vault, Session, dict[str, Any]]]:
    """The old store `name` brought to today's schema by signing in (migrations run as it opens), with
    what its release read back; locked afterwards unless the test locked it."""
    vault, expected = old_store(name, tmp_path)
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    yield vault, session, expected
    if session.store.is_open:
        session.lock()


def problems_after_tampering(vault: Vault, key: bytes, statements: list[str]) -> list[str]:
    """`statements` run on the locked store by someone holding its key but not the app (no row-seal
    triggers), then what `verify` finds on signing in again; it must find something."""
    conn = database.open_existing(vault.paths.database, key)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)
    report = verify_store(session)
    session.lock()
    assert not report.ok, "verify passed a tampered store"
    return report.problems
