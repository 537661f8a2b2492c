"""After a switch to Chinese no English is left on screen: texts set from an event (a verify result,
"Slip printed") are worded again, and the journal shows words, not identifiers like `seal_all`."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTableView, QTableWidget, QWidget

from app.accounts.verification import read_journal
from app.storage.ticket_repository import ticket_by_number
from app.ui.journal_words import action_words, actor_words, entity_words
from tests.integration.slip.ticket_setup import open_ticket

#: Two English words in a row: a sentence or a label, not a model number or a masked name.
ENGLISH = re.compile(r"[A-Za-z]{3,}[ ,.:;]+[A-Za-z]{3,}")
#: What the customer or the manager typed stays as typed.
TYPED = {"Zhang Wei", "cracked screen", "Bench outlet"}


def _texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person reads in the window: labels, buttons, tables, placeholders."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QLineEdit):
            found.append((where, widget.placeholderText()))
        if isinstance(widget, QTableWidget):
            found += [(where, widget.item(r, c).text()) for r in range(widget.rowCount())
                      for c in range(widget.columnCount()) if widget.item(r, c) is not None]  # fmt: skip
        elif isinstance(widget, QTableView):
            model = widget.model()
            found += [(where, str(model.headerData(c, Qt.Orientation.Horizontal))) for c in range(model.columnCount())]
            found += [(where, str(model.data(model.index(r, c)) or "")) for r in range(model.rowCount())
                      for c in range(model.columnCount())]  # fmt: skip
    return found


def _english(window: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in _texts(window) if ENGLISH.search(_without_typed(text))]


def _without_typed(text: str) -> str:
    """Less what was typed and file paths (a slip's target), which keep their own letters."""
    for typed in TYPED:
        text = text.replace(typed, "")
    return re.sub(r"\S*/\S*", "", text)


def test_no_english_is_left_after_switching_to_chinese(qtbot, manager, make_window, tmp_path) -> None:
    number = open_ticket(manager).number
    window = make_window()
    window.resize(1366, 768)
    window.show()
    window.start_session(manager)
    workspace = window.workspace
    workspace.tickets.intake._on_saved((ticket_by_number(manager.store, number), None))  # as after a save
    assert workspace.tickets.intake.message.text() == f"Ticket {number} opened."
    workspace.tickets.open_ticket(number)
    workspace.tickets.detail.slip.save_pdf(tmp_path / "slip.pdf")  # "Slip printed: ..." on the ticket
    workspace.go_to(4)
    workspace.journal.verify_button.click()  # "Everything holds: ..." on the journal
    assert workspace.journal.result.text().startswith("Everything holds")
    assert workspace.tickets.detail.slip.status.text().startswith("Slip printed")
    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: workspace.journal.result.text().startswith("全部通过"), timeout=2000)
    assert workspace.tickets.detail.slip.status.text().startswith("维修单已打印")
    assert number in workspace.tickets.intake.message.text() and "opened" not in workspace.tickets.intake.message.text()
    assert _english(window) == []
    for row in range(workspace.nav.count()):  # every page shown in Chinese, not only the current one
        workspace.go_to(row)
        assert _english(window) == [], workspace.page_names()[row]


def test_every_journal_record_of_a_new_store_and_a_ticket_is_in_words(manager) -> None:
    open_ticket(manager)
    entries = read_journal(manager, after=0, limit=1000)
    raw = {(e.entity, e.action) for e in entries}
    assert ("row_seal", "seal_all") in raw and ("staff_signing", "start") in raw
    unworded = {
        (entity, action)
        for entity, action in raw
        if entity_words(entity) == entity.replace("_", " ") or action_words(action) == action.replace("_", " ")
    }
    assert unworded == set()


def test_the_apps_own_jobs_are_named_in_words_in_the_journal() -> None:
    assert actor_words("#retention") == "Retention (automatic)" and actor_words("M001") == "M001"
