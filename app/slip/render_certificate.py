"""The certificate of erasure to PDF (issue 20), with the slip's renderer and bundled font."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.slip.certificate_layout import certificate_layout
from app.slip.content import Language
from app.slip.render_fonts import ensure_gui_application
from app.slip.render_pdf import write_pdf


def write_certificate_pdf(document: dict[str, Any], language: Language, out_path: Path) -> int:
    """Write the certificate as an A5 PDF in `language`; returns the number of pages."""
    _app = ensure_gui_application()  # held until the page is drawn
    return write_pdf(certificate_layout(document, language), out_path)
