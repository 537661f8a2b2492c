"""The care guide for the repaired model (resources/reference/after_repair.json), on the pickup
slip or as a message, at the customer's choice (issue 17).

The choice is stored with the message consent; a customer who gave no consent to messages gets
the guide on the slip, the one way that needs no number.
"""

from __future__ import annotations

from functools import lru_cache

from app.core.localized import LocalizedText
from app.core.reference_data import AfterRepairTexts, default_resources_dir, load_after_repair
from app.core.workflow import Status
from app.storage import message_repository as repo
from app.storage.store import Store
from app.storage.ticket_records import TicketDetail

#: The slip carries the guide from the moment the phone is ready to be handed back.
_SLIP_STATUSES = frozenset({Status.READY_FOR_PICKUP, Status.COLLECTED})
_HEADING = LocalizedText("保养指南", "Care guide")


@lru_cache(maxsize=1)
def shipped_texts() -> AfterRepairTexts:
    """The templates and care guides that ship with the app (read once)."""
    return load_after_repair(default_resources_dir())


def care_guide(model: str, language: str, texts: AfterRepairTexts | None = None) -> str:
    return (texts or shipped_texts()).care_guide(model).get(language)


def guide_goes_on_slip(store: Store, detail: TicketDetail) -> bool:
    if detail.status not in _SLIP_STATUSES:
        return False
    consent = repo.consent_of(store, detail.row.id)
    return consent is None or not consent.active or consent.care_guide == "slip"


def slip_note(store: Store, detail: TicketDetail, language: str) -> str | None:
    """The guide as a note of the pickup slip, when it goes on the slip."""
    if not guide_goes_on_slip(store, detail):
        return None
    return f"{_HEADING.get(language)}: {care_guide(detail.row.device_model or '', language)}"
