"""`dumpsys account`: how many accounts the phone holds, never who they are.

Android prints one block per user, each with an `Accounts: N` line followed by
`Account {name=..., type=...}` lines.  The names are the customer's personal data,
so only the counts are read; the total over all users is what a wipe pre-check records.
"""

from __future__ import annotations

import re

from app.device.parsers import OutputParseError, checked_text

_ACCOUNTS_LINE = re.compile(r"^\s*Accounts:\s*(\d{1,6})\s*$")
#: The dump of a phone with hundreds of apps is large; the counts sit near the top of each user's block.
_MAX_ACCOUNT_DUMP = 4 * 1024 * 1024


def parse_accounts_count(text: str) -> int:
    """The number of accounts over all users; OutputParseError when no `Accounts:` line is there."""
    counts = [
        int(match.group(1))
        for line in checked_text(text, "dumpsys account", _MAX_ACCOUNT_DUMP).splitlines()
        if (match := _ACCOUNTS_LINE.match(line))
    ]
    if not counts:
        raise OutputParseError("dumpsys account: no 'Accounts:' line")
    return sum(counts)
