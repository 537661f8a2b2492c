"""One initialised store made through the command line, and a runner for `python -m app`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

MANAGER = "E1001"
PASSWORD = "manager-pass-1"


def run_cli(
    data_dir: Path, *args: str, user: str = MANAGER, password: str = PASSWORD, **env_extra: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REPAIR_COUNTER_PASSWORD": password,
        "REPAIR_COUNTER_USER": user,
        "REPAIR_COUNTER_DATA_DIR": str(data_dir),
        **env_extra,
    }
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=180)


def make_store(data_dir: Path, tickets: int = 5) -> Path:
    made = run_cli(data_dir, "init", "--outlet", "SZ01", "--name", "Futian", "--region", "CN", "--admin", MANAGER)
    assert made.returncode == 0, made.stderr
    if tickets:
        seeded = run_cli(data_dir, "seed", "--tickets", str(tickets))
        assert seeded.returncode == 0, seeded.stderr
    return data_dir


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def edit_key_file(data_dir: Path, **changes: Any) -> None:
    keys = json.loads((data_dir / "counter.keys").read_text())
    keys.update(changes)
    (data_dir / "counter.keys").write_text(json.dumps(keys))
