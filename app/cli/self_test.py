"""`repair-counter --self-test`: does this installation work, end to end, with no person and no display?

Run after an install (the .deb's check, `.ci/run` on the frozen app) and by a technician
who suspects a broken PC.  Each check uses the real part the counter uses:

- resources: the shipped reference data, consent texts, font, translation and handset profiles load;
- store: a temporary SQLCipher store is created, locked, opened again with the password and verified;
- slip: a ticket's slip is rendered to PDF with the bundled font embedded;
- text: Qt sorts Chinese names by pinyin (the ICU data the installer keeps) and draws Chinese in the
  bundled font;
- phone: the bundled adb server identifies a simulated handset over the adb wire protocol;
- sync: the counter enrols with the reference upstream on loopback, pushes and gets a signed receipt.

Everything lives in a temporary folder removed at the end; nothing touches the data
directory.  Exit 0 when every check passes, else SelfTestFailed's code, each failure named.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.accounts.session import Session
from app.errors import KnownError

#: The phone the check talks to: it has the Diagnostic Tool installed and authorises at once.
PHONE_PROFILE = "coloros-oneplus8-tool"
SELF_TEST_OUTLET = "ST01"
SELF_TEST_ADMIN, SELF_TEST_PASSWORD = "E9001", "self-test-pass-1"


class SelfTestFailed(KnownError):
    """One or more self-test checks failed; the output names them."""

    exit_code = 30
    next_step = (
        "Reinstall Repair Counter; if it still fails, send the lines above to support. "
        "请重新安装 Repair Counter；如仍失败，请把以上内容发给技术支持。"
    )


@dataclass
class SelfTestRun:
    """What the checks share: the temporary folder and, once the store check passed, a session."""

    folder: Path
    session: Session | None = None
    ticket_number: str = ""
    failed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    name: str
    label_zh: str
    run: Callable[[SelfTestRun], str]
    needs_store: bool = False


def run_self_test() -> int:
    """Run every check, print one line each, and return 0 or raise SelfTestFailed."""
    # Headless whatever the desktop: the check must pass over SSH and in CI alike.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="repair-counter-self-test-") as folder:
        state = SelfTestRun(Path(folder))
        try:
            for check in CHECKS:
                _run_check(check, state)
        finally:
            if state.session is not None:
                state.session.lock()
    passed = len(CHECKS) - len(state.failed)
    # The closing line in the form test runners use, so CI logs read it like any test run.
    print(f"self-test: {passed} passed, {len(state.failed)} failed", flush=True)
    print(f"自检：{passed} 项通过，{len(state.failed)} 项失败", flush=True)
    if state.failed:
        raise SelfTestFailed(f"self-test failed: {', '.join(state.failed)} / 自检失败：{', '.join(state.failed)}")
    return 0


def _run_check(check: Check, state: SelfTestRun) -> None:
    title = f"{check.name} / {check.label_zh}"
    if check.needs_store and state.session is None:
        state.failed.append(check.name)
        print(f"FAIL  {title}: not run, the store check failed / 未运行：数据库检查失败", flush=True)
        return
    started = time.perf_counter()
    try:
        detail = check.run(state)
    except Exception as exc:  # noqa: BLE001 - every failure is reported by name, none ends the run
        state.failed.append(check.name)
        print(f"FAIL  {title}: {_describe(exc)}", flush=True)
        return
    print(f"ok    {title}: {detail} ({time.perf_counter() - started:.1f} s)", flush=True)


def _describe(exc: BaseException) -> str:
    message = exc.message if isinstance(exc, KnownError) else str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class CheckFailed(Exception):
    """A check saw something wrong that raised nothing by itself."""


def expect(condition: bool, problem: str) -> None:
    if not condition:
        raise CheckFailed(problem)


# --- the checks ------------------------------------------------------------------------------


def check_resources(state: SelfTestRun) -> str:
    from app.core.reference_data import default_resources_dir, load_reference_data
    from app.device.demo_handsets import shipped_profile_dirs

    resources = default_resources_dir()
    reference = load_reference_data(resources)
    expect(bool(reference.consents), f"no consent texts under {resources}")
    expect((resources / "fonts" / "wqy-microhei.ttc").is_file(), f"the slip font is missing under {resources}")
    expect((resources / "translations" / "repair_counter_zh_CN.qm").is_file(), "the Chinese translation is missing")
    profiles = shipped_profile_dirs()
    expect(any(p.name == PHONE_PROFILE for p in profiles), f"handset profile {PHONE_PROFILE} is missing")
    return f"reference data, consent texts, font, translation, {len(profiles)} handset profiles in {resources}"


def check_store(state: SelfTestRun) -> str:
    from app.accounts import service
    from app.accounts.verification import store_report
    from app.paths import DataPaths
    from app.storage.sealing import Argon2Params
    from app.storage.vault import Vault
    from app.tickets.intake import open_ticket
    from app.tickets.synthetic import synthetic_tickets

    # A cheap Argon2id: this store lives for seconds and the real cost is benchmarked elsewhere.
    vault = Vault(DataPaths(state.folder / "data"), argon2=Argon2Params(time_cost=1, memory_kib=8192, parallelism=1))
    outlet = service.OutletInfo(SELF_TEST_OUTLET, "Self-test outlet", "CN", "nowhere")
    first = service.initialise_store(vault, outlet, SELF_TEST_ADMIN, "Self Test", SELF_TEST_PASSWORD)
    state.ticket_number = open_ticket(first.session, synthetic_tickets(1, seed=19)[0]).number
    first.session.lock()
    header = vault.paths.database.read_bytes()[:16]
    expect(not header.startswith(b"SQLite format 3"), "the database file is not encrypted")
    session = service.sign_in(vault, SELF_TEST_ADMIN, SELF_TEST_PASSWORD)
    state.session = session
    report = store_report(session)
    expect(report.ok, "the store does not verify: " + "; ".join(report.problems))
    return f"encrypted store created, reopened, {report.journal_entries} journal entries verify"


def check_slip(state: SelfTestRun) -> str:
    from app.slip import print_service
    from app.slip.render_fonts import SLIP_FONT_FAMILY

    assert state.session is not None
    out = state.folder / "slip.pdf"
    row = print_service.print_to_file(state.session, state.ticket_number, out)
    data = out.read_bytes()
    expect(data.startswith(b"%PDF-") and row.pages >= 1, "the slip is not a PDF")
    expect(SLIP_FONT_FAMILY.replace(" ", "").encode() in data, f"{SLIP_FONT_FAMILY} is not embedded in the slip")
    return f"A5 slip of {state.ticket_number}, {row.pages} page(s), {len(data) // 1024} KiB, font embedded"


#: Names in the order a Chinese reader expects them (pinyin: a, chen, li, ou, wang, zhang).
PINYIN_ORDER = ["阿明", "陈静", "李娜", "欧阳", "王芳", "张伟"]
CHINESE_SAMPLE = "维修单 张伟"


def check_text(state: SelfTestRun) -> str:
    from app.slip.render_fonts import SLIP_FONT_FAMILY
    from app.ui.chinese_text import drawn_in_bundled_font, sorted_by_pinyin

    shuffled = [PINYIN_ORDER[i] for i in (5, 2, 0, 4, 1, 3)]
    order = sorted_by_pinyin(shuffled)
    expect(order == PINYIN_ORDER, f"Chinese names sort as {' '.join(order)}, not by pinyin")
    family, ink = drawn_in_bundled_font(CHINESE_SAMPLE)
    expect(family == SLIP_FONT_FAMILY, f"Chinese was drawn in {family!r}, not the bundled {SLIP_FONT_FAMILY}")
    expect(ink > 100 * len(CHINESE_SAMPLE.replace(" ", "")), f"Chinese was drawn with only {ink} pixels of ink")
    return f"names sort by pinyin ({' '.join(order)}), {CHINESE_SAMPLE} drawn in {family} ({ink} pixels)"


def check_phone(state: SelfTestRun) -> str:
    from app.device.adb_server import AdbServer, bundled_adb_path, free_loopback_port
    from app.device.demo_handsets import SHIPPED_PROFILES, running_demo_handsets
    from app.device.session import DeviceSession
    from app.device.simulator import load_profile

    adb_path = bundled_adb_path()
    expect(adb_path is not None, "no adb program is bundled for this system")
    assert adb_path is not None
    profile_dir = SHIPPED_PROFILES / PHONE_PROFILE
    profile = load_profile(profile_dir)
    assert profile.diagtool is not None
    home = state.folder / "adb-home"  # its own keys and server: never the technician's adb
    home.mkdir()
    with AdbServer(port=free_loopback_port(), home=home, adb_path=adb_path) as adb:
        client = adb.client(socket_timeout=15)
        with running_demo_handsets([profile_dir], client) as phones:
            serial, _ = phones[0]
            identity = DeviceSession(client, serial).identify(profile.diagtool.package)
    expect(identity.build.serial == profile.device.serial, f"read serial {identity.build.serial!r}")
    expect(identity.build.model == profile.device.model, f"read model {identity.build.model!r}")
    expect(identity.tool is not None, "the Diagnostic Tool was not found on the phone")
    return f"{identity.build.brand} {identity.build.model} identified through {adb_path}"


def check_sync(state: SelfTestRun) -> str:
    from app.sync import service as sync
    from app.sync.verification import verify_store
    from app.upstream.enrolment import issue_enrol_code
    from app.upstream.loopback import LoopbackUpstream

    session = state.session
    assert session is not None
    with LoopbackUpstream(f"sqlite:///{state.folder / 'upstream.db'}") as upstream:
        sync.enroll(session, upstream.url, issue_enrol_code(upstream.store, SELF_TEST_OUTLET))
        report = sync.sync_once(session)
        records = [r for r in upstream.store.records(SELF_TEST_OUTLET) if r.entity == "ticket"]
    expect(not report.errors, "; ".join(report.errors))
    expect(report.pushed >= 1 and report.pending == 0, f"pushed {report.pushed}, {report.pending} left waiting")
    expect(len(records) == 1, f"the upstream holds {len(records)} tickets, not 1")
    expect(sync.latest_receipt(session) is not None, "no signed receipt came back")
    verified = verify_store(session)
    expect(verified.ok, "the store does not verify against the receipt: " + "; ".join(verified.problems))
    return f"enrolled with {upstream.url}, pushed {report.pushed}, pulled {report.pulled}, receipt verifies"


CHECKS = (
    Check("resources", "资源文件", check_resources),
    Check("store", "加密数据库", check_store),
    Check("slip", "维修单", check_slip, needs_store=True),
    Check("text", "中文文字", check_text),
    Check("phone", "手机连接", check_phone),
    Check("sync", "同步", check_sync, needs_store=True),
)
