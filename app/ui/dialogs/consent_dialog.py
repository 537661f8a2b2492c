"""The consent dialog: the consent text and the asked categories in plain words, a name, and a signature.

The customer reads the text in their language, sees exactly the categories the
chosen checks need (each with what it is, why, and how long it is kept), may
untick some, and signs on the pad, or, where no pad or mouse is usable, ticks
an explicit box.  `consent_input()` is what the diagnostics service records.

The text is read in full without scrolling on a 1366x768 counter screen: it
and the categories take the left column, and what the customer does (name,
signature or tick) the right.  The cursor starts on the first thing left to do: the customer's
name when it is not known yet, else the tick box.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.localized import LocalizedText as T
from app.core.privacy_catalogue import describe_collection
from app.core.reference_data import ConsentLibrary
from app.diagnostics.consent import DIAGNOSTICS_TEXT, ConsentInput
from app.ui.language import CUSTOMER_LANGUAGES
from app.ui.named import named
from app.ui.signature_pad import SignaturePad

#: In the customer's chosen language (not the technician's screen language), so not a Qt translation.
_KEPT = T("保存期限：%1。", "Kept: %1.")


class ConsentDialog(QDialog):
    def __init__(
        self,
        library: ConsentLibrary,
        categories: tuple[str, ...],
        language: str = "zh_CN",
        customer_name: str = "",
        ticket_number: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self._document = library.latest(DIAGNOSTICS_TEXT)
        self._categories = categories
        self.language = named(QComboBox(), "consentLanguage")
        for code, name in CUSTOMER_LANGUAGES:
            self.language.addItem(name, code)
        self.heading = named(QLabel(), "consentTitle")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.body = named(QLabel(), "consentBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.category_list = named(QListWidget(), "consentCategories")
        self.category_list.setWordWrap(True)
        self.customer = named(QLineEdit(customer_name), "consentCustomer")
        self.customer.setPlaceholderText(self.tr("Required: the customer who agrees"))
        self.ticket = named(QLineEdit(ticket_number), "consentTicket")
        self.pad = SignaturePad()
        self.clear_button = named(QPushButton(), "clearSignature")
        self.tick = named(QCheckBox(), "consentTick")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.missing_name = named(QLabel(), "consentNameMissing")
        self.missing_name.setStyleSheet("color: #b3261e;")
        self._build_layout()
        self._connect()
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self._fill(language)
        self.retranslate()
        self._on_changed()
        self._fit_screen()
        (self.tick if customer_name.strip() else self.customer).setFocus()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language)
        form = QFormLayout()
        self.customer_label, self.ticket_label = QLabel(), QLabel()
        form.addRow(self.customer_label, self.customer)
        form.addRow("", self.missing_name)
        form.addRow(self.ticket_label, self.ticket)
        self.categories_label, self.sign_label = QLabel(), QLabel()
        self.categories_label.setWordWrap(True)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        text = QVBoxLayout()  # what the customer reads: the text, then each category with why and how long
        text.addWidget(self.body)
        text.addWidget(self.categories_label)
        text.addWidget(self.category_list, 1)
        actions = QVBoxLayout()  # what the customer does
        actions.addLayout(form)
        actions.addWidget(self.sign_label)
        actions.addLayout(pad_row)
        actions.addWidget(self.tick)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        columns = QHBoxLayout()
        columns.addLayout(text, 1)
        columns.addLayout(actions, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        for before, after in (
            (self.customer, self.ticket),
            (self.ticket, self.category_list),
            (self.category_list, self.pad),
            (self.pad, self.clear_button),
            (self.clear_button, self.tick),
            (self.tick, self.buttons),
            (self.buttons, self.language),
        ):
            QWidget.setTabOrder(before, after)

    def _fit_screen(self) -> None:
        """Wide rather than tall, inside the screen's free area (a 1366x768 counter screen included)."""
        wanted = QSize(1200, 660)
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        if screen is not None:
            free = screen.availableGeometry().size() - QSize(40, 60)
            wanted = wanted.boundedTo(free)
        self.resize(wanted)

    def _connect(self) -> None:
        self.language.currentIndexChanged.connect(lambda _: self._fill(self.language_code))
        self.category_list.itemChanged.connect(lambda _: self._on_changed())
        self.customer.textChanged.connect(lambda _: self._on_changed())
        self.pad.changed.connect(self._on_changed)
        self.tick.toggled.connect(lambda _: self._on_changed())
        self.clear_button.clicked.connect(self.pad.clear)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer consent"))
        self.customer_label.setText(self.tr("Customer name"))
        self.ticket_label.setText(self.tr("Ticket number (if any)"))
        self.categories_label.setText(self.tr("Data the checks read (untick what the customer does not allow):"))
        self.sign_label.setText(self.tr("Customer signature"))
        self.clear_button.setText(self.tr("Clear"))
        self.missing_name.setText(self.tr("The customer's name is needed: nobody can consent for an unnamed person."))
        self.tick.setText(self.tr("No signature pad: the customer ticks here to agree"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Customer agrees"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Customer declines"))

    @property
    def language_code(self) -> str:
        return str(self.language.currentData())

    def _fill(self, language: str) -> None:
        """The text and the categories in the customer's language; ticks survive a language switch."""
        text = self._document.text(language)
        self.heading.setText(text.title)
        self.body.setText(text.body)
        ticked = self.chosen_categories() if self.category_list.count() else self._categories
        self.category_list.blockSignals(True)
        self.category_list.clear()
        for item in describe_collection(self._categories):
            kept = _KEPT.get(language).replace("%1", item.kept.get(language))
            row = QListWidgetItem(
                f"{item.label.get(language)}: {item.description.get(language)}\n    {item.purpose.get(language)} {kept}"
            )
            row.setData(Qt.ItemDataRole.UserRole, item.category)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.category in ticked else Qt.CheckState.Unchecked)
            self.category_list.addItem(row)
        self.category_list.blockSignals(False)
        self._on_changed()

    def chosen_categories(self) -> tuple[str, ...]:
        return tuple(
            str(self.category_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.category_list.count())
            if self.category_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def _on_changed(self) -> None:
        named_customer = bool(self.customer.text().strip())
        self.missing_name.setVisible(not named_customer)
        ready = named_customer and bool(self.chosen_categories()) and (self.pad.has_signature or self.tick.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def consent_input(self) -> ConsentInput:
        signed = self.pad.has_signature and not self.tick.isChecked()
        return ConsentInput(
            customer_name=self.customer.text().strip(),
            categories=self.chosen_categories(),
            language=self.language_code,
            method="signature" if signed else "tick",
            signature_png=self.pad.png_bytes() if signed else None,
            ticked=self.tick.isChecked(),
            ticket_number=self.ticket.text().strip() or None,
        )
