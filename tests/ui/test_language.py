"""One source of the interface language, Qt's own texts in it, and every page following a switch."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from app.accounts import service
from app.core.roles import Role
from app.ui.language import LanguageSwitcher, current_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def switcher(qapp):
    languages = LanguageSwitcher()
    yield languages
    languages.apply("en")


def test_the_switch_sets_the_one_language_every_widget_reads(switcher) -> None:
    switcher.apply("zh_CN")
    assert current_language() == "zh_CN" and switcher.current == "zh_CN"
    assert LanguageSwitcher().current == "zh_CN"  # application-wide, whichever switcher asks
    switcher.apply("fr")  # not offered: English, never a half-installed language
    assert current_language() == "en"


def test_qt_own_buttons_and_file_dialog_speak_chinese(qtbot, switcher) -> None:
    switcher.apply("zh_CN")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    texts = {
        buttons.button(b).text() for b in (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Save)
    }
    assert texts == {"取消", "保存"}
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "文件名称(&N)：" in labels  # "File &name:", from qtbase_zh_CN.qm


def test_every_page_and_the_staff_roles_follow_a_switch(qtbot, manager, make_window) -> None:
    service.add_account(manager, "T100", "Tech", Role.TECHNICIAN, "tech-password")
    window = make_window()
    window.start_session(manager)
    workspace = window.workspace
    workspace.staff.show_session(manager)
    english = {page.objectName(): page.heading.text() for page in _pages(workspace)}
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: workspace.staff.heading.text() != english["staffPage"], timeout=2000)
    chinese = {page.objectName(): page.heading.text() for page in _pages(workspace)}
    assert all(chinese[name] != english[name] for name in english), (english, chinese)
    roles = {workspace.staff.table.item(r, 2).text() for r in range(workspace.staff.table.rowCount())}
    assert {"网点经理", "维修工程师"} <= roles


def _pages(workspace):
    tickets = workspace.tickets
    return (
        workspace.devices,
        workspace.diagnostics,
        workspace.staff,
        workspace.journal,
        workspace.privacy,
        tickets,
        tickets.queue,
        tickets.intake,
        tickets.progress,
    )


def test_no_widget_guesses_the_language_itself() -> None:
    """QLocale or a test translation must not stand in for current_language() anywhere in the GUI."""
    offenders = []
    for path in sorted((ROOT / "app/ui").rglob("*.py")):
        if path.name == "language.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "QLocale":
                offenders.append(f"{path.name}:{node.lineno} QLocale")
            if isinstance(node, ast.FunctionDef) and node.name == "changeEvent":
                offenders.append(f"{path.name}:{node.lineno} changeEvent (use on_language_change)")
    assert offenders == []


def test_the_one_imei_field_words_its_problem_in_the_new_language(qtbot, make_window, manager) -> None:
    from app.ui.dialogs.imei_entry_dialog import ImeiEntryDialog
    from app.ui.fields import ImeiLineEdit

    window = make_window()
    window.start_session(manager)
    intake = window.workspace.tickets.intake
    dialog = ImeiEntryDialog()
    qtbot.addWidget(dialog)
    assert type(intake.imei) is type(dialog.field) is ImeiLineEdit
    intake.imei.setText("4901542032")
    assert intake.imei_status.text() == "An IMEI has 15 digits; this has 10."
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: intake.imei_status.text() != "An IMEI has 15 digits; this has 10.", timeout=2000)
    assert "10" in intake.imei_status.text() and "IMEI" in intake.imei_status.text()
    assert not any("a" <= char <= "z" for char in intake.imei_status.text())  # no English word left


def test_the_journal_is_shown_in_words_in_both_languages(qtbot, make_window, manager) -> None:
    from app.tickets.intake import open_ticket
    from tests.integration.tickets.conftest import SIGNED, walk_in

    open_ticket(manager, walk_in(agreement=SIGNED))
    window = make_window()
    window.start_session(manager)
    journal = window.workspace.journal
    journal.show_session(manager)
    rows = {(journal.table.item(r, 3).text(), journal.table.item(r, 4).text()) for r in range(journal.table.rowCount())}
    assert ("Ticket", "created") in rows
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: journal.heading.text() != "Audit journal", timeout=2000)
    rows = {(journal.table.item(r, 3).text(), journal.table.item(r, 4).text()) for r in range(journal.table.rowCount())}
    assert ("工单", "创建") in rows
