"""A long-lived signed-in process, as the GUI is: it signs in once and writes tickets on request.

stdin lines: `ticket` opens a ticket and prints its number once the commit returned;
`lock` locks the session and exits.  It prints `ready` once signed in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.accounts import service
from app.paths import DataPaths
from app.storage.vault import Vault
from app.tickets.intake import open_ticket
from tests.fixtures_store import sample_ticket


def main(data_dir: str, user: str, password: str) -> None:
    session = service.sign_in(Vault(DataPaths(Path(data_dir))), user, password)
    print("ready", flush=True)
    for n, line in enumerate(sys.stdin):
        if line.strip() == "lock":
            session.lock()
            print("locked", flush=True)
            return
        print(open_ticket(session, sample_ticket(n)).number, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
