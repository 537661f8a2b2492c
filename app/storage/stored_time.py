"""Moments kept as integer milliseconds since 1970 UTC in the store, shown as ISO text everywhere else
(issue 13: the store under 1.5 KB a ticket at a million tickets).

Every moment the app writes is `app.clock.iso` text, 29 characters ("2026-12-02T15:54:13.110+00:00");
as an integer it is 6 bytes.  A ticket carries five on its row and a dozen more in its indexes,
its history, its journal entry and its done outbox row, so the spelling was a fifth of the store.
The services, the command line, the GUI and the row seals still see the ISO text: the store turns it
into milliseconds on the way in and back on the way out.  Integers compare in time order, as the text
did, so every range query and index keeps working once both sides are milliseconds.

Two ways in:

* `stored_time`: only text that `shown_time` gives back exactly becomes an integer, anything else is
  kept as it came.  For values a digest covers as text (the journal's `at`): what is checked is
  always what was written.
* `time_ms` (SQL `time_ms(?)`): any ISO date or time (without an offset: UTC) becomes milliseconds,
  so a range bound such as "2026-12-01" or a time with another offset compares right.  Text that is
  no time at all is kept as it came (it sorts after every integer) rather than lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)

#: Columns, in the tables issue 13 made lean, that hold moments as milliseconds (row seals and
#: exports show them by these names).
TIME_COLUMNS = frozenset(
    {
        "created_at",
        "updated_at",
        "due_at",
        "responded_at",
        "closed_at",
        "retention_anchor",
        "anonymised_at",
        "last_contact_at",
        "at",
        "sent_at",
    }
)


def shown_time(value: Any) -> Any:
    """The ISO text (app.clock.iso's form) of a stored moment; text and NULL as they are."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (_EPOCH + value * _MILLISECOND).isoformat(timespec="milliseconds")
    return value


def stored_time(text: Any) -> Any:
    """Milliseconds when `shown_time` gives `text` back exactly, else `text` unchanged."""
    if not isinstance(text, str):
        return text
    moment = _parsed(text)
    if moment is None:
        return text
    millis = _millis(moment)
    return millis if shown_time(millis) == text else text


def time_ms(value: Any) -> Any:
    """Milliseconds of any ISO date or time (UTC when it names no offset); other values unchanged."""
    if not isinstance(value, str):
        return value
    moment = _parsed(value)
    return value if moment is None else _millis(moment)


def shown_columns(names: Sequence[str], row: Sequence[Any]) -> tuple[Any, ...]:
    """A row read with `SELECT *`, its moments as ISO text (by column name)."""
    return tuple(shown_time(value) if name in TIME_COLUMNS else value for name, value in zip(names, row, strict=True))


def _parsed(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _millis(moment: datetime) -> int:
    return (moment - _EPOCH) // _MILLISECOND
