"""Child processes for the crash tests: they write, and the parent kills them with SIGKILL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.accounts import service
from app.accounts.session import Session
from app.core.roles import Role
from app.paths import DataPaths
from app.storage.vault import Vault
from app.tickets.intake import open_ticket
from tests.fixtures_store import FAST_KDF, sample_ticket


def write_until_killed(data_dir: str, key_hex: str) -> None:
    """Write tickets in a tight loop; print each number only after its commit returned."""
    vault = Vault(DataPaths(Path(data_dir)), argon2=FAST_KDF)
    store = vault.open_with_raw_key(bytes.fromhex(key_hex))
    session = Session(vault, store, "E1001", "Writer", Role.MANAGER)
    n = 0
    while True:
        ticket = open_ticket(session, sample_ticket(n))
        sys.stdout.write(ticket.number + "\n")
        sys.stdout.flush()
        n += 1


def remove_account_and_die_at(data_dir: str, step: str, account: str, password: str, victim: str) -> None:
    """Remove `victim`, SIGKILLing this process right after rotation step `step`."""
    vault = Vault(DataPaths(Path(data_dir)), argon2=FAST_KDF)

    def die_at(name: str) -> None:
        if name == step:
            os.kill(os.getpid(), 9)

    vault.on_step = die_at
    session = service.sign_in(vault, account, password)
    service.remove_account(session, victim)
    print("finished without dying", flush=True)


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"write": write_until_killed, "rotate": remove_account_and_die_at}[command](*rest)
