"""Log captures: redacted before they are stored, compressed, gone after 30 days, searchable.

The phone's `logcat -d` text is untrusted and full of personal data.  It is cut
to a line bound, passed through `app.core.redaction.redact_text` (Wi-Fi names
kept only when the customer consented to `ssid`, access points only for
`bssid`) and through `redact_names` with the customer's name, and only then
stored (zlib-compressed, inside the encrypted database).  The expiry comes from
the retention rule `diagnostic_logs` (30 days from capture by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.accounts.session import Session
from app.clock import iso
from app.core.redaction import redact_log
from app.core.retention import DEFAULT_POLICY, RetentionPolicy, expires_at
from app.core.roles import Permission
from app.storage import diagnostics_repository as repo

#: Most log lines kept from one capture.
MAX_LOG_LINES = 100_000
#: Longest line kept (a runaway line is cut, not stored whole).
MAX_LINE_CHARS = 4_096
#: Most lines a search returns to the viewer.
MAX_SEARCH_HITS = 2_000


@dataclass(frozen=True)
class RedactedLog:
    text: str
    line_count: int


def redact_capture(
    raw: str, *, keep_ssid: bool, keep_bssid: bool, customer_names: tuple[str, ...] = (), max_lines: int = MAX_LOG_LINES
) -> RedactedLog:
    """Bound, then redact; the result is the only form of the log that is ever stored.

    The whole capture goes through `redact_log` (`redact_text`, then `redact_names`) at once: its
    prefilter picks out the few lines that can hold personal data, so the digits of every
    threadtime header cost nothing.
    """
    text, line_count = _bounded(raw, max_lines)
    return RedactedLog(redact_log(text, customer_names, keep_ssid=keep_ssid, keep_bssid=keep_bssid), line_count)


#: What `str.splitlines` ends a line at besides "\n" (a capture normally holds none of them).
_OTHER_LINE_ENDS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _bounded(raw: str, max_lines: int) -> tuple[str, int]:
    """The capture's first `max_lines` lines, each cut to MAX_LINE_CHARS, joined by "\n", and their count.

    A capture within both bounds whose lines all end in "\n" (or "\r\n", as adb's terminal writes
    them) is already that text but for its last line end: it is returned without being split into
    100,000 strings and joined again.  Anything else takes the line-by-line way."""
    text = raw.replace("\r\n", "\n") if "\r" in raw else raw  # "\r" alone: one memchr, not a substring search
    line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    plain = line_count <= max_lines and not any(end in text for end in _OTHER_LINE_ENDS)
    if plain and not _has_long_line(text):
        return (text[:-1] if text.endswith("\n") else text), line_count
    lines = raw.splitlines()[:max_lines]
    if lines and max(map(len, lines)) > MAX_LINE_CHARS:  # measured in C; the cut is needed rarely
        lines = [line[:MAX_LINE_CHARS] for line in lines]
    return "\n".join(lines), len(lines)


def _has_long_line(text: str) -> bool:
    """Whether a "\n"-separated line is longer than MAX_LINE_CHARS, looked for a window at a time:
    each step jumps to the last line end within MAX_LINE_CHARS + 1 characters (a C search), so a
    5 MB capture takes about a thousand steps, not one per line."""
    start = 0
    while len(text) - start > MAX_LINE_CHARS:
        last_end = text.rfind("\n", start, start + MAX_LINE_CHARS + 1)
        if last_end < 0:
            return True
        start = last_end + 1
    return False


def log_expiry(captured: datetime, policy: RetentionPolicy = DEFAULT_POLICY) -> datetime:
    return expires_at(policy.rule("diagnostic_logs"), captured=captured)


def search_lines(text: str, query: str, limit: int = MAX_SEARCH_HITS) -> list[tuple[int, str]]:
    """(line number from 1, line) of every line containing `query`, case-insensitively; all lines if empty."""
    needle = query.strip().casefold()
    hits: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not needle or needle in line.casefold():
            hits.append((number, line))
            if len(hits) >= limit:
                break
    return hits


def read_log(session: Session, log_id: str) -> str | None:
    """The stored (redacted) text of one capture, or None when it is gone (expired or withdrawn)."""
    session.require(Permission.RUN_DIAGNOSTICS)
    return repo.log_text(session.store, log_id)


def purge_expired_logs(session: Session, now: datetime | None = None) -> int:
    """Delete every capture past its expiry, journaled; returns how many went."""
    moment = now or session.store.clock()
    expired = repo.expired_log_ids(session.store, iso(moment))
    if not expired:
        return 0
    with session.store.transaction(session.actor) as work:
        removed = repo.delete_logs(work, expired)
        work.record("diag_log", "expired", "delete", {"ids": expired, "count": removed})
    return removed
