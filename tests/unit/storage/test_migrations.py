"""Migrations by PRAGMA user_version, each in one transaction."""

from __future__ import annotations

import pytest

from app.storage import migrations
from app.storage.database import DatabaseError


def test_a_new_store_is_at_the_latest_version(manager) -> None:
    assert manager.store.query_one("PRAGMA user_version")[0] == migrations.LATEST_VERSION


def test_a_failing_migration_changes_nothing(manager, monkeypatch) -> None:
    conn = manager.store.connection
    broken = ["CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(migrations.MIGRATIONS) + 1)
    with pytest.raises(DatabaseError):
        migrations.migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS) - 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables


def test_a_pending_migration_runs_when_the_store_opens(vault, manager, monkeypatch) -> None:
    manager.lock()
    extra = ["CREATE TABLE added_later (x INTEGER)"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(migrations.MIGRATIONS))
    from app.accounts import service
    from tests.fixtures_store import ADMIN, ADMIN_PASSWORD

    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    assert session.store.query_one("PRAGMA user_version")[0] == migrations.LATEST_VERSION
    assert session.store.query("SELECT count(*) FROM added_later") == [(0,)]
    session.lock()
