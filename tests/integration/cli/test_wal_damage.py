"""Issue 21 item 5: acknowledged commits dropped with a damaged WAL are reported, and the WAL kept.

Three tickets are committed by a signed-in process that is then killed before any
checkpoint; 4 bytes of its write-ahead log are flipped; the command line must not
carry on as if nothing happened.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.integration.cli.store_cli import make_store, run_cli
from tests.integration.cli.test_one_writer import HeldSession

JOURNAL_BROKEN = 25


def _three_commits_then_kill(data: Path) -> list[str]:
    held = HeldSession(data)
    numbers = [held.say("ticket") for _ in range(3)]
    held.proc.send_signal(signal.SIGKILL)
    held.proc.communicate(timeout=30)
    return numbers


def test_a_damaged_wal_is_reported_and_kept(tmp_path: Path) -> None:
    data = make_store(tmp_path / "data", tickets=0)
    _three_commits_then_kill(data)
    wal = data / "counter.db-wal"
    assert wal.stat().st_size > 3 * 4096, "the commits must still be in the WAL"
    with open(wal, "r+b") as handle:  # inside the first frame's page
        handle.seek(32 + 24 + 1000)
        original = handle.read(4)
        handle.seek(32 + 24 + 1000)
        handle.write(bytes(b ^ 0xFF for b in original))

    listing = run_cli(data, "ticket", "list")
    assert listing.returncode == JOURNAL_BROKEN, listing.stdout + listing.stderr
    assert "write-ahead log was damaged" in listing.stderr
    kept = sorted(data.glob("counter.db-wal.damaged-*"))
    assert len(kept) == 1 and kept[0].stat().st_size > 3 * 4096

    verify = run_cli(data, "verify", "--json")
    assert verify.returncode == JOURNAL_BROKEN
    assert any("lost at least" in p for p in json.loads(verify.stdout)["problems"])
    assert sorted(data.glob("counter.db-wal.damaged-*")) == kept, "kept once, never deleted"


def test_a_crash_with_a_whole_wal_loses_nothing(tmp_path: Path) -> None:
    data = make_store(tmp_path / "data", tickets=0)
    numbers = _three_commits_then_kill(data)
    for number in numbers:
        assert run_cli(data, "ticket", "show", number).returncode == 0
    assert run_cli(data, "verify").returncode == 0
    assert not list(data.glob("counter.db-wal.damaged-*"))
