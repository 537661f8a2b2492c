"""`repair-counter --self-test` in a real process: real store, PDF, adb server, handset and upstream."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[3]
CHECK_NAMES = ("resources", "store", "slip", "text", "phone", "sync")


def self_test(cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # Its own HOME and data directory: the self-test must write nothing outside its temporary folder.
    env = {**os.environ, "HOME": str(tmp_path / "home"), "REPAIR_COUNTER_DATA_DIR": str(tmp_path / "data")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must pick the headless platform by itself
    return subprocess.run(
        [sys.executable, "-m", "app", "--self-test"], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )


def check_lines(stdout: str) -> dict[str, str]:
    """{check name: 'ok' or 'FAIL'} from the self-test's report."""
    found = {}
    for line in stdout.splitlines():
        verdict, _, rest = line.partition("  ")
        name = rest.strip().split(" ", 1)[0]
        if verdict in ("ok", "FAIL") and name in CHECK_NAMES:
            found[name] = verdict
    return found


def test_every_check_passes_and_nothing_is_left_behind(tmp_path) -> None:
    (tmp_path / "home").mkdir()
    result = self_test(ROOT, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_lines(result.stdout) == dict.fromkeys(CHECK_NAMES, "ok")
    assert "through " in result.stdout and "adbutils" in result.stdout, "the phone is reached through bundled adb"
    assert "names sort by pinyin (阿明 陈静 李娜 欧阳 王芳 张伟)" in result.stdout
    assert result.stdout.splitlines()[-2] == "self-test: 6 passed, 0 failed"
    assert not (tmp_path / "data").exists(), "the self-test never touches the data directory"
    assert list((tmp_path / "home").iterdir()) == [], "nor the technician's home (adb keys live elsewhere)"


def test_a_missing_font_is_named_and_fails_the_run(tmp_path) -> None:
    """A copy of the app whose slip font was lost, as after a damaged install."""
    copy = tmp_path / "install"
    shutil.copytree(ROOT / "app", copy / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", copy / "resources")
    (copy / "resources" / "fonts" / "wqy-microhei.ttc").unlink()
    (tmp_path / "home").mkdir()

    result = self_test(copy, tmp_path)

    assert result.returncode == 30, result.stdout + result.stderr
    verdicts = check_lines(result.stdout)
    assert verdicts == {"resources": "FAIL", "store": "ok", "slip": "FAIL", "text": "FAIL", "phone": "ok", "sync": "ok"}
    assert "slip font is missing" in result.stdout and "SlipFontMissing" in result.stdout
    assert "self-test: 3 passed, 3 failed" in result.stdout.splitlines()
    assert "self-test failed: resources, slip, text" in result.stderr
    assert "next: Reinstall" in result.stderr
