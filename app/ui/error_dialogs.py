"""What a person sees when something fails.

A known, explained error gets its own dialog (title and icon by its class; what
happened and what to do next worded from its code by `app.ui.problem_words`);
anything else is a bug and gets the crash dialog with the tail of the log.  The
decision is by exception class and code, never by matching text.
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
from app.ui.problem_words import problem_message, problem_next_step

log = logging.getLogger(__name__)
_Icon = QMessageBox.Icon


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for, so the context is "ErrorDialogs"


@dataclass(frozen=True)
class DialogSpec:
    name: str  # objectName, so tests and screenshots can tell the dialogs apart
    title: str
    icon: _Icon


def _specs() -> dict[type[KnownError], DialogSpec]:
    return {
        WrongPassword: DialogSpec("wrongPasswordDialog", translate("ErrorDialogs", "Wrong password"), _Icon.Warning),
        DatabaseDamaged: DialogSpec(
            "databaseDamagedDialog", translate("ErrorDialogs", "The database is damaged"), _Icon.Critical
        ),
        DatabaseMissing: DialogSpec(
            "databaseMissingDialog", translate("ErrorDialogs", "The database file is missing"), _Icon.Critical
        ),
        NotRepairCounterFile: DialogSpec(
            "notOurFileDialog", translate("ErrorDialogs", "Not a Repair Counter file"), _Icon.Critical
        ),
        JournalBroken: DialogSpec(
            "journalBrokenDialog", translate("ErrorDialogs", "The records do not verify"), _Icon.Critical
        ),
        StoreNotInitialised: DialogSpec(
            "notInitialisedDialog", translate("ErrorDialogs", "No store here yet"), _Icon.Information
        ),
        AlreadyInitialised: DialogSpec(
            "alreadyInitialisedDialog", translate("ErrorDialogs", "A store is already here"), _Icon.Information
        ),
        AccountError: DialogSpec("accountDialog", translate("ErrorDialogs", "Account"), _Icon.Warning),
        PermissionDenied: DialogSpec("permissionDialog", translate("ErrorDialogs", "Not allowed"), _Icon.Warning),
        UsageError: DialogSpec("inputDialog", translate("ErrorDialogs", "Please check the input"), _Icon.Warning),
    }


def spec_for(error: KnownError) -> DialogSpec:
    specs = _specs()
    for cls in type(error).__mro__:
        if cls in specs:
            return specs[cls]
    return DialogSpec("knownErrorDialog", translate("ErrorDialogs", "Something needs your attention"), _Icon.Warning)


def known_error_box(parent: QWidget | None, error: KnownError) -> QMessageBox:
    """The problem worded by its code in the interface language; the service's English kept as details."""
    spec = spec_for(error)
    text = problem_message(error)
    box = QMessageBox(spec.icon, spec.title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(spec.name)
    next_step = problem_next_step(error)
    if next_step:
        box.setInformativeText(translate("ErrorDialogs", "What to do next: ") + next_step)
    if error.message != text:
        box.setDetailedText(error.message)  # for support: what the service said, with its specifics
    return box


def crash_box(parent: QWidget | None, error: BaseException, log_tail: str) -> QMessageBox:
    box = QMessageBox(
        _Icon.Critical,
        translate("ErrorDialogs", "Repair Counter hit a bug"),
        translate(
            "ErrorDialogs", "This is a fault in Repair Counter, not something you did. Your saved records are safe."
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("crashDialog")
    box.setInformativeText(translate("ErrorDialogs", "Please send the details below to support."))
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
