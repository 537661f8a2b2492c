"""The first-run wizard, typed with the keyboard only, on a real empty data directory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.accounts import service
from app.storage import sealing
from app.ui.first_run_wizard import FirstRunWizard
from app.ui.tasks import ImmediateTasks


def test_first_run_creates_outlet_manager_and_shows_the_recovery_key_once(qtbot, vault) -> None:
    wizard = FirstRunWizard(vault, ImmediateTasks())
    qtbot.addWidget(wizard)
    wizard.show()
    created = []
    wizard.store_created.connect(created.append)

    page = wizard.outlet_page
    qtbot.keyClicks(page.code, "GZ07")
    qtbot.keyClicks(page.name, "Guangzhou Tianhe")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()

    manager = wizard.manager_page
    qtbot.keyClicks(manager.engineer_id, "M42")
    qtbot.keyClicks(manager.display_name, "Chen Jing")
    qtbot.keyClicks(manager.password, "long-password")
    qtbot.keyClicks(manager.confirm, "long-passwore")
    assert not manager.isComplete() and "differ" in manager.problem.text()
    qtbot.keyClick(manager.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(manager.confirm, "d")
    assert manager.isComplete()
    wizard.next()

    assert wizard.currentPage() is wizard.recovery_page
    key = wizard.recovery_page.key_label.text()
    assert len(sealing.parse_recovery_key(key)) == 32
    assert not wizard.recovery_page.isComplete(), "finishing needs the 'I have written it down' tick"
    qtbot.keyClick(wizard.recovery_page.confirmed, Qt.Key.Key_Space)
    assert wizard.recovery_page.isComplete()

    first = created[0]
    assert (first.session.engineer_id, first.session.role.value) == ("M42", "manager")
    first.session.lock()
    service.sign_in(vault, "M42", "long-password").lock()
    service.sign_in_with_recovery(vault, key).lock()
