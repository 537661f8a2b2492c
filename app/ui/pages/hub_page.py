"""The outlet hub page: joined or not (and joining), the counters the hub knows and whether each
is online, what waits here and at the hub, and the conflicts to settle.

Every call to the hub (status, "Sync now", finding hubs) runs off the GUI thread behind a busy
bar: a slow or absent hub never freezes the window.  Settling calls the same service as
`repair-counter hub settle`, then syncs so the other counters see the choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.accounts.session import Session
from app.clock import local_minute
from app.errors import KnownError
from app.sync import hub_client, hub_settle, hub_view
from app.sync.hub_view import ConflictView, HubPicture, LinkView
from app.tickets.outlet_calendar import WEEKDAYS
from app.ui.busy import BusyBar
from app.ui.error_dialogs import show_error
from app.ui.named import named
from app.ui.pages.page_base import Page, fill_table, read_only_table
from app.ui.problem_words import problem_message
from app.ui.tasks import BackgroundTasks

FIND_SECONDS = 2.0
COUNTERS_HEIGHT = 150


def _when(at: str | None) -> str:
    """This PC's local time, to the minute: the counters are all in this outlet."""
    return local_minute(at) if at else ""


class HubPage(Page):
    """Signals: `synced()` after a round with the hub (the status bar's counts changed)."""

    refill_on_language = True
    synced = Signal()

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__("hubPage", parent)
        self._tasks = tasks
        self._link: LinkView | None = None
        self._picture: HubPicture | None = None
        self._problem = ""
        self._round: hub_client.HubRound | None = None
        self._conflicts: list[ConflictView] = []
        self.link_label = self._wrapped("hubLink")
        self.body.addWidget(self.link_label)
        self._build_join_box()
        self._build_sync_row()
        self.counters_title = self._wrapped("hubCountersTitle")
        self.counters = read_only_table("hubCounters", 3, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.counters.setMaximumHeight(COUNTERS_HEIGHT)  # a few counters per outlet: the conflicts get the room
        self.waiting = self._wrapped("hubWaiting")
        self.conflicts_title = self._wrapped("hubConflictsTitle")
        self.conflicts = read_only_table("hubConflicts", 7, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.keep_this = named(QPushButton(), "hubKeepThis")
        self.keep_other = named(QPushButton(), "hubKeepOther")
        self.keep_this.clicked.connect(lambda: self.settle("kept"))
        self.keep_other.clicked.connect(lambda: self.settle("other"))
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_this)
        keep_row.addWidget(self.keep_other)
        keep_row.addStretch(1)
        for widget in (self.counters_title, self.counters, self.waiting, self.conflicts_title):
            self.body.addWidget(widget)
        self.body.addWidget(self.conflicts, 1)
        self.body.addLayout(keep_row)
        self.retranslate()

    @staticmethod
    def _wrapped(name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setWordWrap(True)
        return label

    def _build_join_box(self) -> None:
        self.join_box = named(QGroupBox(), "hubJoinBox")
        self.address = named(QLineEdit(), "hubAddress")
        self.address.setPlaceholderText("https://192.168.1.20:8471")
        self.find_button = named(QPushButton(), "hubFind")
        self.find_button.clicked.connect(self.find_hubs)
        self.counter_code = named(QLineEdit(), "hubCounterCode")
        self.counter_code.setMaxLength(2)
        self.join_code = named(QLineEdit(), "hubJoinCode")
        self.fingerprint = named(QLineEdit(), "hubFingerprint")
        self.join_button = named(QPushButton(), "hubJoin")
        self.join_button.clicked.connect(self.join)
        self.found = self._wrapped("hubFound")
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.find_button)
        self.form = QFormLayout(self.join_box)
        self.form_labels = [QLabel() for _ in range(4)]
        self.form.addRow(self.form_labels[0], address_row)
        for label, field in zip(
            self.form_labels[1:], (self.counter_code, self.join_code, self.fingerprint), strict=True
        ):
            self.form.addRow(label, field)
        for label, buddy in zip(
            self.form_labels, (self.address, self.counter_code, self.join_code, self.fingerprint), strict=True
        ):
            label.setBuddy(buddy)  # Alt + the label's letter lands in its field
        self.form.addRow(self.found)
        self.form.addRow(self.join_button)
        self.body.addWidget(self.join_box)

    def _build_sync_row(self) -> None:
        self.sync_button = named(QPushButton(), "hubSyncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.busy = BusyBar("hubBusy")
        self.result = self._wrapped("hubResult")
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.busy, 1)
        row.addWidget(self.result, 3)
        self.body.addLayout(row)

    # --- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Outlet hub"))
        self.join_box.setTitle(self.tr("Join the outlet hub (outlet manager)"))
        texts = (self.tr("Hub &address"), self.tr("This counter's c&ode"), self.tr("One-&time code"),
                 self.tr("Certificate finger&print"))  # fmt: skip
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.counter_code.setPlaceholderText(self.tr("A, B, K2 ..."))
        self.join_code.setPlaceholderText(self.tr("as the hub shows it"))
        self.fingerprint.setPlaceholderText(self.tr("read it from the hub's screen, never from a search"))
        self.find_button.setText(self.tr("Fi&nd hubs on the network"))
        self.join_button.setText(self.tr("&Join"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.counters_title.setText(self.tr("Counters the hub knows"))
        self.counters.setHorizontalHeaderLabels(
            [self.tr("Counter"), self.tr("State"), self.tr("Last call")]
        )
        self.conflicts_title.setText(
            self.tr("Conflicts to settle: two counters changed the same thing while apart. Pick the value to keep.")
        )
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Field"), self.tr("Value kept now"), self.tr("By, when"),
             self.tr("The other value"), self.tr("By, when"), self.tr("State")]
        )  # fmt: skip
        self.keep_this.setText(self.tr("&Keep the value kept now"))
        self.keep_other.setText(self.tr("Keep the &other value"))
        self._show_texts()

    def _show_texts(self) -> None:
        link = self._link
        joined = link is not None and link.joined
        self.link_label.setText(self._link_text(link))
        self.join_box.setVisible(link is not None and not link.joined)
        for widget in (self.sync_button, self.counters_title, self.counters, self.conflicts_title, self.conflicts,
                       self.keep_this, self.keep_other):  # fmt: skip
            widget.setVisible(joined)
        self.waiting.setText(self._waiting_text())
        self.result.setText(self._round_text())
        self._fill_counters()
        self._fill_conflicts()

    def _link_text(self, link: LinkView | None) -> str:
        if link is None:
            return ""
        if not link.joined:
            return self.tr(
                "This counter has not joined an outlet hub. On the hub, the operator gives it a one-time code and"
                " shows the certificate fingerprint; type both below with the hub's address."
            )
        text = self.tr("Joined to the outlet hub at %1 as counter %2; certificate %3...")
        text = text.replace("%1", link.url).replace("%2", link.counter).replace("%3", link.fingerprint[:16])
        if self._picture is not None:
            outlet = self.tr("Hub of outlet %1.").replace("%1", self._picture.outlet)
            text = f"{text} {outlet}"
        return text

    def _waiting_text(self) -> str:
        link = self._link
        if link is None:
            return ""
        here = self.tr("Waiting on this counter: %1 change(s).").replace("%1", str(link.pending_here))
        if not link.joined:
            return here
        if self._picture is not None:
            hub = self.tr("Waiting at the hub for the region: %1 operation(s).")
            return f"{here} {hub.replace('%1', str(self._picture.waiting_for_region))}"
        if self._problem:
            silent = self.tr("The hub did not answer: %1")
            return f"{here} {silent.replace('%1', self._problem)}"
        return here

    def _round_text(self) -> str:
        if self._round is None:
            return ""
        return (
            self.tr("Synced: sent %1, received %2, new conflicts %3.")
            .replace("%1", str(self._round.pushed))
            .replace("%2", str(self._round.pulled))
            .replace("%3", str(self._round.conflicts))
        )

    def _fill_counters(self) -> None:
        counters = self._picture.counters if self._picture is not None else []
        fill_table(
            self.counters,
            (
                (c.counter, self.tr("Online") if c.online else self.tr("Offline"), _when(c.last_seen_at))
                for c in counters
            ),
        )  # fmt: skip

    def _fill_conflicts(self) -> None:
        fill_table(self.conflicts, (self._conflict_row(view) for view in self._conflicts))
        if self._conflicts and self.conflicts.currentRow() < 0:
            self.conflicts.selectRow(0)

    def _conflict_row(self, view: ConflictView) -> tuple[str, ...]:
        c = view.conflict
        by = self.tr("counter %1, %2")
        return (
            f"{self._entity_word(c.entity)} {self._weekdays().get(view.record, view.record)}",
            self._field_word(c.field),
            self._value_word(hub_view.shown_value(c.kept_value)),
            by.replace("%1", c.kept_author or "").replace("%2", _when(c.kept_at)),
            self._value_word(hub_view.shown_value(c.other_value)),
            by.replace("%1", c.other_author).replace("%2", _when(c.other_at)),
            self.tr("Chosen here, sent with the next sync") if view.waiting else self.tr("To settle"),
        )

    def _entity_word(self, entity: str) -> str:
        words = {"ticket": self.tr("Ticket"), "outlet_calendar": self.tr("Opening hours")}
        return words.get(entity, entity)

    def _weekdays(self) -> dict[str, str]:
        """The replica names the outlet's weekly hours by the weekday's code (outlet_calendar.WEEKDAYS)."""
        names = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                 self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))  # fmt: skip
        return dict(zip(WEEKDAYS, names, strict=True))

    def _field_word(self, field: str) -> str:
        words = {"hours": self.tr("hours"), "status": self.tr("status")}
        return words.get(field, field)

    def _value_word(self, value: str) -> str:
        return value if value else self.tr("(empty: closed)")

    # --- content -------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        self._show_local(session)
        if self._link is not None and self._link.joined and not self.busy.busy:
            self.busy.run(
                self._tasks,
                lambda: self._picture_of(session),
                self._on_picture,
                self._on_no_answer,
                self._hub_buttons(),
            )

    def refill(self, session: Session) -> None:
        self._show_local(session)  # a language switch words again; it does not call the hub

    def _show_local(self, session: Session) -> None:
        self._link = hub_view.link_view(session)
        self._conflicts = hub_view.conflict_views(session) if self._link.joined else []
        self._show_texts()

    @staticmethod
    def _picture_of(session: Session) -> HubPicture:
        return hub_view.hub_picture(session, session.store.clock())

    def _on_picture(self, picture: HubPicture) -> None:
        self._picture, self._problem = picture, ""
        self._show_texts()

    def _on_no_answer(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):  # a bug, not an absent hub: the crash path says so
            show_error(self, error)
            return
        self._picture, self._problem = None, problem_message(error)
        self._show_texts()

    # --- actions -------------------------------------------------------------------------

    def sync_now(self) -> None:
        session = self.open_session()
        if session is None or self.busy.busy:
            return

        def job() -> tuple[Any, HubPicture]:
            return hub_client.hub_sync_once(session), self._picture_of(session)

        self.busy.run(self._tasks, job, self._on_synced, self._on_failed, self._hub_buttons())

    def _hub_buttons(self) -> list[QWidget]:
        """What would start another call to the hub or change what it is about to show."""
        return [self.sync_button, self.keep_this, self.keep_other]

    def _on_synced(self, done: tuple[hub_client.HubRound, HubPicture]) -> None:
        self._round, picture = done
        session = self.open_session()
        if session is not None:
            self._show_local(session)
        self._on_picture(picture)
        self.synced.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._round = None
        session = self.open_session()
        if session is not None:
            self._show_local(session)
        show_error(self, error)

    def settle(self, keep: str) -> None:
        session = self.open_session()
        row = self.conflicts.currentRow()
        if session is None or not 0 <= row < len(self._conflicts):
            return
        conflict_id = self._conflicts[row].conflict.id
        try:
            hub_settle.settle(session, conflict_id, keep)  # local and quick: a journaled change in the outbox
        except KnownError as error:
            show_error(self, error)
            return
        self._show_local(session)
        self.sync_now()  # the choice reaches the other counters now, not at the next round

    def find_hubs(self) -> None:
        from app.hub import discovery  # zeroconf only when someone looks for a hub

        self.busy.run(self._tasks, lambda: discovery.find_hubs(FIND_SECONDS), self._on_found, self._on_failed,
                      [self.find_button, self.join_button])  # fmt: skip

    def _on_found(self, hubs: list[Any]) -> None:
        if not hubs:
            self.found.setText(self.tr("No hub answered; type its address as the hub shows it."))
            return
        lines = [
            self.tr("%1: outlet %2, certificate %3... (compare with the hub's screen)")
            .replace("%1", hub.url)
            .replace("%2", hub.outlet)
            .replace("%3", hub.fingerprint_prefix)
            for hub in hubs
        ]
        self.found.setText("\n".join(lines))
        self.address.setText(hubs[0].url)
        self.counter_code.setFocus()

    def join(self) -> None:
        session = self.open_session()
        if session is None:
            return
        url, counter = self.address.text().strip(), self.counter_code.text().strip()
        code, fingerprint = self.join_code.text().strip(), self.fingerprint.text().strip()
        self.busy.run(
            self._tasks,
            lambda: hub_client.join(session, url, counter, code, fingerprint),
            lambda _: self.show_session(session),
            self._on_failed,
            [self.join_button, self.find_button],
        )
