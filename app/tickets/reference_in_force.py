"""The reference data the counter uses: the shipped files with what sync pulled laid over them.

Read from the store each time it is asked for (a few hundred small rows), so a
sync round is in force for the next ticket, estimate, diagnostics run or purge.
"""

from __future__ import annotations

from app.core.reference_data import ReferenceData
from app.core.reference_updates import APPLIED_KINDS, ReferenceInForce, apply_pulled
from app.storage import sync_repository
from app.storage.store import Store
from app.tickets.warranty_check import shipped_reference


def reference_in_force(store: Store, base: ReferenceData | None = None) -> ReferenceInForce:
    """`base` (the shipped files by default) with the items sync pulled into this store laid over it."""
    pulled = {kind: sync_repository.reference_items(store, kind) for kind in APPLIED_KINDS}
    return apply_pulled(base or shipped_reference(), pulled)
