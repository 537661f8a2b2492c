"""Who is signed in, and the permission check every service calls."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.roles import ROLE_LABELS, Permission, Role, may
from app.errors import PermissionDenied
from app.storage.store import Store
from app.storage.vault import Vault

RECOVERY_ACTOR = "#recovery"


@dataclass
class Session:
    """An unlocked store and the person using it.  Closing it is what locking means."""

    vault: Vault
    store: Store
    engineer_id: str
    display_name: str
    role: Role

    @property
    def actor(self) -> str:
        return self.engineer_id

    def require(self, permission: Permission) -> None:
        if not may(self.role, permission):
            label = ROLE_LABELS[self.role][0]
            raise PermissionDenied(f"A {label.lower()} may not {permission.value.replace('_', ' ')}.")

    def lock(self) -> None:
        """Record the verified head outside the database, then drop the connection and the key."""
        if self.store.is_open:
            self.vault.save_anchor(self.store)
        self.store.close()
