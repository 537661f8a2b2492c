"""The Reports page over the hand-built week: charts with their tables, both languages, exports,
and no customer value on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidget

from app.core.roles import Role
from app.ui.language import LanguageSwitcher
from app.ui.pages.reports_page import ChartView, ReportsPage
from app.ui.tasks import ImmediateTasks
from tests.unit.reports import known_tickets as week


@pytest.fixture
def page(qtbot, manager, clock):
    week.build(manager, clock)
    shown = ReportsPage(ImmediateTasks())
    qtbot.addWidget(shown)
    shown.show_session(manager)
    shown.set_range(week.FIRST_DAY, week.LAST_DAY)
    shown.period.setCurrentIndex(shown.period.findData("day"))
    shown.refresh()
    return shown


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_each_chart_has_its_figures_in_a_table(page) -> None:
    charts = page.findChildren(ChartView)
    assert [c.chart.key for c in charts] == ["volume", "response", "turnaround", "quality", "requests"]
    volume = _cells(page.findChild(QTableWidget, "table_volume"))
    assert volume[0] == ["2026-11-30", "3", "0"]  # received 3, closed 0 on Monday
    assert volume[2] == ["2026-12-02", "1", "2"]
    response = _cells(page.findChild(QTableWidget, "table_response"))
    assert response[1] == ["P2", "2", "0", "0"]  # both P2 answers met, one only thanks to the holiday
    assert "7 received, 5 closed" in page.status.text()


def test_no_customer_value_on_the_page(page) -> None:
    shown = [cell for table in page.findChildren(QTableWidget) for row in _cells(table) for cell in row]
    shown += [repr(view.chart) for view in page.findChildren(ChartView)]
    for marker in week.MARKER_VALUES:
        assert not any(marker in text for text in shown), marker


def test_the_page_follows_the_language(page, qtbot) -> None:
    switcher = LanguageSwitcher()
    try:
        switcher.apply("zh_CN")
        qtbot.waitUntil(lambda: page.heading.text() != "Reports", timeout=2000)  # LanguageChange is posted
        assert page.heading.text() == "报表"
        assert page.findChild(QTableWidget, "table_volume").horizontalHeaderItem(1).text() == "接收工单"
    finally:
        switcher.apply("en")
    qtbot.waitUntil(lambda: page.heading.text() == "Reports", timeout=2000)


def test_exports_write_csv_and_pdf(page, tmp_path) -> None:
    page.export_csv(tmp_path / "week.csv")
    page.export_pdf(tmp_path / "week.pdf")
    assert (tmp_path / "week.csv").read_text(encoding="utf-8").startswith("table,period,group,figure,value")
    assert (tmp_path / "week.pdf").read_bytes().startswith(b"%PDF")


def test_the_reports_entry_is_hidden_from_a_technician(make_window, manager) -> None:
    window = make_window()
    workspace = window.workspace  # built at the first sign-in, or here on first use
    manager.role = Role.TECHNICIAN
    workspace.show_session(manager)
    row = next(i for i in range(workspace.nav.count()) if workspace.nav.item(i).text().startswith("Reports"))
    assert workspace.nav.item(row).isHidden()
    manager.role = Role.AUDITOR
    workspace.show_session(manager)
    assert not workspace.nav.item(row).isHidden()


@pytest.mark.parametrize(
    ("largest", "whole", "expected"),
    [
        (0, True, (1.0, 1)),
        (1, True, (1.0, 1)),
        (7, True, (8.0, 4)),
        (25, True, (25.0, 5)),
        (138, True, (150.0, 3)),
        (0.4, False, (0.4, 4)),
        (5700, True, (6000.0, 3)),
    ],
)
def test_the_value_axis_steps_are_round(largest, whole, expected) -> None:
    from app.ui.report_render import axis_scale

    assert axis_scale(largest, whole) == expected
