"""A ticket as the counter leaves it: opened, agreement signed, diagnosed with consent, estimated.

Written through the real services and repositories on a real SQLCipher store,
so the slip reads exactly what the app stores.
"""

from __future__ import annotations

from app.accounts.session import Session
from app.storage import diagnostics_repository as diag
from app.storage.ticket_records import Agreement, NewTicket, TicketRow
from app.tickets import intake, moves, pricing

PHONE = "13812345678"
IMEI = "860955027785041"
IMEI2 = "490154203237518"
CATEGORIES = ("device_info", "battery_record")


def walk_in(**changes: object) -> NewTicket:
    fields: dict[str, object] = dict(
        service_type="maintenance",
        customer_name="Zhang Wei",
        customer_phone=PHONE,
        device_model="RC-X1",
        imei=IMEI,
        imei2=IMEI2,
        fault="cracked screen",
        fault_category="screen",
        condition={"screen": "damaged", "housing": "ok"},
        accessories=("charger",),
        agreement=Agreement("service_agreement", 1, "en", "Zhang Wei", "ab" * 32),
    )
    return NewTicket(**{**fields, **changes})  # type: ignore[arg-type]


def open_ticket(session: Session, **changes: object) -> TicketRow:
    return intake.open_ticket(session, walk_in(**changes))


def diagnose(
    session: Session, number: str, *, declined: bool = False, health: float = 72.0, language: str = "en"
) -> None:
    """A consented run with a battery verdict, or a run the customer declined (tool update refused)."""
    with session.store.transaction(session.actor) as work:
        consent = diag.insert_consent(
            work,
            text_id="diagnostics",
            text_version=1,
            language=language,
            categories=CATEGORIES,
            customer_name="Zhang Wei",
            ticket_number=number,
            method="tick",
            signature_png=None,
        )
        run = diag.insert_run(
            work,
            consent_id=consent.id,
            ticket_number=number,
            transport="usb:TEST",
            functions=("identity", "battery"),
            categories=CATEGORIES,
            refused=(),
            tool_package=None,
            tool_required_version=None,
        )
        if declined:
            diag.finish_run(work, run, "declined")
        else:
            diag.insert_battery(
                work,
                run,
                advice="free_replacement",
                health_percent=health,
                health_basis="capacity",
                in_warranty=True,
                readings={},
            )
            diag.finish_run(work, run, "complete")


def estimate(session: Session, number: str) -> None:
    """The first guide-priced part that fits the model, as the estimate."""
    parts = pricing.parts_for(session, moves.load(session, number))
    pricing.add_estimate(session, number, [parts[0].part_id])
