"""Staff roles and what each may do.  Services check these; hiding a button is not a check."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    TECHNICIAN = "technician"
    INTAKE_CLERK = "intake_clerk"
    MANAGER = "manager"
    AUDITOR = "auditor"


class Permission(StrEnum):
    MANAGE_ACCOUNTS = "manage_accounts"
    READ_JOURNAL = "read_journal"
    VERIFY_STORE = "verify_store"
    READ_TICKETS = "read_tickets"
    WRITE_TICKETS = "write_tickets"
    RUN_DIAGNOSTICS = "run_diagnostics"
    PRINT_SLIPS = "print_slips"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    HANDLE_REQUESTS = "handle_requests"
    MANAGE_REFERENCE_DATA = "manage_reference_data"
    SYNC = "sync"
    #: Filling a store with synthetic tickets (demo, training, benchmarks): managers only,
    #: since they mix with real records.
    SEED_SYNTHETIC = "seed_synthetic"
    READ_REPORTS = "read_reports"
    #: Stock corrections, stock counts, returns to the maker and transfers out: managers only,
    #: since they change what the outlet is accountable for (issue 18).
    MANAGE_STOCK = "manage_stock"
    #: A backup is a copy of every customer's record: managers only.
    BACK_UP_STORE = "back_up_the_store"


_COUNTER_WORK = {
    Permission.READ_TICKETS,
    Permission.WRITE_TICKETS,
    Permission.PRINT_SLIPS,
    Permission.SYNC,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.TECHNICIAN: frozenset(_COUNTER_WORK | {Permission.RUN_DIAGNOSTICS}),
    Role.INTAKE_CLERK: frozenset(_COUNTER_WORK),
    Role.MANAGER: frozenset(Permission),
    Role.AUDITOR: frozenset(
        {
            Permission.READ_JOURNAL,
            Permission.VERIFY_STORE,
            Permission.READ_TICKETS,
            Permission.EXPORT_PERSONAL_DATA,
            Permission.READ_REPORTS,
        }
    ),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {  # (en, zh_CN)
    Role.TECHNICIAN: ("Technician", "维修工程师"),
    Role.INTAKE_CLERK: ("Intake clerk", "收件专员"),
    Role.MANAGER: ("Outlet manager", "网点经理"),
    Role.AUDITOR: ("Auditor", "审计员"),
}


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
