"""Outlet and staff rows.  Key slots live in the key file; these rows say who is who.

Every password unlocks the whole database key, so a role kept as a plain row could be
raised by anyone holding a slot.  Each staff record therefore carries a signature by a
manager's signing key (derived from the key that manager's slot wraps, so only their
password yields it) or by the recovery key.  The first manager's record signs itself and
is the root; every message binds the store and the recovery key's public signing key
(kept in the key file), so replacing either breaks every signature.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.core.roles import Role
from app.storage import sealing
from app.storage.store import Store, UnitOfWork

RECOVERY_SIGNER = "#recovery"
#: Journaled once when a store starts signing staff records; from then on every record must verify.
SIGNING_ENTITY = "staff_signing"


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
    signing_public: str = ""
    signed_by: str = ""
    signature: str = ""


@dataclass(frozen=True)
class Signer:
    """Who signs a staff record: a manager's engineer ID (or RECOVERY_SIGNER) and their private key."""

    signer_id: str
    private: bytes


_STAFF_COLUMNS = "id, engineer_id, display_name, role, active, signing_public, signed_by, signature"


def _staff(row: tuple[Any, ...]) -> StaffMember:
    return StaffMember(row[0], row[1], row[2], Role(row[3]), bool(row[4]), row[5] or "", row[6] or "", row[7] or "")


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


def signed_message(store_id: str, recovery_signing: bytes, member: StaffMember, signed_by: str) -> bytes:
    fields = (
        "staff-record-v1",
        store_id,
        sealing.b64(recovery_signing),
        member.id,
        member.engineer_id,
        member.role.value,
        "active" if member.active else "removed",
        member.signing_public,
        signed_by,
    )
    return "\n".join(fields).encode()


def _signed(store: Store, recovery_signing: bytes, member: StaffMember, signer: Signer) -> StaffMember:
    message = signed_message(store.store_id, recovery_signing, member, signer.signer_id)
    return StaffMember(
        member.id,
        member.engineer_id,
        member.display_name,
        member.role,
        member.active,
        member.signing_public,
        signer.signer_id,
        sealing.sign(signer.private, message),
    )


def start_signing(work: UnitOfWork) -> None:
    """Journal that this store signs its staff records (new stores at creation, older ones once)."""
    work.record(SIGNING_ENTITY, "", "start", {"since": work.at}, upstream=False)


def signing_started(store: Store) -> bool:
    return store.query_one("SELECT 1 FROM audit_journal WHERE entity = ? LIMIT 1", (SIGNING_ENTITY,)) is not None


def add_staff(
    work: UnitOfWork,
    engineer_id: str,
    display_name: str,
    role: Role,
    *,
    signing_public: bytes,
    signer: Signer,
    recovery_signing: bytes,
    store: Store,
) -> StaffMember:
    unsigned = StaffMember(str(uuid.uuid4()), engineer_id, display_name, role, True, sealing.b64(signing_public))
    member = _signed(store, recovery_signing, unsigned, signer)
    work.execute(
        "INSERT INTO staff (id, engineer_id, display_name, role, active, created_at, signing_public, signed_by,"
        " signature) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
        (
            member.id,
            engineer_id,
            display_name,
            role.value,
            work.at,
            member.signing_public,
            member.signed_by,
            member.signature,
        ),
    )
    work.record(
        "staff",
        member.id,
        "create",
        {"engineer_id": engineer_id, "role": role.value, "signed_by": member.signed_by},
        outbox_payload={"engineer_id": engineer_id, "role": role.value},
    )
    return member


def _write_signature(work: UnitOfWork, member: StaffMember) -> None:
    work.execute(
        "UPDATE staff SET signing_public = ?, signed_by = ?, signature = ? WHERE id = ?",
        (member.signing_public, member.signed_by, member.signature, member.id),
    )


def deactivate_staff(
    work: UnitOfWork, member: StaffMember, *, signer: Signer, recovery_signing: bytes, store: Store
) -> None:
    removed = _signed(store, recovery_signing, _with(member, active=False), signer)
    work.execute("UPDATE staff SET active = 0, removed_at = ? WHERE id = ?", (work.at, member.id))
    _write_signature(work, removed)
    work.record(
        "staff",
        member.id,
        "remove",
        {"engineer_id": member.engineer_id, "signed_by": signer.signer_id},
        outbox_payload={"engineer_id": member.engineer_id},
    )


def sign_again(
    work: UnitOfWork,
    member: StaffMember,
    *,
    signing_public: bytes | None,
    signer: Signer,
    recovery_signing: bytes,
    store: Store,
) -> None:
    """Sign the record anew (a new signing key after a password reset, or a store's first signing)."""
    public = sealing.b64(signing_public) if signing_public is not None else member.signing_public
    resigned = _signed(store, recovery_signing, _with(member, signing_public=public), signer)
    _write_signature(work, resigned)
    work.record("staff", member.id, "sign", {"engineer_id": member.engineer_id, "signed_by": signer.signer_id})


def _with(member: StaffMember, **changes: Any) -> StaffMember:
    fields = {**member.__dict__, **changes}
    return StaffMember(**fields)


def staff_by_engineer_id(store: Store, engineer_id: str) -> StaffMember | None:
    row = store.query_one(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE engineer_id = ?", (engineer_id,))
    return _staff(row) if row else None


def all_staff(store: Store, *, include_removed: bool = False) -> list[StaffMember]:
    rows = store.query(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY engineer_id")
    members = [_staff(r) for r in rows]
    return members if include_removed else [m for m in members if m.active]


def _root(store: Store) -> str | None:
    """The manager who started signing (the journal says who): the one record that signs itself."""
    row = store.query_one("SELECT actor FROM audit_journal WHERE entity = ? ORDER BY seq LIMIT 1", (SIGNING_ENTITY,))
    return str(row[0]) if row else None


def signature_problems(store: Store, recovery_signing: bytes) -> dict[str, str]:
    """engineer ID -> why its record does not verify, for every staff record.

    A record verifies when its signature holds under its signer's key and the signer is the
    recovery key, itself (only the first record, the root), or a manager whose own record verifies.
    """
    members = {m.engineer_id: m for m in all_staff(store, include_removed=True)}
    root = _root(store)
    verdicts: dict[str, str] = {}

    def problem(engineer_id: str, seen: frozenset[str]) -> str:
        if engineer_id in verdicts:
            return verdicts[engineer_id]
        verdicts[engineer_id] = _record_problem(store, recovery_signing, members, root, engineer_id, seen, problem)
        return verdicts[engineer_id]

    for engineer_id in members:
        problem(engineer_id, frozenset())
    return {k: v for k, v in verdicts.items() if v}


def _record_problem(
    store: Store,
    recovery_signing: bytes,
    members: dict[str, StaffMember],
    root: str | None,
    engineer_id: str,
    seen: frozenset[str],
    problem: Any,
) -> str:
    member = members[engineer_id]
    if not member.signature or not member.signed_by:
        return "the record carries no manager's signature"
    if member.signed_by == RECOVERY_SIGNER:
        if not recovery_signing:
            return "it is signed by the recovery key, which this store cannot check"
        return _check(store, recovery_signing, member, recovery_signing)
    signer = members.get(member.signed_by)
    if signer is None or not signer.signing_public:
        return f"it is signed by {member.signed_by}, who is not in this store"
    if member.signed_by == engineer_id and engineer_id != root:
        return "it signs itself, which only the first manager's record may"
    if member.signed_by != engineer_id:
        if signer.role is not Role.MANAGER:
            return f"it is signed by {member.signed_by}, who is not a manager"
        if member.signed_by in seen or problem(member.signed_by, seen | {engineer_id}):
            return f"it is signed by {member.signed_by}, whose own record does not verify"
    return _check(store, recovery_signing, member, sealing.unb64(signer.signing_public))


def _check(store: Store, recovery_signing: bytes, member: StaffMember, signer_public: bytes) -> str:
    message = signed_message(store.store_id, recovery_signing, member, member.signed_by)
    if sealing.signature_holds(signer_public, message, member.signature):
        return ""
    return "its signature does not match the record (changed without a manager's signature)"


def sign_all_unsigned(work: UnitOfWork, store: Store, signer: Signer, recovery_signing: bytes) -> None:
    """A store made before staff records were signed: the first manager to sign in signs them all
    (their current state is taken as it is) and becomes the root."""
    start_signing(work)
    for member in all_staff(store, include_removed=True):
        sign_again(work, member, signing_public=None, signer=signer, recovery_signing=recovery_signing, store=store)
