"""Qt's own file dialog, wholly in the interface language.

qtbase_zh_CN.qm (PySide6 6.11) words "Look in:" and "Files of type:" but the dialog asks for
"&Look in:" and "Files of &type:", so those two labels stayed English in a Chinese window. They are
set here from Qt's catalogue; the rest of the dialog is worded by it already.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

qt_words = QCoreApplication.translate  # Qt's catalogue (qtbase_*.qm) words these; ours does not

_LABELS = ((QFileDialog.DialogLabel.LookIn, "Look in:"), (QFileDialog.DialogLabel.FileType, "Files of type:"))


def worded_file_dialog(parent: QWidget | None, title: str, suggested: str, file_filter: str = "") -> QFileDialog:
    """A save dialog (Qt's, not the desktop's, so Qt's catalogue words it) starting at `suggested`."""
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    for label, english in _LABELS:
        dialog.setLabelText(label, qt_words("QFileDialog", english))
    return dialog


def save_file_name(parent: QWidget | None, title: str, suggested: str, file_filter: str = "") -> str:
    """Like QFileDialog.getSaveFileName, worded in the interface language: the chosen path or ""."""
    dialog = worded_file_dialog(parent, title, suggested, file_filter)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
