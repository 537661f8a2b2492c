"""`repair-counter wipe` and `repair-counter wipe-certificate show|verify`: data forgetting headless (issue 20).

`wipe` records the customer's decision as given verbally to the signed-in
technician (`--consent-signed-by NAME`, or `--refused`), then runs the wipe on
the phone (`--device SERIAL`) and writes the certificate (`--out FILE`, else
standard output).  Exit 0 with a certificate or a recorded refusal; 110-116 when
the wipe ended without a certificate (the `code:` line says why).
`wipe-certificate verify FILE` needs no store and no network: exit 0 when the
certificate verifies, 117 with the reason otherwise; `wipe-certificate key` prints the
outlet's public key for verifiers to pin with `--outlet-key`.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import sys
from pathlib import Path

from app.cli.diagnostics_commands import _check_device, adb_client, adb_port
from app.cli.store_commands import _common, in_session, open_session
from app.device.session import DeviceSession
from app.erasure import certificate as cert
from app.erasure import records
from app.erasure.consent import WipeDecision, record_wipe_decision
from app.erasure.wipe import WipeFlow
from app.errors import UsageError
from app.storage.atomic_file import write_atomically
from app.tickets.moves import load
from app.tickets.reference_in_force import reference_in_force


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    wipe = subparsers.add_parser(
        "wipe",
        help="data forgetting: wipe the ticket's phone with the customer's consent and issue a certificate",
        description="Record the customer's decision on data forgetting, then (if agreed) wipe the phone through "
        "the on-phone tool and write a signed certificate of erasure. Exit 0 with a certificate or a recorded "
        "refusal, 110-116 when no certificate was issued (the code: line says why).",
    )
    _common(wipe)
    wipe.add_argument("--ticket", required=True, metavar="NO")
    wipe.add_argument("--consent-signed-by", required=True, metavar="NAME", help="the customer who decided")
    wipe.add_argument("--refused", action="store_true", help="the customer refused: record it (printed on the slip)")
    wipe.add_argument("--device", metavar="SERIAL", help="adb serial of the phone (needed unless --refused)")
    update = wipe.add_mutually_exclusive_group()
    update.add_argument("--accept-update", action="store_true", help="the customer agrees to update the tool first")
    update.add_argument("--refuse-update", action="store_true", help="the customer refuses the tool update")
    wipe.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN", help="language of the consent text")
    wipe.add_argument("--out", type=Path, metavar="FILE", help="write the certificate here (default: print it)")
    wipe.add_argument("--result-timeout", type=float, default=60.0, metavar="SECONDS")
    wipe.set_defaults(func=run_wipe)

    certificate = subparsers.add_parser("wipe-certificate", help="certificates of erasure: show, verify, key")
    actions = certificate.add_subparsers(dest="certificate_action", required=True)
    show = actions.add_parser("show", help="print (or save) the certificates kept with a ticket")
    _common(show)
    show.add_argument("--ticket", required=True, metavar="NO")
    show.add_argument("--out", type=Path, metavar="FILE", help="save the newest certificate to FILE")
    show.add_argument("--pdf", type=Path, metavar="FILE", help="render the newest certificate to a PDF (A5)")
    show.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN", help="language of the PDF")
    show.set_defaults(func=run_show)
    key = actions.add_parser("key", help="this outlet's public signing key, for verifiers to pin (--outlet-key)")
    _common(key)
    key.set_defaults(func=run_key)
    verify = actions.add_parser("verify", help="check a certificate file offline: exit 0, or 117 with the reason")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--upstream-key", metavar="BASE64", help="the upstream's public key to trust")
    verify.add_argument("--outlet-key", metavar="BASE64", help="the issuing outlet's public key to trust")
    verify.set_defaults(func=run_verify)


def run_wipe(args: argparse.Namespace) -> int:
    if not args.refused and not args.device:
        raise UsageError("Give --device SERIAL of the phone to wipe (or --refused to record a refusal).")
    decision = WipeDecision(args.ticket, args.consent_signed_by, not args.refused, args.language, "verbal")
    session = open_session(args)
    try:
        load(session, args.ticket)  # an unknown ticket is refused before anything is recorded
        reference = reference_in_force(session.store).data
        if args.refused:
            job = record_wipe_decision(session, reference.consents, decision)
            print(f"wipe job {job.id}: the customer refused data forgetting; recorded for ticket {args.ticket}")
            return 0
        with adb_client(adb_port()) as client:
            _check_device(client, args.device)
            job = record_wipe_decision(session, reference.consents, decision)
            flow = WipeFlow(session, reference, result_timeout=args.result_timeout)
            outcome = flow.run(DeviceSession(client, args.device, timeout=15), job.id, decision, args.accept_update)
    finally:
        session.lock()
    _write(records.file_bytes(outcome.document), args.out)
    print(f"certificate {outcome.certificate_id} issued for ticket {args.ticket}", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    def show(session) -> int:  # type: ignore[no-untyped-def]
        documents = records.ticket_certificates(session, args.ticket)
        if not documents:
            print(f"ticket {args.ticket}: no certificate of erasure")
            return 0
        if args.pdf:
            from app.slip.render_certificate import write_certificate_pdf  # Qt only when a PDF is wanted

            write_certificate_pdf(documents[-1], args.language, args.pdf)
        if args.out:
            _write(records.file_bytes(documents[-1]), args.out)
        elif not args.pdf:
            for document in documents:
                sys.stdout.write(records.file_bytes(document).decode("utf-8"))
        return 0

    return in_session(args, show)


def run_key(args: argparse.Namespace) -> int:
    def show(session) -> int:  # type: ignore[no-untyped-def]
        key_id, public = records.outlet_public_key(session)
        print(f"outlet key id: {key_id[:16]}")
        print(f"public key (base64): {base64.b64encode(public).decode('ascii')}")
        print("verifiers pass it as: repair-counter wipe-certificate verify FILE --outlet-key BASE64")
        return 0

    return in_session(args, show)


def run_verify(args: argparse.Namespace) -> int:
    try:
        data = args.file.open("rb").read(cert.MAX_CERTIFICATE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"Cannot read {args.file}: {exc.strerror}.") from exc
    checked = cert.verify_document(data, outlet_key=_key(args.outlet_key), upstream_key=_key(args.upstream_key))
    print(f"certificate {checked.certificate_id} for ticket {checked.ticket}: valid")
    pinned = "the key given" if args.outlet_key else "the key in the file: pass --outlet-key to prove which outlet"
    print(f"outlet key: {checked.outlet_key_id[:16]} ({pinned})")
    print(f"countersignature: {checked.countersignature}")
    return 0


def _key(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise UsageError("A public key is given as base64 of its 32 bytes.") from exc
    if len(key) != 32:
        raise UsageError("A public key is given as base64 of its 32 bytes.")
    return key


def _write(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise UsageError(f"Cannot write {out}: {exc.strerror}.") from exc
