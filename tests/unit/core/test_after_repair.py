"""The rules of messages after the repair: what a template may say, the back-off, the follow-up hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.after_repair import (
    MAX_ATTEMPTS,
    FollowUpDue,
    MessageChoice,
    TemplateProblem,
    next_attempt,
    render,
    template_problems,
)
from app.core.reference_data import default_resources_dir, load_after_repair

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("Dear {name}, ready", "{name} is not a field"),
        ("Call 13812345678", "long number"),
        ("{ticket", "brace"),
        ("", "empty"),
        ("x" * 401, "longer than 400"),
    ],
)
def test_templates_naming_personal_data_are_refused(template: str, problem: str) -> None:
    assert any(problem in found for found in template_problems(template))
    with pytest.raises(TemplateProblem):
        render(template, {})


def test_every_shipped_template_is_usable_in_both_languages() -> None:
    texts = load_after_repair(default_resources_dir())
    for event, text in texts.templates.items():
        for language in ("zh_CN", "en"):
            assert template_problems(text.get(language)) == [], (event, language)
    assert texts.care_guide("rc-x2 pro").en.startswith("Charge the new battery")
    assert texts.care_guide("Unknown 9") == texts.care_guides["default"]


def test_the_wait_grows_then_stops() -> None:
    waits = [next_attempt(n, NOW) for n in range(1, MAX_ATTEMPTS + 1)]
    minutes = [int((w - NOW) / timedelta(minutes=1)) for w in waits if w is not None]
    assert minutes[:5] == [1, 5, 15, 60, 60] and waits[-1] is None and len(minutes) == MAX_ATTEMPTS - 1


def test_a_follow_up_is_due_an_hour_after_collection() -> None:
    due = FollowUpDue("SZ01-20261123-0001", NOW)
    assert due.due_at == NOW + timedelta(hours=1)
    assert not due.overdue(NOW + timedelta(minutes=59)) and due.overdue(NOW + timedelta(minutes=61))


def test_a_choice_outside_the_languages_is_refused() -> None:
    with pytest.raises(ValueError):
        MessageChoice("fr")
    with pytest.raises(ValueError):
        MessageChoice("en", "email")
