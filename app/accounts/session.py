"""Who is signed in, and the permission check every service calls."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.core.roles import ROLE_LABELS, Permission, Role, may
from app.errors import PermissionDenied
from app.storage.errors import AccountError, JournalBroken
from app.storage.staff_repository import Signer
from app.storage.store import Store
from app.storage.vault import Vault

RECOVERY_ACTOR = "#recovery"
log = logging.getLogger(__name__)


@dataclass
class Session:
    """An unlocked store and the person using it.  Closing it is what locking means."""

    vault: Vault
    store: Store
    engineer_id: str
    display_name: str
    role: Role
    #: Only a session that checked the journal against the anchor when it opened may move the
    #: anchor when it closes; `verify` opens without that check and so only reads.
    may_advance_anchor: bool = True
    #: The private key the holder's slot wraps: what signs staff records (managers, recovery).
    private: bytes | None = None

    @property
    def actor(self) -> str:
        return self.engineer_id

    def require(self, permission: Permission) -> None:
        if not may(self.role, permission):
            label = ROLE_LABELS[self.role][0]
            raise PermissionDenied(f"A {label.lower()} may not {permission.value.replace('_', ' ')}.")

    def signer(self) -> Signer:
        if self.private is None:
            raise AccountError("This session cannot sign staff records; sign in again.")
        return Signer(self.engineer_id, self.private)

    def lock(self) -> None:
        """Record the head as verified (when it descends from the anchor), then drop the connection and the key."""
        try:
            if self.store.is_open and self.may_advance_anchor:
                self.vault.save_anchor(self.store)
        except JournalBroken as exc:  # the anchor stays where it was, so the next sign-in reports it
            log.warning("anchor not moved: %s", exc.message)
        finally:
            self.private = None
            self.store.close()
