"""ICU's data cut for the bundle (installer/linux/trim_icu.py), built with the real icupkg and compiler
from the wheel's library, then loaded by Qt in a real process in place of the wheel's."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[3]
WHEEL_ICU = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
pytestmark = pytest.mark.skipif(
    not WHEEL_ICU or not all(shutil.which(tool) for tool in ("icupkg", "cc", "nm", "readelf")),
    reason="Linux wheel of PySide6 with icupkg (icu-devtools), cc and binutils installed, as installer/build has",
)
SORT_AND_NAME = """
from functools import cmp_to_key
from PySide6.QtCore import QCollator, QLocale, QTimeZone
words = ["张伟", "Zoe", "阿明", "欧阳", "adam", "李娜"]
collator = QCollator(QLocale("zh_CN"))
print(" ".join(sorted(words, key=cmp_to_key(collator.compare))))
zone = QTimeZone(b"Asia/Shanghai")
print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("zh_CN")))
"""


def _trim_module():
    spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "installer" / "linux" / "trim_icu.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _qt_says(library_dir: Path | None) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if library_dir is not None:  # searched before the wheel's own folder (its RUNPATH)
        env["LD_LIBRARY_PATH"] = str(library_dir)
    return subprocess.run(
        [sys.executable, "-c", SORT_AND_NAME], env=env, capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_cut_data_sorts_and_names_chinese_as_the_full_data_does(tmp_path) -> None:
    trimmed = _trim_module().trim(WHEEL_ICU[-1], tmp_path / "icu")
    assert trimmed.name == WHEEL_ICU[-1].name
    assert trimmed.stat().st_size < WHEEL_ICU[-1].stat().st_size / 3
    full = _qt_says(None)
    assert full.splitlines()[0] == "阿明 李娜 欧阳 张伟 adam Zoe"
    assert _qt_says(trimmed.parent) == full


def test_other_languages_go_and_what_belongs_to_none_stays() -> None:
    keep = _trim_module().keep
    assert all(keep(i) for i in ("zh.res", "coll/zh.res", "zh_Hant_HK.res", "en_GB.res", "root.res", "rbnf/yue.res"))
    assert not any(
        keep(i) for i in ("coll/de.res", "lang/fr_CA.res", "coll/es_.res", "translit/root.res", "ibm-37.cnv")
    )
    assert all(keep(i) for i in ("pool.res", "coll/ucadata.icu", "brkitr/cjdict.dict", "supplementalData.res"))
    assert keep("gb18030.cnv") and keep("uts46.nrm") and keep("zoneinfo64.res")
