"""Permissions are checked in the services, not only by hiding buttons."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.accounts.verification import read_journal
from app.core.roles import Permission, Role, may
from app.errors import PermissionDenied
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from tests.fixtures_store import sample_ticket


@pytest.fixture
def staff_sessions(vault, manager):
    service.add_account(manager, "T100", "Tech", Role.TECHNICIAN, "tech-password")
    service.add_account(manager, "C200", "Clerk", Role.INTAKE_CLERK, "clerk-password")
    service.add_account(manager, "A300", "Auditor", Role.AUDITOR, "audit-password")
    manager.lock()
    sessions = {
        Role.TECHNICIAN: service.sign_in(vault, "T100", "tech-password"),
        Role.INTAKE_CLERK: service.sign_in(vault, "C200", "clerk-password"),
        Role.AUDITOR: service.sign_in(vault, "A300", "audit-password"),
    }
    yield sessions
    for session in sessions.values():
        session.store.close()


def test_a_technician_cannot_manage_accounts(staff_sessions) -> None:
    tech = staff_sessions[Role.TECHNICIAN]
    with pytest.raises(PermissionDenied):
        service.add_account(tech, "X1", "X", Role.MANAGER, "whatever-pass")
    with pytest.raises(PermissionDenied):
        service.remove_account(tech, "C200")
    with pytest.raises(PermissionDenied):
        service.list_accounts(tech)


def test_an_intake_clerk_cannot_read_the_journal_but_can_open_tickets(staff_sessions) -> None:
    clerk = staff_sessions[Role.INTAKE_CLERK]
    assert open_ticket(clerk, sample_ticket()).status == "received"
    with pytest.raises(PermissionDenied):
        read_journal(clerk)
    with pytest.raises(PermissionDenied):
        verify_store(clerk)


def test_an_auditor_reads_the_journal_and_cannot_write_tickets(staff_sessions) -> None:
    auditor = staff_sessions[Role.AUDITOR]
    assert [e.seq for e in read_journal(auditor)][:3] == [1, 2, 3]
    with pytest.raises(PermissionDenied):
        open_ticket(auditor, sample_ticket())


@pytest.mark.parametrize("permission", list(Permission))
def test_a_manager_may_do_everything(permission) -> None:
    assert may(Role.MANAGER, permission)
