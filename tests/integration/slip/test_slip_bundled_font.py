"""Chinese renders on a bare machine: with every system font hidden, the bundled font draws the slip.

Fontconfig is pointed at an empty configuration in a child process, so Qt sees
no installed font at all (as on a fresh Windows PC without CJK fonts).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    app = QGuiApplication([])
    before = [f for f in QFontDatabase.families() if "WenQuanYi" in f]
    from app.slip.demo_slip import DEMO_VERIFICATION_KEY, demo_content
    from app.slip.layout import build_layout
    from app.slip.render_pdf import write_pdf
    write_pdf(build_layout(demo_content("zh_CN"), DEMO_VERIFICATION_KEY), Path(sys.argv[1]))
    print("system-wqy=%d" % len(before))
""")


def test_chinese_slip_renders_with_only_the_bundled_font(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    out = tmp_path / "bare.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(out)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "system-wqy=0" in result.stdout  # the machine really had no CJK font of its own
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert any("WenQuanYi" in line and " yes " in line for line in fonts.splitlines())
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "维修服务单" in text and "我们收集了什么数据及原因" in text
