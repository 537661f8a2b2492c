"""The bundled CJK font, and the Qt application that text rendering needs.

Chinese renders as empty boxes on a PC without a CJK font (docs/ARCHITECTURE.md
section 12), so the slip ships WenQuanYi Micro Hei in `resources/fonts/` and
registers it with Qt before drawing.  One family draws both languages, so a slip looks
the same on every counter PC.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

from app.errors import KnownError
from app.paths import RESOURCES

FONT_DIR = RESOURCES / "fonts"
BUNDLED_FONT_FILES = ("wqy-microhei.ttc",)
#: The family every slip is drawn in (the proportional face of wqy-microhei.ttc).
SLIP_FONT_FAMILY = "WenQuanYi Micro Hei"

#: Font files already added, with their Qt font id and families, so repeated renders stay cheap.
#: Checked against Qt on every call: a new QGuiApplication starts with no application fonts.
_registered: dict[str, tuple[int, list[str]]] = {}


class SlipFontMissing(KnownError):
    """The bundled slip font is missing or unreadable, so Chinese would print as boxes."""

    exit_code = 60
    next_step = "Reinstall Repair Counter; the file resources/fonts/wqy-microhei.ttc must be present."


def register_bundled_fonts(font_dir: Path = FONT_DIR) -> list[str]:
    """Add the bundled fonts to Qt's font database; returns their family names.

    Needs a running QGuiApplication.  Safe to call before every render.
    """
    if QCoreApplication.instance() is None:
        raise RuntimeError("register_bundled_fonts() needs a QGuiApplication")
    families: list[str] = []
    for name in BUNDLED_FONT_FILES:
        path = str(font_dir / name)
        known = _registered.get(path)
        if known is None or list(QFontDatabase.applicationFontFamilies(known[0])) != known[1]:
            known = _add_font_file(Path(path))
            _registered[path] = known
        families.extend(known[1])
    return families


def _add_font_file(path: Path) -> tuple[int, list[str]]:
    if not path.is_file():
        raise SlipFontMissing(f"Slip font not found: {path}")
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise SlipFontMissing(f"Slip font could not be loaded: {path}")
    return font_id, list(QFontDatabase.applicationFontFamilies(font_id))


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new headless one for the command line.

    The caller keeps the returned object alive while rendering.  With no display
    Qt aborts unless told to draw offscreen (docs/ARCHITECTURE.md section 12), so a command
    run on a server or over SSH picks `offscreen` by itself.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith(
        "linux"
    )
    if no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["repair-counter"])
