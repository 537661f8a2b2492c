"""Outlet and staff rows.  Key slots live in the key file; these rows say who is who."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.roles import Role
from app.storage.store import Store, UnitOfWork


@dataclass(frozen=True)
class Outlet:
    id: str
    code: str
    name: str
    region: str
    address: str = ""


@dataclass(frozen=True)
class StaffMember:
    id: str
    engineer_id: str
    display_name: str
    role: Role
    active: bool


_STAFF_COLUMNS = "id, engineer_id, display_name, role, active"


def _staff(row: tuple) -> StaffMember:
    return StaffMember(row[0], row[1], row[2], Role(row[3]), bool(row[4]))


def create_outlet(work: UnitOfWork, code: str, name: str, region: str, address: str = "") -> Outlet:
    outlet = Outlet(str(uuid.uuid4()), code, name, region, address)
    work.execute(
        "INSERT INTO outlet (id, code, name, region, address, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (outlet.id, code, name, region, address, work.at),
    )
    work.record("outlet", outlet.id, "create", {"code": code, "name": name, "region": region, "address": address})
    return outlet


def outlet(store: Store) -> Outlet | None:
    row = store.query_one("SELECT id, code, name, region, address FROM outlet ORDER BY created_at LIMIT 1")
    return Outlet(*row) if row else None


def add_staff(work: UnitOfWork, engineer_id: str, display_name: str, role: Role) -> StaffMember:
    member = StaffMember(str(uuid.uuid4()), engineer_id, display_name, role, True)
    work.execute(
        "INSERT INTO staff (id, engineer_id, display_name, role, active, created_at) VALUES (?, ?, ?, ?, 1, ?)",
        (member.id, engineer_id, display_name, role.value, work.at),
    )
    work.record(
        "staff",
        member.id,
        "create",
        {"engineer_id": engineer_id, "role": role.value},
        outbox_payload={"engineer_id": engineer_id, "role": role.value},
    )
    return member


def deactivate_staff(work: UnitOfWork, member: StaffMember) -> None:
    work.execute("UPDATE staff SET active = 0, removed_at = ? WHERE id = ?", (work.at, member.id))
    work.record(
        "staff",
        member.id,
        "remove",
        {"engineer_id": member.engineer_id},
        outbox_payload={"engineer_id": member.engineer_id},
    )


def staff_by_engineer_id(store: Store, engineer_id: str) -> StaffMember | None:
    row = store.query_one(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE engineer_id = ?", (engineer_id,))
    return _staff(row) if row else None


def all_staff(store: Store, *, include_removed: bool = False) -> list[StaffMember]:
    rows = store.query(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY engineer_id")
    members = [_staff(r) for r in rows]
    return members if include_removed else [m for m in members if m.active]
