"""Opening tickets on a real encrypted store: per service type, returning customers, warranty, deadlines,
and one journal entry plus one outbox row for each ticket."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import PermissionDenied
from app.storage import packed_json, ticket_repository
from app.tickets.errors import IntakeIncomplete
from app.tickets.intake import open_ticket, returning_customer
from app.tickets.moves import load
from tests.integration.tickets.conftest import SIGNED, walk_in


def test_a_walk_in_ticket_stores_what_the_counter_took(manager, clock) -> None:
    head, outbox = manager.store.journal_head().seq, manager.store.pending_outbox_count()
    ticket = open_ticket(manager, walk_in(agreement=SIGNED, imei2="490154203237518"))
    assert ticket.number == "SZ01-20261123-0001"
    detail = load(manager, ticket.number)
    assert (detail.row.customer_phone, detail.imei2) == ("13812345678", "490154203237518")
    assert detail.intake["condition"] == {"screen": "damaged", "housing": "ok"}
    assert detail.intake["accessories"] == ["charger"]
    assert detail.agreement["signed_by"] == "Zhang Wei"
    assert [(e.from_status, e.to_status, e.actor) for e in detail.events] == [(None, "received", "E1001")]
    assert manager.store.journal_head().seq == head + 1
    assert manager.store.pending_outbox_count() == outbox + 1
    assert manager.store.pending_outbox(1000)[-1].payload["number"] == ticket.number


def test_the_warranty_verdict_and_its_reason_are_stored(manager, clock) -> None:
    in_warranty = load(manager, open_ticket(manager, walk_in()).number)
    assert in_warranty.warranty["in_warranty"] is True
    assert in_warranty.warranty["purchase_date_source"] == "registry"
    assert in_warranty.warranty["reason_en"] == "In warranty until 2027-03-09."
    expired = load(manager, open_ticket(manager, walk_in(imei="861234040000013", device_model="RC-A5")).number)
    assert expired.warranty["in_warranty"] is False
    assert "chargeable" in expired.warranty["reason_en"]
    told = load(manager, open_ticket(manager, walk_in(imei="490154203237518", purchase_date=date(2025, 12, 1))).number)
    assert told.warranty["purchase_date_source"] == "customer" and told.warranty["in_warranty"]


def test_the_stored_verdict_keeps_its_code_and_dates_not_the_sentences_they_give(manager, clock) -> None:
    number = open_ticket(manager, walk_in()).number
    (packed,) = manager.store.query_one("SELECT warranty_json FROM ticket WHERE number = ?", (number,))
    stored = packed_json.unpack(packed)  # the column is kept deflated (issue 13); its text is what counts
    assert "In warranty until" not in stored and "保修至" not in stored, "issue 13: the wording is derived"
    assert '"reason_code":"in_standard_warranty"' in stored and '"standard_warranty_ends":"2027-03-09"' in stored
    assert "null" not in stored and "purchase_date_conflict" not in stored
    assert load(manager, number).warranty["reason_zh_CN"] == "在保修期内，保修至 2027-03-09。"


def test_the_response_deadline_is_counted_in_business_hours(manager, clock) -> None:
    urgent = open_ticket(manager, walk_in(priority=1))
    normal = open_ticket(manager, walk_in(priority=2))
    assert urgent.due_at == "2026-11-23T02:30:00.000+00:00"  # 10:30 Shanghai
    assert normal.due_at == "2026-11-23T04:00:00.000+00:00"  # 12:00 Shanghai


def test_send_in_and_return_exchange_keep_their_own_fields(manager, clock) -> None:
    parcel = open_ticket(
        manager,
        walk_in(
            service_type="send_in",
            customer_address="88 Shennan Road",
            courier="SF Express",
            tracking_number="SF123456789012",
            parcel_condition="box dented",
            customer_email="z@example.com",
        ),
    )
    detail = load(manager, parcel.number)
    assert (detail.courier, detail.tracking_number, detail.parcel_condition) == (
        "SF Express",
        "SF123456789012",
        "box dented",
    )
    exchange = open_ticket(
        manager,
        walk_in(
            service_type="return_exchange",
            fault="",
            customer_email="z@example.com",
            customer_address="88 Shennan Road",
            purchase_date=date(2026, 11, 20),
            purchase_proof="invoice 0012",
        ),
    )
    assert load(manager, exchange.number).purchase_proof == "invoice 0012"


def test_an_incomplete_intake_names_every_field_and_stores_nothing(manager, clock) -> None:
    before = ticket_repository.ticket_count(manager.store)
    with pytest.raises(IntakeIncomplete) as refused:
        open_ticket(manager, walk_in(service_type="send_in", imei="860955027785042", fault=""))
    assert set(refused.value.problems) == {"customer_address", "imei", "fault"}
    assert refused.value.exit_code == 52
    assert ticket_repository.ticket_count(manager.store) == before


def test_a_returning_customer_is_found_by_phone_and_not_duplicated(manager, clock) -> None:
    first = open_ticket(manager, walk_in())
    assert returning_customer(manager, "+86 138-1234-5678").name == "Zhang Wei"
    second = open_ticket(manager, walk_in(customer_phone="13812345678", fault="no sound"))
    a, b = load(manager, first.number), load(manager, second.number)
    assert a.customer_id == b.customer_id
    assert returning_customer(manager, "13900000000") is None


def test_an_auditor_cannot_open_a_ticket(vault, manager, clock) -> None:
    from app.accounts import service
    from app.core.roles import Role

    service.add_account(manager, "A001", "Auditor", Role.AUDITOR, "auditor-pass-1")
    auditor = service.sign_in(vault, "A001", "auditor-pass-1")
    try:
        with pytest.raises(PermissionDenied):
            open_ticket(auditor, walk_in())
    finally:
        auditor.store.close()


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_condition_photos_stay_in_the_store_and_only_their_digests_are_journaled(manager, clock) -> None:
    from app.storage.ticket_records import ConditionPhoto

    photo = ConditionPhoto("screen", PNG)
    ticket = open_ticket(manager, walk_in(photos=(photo,)))
    assert ticket_repository.ticket_photos(manager.store, ticket.id) == [photo]
    assert load(manager, ticket.number).intake["photos"] == 1
    payload = manager.store.pending_outbox(1000)[-1].payload
    assert payload["photos"] == [{"part": "screen", "sha256": photo.sha256}]


@pytest.mark.parametrize(
    ("photo", "problem"),
    [
        (("screen", b"GIF89a not accepted"), "JPEG or PNG"),
        (("antenna", PNG), "part is one of"),
        (("screen", PNG + bytes(8 * 1024 * 1024)), "larger than 8 MB"),
    ],
)
def test_a_photo_that_is_not_a_condition_photo_is_refused(manager, clock, photo, problem) -> None:
    from app.storage.ticket_records import ConditionPhoto

    with pytest.raises(IntakeIncomplete) as refused:
        open_ticket(manager, walk_in(photos=(ConditionPhoto(*photo),)))
    assert problem in refused.value.problems["photos"]
