"""Fixtures for the upstream and relay tests: a real upstream over loopback HTTP, on SQLite
and on a throwaway PostgreSQL cluster (Debian's postgresql package)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.upstream.upstream_harness import PostgresCluster, UpstreamServer, enrol_outlet, postgres_bin_dir
from tests.integration.upstream.upstream_sqlite_outbox import SqliteOutbox


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries absent (/usr/lib/postgresql/*/bin): apt-get install -y postgresql")
    cluster = PostgresCluster.start(bin_dir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'upstream.db'}"
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    return cluster.database("t_" + uuid.uuid4().hex[:16])


@pytest.fixture
def upstream(db_url: str) -> Iterator[UpstreamServer]:
    server = UpstreamServer(db_url)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def token(upstream: UpstreamServer) -> str:
    return enrol_outlet(upstream)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[SqliteOutbox]:
    box = SqliteOutbox(tmp_path / "outbox.db")
    try:
        yield box
    finally:
        box.close()
