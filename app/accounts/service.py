"""First run, sign-in and account management, with the permission checks in the service."""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import RECOVERY_ACTOR, Session
from app.core.roles import Permission, Role
from app.errors import UsageError
from app.storage import sealing
from app.storage import staff_repository as staff_repo
from app.storage.errors import AccountError, JournalBroken
from app.storage.staff_repository import StaffMember
from app.storage.store import Store
from app.storage.vault import Vault

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class OutletInfo:
    code: str
    name: str
    region: str
    address: str = ""


@dataclass(frozen=True)
class FirstRun:
    session: Session
    recovery_key: str


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")


def check_engineer_id(engineer_id: str) -> None:
    if not engineer_id or len(engineer_id) > 32 or not engineer_id.replace("-", "").replace("_", "").isalnum():
        raise UsageError("An engineer ID is 1 to 32 letters, digits, '-' or '_'.")
    if engineer_id.startswith("#"):
        raise UsageError("An engineer ID cannot start with '#'.")


def initialise_store(vault: Vault, outlet: OutletInfo, admin_id: str, admin_name: str, password: str) -> FirstRun:
    """Create the outlet, the first manager account (the root of staff signatures) and the recovery key."""
    check_engineer_id(admin_id)
    check_password_rules(password)
    if not outlet.code.isalnum() or not outlet.name.strip() or not outlet.region.strip():
        raise UsageError("The outlet needs a code (letters and digits), a name and a region.")
    created = vault.initialise(admin_id, password)
    store, signer = created.store, staff_repo.Signer(admin_id, created.admin_private)
    with store.transaction(admin_id) as work:
        staff_repo.create_outlet(
            work, outlet.code.upper(), outlet.name.strip(), outlet.region.strip().upper(), outlet.address.strip()[:200]
        )
        staff_repo.start_signing(work)
        member = staff_repo.add_staff(
            work,
            admin_id,
            admin_name or admin_id,
            Role.MANAGER,
            signing_public=sealing.signing_public_of(created.admin_private),
            signer=signer,
            recovery_signing=vault.recovery_signing_public(),
            store=store,
        )
    session = Session(vault, store, member.engineer_id, member.display_name, member.role, private=signer.private)
    return FirstRun(session, created.recovery_key)


def sign_in(vault: Vault, engineer_id: str, password: str, *, check_anchor: bool = True) -> Session:
    """Open the store as this account.  `check_anchor=False` only for `verify`, which reports it.

    A removal that a crash interrupted is finished first, whoever signs in (the removed
    person included): their slot must stop opening the store at the first chance.  The
    account's staff record must carry a manager's signature: its role is not just a row.
    """
    who = vault.credentials_for_account(engineer_id, password)
    store = vault.open(who)
    try:
        if check_anchor:
            vault.check_anchor(store)
            store = finish_removals(vault, store)
        member = staff_repo.staff_by_engineer_id(store, engineer_id)
        if member is not None and check_anchor:  # an unsigned change is tampering, not a removal
            member = _checked_record(vault, store, member, staff_repo.Signer(engineer_id, who.private_key))
        if member is None or not member.active:
            raise AccountError(f"The account {engineer_id} is not active in this store.")
    except BaseException:
        store.close()
        raise
    return Session(
        vault,
        store,
        member.engineer_id,
        member.display_name,
        member.role,
        may_advance_anchor=check_anchor,
        private=who.private_key,
    )


def _checked_record(vault: Vault, store: Store, member: StaffMember, signer: staff_repo.Signer) -> StaffMember:
    """Raise JournalBroken unless the member's record verifies; a store made before records were
    signed is signed now by its first manager to sign in."""
    recovery_signing = vault.recovery_signing_public()
    if not staff_repo.signing_started(store):
        if member.role is not Role.MANAGER or not member.active:
            return member
        with store.transaction(member.engineer_id) as work:
            staff_repo.sign_all_unsigned(work, store, signer, recovery_signing)
    problem = staff_repo.signature_problems(store, recovery_signing).get(member.engineer_id)
    if problem:
        raise JournalBroken(f"The staff record of {member.engineer_id} does not verify: {problem}.")
    found = staff_repo.staff_by_engineer_id(store, member.engineer_id)
    assert found is not None
    return found


def sign_in_with_recovery(vault: Vault, recovery_key: str) -> Session:
    """The recovery key acts as a manager, so that a manager's password can be reset."""
    who = vault.credentials_for_recovery(recovery_key)
    store = vault.open(who)
    try:
        vault.check_anchor(store)
        store = finish_removals(vault, store)
    except BaseException:
        store.close()
        raise
    return Session(vault, store, RECOVERY_ACTOR, "Recovery", Role.MANAGER, private=who.private_key)


def add_account(session: Session, engineer_id: str, display_name: str, role: Role, password: str) -> None:
    """The key slot first, then the staff record signed by this manager (a slot without a
    record opens nothing: sign-in needs the record)."""
    session.require(Permission.MANAGE_ACCOUNTS)
    check_engineer_id(engineer_id)
    check_password_rules(password)
    if staff_repo.staff_by_engineer_id(session.store, engineer_id) is not None:
        raise AccountError(f"The engineer ID {engineer_id} is already taken.")
    if engineer_id in session.vault.account_names():  # left by a crash before its record was written
        signing_public = session.vault.reset_password(session.store, engineer_id, password)
    else:
        signing_public = session.vault.add_account(session.store, engineer_id, password)
    with session.store.transaction(session.actor) as work:
        staff_repo.add_staff(
            work,
            engineer_id,
            display_name or engineer_id,
            role,
            signing_public=signing_public,
            signer=session.signer(),
            recovery_signing=session.vault.recovery_signing_public(),
            store=session.store,
        )


def remove_account(session: Session, engineer_id: str) -> None:
    """Mark the account removed, then rotate the database key so its slot opens nothing.

    The mark (in the database, journaled, signed) comes first and the slot goes last, when
    the rotation commits: a crash in between leaves a marked account with a slot, which the
    next sign-in (or this command again) finishes removing.
    """
    session.require(Permission.MANAGE_ACCOUNTS)
    if engineer_id == session.engineer_id:
        raise AccountError("You cannot remove the account you are signed in with.")
    member = staff_repo.staff_by_engineer_id(session.store, engineer_id)
    still_holds_slot = engineer_id in session.vault.account_names()
    if member is None or not (member.active or still_holds_slot):
        raise AccountError(f"There is no active account {engineer_id}.")
    if member.active:
        with session.store.transaction(session.actor) as work:
            staff_repo.deactivate_staff(
                work,
                member,
                signer=session.signer(),
                recovery_signing=session.vault.recovery_signing_public(),
                store=session.store,
            )
        session.vault.on_step("marked")
    session.store = session.vault.remove_account(session.store, engineer_id)


def finish_removals(vault: Vault, store: Store) -> Store:
    """Rotate out every account whose record a manager signed as removed but that still holds a
    key slot.  A removal nobody signed (a row edited directly) removes nobody."""
    slots = set(vault.account_names())
    unsigned: dict[str, str] = {}
    if staff_repo.signing_started(store):
        unsigned = staff_repo.signature_problems(store, vault.recovery_signing_public())
    for member in staff_repo.all_staff(store, include_removed=True):
        if not member.active and member.engineer_id in slots and member.engineer_id not in unsigned:
            store = vault.remove_account(store, member.engineer_id)
    return store


def reset_password(session: Session, engineer_id: str, new_password: str) -> None:
    """A new slot, so a new signing key: the manager signs the record anew with it."""
    session.require(Permission.MANAGE_ACCOUNTS)
    check_password_rules(new_password)
    member = staff_repo.staff_by_engineer_id(session.store, engineer_id)
    if member is None or not member.active:
        raise AccountError(f"There is no active account {engineer_id}.")
    signing_public = session.vault.reset_password(session.store, engineer_id, new_password)
    with session.store.transaction(session.actor) as work:
        staff_repo.sign_again(
            work,
            member,
            signing_public=signing_public,
            signer=session.signer(),
            recovery_signing=session.vault.recovery_signing_public(),
            store=session.store,
        )


def change_own_password(vault: Vault, engineer_id: str, old_password: str, new_password: str) -> None:
    check_password_rules(new_password)
    vault.change_password(engineer_id, old_password, new_password)


def list_accounts(session: Session) -> list[staff_repo.StaffMember]:
    session.require(Permission.MANAGE_ACCOUNTS)
    return staff_repo.all_staff(session.store)
