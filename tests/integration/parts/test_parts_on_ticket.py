"""Parts on a ticket, on a real store: reserve on approval, wait for a missing part, use with serials, release."""

from __future__ import annotations

import subprocess

import pytest

from app.parts import dispatch, on_ticket, stock
from app.parts.errors import PartLabelRefused, StockMoveRefused, TicketPartsRefused
from app.parts.stock import Move
from app.slip.from_ticket import slip_content_for
from app.slip.layout import build_layout
from app.slip.render_blocks import A5
from app.slip.render_pdf import write_pdf
from app.storage import parts_repository, slip_repository
from app.tickets import moves, pricing
from app.tickets.intake import open_ticket
from tests.integration.tickets.conftest import SIGNED, walk_in
from tests.parts_maker import forged_label, genuine_label

pytestmark = pytest.mark.integration
OUT_OF_WARRANTY = dict(imei="861234040000013", device_model="RC-A5")


def awaiting_approval(manager, parts: list[str]) -> str:
    number = open_ticket(manager, walk_in(agreement=SIGNED, **OUT_OF_WARRANTY)).number
    moves.move_ticket(manager, number, "diagnosing")
    moves.move_ticket(manager, number, "awaiting_approval")
    pricing.add_estimate(manager, number, [*parts, "LAB-STD"])
    return number


def counts(manager, part: str) -> tuple[int, int]:
    level = parts_repository.stock_level(manager.store, part)
    return (level.on_hand, level.reserved) if level else (0, 0)


def test_the_approved_estimate_reserves_its_parts_and_the_repair_uses_them(manager, clock) -> None:
    serial = "A5S0000001"
    stock.receive_label(manager, genuine_label("SCR-A5", serial))
    stock.make_move(manager, Move("BAT-A5", "receive", 2, "delivery"))
    number = awaiting_approval(manager, ["SCR-A5", "BAT-A5"])

    reservation = on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    assert (reservation.reserved, reservation.missing, reservation.status) == (
        ("SCR-A5", "BAT-A5"),
        (),
        "awaiting_approval",
    )
    assert counts(manager, "SCR-A5") == (1, 1) and counts(manager, "BAT-A5") == (2, 1)
    again = on_ticket.reserve_for_ticket(manager, number)
    assert again.reserved == () and counts(manager, "BAT-A5") == (2, 1), "a second call reserves nothing twice"

    moves.move_ticket(manager, number, "repairing")
    used = on_ticket.use_parts(manager, number, [genuine_label("SCR-A5", serial)], faulty_serials={"SCR-A5": "OLD1"})
    assert [(p.part_id, p.state, p.serial, p.genuine) for p in used] == [
        ("SCR-A5", "used", serial, True),
        ("BAT-A5", "used", None, False),
    ]
    assert counts(manager, "SCR-A5") == (0, 0) and counts(manager, "BAT-A5") == (1, 0)
    returns = parts_repository.returns(manager.store)
    assert sorted((r[1], r[3]) for r in returns) == [("BAT-A5", None), ("SCR-A5", "OLD1")]


def test_a_missing_part_sends_the_ticket_to_waiting_for_parts_with_a_dispatch_request(manager, clock) -> None:
    number = awaiting_approval(manager, ["SCR-A5"])
    reservation = on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    assert (reservation.reserved, reservation.missing, reservation.status) == ((), ("SCR-A5",), "waiting_for_parts")
    assert moves.load(manager, number).status == "waiting_for_parts"
    (request,) = dispatch.open_requests(manager)
    assert (request.part_id, request.quantity, request.state) == ("SCR-A5", 1, "open")

    stock.make_move(manager, Move("SCR-A5", "receive", 1, "delivery"))
    later = on_ticket.reserve_for_ticket(manager, number)
    assert later.reserved == ("SCR-A5",) and counts(manager, "SCR-A5") == (1, 1)


def test_a_cancelled_ticket_releases_its_reservation_and_its_requests(manager, clock) -> None:
    stock.make_move(manager, Move("BAT-A5", "receive", 1, "delivery"))
    number = awaiting_approval(manager, ["BAT-A5", "SCR-A5"])
    on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    assert counts(manager, "BAT-A5") == (1, 1) and len(dispatch.open_requests(manager)) == 1
    status, released = on_ticket.move_and_release(manager, number, "cancelled", "customer changed their mind")
    assert (status, released) == ("cancelled", 1)
    assert counts(manager, "BAT-A5") == (1, 0)
    assert dispatch.open_requests(manager) == []
    assert [p.state for p in on_ticket.parts_on_ticket(manager, number)] == ["released"]


def test_a_forged_or_foreign_part_is_not_fitted_and_nothing_changes(manager, clock) -> None:
    stock.receive_label(manager, genuine_label("SCR-A5", "A5S0000002"))
    number = awaiting_approval(manager, ["SCR-A5"])
    on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    moves.move_ticket(manager, number, "repairing")
    with pytest.raises(PartLabelRefused):
        on_ticket.use_parts(manager, number, [forged_label("SCR-A5", "A5S0000002")])
    with pytest.raises(TicketPartsRefused) as other_part:
        on_ticket.use_parts(manager, number, [genuine_label("BAT-A5", "B5S0000001")])
    assert other_part.value.code == "part_not_reserved"
    assert counts(manager, "SCR-A5") == (1, 1)
    assert [p.state for p in on_ticket.parts_on_ticket(manager, number)] == ["reserved"]


def test_one_part_scanned_in_twice_is_counted_once(manager) -> None:
    label = genuine_label("SCR-X1", "X1S0000009")
    stock.receive_label(manager, label)
    with pytest.raises(StockMoveRefused) as twice:
        stock.receive_label(manager, label + "\r\n")
    assert twice.value.code == "serial_already_received"
    assert counts(manager, "SCR-X1") == (1, 0)
    with pytest.raises(PartLabelRefused):
        stock.receive_label(manager, forged_label("SCR-X1", "X1S0000010"))
    assert counts(manager, "SCR-X1") == (1, 0)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("language", "verified_words"), [("en", "genuine part, verified"), ("zh_CN", "原装备件，已验证")]
)
def test_the_slip_prints_the_fitted_serial_as_a_verified_genuine_part(
    manager, clock, tmp_path, language, verified_words
) -> None:
    stock.receive_label(manager, genuine_label("SCR-A5", "A5S0000777"))
    stock.make_move(manager, Move("BAT-A5", "receive", 1, "delivery"))
    number = awaiting_approval(manager, ["SCR-A5", "BAT-A5"])
    on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    moves.move_ticket(manager, number, "repairing")
    on_ticket.use_parts(manager, number, [genuine_label("SCR-A5", "A5S0000777")])

    content = slip_content_for(manager, number, language, override_language=True)
    pdf = tmp_path / "slip.pdf"
    write_pdf(build_layout(content, slip_repository.slip_key(manager.store)), pdf, A5)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    flat = " ".join(text.split())
    assert f"SCR-A5 {'序列号' if language == 'zh_CN' else 'serial'} A5S0000777" in flat
    assert verified_words in flat
    battery_line = next(line for line in text.splitlines() if "BAT-A5" in line and "A5S" not in line)
    assert "verified" not in battery_line and "已验证" not in battery_line, (
        "a part fitted without a label is not vouched for"
    )


def test_parts_are_reserved_only_for_an_approved_estimate_and_fitted_only_while_repairing(manager, clock) -> None:
    stock.make_move(manager, Move("BAT-A5", "receive", 1, "delivery"))
    number = awaiting_approval(manager, ["BAT-A5"])
    with pytest.raises(TicketPartsRefused) as early:
        on_ticket.reserve_for_ticket(manager, number)
    assert early.value.code == "estimate_not_approved" and counts(manager, "BAT-A5") == (1, 0)
    on_ticket.approve_and_reserve(manager, number, "Zhang Wei", b"strokes")
    with pytest.raises(TicketPartsRefused) as not_yet:
        on_ticket.use_parts(manager, number)
    assert not_yet.value.params == {"ticket": number, "current": "awaiting_approval"}
    assert counts(manager, "BAT-A5") == (1, 1)
