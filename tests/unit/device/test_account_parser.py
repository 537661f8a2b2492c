"""`dumpsys account`: the count over all users, never the names."""

from __future__ import annotations

import pytest

from app.device.parsers import OutputParseError
from app.device.parsers.account_parser import parse_accounts_count

TWO_USERS = """User UserInfo{0:Owner:c13}:
  Accounts: 2
    Account {name=someone@example.cn, type=com.google}
    Account {name=13800138000, type=com.tencent.mm.account}

  Active Sessions: 0

User UserInfo{10:Work profile:1030}:
  Accounts: 1
    Account {name=work@example.cn, type=com.google}
"""


def test_the_count_is_the_sum_over_users() -> None:
    assert parse_accounts_count(TWO_USERS) == 3
    assert parse_accounts_count("User UserInfo{0:Owner:c13}:\n  Accounts: 0\n") == 0


@pytest.mark.parametrize("text", ["", "Can't find service: account\n", "  Accounts: many\n"])
def test_an_answer_without_a_count_is_an_error(text: str) -> None:
    with pytest.raises(OutputParseError):
        parse_accounts_count(text)
