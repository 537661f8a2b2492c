"""The rating the customer gives at pickup: the technician turns the screen toward the customer,
who presses a big 1-5 (or the digit keys 1-5) and may leave a comment.

"Skip" (or Esc) records nothing: the ticket then waits on the follow-up list, due within an
hour of collection.  The words are large because the customer reads them from across the counter,
and in the customer's language (the one they signed the service agreement in), whatever language
the technician's window is in: like the slip, the prompt is the customer's, so its words are kept
here in both languages rather than in the window's translation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.localized import LocalizedText as T
from app.ui.language import current_language
from app.ui.named import named

_BIG = "font-size: 40px; font-weight: 600; min-width: 110px; min-height: 110px;"
_QUESTION = "font-size: 28px; font-weight: 600;"
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit for digit in range(1, 6)}
_WORDS = {
    "title": T("您的评价", "Your rating"),
    "question": T("您对我们的服务满意吗？", "How happy are you with our service?"),
    "scale": T("请按数字：1 = 很不满意，5 = 非常满意", "Press a number: 1 = not at all, 5 = very happy"),
    "comment": T("还有什么想告诉我们的吗？（选填）", "Anything to tell us? (optional)"),
    "skip": T("跳过", "Skip"),
}


class RatingPrompt(QDialog):
    """accept(): `rating` is 1-5 and `comment` what the customer typed; reject(): no rating."""

    def __init__(self, ticket_number: str, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        #: The customer's language; None follows the window's.
        self.language = language if language in ("zh_CN", "en") else None
        self.setObjectName("ratingPrompt")
        self.setModal(True)
        self.resize(820, 460)
        self.rating: int | None = None
        self.ticket_number = ticket_number
        self.question = named(QLabel(), "ratingQuestion")
        self.question.setStyleSheet(_QUESTION)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scale = named(QLabel(), "ratingScale")
        self.scale.setStyleSheet("font-size: 18px;")
        self.scale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for value in range(1, 6):
            button = named(QPushButton(str(value)), f"rate{value}")
            button.setStyleSheet(_BIG)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, value=value: self.choose(value))
            row.addWidget(button)
            self.buttons.append(button)
        self.comment = named(QLineEdit(), "ratingComment")
        self.comment.setMaxLength(500)
        self.comment.setStyleSheet("font-size: 18px; padding: 6px;")
        self.skip = named(QPushButton(), "ratingSkip")
        self.skip.setStyleSheet("font-size: 16px; padding: 6px 18px;")
        self.skip.setAutoDefault(False)
        self.skip.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.scale)
        layout.addLayout(row)
        layout.addWidget(self.comment)
        layout.addWidget(self.skip, alignment=Qt.AlignmentFlag.AlignRight)
        self.retranslate()
        self.skip.setFocus()  # not the comment: the digit keys must rate, not type

    def retranslate(self) -> None:
        language = self.language or current_language()
        words = {key: wording.get(language) for key, wording in _WORDS.items()}
        self.setWindowTitle(words["title"])
        self.question.setText(words["question"])
        self.scale.setText(words["scale"])
        self.comment.setPlaceholderText(words["comment"])
        self.skip.setText(words["skip"])

    @property
    def comment_text(self) -> str:
        return self.comment.text()

    def choose(self, value: int) -> None:
        self.rating = value
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        digit = _DIGIT_KEYS.get(Qt.Key(event.key()))
        if digit is not None and not self.comment.hasFocus():
            self.choose(digit)
            return
        super().keyPressEvent(event)
