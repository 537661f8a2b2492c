"""Services return problems (code + params), the GUI words them: every code has words, in both languages."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import app
from app.errors import KnownError, Problem
from app.tickets import moves
from app.tickets.errors import TransitionNotAllowed
from app.tickets.intake import open_ticket
from app.tickets.service_types import field_problems
from app.ui.error_dialogs import known_error_box
from app.ui.language import LanguageSwitcher
from app.ui.problem_words import field_problem_text, has_words, problem_message
from tests.integration.tickets.conftest import SIGNED, walk_in

ROOT = Path(__file__).resolve().parents[2]
# Raised only by the command line and the reference upstream's server, never shown in the counter's window.
COMMAND_LINE_ONLY = {
    "usage_error",
    "upstream_database_url_error",
    "upstream_database_unavailable",
    "reference_file_error",
    "signing_key_error",
}


def _error_classes() -> list[type[KnownError]]:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not any(part in module.name for part in (".ui", ".demo", ".simulator", "__main__")):
            importlib.import_module(module.name)
    found: list[type[KnownError]] = []
    pending = [KnownError]
    while pending:
        for cls in pending.pop().__subclasses__():
            found.append(cls)
            pending.append(cls)
    return found


@pytest.fixture
def chinese(qapp):
    languages = LanguageSwitcher()
    languages.apply("zh_CN")
    yield
    languages.apply("en")


def test_every_problem_a_service_raises_has_words_in_the_window(qapp) -> None:
    codes = {cls.code for cls in _error_classes()} - COMMAND_LINE_ONLY
    assert len(codes) > 50
    assert sorted(code for code in codes if not has_words(code)) == []


def test_every_field_problem_code_of_the_intake_has_words(qapp) -> None:
    codes = set()
    for path in (ROOT / "app/tickets/service_types.py", ROOT / "app/tickets/intake.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    codes.add(first.value)
    codes |= {"imei_not_digits", "imei_wrong_length", "imei_check_digit", "imei_too_long"}
    unworded = [
        code for code in sorted(codes) if field_problem_text(Problem(code, "ENGLISH", limit=1, digits=1)) == "ENGLISH"
    ]
    assert len(codes) > 15 and unworded == []


def test_a_refused_move_is_worded_from_its_statuses_in_chinese(qtbot, manager, clock, chinese) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    with pytest.raises(TransitionNotAllowed) as refused:
        moves.move_ticket(manager, number, "ready_for_pickup")
    box = known_error_box(None, refused.value)
    qtbot.addWidget(box)
    assert box.text() == "工单不能从“已接收”改为“待取机”。可以改为：检测中、已送修理中心、已取消。"
    assert box.informativeText() == "下一步：请选择列出的状态之一。"
    assert "cannot go from received to ready for pickup" in box.detailedText()  # the English kept for support


def test_intake_field_problems_come_as_codes_and_are_worded_in_chinese(chinese) -> None:
    new = walk_in(imei="4901542032", customer_phone="12")
    problems = field_problems(new, new_date())
    assert problems["imei"].code == "imei_wrong_length" and problems["imei"].params == {"digits": 10}
    assert problems["imei"] == "it has 10 digits, an IMEI has 15"  # the English text, for logs and the CLI
    assert field_problem_text(problems["imei"]) == "IMEI 应为 15 位，此处为 10 位"
    assert field_problem_text(problems["customer_phone"]) == "不是有效的手机号"


def test_an_unworded_code_falls_back_to_the_services_english() -> None:
    class BrandNewProblem(KnownError):
        pass

    assert problem_message(BrandNewProblem("Something specific happened.")) == "Something specific happened."


def test_no_service_words_its_problems_in_chinese() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if "next_step_zh" in path.read_text("utf-8")
    ]
    assert offenders == []


def new_date():
    from datetime import date

    return date(2026, 11, 23)
