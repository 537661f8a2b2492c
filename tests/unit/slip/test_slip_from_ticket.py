"""The words a ticket's stored facts become on the slip (pure mapping helpers of app.slip.from_ticket)."""

from __future__ import annotations

from decimal import Decimal

from app.slip.from_ticket import (
    battery_text,
    condition_text,
    diagnosis_text,
    price_lines,
    warranty_text,
)
from app.storage.slip_repository import LatestRun
from app.storage.ticket_records import TicketLine


def _run(status: str = "complete", advice: str | None = "paid_replacement", health: float | None = 64.4) -> LatestRun:
    return LatestRun(
        "r1", "c1", status, ("identity", "battery"), ("device_info",), (), "2026-11-23T02:00:00", advice, health
    )


def test_the_intake_checklist_reads_as_words_in_both_languages() -> None:
    intake = {
        "condition": {"screen": "damaged", "water_indicator": "not_checked"},
        "condition_notes": "SIM removed",
        "accessories": ["charger", "case"],
    }
    assert condition_text(intake, "en") == (
        "Screen: damaged; Water indicator: not checked\nSIM removed\nAccessories: charger, case"
    )
    assert condition_text(intake, "zh_CN").startswith("屏幕：有损伤；进水标签：未检查")
    assert condition_text({"condition": {"lens": "cracked"}}, "en") == "lens: cracked"  # unknown items kept as typed
    assert condition_text({}, "en") == ""


def test_the_checklist_is_one_short_phrase_grouped_by_answer() -> None:
    mixed = {"screen": "damaged", "housing": "ok", "buttons": "ok", "cameras": "ok", "water_indicator": "not_checked"}
    assert condition_text({"condition": mixed}, "en") == (
        "Screen: damaged; Housing, Buttons, Cameras: OK; Water indicator: not checked"
    )
    assert condition_text({"condition": mixed}, "zh_CN") == "屏幕：有损伤；外壳、按键、摄像头：完好；进水标签：未检查"
    untouched = dict.fromkeys(mixed, "not_checked")
    assert condition_text({"condition": untouched}, "en") == "All items: not checked"
    assert condition_text({"condition": untouched}, "zh_CN") == "全部检查项：未检查"
    # Part of the checklist with one answer is not "all items".
    assert condition_text({"condition": {"screen": "ok", "housing": "ok"}}, "en") == "Screen, Housing: OK"


def test_diagnosis_and_battery_come_from_the_latest_run() -> None:
    assert diagnosis_text(None, "en") == "Not diagnosed yet"
    assert diagnosis_text(_run(), "en") == "Diagnostics complete: Identity, Battery"
    assert diagnosis_text(_run(), "zh_CN") == "检测完成：设备识别、电池检测"
    assert diagnosis_text(_run("declined"), "en") == "Diagnostics declined"
    assert battery_text(_run(), "en") == "Battery health 64%: replace, paid (out of warranty)"
    assert battery_text(_run(health=None, advice="unknown"), "zh_CN") == "无法读取电池健康度"
    assert battery_text(_run(advice=None), "en") == ""


def test_warranty_uses_the_stored_reason_in_the_slip_language() -> None:
    record = {"in_warranty": False, "reason_en": "Bought 2024-01-02; 12 months ended.", "reason_zh_CN": "已过保修期。"}
    assert warranty_text(record, "en") == "Not in warranty (Bought 2024-01-02; 12 months ended.)"
    assert warranty_text(record, "zh_CN") == "不在保修期内（已过保修期。）"
    assert warranty_text(None, "en") == ""


def test_the_invoice_replaces_the_estimate_when_there_is_one() -> None:
    estimate = TicketLine("1", "estimate", "SCR", "Screen", 1, Decimal("1099.00"))
    invoice = TicketLine("2", "invoice", "SCR", "Screen (warranty; guide price 1099.00)", 1, Decimal("0.00"))
    assert [p.amount for p in price_lines((estimate,))] == [Decimal("1099.00")]
    assert [p.description for p in price_lines((estimate, invoice))] == ["Screen (warranty; guide price 1099.00)"]
    assert price_lines(()) == ()


def test_the_slip_says_each_judged_check_in_words() -> None:
    """Issue 15 item 5: the finding of every judged function, in the slip's language, under the outcome."""
    verdicts = {
        "battery": {
            "reason": {"zh_CN": "电池健康度 64%，建议付费更换电池。", "en": "Battery health 64%: paid replacement."}
        },
        "identity": {"reason": {"zh_CN": "", "en": ""}},  # nothing to say: no line
    }
    assert diagnosis_text(_run(), "en", verdicts) == (
        "Diagnostics complete: Identity, Battery\nBattery: Battery health 64%: paid replacement."
    )
    assert diagnosis_text(_run(), "zh_CN", verdicts).splitlines()[1] == "电池检测：电池健康度 64%，建议付费更换电池。"
    assert diagnosis_text(_run("declined"), "en", verdicts) == "Diagnostics declined"
