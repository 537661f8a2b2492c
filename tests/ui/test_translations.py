"""Every string the GUI shows has a Simplified Chinese translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/translations/repair_counter_zh_CN.ts"
QM = ROOT / "resources/translations/repair_counter_zh_CN.qm"
TOOLS = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_every_gui_string_is_translated(tmp_path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "app/ui").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    untranslated = [
        key
        for key, translation in _messages(fresh).items()
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert untranslated == [], "run installer/translations.sh and translate these"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes()
