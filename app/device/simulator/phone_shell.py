"""What the simulated phone's `/system/bin/sh` answers: profile captures first, then a few built-ins.

Order for each command of a `;`-separated line: injected faults, the profile's
`[shell]` entries (exact, then the longest matching `prefix*`), then built-in
commands (getprop, dumpsys package, pm, am, echo, cat, ls, rm, mkdir, true,
false), else `not found` with exit 127 like a real phone.  The on-phone
Diagnostic Tool of docs/ARCHITECTURE.md section 7 is played here too (`am
start-foreground-service ... --es session ID --es categories a,b`), and so is its
wipe action (`.WipeService`): it writes its result, waits for the counter to take
it, then "resets": the storage is emptied and the phone drops off the bus.
"""

from __future__ import annotations

import io
import json
import random
import re
import shlex
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from app.device.parsers import OutputParseError
from app.device.parsers.getprop_parser import parse_getprop
from app.device.simulator.filesystem import MemoryFileSystem
from app.device.simulator.profile import HandsetProfile

#: Inside an APK (a zip) the simulator reads this member to learn what is being installed.
SIMULATOR_MANIFEST = "simulator-manifest.json"
_SESSION_ID = re.compile(r"\A[A-Za-z0-9_\-]{1,64}\Z")
_CATEGORY = re.compile(r"\A[a-z][a-z0-9_]{0,39}\Z")
#: The wipe action's service class, and the first tool version that has it (the contract's 3.0.0).
WIPE_SERVICE = ".WipeService"
WIPE_SINCE_VERSION = 300
WIPE_METHOD = "factory reset: cryptographic erase of FBE keys"
WIPE_STANDARD = "NIST SP 800-88 Rev. 1 purge"
#: How long the tool waits for the counter to take its result before it resets anyway.
WIPE_GRACE_S = 60.0
_BASE_PACKAGES = (
    ("android", 35, "15"),
    ("com.android.shell", 35, "15"),
    ("com.android.settings", 35, "15"),
    ("com.android.systemui", 35, "15"),
)


@dataclass
class CommandResult:
    """One command's answer; `stdout` may be a lazy stream of chunks (oversized answers)."""

    stdout: Iterable[bytes] = ()
    stderr: bytes = b""
    exit_code: int = 0
    disconnect: bool = False


def _text(out: str = "", err: str = "", code: int = 0) -> CommandResult:
    return CommandResult([out.encode()] if out else [], err.encode(), code)


@dataclass
class InstalledPackage:
    version_code: int
    version_name: str


@dataclass
class PhoneState:
    """What changes while the phone runs: installed packages, started tool sessions."""

    packages: dict[str, InstalledPackage] = field(default_factory=dict)
    sessions: list[str] = field(default_factory=list)
    timers: list[threading.Timer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Set when the handset stops: the tool's background work ends with it.
    stopped: threading.Event = field(default_factory=threading.Event)
    #: What the phone does when it resets or the cable is pulled: leave the bus (set by the handset).
    drop_off_bus: Callable[[], None] | None = None
    #: True once a wipe reset the phone.
    wiped: bool = False


class PhoneShell:
    """Runs command lines against one profile, its file system and its state."""

    def __init__(self, profile: HandsetProfile, files: MemoryFileSystem, state: PhoneState) -> None:
        self.profile = profile
        self.files = files
        self.state = state
        self._props = self._properties()
        self._prefixes = sorted(
            ((k[:-1], v) for k, v in profile.shell.items() if k.endswith("*")), key=lambda kv: -len(kv[0])
        )
        self._builtins: dict[str, Callable[[list[str]], CommandResult]] = {
            "getprop": self._getprop,
            "dumpsys": self._dumpsys,
            "pm": self._pm,
            "cmd": self._cmd,
            "am": self._am,
            "echo": self._echo,
            "cat": self._cat,
            "ls": self._ls,
            "rm": self._rm,
            "mkdir": self._mkdir,
            "true": lambda a: _text(),
            "false": lambda a: _text(code=1),
        }

    # --- command lines ---------------------------------------------------------------------------

    def run_line(self, line: str) -> CommandResult:
        """Run `a; b; echo $?`: outputs in order, the last command's exit code, `$?` expanded."""
        outputs: list[Iterable[bytes]] = []
        errors: list[bytes] = []
        code = 0
        for command in _split_sequence(line):
            result = self.run_command(command.replace("$?", str(code)))
            if result.disconnect:
                return result
            outputs.append(result.stdout)
            errors.append(result.stderr)
            code = result.exit_code
        return CommandResult(_chain(outputs), b"".join(errors), code)

    def run_command(self, command: str) -> CommandResult:
        command = command.strip()
        faults = self.profile.faults
        if faults.delay_ms:
            time.sleep(faults.delay_ms / 1000)
        if _matches(command, faults.disconnect_on_command):
            return CommandResult(disconnect=True)
        if _matches(command, faults.garbage_on_command):
            return CommandResult([random.Random(command).randbytes(64 * 1024)])
        if _matches(command, faults.oversize_on_command):
            return CommandResult(_endless_log(faults.oversize_bytes))
        answer = self.profile.shell.get(command) or next(
            (a for prefix, a in self._prefixes if command.startswith(prefix)), None
        )
        if answer is not None:
            return CommandResult([answer.output], b"", answer.exit_code)
        return self._builtin(command)

    def _builtin(self, command: str) -> CommandResult:
        try:
            argv = shlex.split(command)
        except ValueError:
            return _text(err="/system/bin/sh: syntax error: unterminated quoted string\n", code=2)
        if not argv:
            return _text()
        handler = self._builtins.get(argv[0])
        if handler is None:
            return _text(err=f"/system/bin/sh: {argv[0]}: not found\n", code=127)
        return handler(argv[1:])

    # --- properties ------------------------------------------------------------------------------

    def _properties(self) -> dict[str, str]:
        props: dict[str, str] = {}
        capture = self.profile.shell.get("getprop")
        if capture is not None:
            try:
                props.update(parse_getprop(capture.output.decode("utf-8", "replace")).values)
            except OutputParseError:
                pass
        device = self.profile.device
        for key, value in (
            ("ro.serialno", device.serial),
            ("ro.boot.serialno", device.serial),
            ("ro.product.model", device.model),
            ("ro.product.brand", device.brand),
            ("ro.product.manufacturer", device.manufacturer),
            ("ro.product.name", device.product),
            ("ro.product.device", device.name),
            ("ro.build.version.release", device.android_release),
            ("ro.build.version.sdk", str(device.sdk) if device.sdk else ""),
            ("ro.crypto.state", device.crypto_state),
            ("ro.crypto.type", "file" if device.crypto_state == "encrypted" else ""),
        ):
            if value:
                props.setdefault(key, value)
        return props

    def _getprop(self, args: list[str]) -> CommandResult:
        if args:
            return _text(self._props.get(args[0], "") + "\n")
        return _text("".join(f"[{k}]: [{v}]\n" for k, v in sorted(self._props.items())))

    # --- packages --------------------------------------------------------------------------------

    def _dumpsys(self, args: list[str]) -> CommandResult:
        if len(args) >= 2 and args[0] == "package":
            return _text(self._package_dump(args[1]))
        if args == ["account"]:
            return _text(self._account_dump())
        return _text()

    def _account_dump(self) -> str:
        """`dumpsys account` as Android 13 prints it (made-up account names)."""
        count = 0 if self.state.wiped else self.profile.device.accounts
        accounts = "".join(f"    Account {{name=customer{n}@example.cn, type=com.google}}\n" for n in range(count))
        return f"User UserInfo{{0:Owner:c13}}:\n  Accounts: {count}\n{accounts}\n  Active Sessions: 0\n"

    def _package_dump(self, name: str) -> str:
        with self.state.lock:
            package = self.state.packages.get(name)
        if package is None:
            return "Dexopt state:\n  Unable to find package: " + name + "\n"
        return (
            "Packages:\n"
            f"  Package [{name}] (5f3a2b1):\n    userId=10245\n    pkg=Package{{8d1c0e2 {name}}}\n"
            f"    codePath=/data/app/~~Zk3Yb2hT1vQ8yq==/{name}-Qm1x9Lr4==\n"
            f"    versionCode={package.version_code} minSdk=26 targetSdk=34\n"
            f"    versionName={package.version_name}\n"
            "    flags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]\n"
        )

    def _cmd(self, args: list[str]) -> CommandResult:
        if args[:1] == ["package"]:
            return self._pm(args[1:])
        return _text(err=f"cmd: Can't find service: {args[0] if args else ''}\n", code=20)

    def _pm(self, args: list[str]) -> CommandResult:
        if args[:2] == ["list", "packages"]:
            return self._list_packages(args[2:])
        if args[:1] == ["install"]:
            return self._install(args[1:])
        if args[:1] == ["uninstall"] and len(args) == 2:
            with self.state.lock:
                removed = self.state.packages.pop(args[1], None)
            return _text("Success\n") if removed else _text("Failure [DELETE_FAILED_INTERNAL_ERROR]\n", code=1)
        return _text(err="Error: unknown command\n", code=1)

    def _all_packages(self) -> list[tuple[str, int]]:
        with self.state.lock:
            installed = [(name, p.version_code) for name, p in self.state.packages.items()]
        return [(name, code) for name, code, _ in _BASE_PACKAGES] + installed

    def _list_packages(self, args: list[str]) -> CommandResult:
        show_code = "--show-versioncode" in args
        name_filter = next((a for a in args if not a.startswith("-")), "")
        lines = [
            f"package:{name}" + (f" versionCode:{code}" if show_code else "")
            for name, code in self._all_packages()
            if name_filter in name
        ]
        return _text("".join(line + "\n" for line in lines))

    def _install(self, args: list[str]) -> CommandResult:
        paths = [a for a in args if not a.startswith("-")]
        if len(paths) != 1:
            return _text(err="Error: APK content must be streamed\n", code=1)
        data = self.files.read(paths[0])
        if data is None:
            return _text(err=f"Error: Unable to open file: {paths[0]}\n", code=1)
        manifest = _apk_manifest(data)
        if manifest is None:
            return _text("Failure [INSTALL_PARSE_FAILED_NOT_APK: Failed to parse APK]\n", code=1)
        name, code, version = manifest
        with self.state.lock:
            current = self.state.packages.get(name)
            if current is not None and current.version_code > code and "-d" not in args:
                return _text("Failure [INSTALL_FAILED_VERSION_DOWNGRADE]\n", code=1)
            if current is not None and "-r" not in args:
                return _text("Failure [INSTALL_FAILED_ALREADY_EXISTS]\n", code=1)
            self.state.packages[name] = InstalledPackage(code, version)
        return _text("Success\n")

    # --- activity manager and the Diagnostic Tool -------------------------------------------------

    def _am(self, args: list[str]) -> CommandResult:
        if not args:
            return _text(err="Error: no command\n", code=1)
        verb, options = args[0], _intent_options(args[1:])
        if verb == "force-stop":
            return _text()
        component = options.get("-n", "")
        if verb == "start":
            return self._start_activity(component)
        if verb in ("startservice", "start-service", "start-foreground-service"):
            return self._start_service(component, options)
        return _text(err=f"Error: Unknown command: {verb}\n", code=1)

    def _start_activity(self, component: str) -> CommandResult:
        package, _, cls = component.partition("/")
        with self.state.lock:
            installed = package in self.state.packages or package in {p for p, _, _ in _BASE_PACKAGES}
        started = f"Starting: Intent {{ cmp={component} }}\n"
        if installed and cls:
            return _text(started)
        full = package + cls if cls.startswith(".") else cls
        return _text(started, f"Error type 3\nError: Activity class {{{package}/{full}}} does not exist.\n")

    def _start_service(self, component: str, options: dict[str, str]) -> CommandResult:
        extras = " (has extras)" if any(k.startswith("--e") for k in options) else ""
        started = f"Starting service: Intent {{ cmp={component}{extras} }}\n"
        tool = self.profile.diagtool
        package, _, service = component.partition("/")
        with self.state.lock:
            installed = tool is not None and package == tool.package and package in self.state.packages
            version = self.state.packages[package].version_code if installed else 0
        if installed and tool is not None and service == WIPE_SERVICE and version >= WIPE_SINCE_VERSION:
            return self._start_wipe(package, options.get("--es session", ""), started)
        if not installed or tool is None or service != tool.service:
            return _text(started, "Error: Not found; no service started.\n")
        session = options.get("--es session", "")
        categories = [c for c in options.get("--es categories", "").split(",") if c]
        if not _SESSION_ID.match(session) or not categories or not all(_CATEGORY.match(c) for c in categories):
            return _text(started)  # the tool starts, finds no valid request, and writes nothing
        self._schedule_results(package, session, categories, tool.result_delay_ms)
        return _text(started)

    def _schedule_results(self, package: str, session: str, categories: list[str], delay_ms: int) -> None:
        folder = f"/sdcard/Android/data/{package}/files/sessions/{session}"
        timer = threading.Timer(delay_ms / 1000, self._write_results, (folder, categories))
        timer.daemon = True
        with self.state.lock:
            self.state.sessions.append(session)
            self.state.timers.append(timer)
        timer.start()

    def _write_results(self, folder: str, categories: list[str]) -> None:
        tool = self.profile.diagtool
        assert tool is not None
        for category in categories:
            result = tool.results.get(category)
            if result is None:
                result = json.dumps({"category": category, "available": False}).encode()
            self.files.write(f"{folder}/{category}.json", result)
        self.files.write(f"{folder}/done", json.dumps({"categories": categories}).encode())

    # --- the wipe action -------------------------------------------------------------------------

    def _start_wipe(self, package: str, session: str, started: str) -> CommandResult:
        if not _SESSION_ID.match(session):
            return _text(started)  # no valid request: the tool writes nothing and nothing is erased
        folder = f"/sdcard/Android/data/{package}/files/wipe/{session}"
        tool = self.profile.diagtool
        assert tool is not None
        timer = threading.Timer(tool.result_delay_ms / 1000, self._run_wipe, (folder,))
        timer.daemon = True
        with self.state.lock:
            self.state.timers.append(timer)
        timer.start()
        return _text(started)

    def _run_wipe(self, folder: str) -> None:
        tool = self.profile.diagtool
        assert tool is not None
        if tool.wipe == "unplug":
            self._leave_bus()  # the cable is pulled before the tool wrote anything
            return
        self.files.write(f"{folder}/result.json", json.dumps(self._wipe_result(tool.wipe)).encode())
        if tool.wipe != "success":
            return  # a failed wipe leaves the phone as it was, still on the cable
        deadline = time.monotonic() + WIPE_GRACE_S
        while self.files.get(folder) is not None and time.monotonic() < deadline:
            if self.state.stopped.wait(0.02):
                return
        with self.state.lock:
            self.state.wiped = True
            self.state.packages.clear()
        self.files.clear()
        self._leave_bus()

    def _wipe_result(self, outcome: str) -> dict[str, object]:
        device = self.profile.device
        result: dict[str, object] = {
            "status": outcome,
            "method": WIPE_METHOD,
            "standard": WIPE_STANDARD,
            "android_version": device.android_release,
            "encryption_state": device.crypto_state,
            "encryption_type": "file" if device.crypto_state == "encrypted" else "none",
            "storage_bytes": device.storage_bytes,
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        if outcome != "success":
            result["reason"] = "the factory reset was refused by a device administrator policy"
        return result

    def _leave_bus(self) -> None:
        if self.state.drop_off_bus is not None:
            self.state.drop_off_bus()

    # --- files -----------------------------------------------------------------------------------

    def _echo(self, args: list[str]) -> CommandResult:
        return _text(" ".join(args) + "\n")

    def _cat(self, args: list[str]) -> CommandResult:
        out: list[bytes] = []
        err: list[str] = []
        for path in args:
            data = self.files.read(path)
            if data is None:
                err.append(f"cat: {path}: No such file or directory\n")
            else:
                out.append(data)
        return CommandResult(out, "".join(err).encode(), 1 if err else 0)

    def _ls(self, args: list[str]) -> CommandResult:
        paths = [a for a in args if not a.startswith("-")] or ["/"]
        out: list[str] = []
        err: list[str] = []
        for path in paths:
            listing = self.files.list_dir(path)
            if listing is None and self.files.get(path) is not None:
                out.append(path + "\n")
            elif listing is None:
                err.append(f"ls: {path}: No such file or directory\n")
            else:
                out.extend(name + "\n" for name, _ in listing)
        return _text("".join(out), "".join(err), 1 if err else 0)

    def _rm(self, args: list[str]) -> CommandResult:
        flags = "".join(a[1:] for a in args if a.startswith("-"))
        failed = [
            f"rm: {p}: No such file or directory\n"
            for p in args
            if not p.startswith("-") and not self.files.remove(p, recursive="r" in flags) and "f" not in flags
        ]
        return _text(err="".join(failed), code=1 if failed else 0)

    def _mkdir(self, args: list[str]) -> CommandResult:
        for path in (a for a in args if not a.startswith("-")):
            self.files.mkdir(path)
        return _text()


def _split_sequence(line: str) -> list[str]:
    """`a; b` into commands, respecting quotes."""
    commands: list[str] = []
    current: list[str] = []
    quote = ""
    for char in line:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == ";":
            commands.append("".join(current))
            current = []
            continue
        current.append(char)
    commands.append("".join(current))
    return [c for c in commands if c.strip()]


def _matches(command: str, prefixes: tuple[str, ...]) -> bool:
    return any(command.startswith(prefix) for prefix in prefixes)


def _chain(outputs: list[Iterable[bytes]]) -> Iterator[bytes]:
    for output in outputs:
        yield from output


def _endless_log(total: int) -> Iterator[bytes]:
    """An oversized answer, produced lazily so the simulator never holds it whole either."""
    line = b"03-17 16:13:38.811  1702  2395 D Flood: the same line again and again to fill the pipe\n"
    block = line * (64 * 1024 // len(line))
    sent = 0
    while sent < total:
        yield block
        sent += len(block)


def _intent_options(args: list[str]) -> dict[str, str]:
    """`-n comp`, `--es key value`, `--ei key value`... as a flat mapping (`--es key` -> value)."""
    options: dict[str, str] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("--es", "--ei", "--ez", "--el", "--esa") and index + 2 < len(args):
            options[f"{arg} {args[index + 1]}"] = args[index + 2]
            index += 3
        elif arg.startswith("-") and index + 1 < len(args) and arg in ("-n", "-a", "-d", "-t", "--user"):
            options[arg] = args[index + 1]
            index += 2
        else:
            index += 1
    return options


def _apk_manifest(data: bytes) -> tuple[str, int, str] | None:
    """(package, version code, version name) from an APK's simulator manifest, or None if not an APK."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = json.loads(archive.read(SIMULATOR_MANIFEST)[:4096])
        return str(info["package"]), int(info["version_code"]), str(info["version_name"])
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        return None


def build_simulator_apk(package: str, version_code: int, version_name: str) -> bytes:
    """A zip the simulated `pm install` accepts as an APK of `package` (for tests and demo mode)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            SIMULATOR_MANIFEST,
            json.dumps({"package": package, "version_code": version_code, "version_name": version_name}),
        )
        archive.writestr("classes.dex", b"dex\n035\x00" + bytes(64))
    return buffer.getvalue()
