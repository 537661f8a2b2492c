"""What a person sees when something fails.

A known, explained error gets its own dialog (title, icon, what happened,
what to do next); anything else is a bug and gets the crash dialog with the
tail of the log.  The decision is by exception class, never by matching text.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError, PermissionDenied, UsageError
from app.storage.errors import (
    AccountError,
    AlreadyInitialised,
    DatabaseDamaged,
    DatabaseMissing,
    JournalBroken,
    NotRepairCounterFile,
    StoreNotInitialised,
    WrongPassword,
)

log = logging.getLogger(__name__)
_Icon = QMessageBox.Icon


def tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialogs", text)


@dataclass(frozen=True)
class DialogSpec:
    name: str  # objectName, so tests and screenshots can tell the dialogs apart
    title: str
    icon: _Icon
    next_step: str = ""  # shown instead of the error's English next step, translated


def _specs() -> dict[type[KnownError], DialogSpec]:
    return {
        WrongPassword: DialogSpec(
            "wrongPasswordDialog",
            tr("Wrong password"),
            _Icon.Warning,
            tr(
                "Check the account and the password (Caps Lock?). A manager can reset it; if every password is lost, "
                "use the recovery key."
            ),
        ),
        DatabaseDamaged: DialogSpec(
            "databaseDamagedDialog",
            tr("The database is damaged"),
            _Icon.Critical,
            tr(
                "Do not write to this data folder. Copy the whole folder somewhere safe, then restore the last backup "
                "or call support with this message."
            ),
        ),
        DatabaseMissing: DialogSpec(
            "databaseMissingDialog",
            tr("The database file is missing"),
            _Icon.Critical,
            tr(
                "Restore counter.db from the backup or find where it was moved. A new empty store is never created "
                "over a key file."
            ),
        ),
        NotRepairCounterFile: DialogSpec(
            "notOurFileDialog",
            tr("Not a Repair Counter file"),
            _Icon.Critical,
            tr("Choose a Repair Counter data folder, or move the foreign file away."),
        ),
        JournalBroken: DialogSpec(
            "journalBrokenDialog",
            tr("The records do not verify"),
            _Icon.Critical,
            tr("Leave the data folder as it is for investigation and inform the outlet manager and HQ audit."),
        ),
        StoreNotInitialised: DialogSpec("notInitialisedDialog", tr("No store here yet"), _Icon.Information),
        AlreadyInitialised: DialogSpec("alreadyInitialisedDialog", tr("A store is already here"), _Icon.Information),
        AccountError: DialogSpec("accountDialog", tr("Account"), _Icon.Warning),
        PermissionDenied: DialogSpec(
            "permissionDialog",
            tr("Not allowed"),
            _Icon.Warning,
            tr("Ask an outlet manager to do this, or to change your role."),
        ),
        UsageError: DialogSpec("inputDialog", tr("Please check the input"), _Icon.Warning),
    }


def spec_for(error: KnownError) -> DialogSpec:
    specs = _specs()
    for cls in type(error).__mro__:
        if cls in specs:
            return specs[cls]
    return DialogSpec("knownErrorDialog", tr("Something needs your attention"), _Icon.Warning)


def known_error_box(parent: QWidget | None, error: KnownError) -> QMessageBox:
    spec = spec_for(error)
    box = QMessageBox(spec.icon, spec.title, error.message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(spec.name)
    next_step = spec.next_step or error.next_step
    if next_step:
        box.setInformativeText(tr("What to do next: ") + next_step)
    return box


def crash_box(parent: QWidget | None, error: BaseException, log_tail: str) -> QMessageBox:
    box = QMessageBox(
        _Icon.Critical,
        tr("Repair Counter hit a bug"),
        tr("This is a fault in Repair Counter, not something you did. Your saved records are safe."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("crashDialog")
    box.setInformativeText(tr("Please send the details below to support."))
    box.setDetailedText("".join(traceback.format_exception(error)) + "\n--- log tail ---\n" + log_tail)
    return box


def show_error(parent: QWidget | None, error: BaseException, log_tail: str = "") -> QMessageBox:
    """Open the right dialog (non-blocking) and return it."""
    if isinstance(error, KnownError):
        box = known_error_box(parent, error)
    else:
        log.error("unexpected error", exc_info=error)
        box = crash_box(parent, error, log_tail)
    box.open()
    return box
