"""The intake wizard, typed only with the keyboard, for each service type; scanners feeding the IMEI field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.storage import ticket_repository
from app.tickets.device_identity import DeviceIdentity, FixedIdentitySource
from app.tickets.moves import load
from app.ui.pages.intake_page import IntakePage
from app.ui.tasks import ImmediateTasks

IMEI, IMEI2 = "860955027785041", "490154203237518"


@pytest.fixture
def page(qtbot, manager):
    manager.store.clock = lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    widget = IntakePage(
        ImmediateTasks(), FixedIdentitySource(DeviceIdentity("RC-X1", (IMEI, IMEI2), "SN-XY-77", "ColorOS 15.0.0.600"))
    )
    qtbot.addWidget(widget)
    widget.show_session(manager)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def focused():
    return QApplication.focusWidget()


def type_into_focus(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def next_field(qtbot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def next_step(qtbot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def fill_visible_fields(qtbot, page, values: dict[str, str]) -> None:
    """Type each value into its field, moving on with Return as a person at the counter would."""
    for name, value in values.items():
        widget = page.findChild(type(page.phone), name) or page.findChild(object, name)
        widget.setFocus()
        assert focused() is widget, name
        type_into_focus(qtbot, value)
        next_field(qtbot)


def choose_service(qtbot, page, index: int) -> None:
    page.service.setFocus()
    for _ in range(index):
        qtbot.keyClick(page.service, Qt.Key.Key_Down)


def sign_and_save(qtbot, page) -> None:
    assert page.steps.currentIndex() == 3
    assert page.signed_by.text() == page.name.text()  # the customer signs, unless the field is changed
    assert focused() is page.signed
    qtbot.keyClick(page.signed, Qt.Key.Key_Space)
    next_step(qtbot)  # Ctrl+Return on the last step saves


def test_walk_in_intake_with_the_keyboard_only(qtbot, page, manager) -> None:
    opened = []
    page.ticket_opened.connect(opened.append)
    page.phone.setFocus()
    type_into_focus(qtbot, "13812345678")
    next_field(qtbot)
    assert focused() is page.name
    type_into_focus(qtbot, "Zhang Wei")
    assert not page.address.isVisibleTo(page) and not page.courier.isVisibleTo(page)  # not asked for walk-in
    next_step(qtbot)
    assert page.steps.currentIndex() == 1 and focused() is page.imei
    type_into_focus(qtbot, IMEI)
    assert page.model.text() == "RC-X1"  # the TAC's model hint
    next_field(qtbot)
    assert focused() is page.imei2
    next_step(qtbot)  # Ctrl+Return is claimed by an IMEI field (scanners may send it) ...
    assert page.steps.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # ... Alt+N goes on
    assert focused() is page.fault_category
    assert page.fault_category.currentText() == "Not checked yet: choose one"
    assert all(box.currentData() == "not_checked" for box in page.condition.values())  # nobody looked yet
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "does not charge")
    next_step(qtbot)  # no fault category chosen: the step is not done
    assert page.steps.currentIndex() == 2 and "Fault category" in page.message.text()
    page.fault_category.setFocus()
    qtbot.keyClick(page.fault_category, Qt.Key.Key_Down)
    qtbot.keyClick(page.fault_category, Qt.Key.Key_Down)  # no_charge
    next_step(qtbot)
    sign_and_save(qtbot, page)
    assert len(opened) == 1
    detail = load(manager, opened[0])
    assert (detail.row.customer_name, detail.row.imei, detail.fault_category) == ("Zhang Wei", IMEI, "no_charge")
    assert detail.row.fault == "does not charge" and detail.agreement["signed_by"] == "Zhang Wei"
    assert page.steps.currentIndex() == 0 and page.phone.text() == ""  # ready for the next customer


def test_send_in_intake_asks_for_address_and_parcel(qtbot, page, manager) -> None:
    opened = []
    page.ticket_opened.connect(opened.append)
    choose_service(qtbot, page, 1)
    assert page.service.currentData() == "send_in"
    assert page.address.isVisibleTo(page) and page.tracking.isVisibleTo(page)
    assert page._rows["courier"][0].text().endswith("(optional)")
    fill_visible_fields(
        qtbot,
        page,
        {
            "customer_phone": "13900001111",
            "customer_name": "Li Na",
            "customer_address": "88 Shennan Road, Futian",
            "courier": "SF Express",
            "tracking_number": "SF123456789012",
            "parcel_condition": "box dented",
        },
    )
    next_step(qtbot)
    type_into_focus(qtbot, IMEI2)
    next_field(qtbot)
    assert focused() is page.imei2
    next_field(qtbot)
    assert focused() is page.model
    type_into_focus(qtbot, "PHN110")
    next_step(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "screen flickers")
    next_step(qtbot)
    sign_and_save(qtbot, page)
    detail = load(manager, opened[0])
    assert (detail.tracking_number, detail.customer_address, detail.parcel_condition) == (
        "SF123456789012",
        "88 Shennan Road, Futian",
        "box dented",
    )


def test_return_exchange_intake_asks_for_purchase_date_and_proof_not_fault(qtbot, page, manager) -> None:
    opened = []
    page.ticket_opened.connect(opened.append)
    choose_service(qtbot, page, 2)
    assert not page.fault.isVisibleTo(page)
    fill_visible_fields(
        qtbot,
        page,
        {
            "customer_phone": "13700002222",
            "customer_name": "Wang Fang",
            "customer_email": "wf@example.com",
            "customer_address": "1 Binhe Avenue",
            "purchase_date": "2026-11-20",
            "purchase_proof": "invoice 0012",
        },
    )
    next_step(qtbot)
    type_into_focus(qtbot, IMEI)
    next_field(qtbot)
    next_field(qtbot)
    assert focused() is page.model and page.model.text() == "RC-X1"
    next_step(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    next_step(qtbot)
    sign_and_save(qtbot, page)
    detail = load(manager, opened[0])
    assert (detail.purchase_date, detail.purchase_proof, detail.row.fault) == ("2026-11-20", "invoice 0012", None)
    # The registry knows this IMEI's sale: its date wins over the one typed, and the conflict is kept.
    assert detail.warranty["purchase_date_source"] == "registry"
    assert detail.warranty["purchase_date_conflict"] == {"customer": "2026-11-20", "registry": "2025-03-10"}


def test_a_keyboard_wedge_scan_ending_in_return_never_submits(qtbot, page, manager) -> None:
    before = ticket_repository.ticket_count(manager.store)
    page._show_step(1)
    page.imei.setFocus()
    qtbot.keyClicks(page.imei, IMEI)
    qtbot.keyClick(page.imei, Qt.Key.Key_Return)
    qtbot.keyClick(page.imei2, Qt.Key.Key_Return)  # an empty second field: Return moves on again
    page.imei.setFocus()
    qtbot.keyClick(page.imei, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)  # a scanner suffixed Ctrl+Enter
    assert page.steps.currentIndex() == 1
    assert ticket_repository.ticket_count(manager.store) == before
    assert page.imei_status.text().startswith("IMEI valid")


def test_a_mistyped_imei_is_flagged_as_typed_and_refused_on_leaving_the_step(qtbot, page, manager) -> None:
    page.phone.setText("13812345678")
    page.name.setText("Zhang Wei")
    page.advance()
    qtbot.keyClicks(page.imei, "860955027785042")
    assert "check digit does not match" in page.imei_status.text()
    page.model.setText("RC-X1")
    page.advance()
    assert page.steps.currentIndex() == 1  # the device step is not done
    assert "IMEI" in page.message.text() and page.imei.styleSheet()


def test_a_missing_model_is_reported_on_the_device_step(qtbot, page) -> None:
    page.phone.setText("13812345678")
    page.name.setText("Zhang Wei")
    page.advance()
    assert page.steps.currentIndex() == 1
    page.imei.setText("490154203237518")  # a TAC the catalogue does not know: no model hint
    page.model.clear()
    page.advance()
    assert page.steps.currentIndex() == 1 and "Model" in page.message.text() and page.model.styleSheet()


def test_the_customer_step_is_checked_before_the_device_step(qtbot, page) -> None:
    page.phone.setText("13812345678")
    page.advance()
    assert page.steps.currentIndex() == 0 and "Name" in page.message.text()


def test_a_serial_scanner_fills_both_imeis(qtbot, page) -> None:
    page.scanned(f"IMEI1:{IMEI} IMEI2:{IMEI2}\r\n")
    assert (page.imei.text(), page.imei2.text(), page.model.text()) == (IMEI, IMEI2, "RC-X1")
    page.scanned("hello")
    assert "no valid IMEI" in page.message.text()


def test_a_plugged_phone_fills_the_device_step(qtbot, page) -> None:
    page.read_phone.click()
    assert (page.imei.text(), page.imei2.text(), page.serial.text()) == (IMEI, IMEI2, "SN-XY-77")
    assert page.new_ticket().software_version == "ColorOS 15.0.0.600"


def test_a_returning_customer_is_filled_in_from_the_phone_number(qtbot, page, manager) -> None:
    from app.tickets.intake import open_ticket
    from tests.fixtures_store import sample_ticket

    open_ticket(manager, sample_ticket(phone="13812345678", name="Zhang Wei"))
    page.phone.setFocus()
    qtbot.keyClicks(page.phone, "138 1234 5678")
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    assert page.name.text() == "Zhang Wei"
    assert "Returning customer" in page.returning.text()


def test_saving_without_the_signature_is_refused(qtbot, page, manager) -> None:
    page._show_step(3)
    page.save()
    assert "sign the agreement" in page.message.text()
    assert ticket_repository.ticket_count(manager.store) == 0


def test_condition_photos_are_attached_and_saved(qtbot, page, manager, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    path = tmp_path / "screen.png"
    assert image.save(str(path))
    (tmp_path / "notes.txt").write_text("not a photo")
    page.add_photo(path, "screen")
    page.add_photo(tmp_path / "notes.txt", "screen")
    assert "JPEG or PNG" in page.message.text()
    assert page.photo_count.text() == "Photos: 1"
    page.phone.setText("13812345678")
    page.name.setText("Zhang Wei")
    page.imei.setText(IMEI)
    page.fault.setPlainText("cracked")
    page.fault_category.setCurrentIndex(page.fault_category.findData("screen"))
    page.signed_by.setText("Zhang Wei")
    page.signed.setChecked(True)
    opened = []
    page.ticket_opened.connect(opened.append)
    page.save()
    ticket = load(manager, opened[0])
    (photo,) = ticket_repository.ticket_photos(manager.store, ticket.row.id)
    assert photo.data == path.read_bytes() and photo.media_type == "image/png"
    assert page.photo_count.text() == "Photos: 0"


def _walk_in_up_to_the_agreement(qtbot, page, *, bracket: str, guardian: str = "", consents: bool = False) -> None:
    page.phone.setFocus()
    type_into_focus(qtbot, "13812345678")
    next_field(qtbot)
    type_into_focus(qtbot, "Xiao Ming")
    page.age.setCurrentIndex(page.age.findData(bracket))
    page.guardian.setText(guardian)
    page.guardian_consents.setChecked(consents)
    next_step(qtbot)
    type_into_focus(qtbot, IMEI)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "cracked screen")
    next_step(qtbot)


def test_a_child_needs_the_guardians_consent_before_the_ticket_opens(qtbot, page, manager, monkeypatch) -> None:
    refusals = []
    monkeypatch.setattr("app.ui.pages.intake_page.show_error", lambda parent, error: refusals.append(error))
    opened = []
    page.ticket_opened.connect(opened.append)
    assert page.age.currentData() == "18_plus" and page.age.currentText() == "18 or older"
    assert not page.guardian.isVisibleTo(page)  # an adult: no guardian rows
    _walk_in_up_to_the_agreement(qtbot, page, bracket="under_14")
    assert page.guardian.isVisibleTo(page) and page.guardian_consents.isVisibleTo(page)
    assert page.steps.currentIndex() == 0  # refused on leaving the customer step, not at save
    assert opened == [] and "guardian" in refusals[0].message.lower()

    page.reset()
    _walk_in_up_to_the_agreement(qtbot, page, bracket="under_14", guardian="Xiao Gang", consents=True)
    sign_and_save(qtbot, page)
    assert len(opened) == 1
