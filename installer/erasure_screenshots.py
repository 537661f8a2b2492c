"""Render the data forgetting screenshots (issue 20): the wipe consent and the certificate view, en and zh_CN.

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python installer/erasure_screenshots.py

The certificate shown is a sample signed with a throwaway key (the view checks its signature like any other).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.reference_data import default_resources_dir, load_reference_data  # noqa: E402
from app.erasure import certificate as cert  # noqa: E402
from app.slip.render_certificate import write_certificate_pdf  # noqa: E402
from app.ui.application import use_bundled_fonts  # noqa: E402
from app.ui.dialogs.data_forgetting import CertificateDialog, WipeConsentDialog  # noqa: E402
from app.ui.language import LanguageSwitcher  # noqa: E402
from installer.screenshots import OUT, shoot  # noqa: E402


def sample_certificate() -> dict[str, object]:
    key = cert.signing_key_from_seed(b"screenshot sample, not an outlet's key")
    body = {
        "id": "3f0c2a9e-8b1d-4c55-9a61-0f2d7e4b9c11", "ticket": "SZ01-20261202-0007", "outlet": "SZ01",
        "imei_masked": "*********234565", "model": "IN2010",
        "method": "factory reset: cryptographic erase of FBE keys", "standard": "NIST SP 800-88 Rev. 1 purge",
        "outcome": "success",
        "tool_result": {"android_version": "13", "encryption_state": "encrypted", "encryption_type": "file",
                        "storage_bytes": 137438953472, "time": "2026-12-02T09:30:12Z", "tool_version": 312},
        "checks_before": [{"check": "imei_matches_ticket", "result": "match"},
                          {"check": "encryption", "result": "encrypted"}, {"check": "accounts", "result": 1}],
        "checks_after": [{"check": "left_usb", "result": "absent", "at": "2026-12-02T09:30:14Z"}],
        "technician": "E1001", "consent": {}, "issued_at": "2026-12-02T09:30:14Z",
    }  # fmt: skip
    return cert.document(body, cert.sign_body(key, body), None)


def main() -> None:
    app = QApplication(sys.argv[:1])
    use_bundled_fonts()
    OUT.mkdir(parents=True, exist_ok=True)
    library = load_reference_data(default_resources_dir()).consents
    languages = LanguageSwitcher()
    for language in ("en", "zh_CN"):
        languages.apply(language)
        consent = WipeConsentDialog(library, "SZ01-20261202-0007", "Zhao Lei", language=language)
        consent.pad.draw_stroke([(40 + 14 * i, 60 + ((i * 7) % 5) * 9) for i in range(24)])
        consent.show()
        shoot(app, consent, f"data-forgetting-consent-{language}")
        consent.close()
        view = CertificateDialog(sample_certificate())
        view.show()
        shoot(app, view, f"data-forgetting-certificate-{language}")
        view.close()
        certificate_picture(language)
    languages.apply("en")


def certificate_picture(language: str) -> None:
    """The printed certificate (A5 PDF) as the PNG people look at, through poppler like the tests."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "certificate.pdf"
        write_certificate_pdf(sample_certificate(), language, pdf)  # type: ignore[arg-type]
        target = ROOT / "docs" / "slips" / f"certificate-of-erasure-{language}"
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf), str(target)], check=True)
        print("wrote", target.with_suffix(".png"))


if __name__ == "__main__":
    main()
