"""The outlet's opening hours and holidays, for managers (the same service as `outlet hours|holiday`).

Each change is written (and journaled) when its button is pressed; a refusal or
a malformed entry shows the service's own message.  Weekday names come from the
locale, so they follow the language switch without translations of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.session import Session
from app.tickets import outlet_calendar
from app.tickets.outlet_calendar import WEEKDAYS
from app.ui.error_dialogs import show_error


class OutletCalendarDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outletCalendarDialog")
        self.setWindowTitle(self.tr("Opening hours and holidays"))
        self._session = session
        form = QFormLayout()
        self.hours: dict[str, QLineEdit] = {}
        for number, day in enumerate(WEEKDAYS):
            edit = QLineEdit()
            edit.setObjectName(f"hours_{day}")
            edit.setPlaceholderText("09:00-12:00, 13:30-18:00")
            self.hours[day] = edit
            form.addRow(QLocale().dayName(number + 1), edit)
        self.save_hours_button = QPushButton(self.tr("Save opening hours"))
        self.save_hours_button.clicked.connect(self.save_hours)
        self.holiday_day = QLineEdit()
        self.holiday_day.setPlaceholderText("2026-12-25")
        self.holiday_hours = QLineEdit()
        self.holiday_hours.setPlaceholderText(self.tr("hours that day; empty: closed"))
        self.add_holiday_button = QPushButton(self.tr("Add holiday"))
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.holidays = QListWidget()
        self.holidays.setObjectName("holidayList")
        self.remove_holiday_button = QPushButton(self.tr("Remove holiday"))
        self.remove_holiday_button.clicked.connect(self.remove_holiday)
        adding = QHBoxLayout()
        for widget in (self.holiday_day, self.holiday_hours, self.add_holiday_button):
            adding.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_hours_button)
        layout.addLayout(adding)
        layout.addWidget(self.holidays)
        layout.addWidget(self.remove_holiday_button)
        self.refresh()

    def refresh(self) -> None:
        calendar = outlet_calendar.outlet_calendar(self._session)
        for day, edit in self.hours.items():
            edit.setText(calendar.weekly.get(day, "") or "closed")
        self.holidays.clear()
        for day, hours, note in calendar.holidays:
            self.holidays.addItem(f"{day}  {hours or '-'}  {note}".rstrip())

    def save_hours(self) -> None:
        """Write the weekdays whose hours changed."""
        current = outlet_calendar.outlet_calendar(self._session).weekly
        try:
            for day, edit in self.hours.items():
                wanted = edit.text().strip()
                if wanted.lower() != (current.get(day) or "closed").lower():
                    outlet_calendar.set_hours(self._session, day, wanted)
        except Exception as error:  # noqa: BLE001 - shown by class: known errors explained, bugs reported
            show_error(self, error)
        self.refresh()

    def add_holiday(self) -> None:
        try:
            outlet_calendar.add_holiday(self._session, self.holiday_day.text(), self.holiday_hours.text())
        except Exception as error:  # noqa: BLE001 - shown by class
            show_error(self, error)
            return
        self.holiday_day.clear()
        self.holiday_hours.clear()
        self.refresh()

    def remove_holiday(self) -> None:
        item = self.holidays.currentItem()
        if item is None:
            return
        try:
            outlet_calendar.remove_holiday(self._session, item.text().split()[0])
        except Exception as error:  # noqa: BLE001 - shown by class
            show_error(self, error)
        self.refresh()
