"""Shared store fixtures: a real SQLCipher store in a temporary data directory."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.accounts import service
from app.accounts.session import Session
from app.paths import DataPaths
from app.storage.sealing import Argon2Params
from app.storage.ticket_repository import NewTicket
from app.storage.vault import Vault

#: Cheap Argon2id so tests stay fast; the real cost is measured in tests/bench.
FAST_KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
ADMIN, ADMIN_PASSWORD = "E1001", "manager-pass-1"
OUTLET = service.OutletInfo("SZ01", "Shenzhen Futian Service Centre", "CN", "6008 Shennan Avenue, Futian")


def make_vault(tmp_path) -> Vault:
    return Vault(DataPaths(tmp_path / "data"), argon2=FAST_KDF)


def sample_ticket(n: int = 0, *, phone: str = "13812345678", name: str = "Zhang Wei") -> NewTicket:
    return NewTicket(
        service_type="maintenance",
        customer_name=name,
        customer_phone=phone,
        device_model="PHN110",
        imei="490154203237518",
        fault=f"battery drains fast #{n}",
    )


#: Monday 23 November 2026, 10:00 in Shanghai: inside business hours.
MONDAY_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


class SettableClock:
    """A clock the test moves by hand (`clock.now = ...`)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(manager) -> SettableClock:
    """The manager's store, on a clock that stands at MONDAY_10 until the test moves it."""
    settable = SettableClock(MONDAY_10)
    manager.store.clock = settable
    return settable


@pytest.fixture
def vault(tmp_path) -> Vault:
    return make_vault(tmp_path)


@pytest.fixture
def first_run(vault):
    first = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD)
    yield first
    first.session.store.close()


@pytest.fixture
def manager(first_run) -> Session:
    return first_run.session
