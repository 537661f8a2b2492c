"""Child process for the backup crash test: it backs up and SIGKILLs itself at a named step."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.accounts import service
from app.paths import DataPaths
from app.storage import backup
from app.storage.vault import Vault


def back_up_and_die_at(data_dir: str, target: str, step: str, account: str, password: str) -> None:
    session = service.sign_in(Vault(DataPaths(Path(data_dir))), account, password)

    def die_at(name: str) -> None:
        if name == step:
            os.kill(os.getpid(), 9)

    backup.write_backup(session.store, session.vault.paths.key_file, Path(target), on_step=die_at)
    print("finished without dying", flush=True)


if __name__ == "__main__":
    back_up_and_die_at(*sys.argv[1:])
