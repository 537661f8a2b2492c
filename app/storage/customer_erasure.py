"""A customer's erasure in a store's own tables: the one sequence the privacy desk runs
(app/privacy/actions.py `erase`) and a counter runs when the hub brings another counter's erasure
(app/storage/replica_erasure.py), so the two can never drift apart.

Tickets anonymised (kept for statistics), device identifiers and diagnostic data deleted, consents
reduced to digests, the customer row deleted, export paths forgotten, waiting outbox copies scrubbed
of the customer's values; messages stopped and rating comments dropped first, while the tickets
still name their customer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.storage import message_repository
from app.storage import privacy_repository as desk
from app.storage import privacy_retention as disposal
from app.storage.store import Store, UnitOfWork


@dataclass(frozen=True)
class ErasedRows:
    tickets_anonymised: int
    diagnostic_rows_deleted: int
    consents_reduced: int
    outbox_rows_scrubbed: int
    ticket_ids: tuple[str, ...]


def erase_customer_rows(store: Store, work: UnitOfWork, customer_id: str, values: Sequence[str]) -> ErasedRows:
    """Erase `customer_id` from this store's tables in `work`; `values` are the customer's personal
    values to look for in waiting outbox rows."""
    ids = desk.erasable_ids(store, customer_id)  # the store's one connection: this transaction's view
    message_repository.forget_customer(work, customer_id)  # before the tickets lose their customer
    diagnostic_rows = desk.erase_run_data(work, ids["diag_run"])
    consents = disposal.reduce_consents_to_digests(work, ids["ticket_number"])
    disposal.delete_device_identifiers(work, ids["ticket"])
    tickets = disposal.anonymise_service_records(work, [customer_id])
    disposal.delete_customer_rows(work, [customer_id])
    desk.forget_export_paths(work, customer_id)
    scrubbed = desk.scrub_outbox(
        work, [customer_id, *ids["ticket"], *ids["diag_consent"], *ids["diag_run"]], values
    )
    return ErasedRows(tickets, diagnostic_rows, consents, scrubbed, tuple(ids["ticket"]))
