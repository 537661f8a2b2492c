"""The slip buttons on the ticket detail page, over a real store: Save PDF, Thermal with paper out and Retry,
and the journal entry a system-printer print leaves."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.slip import print_service
from app.storage import slip_repository
from app.ui.pages.ticket_detail_page import TicketDetailPage
from app.ui.tasks import ImmediateTasks
from tests.integration.slip.scripted_printer import STATUS_OK, STATUS_PAPER_OUT, ScriptedPrinter
from tests.integration.slip.ticket_setup import PHONE, open_ticket


@pytest.fixture
def scripted_printer():
    peer = ScriptedPrinter()  # a receipt printer's firmware on a real pseudo-terminal
    try:
        yield peer
    finally:
        peer.close()


@pytest.fixture
def page(qtbot, manager) -> TicketDetailPage:
    widget = TicketDetailPage(ImmediateTasks())
    qtbot.addWidget(widget)
    widget.show_session(manager)
    widget.show_ticket(open_ticket(manager).number)
    return widget


def test_save_pdf_writes_a_slip_a_person_can_read_and_journals_it(
    page: TicketDetailPage, manager, tmp_path: Path
) -> None:
    assert page.slip.pdf_button.isEnabled() and not page.slip.retry_button.isVisibleTo(page)
    with_signal = []
    page.slip.printed.connect(with_signal.append)
    page.slip.save_pdf(tmp_path / "slip.pdf")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "slip.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    number = page.detail.number
    assert number in text and "138****5678" in text and PHONE not in text
    assert with_signal == [number] and "Slip printed" in page.slip.status.text()
    page.slip.save_pdf(tmp_path / "again.pdf")
    assert "(copy 1)" in page.slip.status.text()
    assert [p.copy_number for p in slip_repository.prints_for_ticket(manager.store, number)] == [0, 1]


def test_paper_out_says_so_keeps_the_slip_and_retry_prints_it(
    page: TicketDetailPage, manager, scripted_printer: ScriptedPrinter
) -> None:
    scripted_printer.state = dict(STATUS_PAPER_OUT)
    page.slip.port.setCurrentText(scripted_printer.port)
    page.slip.thermal_button.click()
    assert "out of paper" in page.slip.status.text() and "Retry" in page.slip.status.text()
    assert page.slip.retry_button.isVisibleTo(page) and "1 waiting" in page.slip.retry_button.text()
    assert page.slip.error_box.objectName() == "knownErrorDialog"
    page.slip.error_box.close()
    scripted_printer.state = dict(STATUS_OK)
    page.slip.retry_button.click()
    assert "1 kept slip(s) printed" in page.slip.status.text()
    assert not page.slip.retry_button.isVisibleTo(page) and print_service.pending_jobs(manager) == []
    assert len(scripted_printer.wait_for_jobs(1)) == 1


def test_a_system_printer_print_is_journaled_with_the_printer_name(
    page: TicketDetailPage, manager, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))  # A4 paper by default: the A4 layout
    layout = print_service.slip_layout(manager, page.detail.number)
    page.slip._journal_system_print(manager, layout, printer)
    (row,) = slip_repository.prints_for_ticket(manager.store, page.detail.number)
    assert row.target == f"printer:{tmp_path / 'printed.pdf'}" and row.slip_format == "a4" and len(row.sha256) == 64


def test_print_opens_the_preview_of_this_ticket(page: TicketDetailPage, qtbot) -> None:
    page.slip.print_button.click()
    preview = page.slip.preview
    assert preview.objectName() == "slipPrintPreview" and preview.windowTitle() == page.detail.number
    qtbot.waitUntil(preview.isVisible)
    qtbot.waitUntil(lambda: (preview.property("slipPages") or 0) >= 1)  # the preview drew the slip
    preview.reject()
    assert slip_repository.prints_for_ticket(page._session.store, page.detail.number) == []  # cancelled: no print


def test_save_pdf_renders_on_a_worker_thread_without_blocking_the_window(qtbot, manager, tmp_path: Path) -> None:
    from app.ui.tasks import BackgroundTasks

    tasks = BackgroundTasks()
    widget = TicketDetailPage(tasks)
    qtbot.addWidget(widget)
    widget.show_session(manager)
    widget.show_ticket(open_ticket(manager).number)
    widget.slip.save_pdf(tmp_path / "threaded.pdf")
    assert "Saving" in widget.slip.status.text()  # the click returned before the slip was written
    qtbot.waitUntil(lambda: not tasks.busy, timeout=30_000)  # no worker outlives the test
    assert "Slip printed" in widget.slip.status.text()
    assert (tmp_path / "threaded.pdf").read_bytes().startswith(b"%PDF")


# --- fits the counter: busy bar, slips folder, thermal port, readable preview (issue 14) ----------


def _panel(qtbot, manager, tasks, ports: list | None = None):
    from app.ui.dialogs.print_slip_panel import PrintSlipPanel

    panel = PrintSlipPanel(tasks, list_ports=lambda: list(ports or []))
    qtbot.addWidget(panel)
    panel.set_ticket(manager, open_ticket(manager).number)
    return panel


def test_save_pdf_shows_a_busy_bar_and_disables_the_slip_buttons_until_written(qtbot, manager, tmp_path) -> None:
    from app.ui.tasks import BackgroundTasks

    tasks = BackgroundTasks()
    panel = _panel(qtbot, manager, tasks)
    panel.show()
    buttons = (panel.print_button, panel.pdf_button, panel.thermal_button)
    panel.save_pdf(tmp_path / "busy.pdf")
    assert panel.busy.isVisible() and panel.busy.maximum() == 0  # the indeterminate "busy" bar moves
    assert not any(button.isEnabled() for button in buttons)  # no second slip while the first renders
    qtbot.waitUntil(lambda: not tasks.busy and not panel.busy.isVisible(), timeout=30_000)
    assert all(button.isEnabled() for button in buttons)
    assert (tmp_path / "busy.pdf").read_bytes().startswith(b"%PDF")


def test_save_pdf_starts_in_the_slips_folder_of_the_data_directory(qtbot, manager) -> None:
    panel = _panel(qtbot, manager, ImmediateTasks())
    slips = manager.vault.paths.slips
    assert not slips.exists()
    panel.choose_pdf_file()
    dialog = panel.file_dialog
    assert slips.is_dir()  # made on first use
    assert Path(dialog.directory().absolutePath()) == slips.resolve()
    assert dialog.selectedFiles()[0].endswith(f"{panel._number}.pdf")
    dialog.selectFile(str(slips / "chosen.pdf"))
    dialog.accept()
    assert (slips / "chosen.pdf").read_bytes().startswith(b"%PDF")


def test_thermal_with_no_serial_port_says_so_in_chinese_only_and_opens_no_error(qtbot, manager) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.language import LanguageSwitcher

    languages = LanguageSwitcher()
    languages.apply("zh_CN")
    try:
        panel = _panel(qtbot, manager, ImmediateTasks(), ports=[])
        assert panel.port.count() == 0 and panel.port.lineEdit().placeholderText() == "未找到串口"
        panel.thermal_button.click()
        said = panel.status.text()
        assert said.startswith("这台电脑上没有找到串口")
        assert not any(word in said for word in ("No serial", "printer", "Thermal"))  # one language only
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    finally:
        languages.apply("en")


def test_thermal_ports_are_listed_none_preselected_and_the_chosen_one_is_used(
    qtbot, manager, scripted_printer: ScriptedPrinter
) -> None:
    from app.ui.serial_ports import SerialPortChoice

    ports = [SerialPortChoice("/dev/ttyUSB7", "USB receipt printer"), SerialPortChoice(scripted_printer.port, "pty")]
    panel = _panel(qtbot, manager, ImmediateTasks(), ports=ports)
    assert [panel.port.itemText(i) for i in range(2)] == ["/dev/ttyUSB7 - USB receipt printer", f"{ports[1].label()}"]
    assert panel.port.currentText() == ""  # nothing preset (it was /dev/ttyS0)
    panel.thermal_button.click()
    assert panel.status.text() == "Choose the thermal printer's port from the list first."
    panel.port.setCurrentIndex(1)
    assert panel.thermal_port() == scripted_printer.port  # the device, not the label with its description
    panel.thermal_button.click()
    assert "Slip printed" in panel.status.text() and len(scripted_printer.wait_for_jobs(1)) == 1


def test_ports_without_hardware_are_not_offered_for_the_printer() -> None:
    from app.ui.serial_ports import ports_with_hardware, serial_ports

    offered = {choice.device for choice in ports_with_hardware()}
    phantom = {choice.device for choice in serial_ports() if choice.description == "n/a"}
    assert not offered & phantom  # e.g. the /dev/ttyS0 a Linux PC lists with nothing behind it


def test_the_print_preview_opens_tall_and_at_the_page_width(page: TicketDetailPage, qtbot) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    page.slip.print_button.click()
    preview = page.slip.preview
    qtbot.waitUntil(preview.isVisible)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    area = preview.screen().availableGeometry()
    assert preview.height() >= area.height() * 0.85
    qtbot.waitUntil(lambda: widget.zoomFactor() > 0.6)  # Qt's default whole-page view was 0.38 at 1366x768
    preview.reject()


def test_the_save_pdf_dialog_is_all_chinese_in_chinese(qtbot, manager) -> None:
    from PySide6.QtWidgets import QLabel

    from app.ui.language import LanguageSwitcher

    languages = LanguageSwitcher()
    languages.apply("zh_CN")
    try:
        panel = _panel(qtbot, manager, ImmediateTasks())
        panel.choose_pdf_file()
        labels = {label.text() for label in panel.file_dialog.findChildren(QLabel) if label.text()}
        assert {"查找范围：", "文件名称(&N)：", "文件类型："} <= labels  # "Look in:" stayed English
        assert not {"Look in:", "Files of type:"} & labels
        panel.file_dialog.reject()
    finally:
        languages.apply("en")
