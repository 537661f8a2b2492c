"""The wipe consent and the certificate view (issue 20), and the ticket page's button that opens them."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from app.core.reference_data import default_resources_dir, load_reference_data
from app.erasure import certificate as cert
from app.erasure.consent import record_wipe_decision
from app.erasure.records import offer_pending
from app.storage import erasure_repository
from app.tickets.intake import open_ticket
from app.ui.dialogs.data_forgetting import REFUSED, CertificateDialog, DataForgettingButton, WipeConsentDialog
from app.ui.language import LanguageSwitcher
from app.ui.tasks import ImmediateTasks
from tests.integration.tickets.conftest import walk_in


@pytest.fixture(scope="module")
def library():
    return load_reference_data(default_resources_dir()).consents


def _document() -> dict:
    key = cert.signing_key_from_seed(b"k" * 32)
    body = {
        "id": "3f0c2a9e-8b1d-4c55-9a61-0f2d7e4b9c11", "ticket": "SZ01-20261202-0007", "outlet": "SZ01",
        "imei_masked": "*********234565", "model": "IN2010",
        "method": "factory reset: cryptographic erase of FBE keys", "standard": "NIST SP 800-88 Rev. 1 purge",
        "outcome": "success", "tool_result": {"android_version": "13", "encryption_state": "encrypted"},
        "checks_before": [{"check": "encryption", "result": "encrypted"}, {"check": "accounts", "result": 1}],
        "checks_after": [{"check": "left_usb", "result": "absent"}], "technician": "E1001",
        "consent": {}, "issued_at": "2026-12-02T09:30:14Z",
    }  # fmt: skip
    return cert.document(body, cert.sign_body(key, body), None)


def test_the_consent_needs_a_name_and_a_signature_or_tick_and_says_what_a_wipe_means(qtbot, library) -> None:
    dialog = WipeConsentDialog(library, "SZ01-20261202-0007", language="en")
    qtbot.addWidget(dialog)
    assert "cannot be undone" in dialog.body.text() and "Back up first" in dialog.body.text()
    assert not dialog.agree_button.isEnabled() and not dialog.refuse_button.isEnabled()
    dialog.customer.setText("Zhao Lei")
    assert dialog.refuse_button.isEnabled() and not dialog.agree_button.isEnabled()
    dialog.pad.draw_stroke([(10 + 12 * i, 20 + (i % 5) * 8) for i in range(20)])
    assert dialog.agree_button.isEnabled()
    dialog.agree_button.click()
    decision = dialog.decision()
    assert dialog.result() == QDialog.DialogCode.Accepted and decision.agreed and decision.method == "signature"
    assert decision.signature_png and decision.signature_png.startswith(b"\x89PNG")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert "无法撤销" in dialog.body.text()


def test_a_refusal_is_its_own_result(qtbot, library) -> None:
    dialog = WipeConsentDialog(library, "SZ01-20261202-0007", "Zhao Lei", language="zh_CN")
    qtbot.addWidget(dialog)
    dialog.refuse_button.click()
    assert dialog.result() == REFUSED and dialog.decision().agreed is False


def test_the_certificate_view_says_whether_it_verifies(qtbot) -> None:
    genuine = CertificateDialog(_document())
    qtbot.addWidget(genuine)
    assert "next sync" in genuine.status.text()
    altered = copy.deepcopy(_document())
    altered["certificate"]["imei_masked"] = "*********999999"
    forged = CertificateDialog(altered)
    qtbot.addWidget(forged)
    assert forged.status.text().startswith("Does not verify")
    languages = LanguageSwitcher()
    try:
        languages.apply("zh_CN")
        qtbot.waitUntil(lambda: genuine.heading.text() != "Certificate of erasure", timeout=2000)
        assert genuine.heading.text() == "数据清除证明"
        assert genuine.status.text() == "已由本店签名；下次同步时由厂商服务器加签。"
        shown = [label.text() for label in genuine.findChildren(QLabel, "certificateValue")]
        assert any(text.startswith("恢复出厂设置") for text in shown)  # the tool's English method, worded
        assert not any("T" in text and text.endswith("Z") for text in shown)  # local time, not raw UTC ISO
    finally:
        languages.apply("en")


class _TicketPage:
    """The two things the button reads from the ticket page (the page itself belongs to another area)."""

    def __init__(self, session, number: str) -> None:  # type: ignore[no-untyped-def]
        from app.tickets import moves

        self._session, self.detail = session, moves.load(session, number)

    def open_session(self):  # type: ignore[no-untyped-def]
        return self._session


def test_the_button_records_a_refusal_from_the_consent(qtbot, manager, library, monkeypatch) -> None:
    number = open_ticket(manager, walk_in()).number
    button = DataForgettingButton(ImmediateTasks(), None)  # type: ignore[arg-type]
    qtbot.addWidget(button)
    button._page = _TicketPage(manager, number)  # type: ignore[assignment]

    def refuse(dialog: WipeConsentDialog) -> int:
        dialog.customer.setText("Zhang Wei")
        return REFUSED

    monkeypatch.setattr(WipeConsentDialog, "exec", refuse)  # a modal loop cannot run in a test: answer it here
    monkeypatch.setattr("app.ui.dialogs.data_forgetting.show_message", lambda *args: None)
    button.open_for_ticket()
    jobs = erasure_repository.jobs_for_ticket(manager.store, number)
    assert [(j.decision, j.status, j.signed_by) for j in jobs] == [("refused", "refused", "Zhang Wei")]
    assert record_wipe_decision  # the same service call the command line makes


def test_a_send_in_ticket_offers_data_forgetting_until_the_customer_decides(qtbot, manager, monkeypatch) -> None:
    send_in = open_ticket(manager, walk_in(service_type="send_in", customer_address="1 Binhe Avenue")).number
    walk_in_number = open_ticket(manager, walk_in()).number
    assert offer_pending(manager, send_in, "send_in")
    assert not offer_pending(manager, walk_in_number, "maintenance")  # on request only
    button = DataForgettingButton(ImmediateTasks(), None)  # type: ignore[arg-type]
    qtbot.addWidget(button)
    button._page = _TicketPage(manager, send_in)  # type: ignore[assignment]
    button.show_offer(offer_pending(manager, send_in, "send_in"))
    assert button.text().startswith("Offer data forgetting")

    def refuse(dialog: WipeConsentDialog) -> int:
        dialog.customer.setText("Zhang Wei")
        return REFUSED

    monkeypatch.setattr(WipeConsentDialog, "exec", refuse)  # a modal loop cannot run in a test: answer it here
    monkeypatch.setattr("app.ui.dialogs.data_forgetting.show_message", lambda *args: None)
    button.open_for_ticket()
    assert not offer_pending(manager, send_in, "send_in")  # a refusal is a decision: asked once
    assert button.text() == "Data forgetting…"
