"""The consent gate: the one component between the diagnostics flow and the phone.

Every call that reads data from a phone goes through a `ConsentGate` method,
and each method declares the data categories it reads (`@collects(...)`).
Before anything is sent to the phone the gate checks, in this order, that the
run was not cancelled, that the consent is still active (it is re-read, so a
withdrawal stops the next call), and that every declared category is in the
consent.  A refusal is journaled (through `on_refusal`) and raised as
`CategoryNotConsented`; nothing reaches the phone.

Calls that read no personal data (the tool's version, installing it after the
separate update consent, waiting for its `done` marker, clean-up) still need
an active consent, except clean-up, which must always be allowed to remove
what the tool left on the phone.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.core.identifiers import Imei
from app.core.privacy_catalogue import check_categories
from app.device import commands
from app.device.parsers.battery_parser import BatteryState
from app.device.parsers.getprop_parser import BuildInfo, build_info
from app.device.parsers.package_parser import PackageRecord
from app.device.session import RESULT_FILE_LIMIT, DeviceSession
from app.diagnostics.errors import CategoryNotConsented, ConsentNotActive, DiagnosticsCancelled

F = TypeVar("F", bound=Callable[..., Any])
#: Bound on a logcat dump pulled for the `logs` function.
LOGCAT_LIMIT = 16 * 1024 * 1024
#: The properties the `software` function reads one by one (never the whole getprop, which holds identifiers).
SOFTWARE_PROPERTIES = ("ro.build.fingerprint", "ro.build.version.security_patch", "ro.build.version.release")


class CancelToken:
    """Set by the technician (GUI button, Ctrl+C); checked before every phone call and while waiting."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise DiagnosticsCancelled("The diagnostics were cancelled.")

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`, returning early (and raising) when cancelled."""
        if self._event.wait(seconds):
            self.raise_if_cancelled()


def collects(*categories: str) -> Callable[[F], F]:
    """Declare the data categories a gate method reads; the gate checks them before the call runs."""
    checked = check_categories(categories)

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def guarded(self: ConsentGate, *args: Any, **kwargs: Any) -> Any:
            self._admit(method.__name__, checked)
            return method(self, *args, **kwargs)

        guarded.declared_categories = checked  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


@dataclass(frozen=True)
class ConsentScope:
    """What the gate enforces: the consented categories and a live check that the consent still holds."""

    consent_id: str
    categories: frozenset[str]
    is_active: Callable[[], bool]


RefusalSink = Callable[[str | None, str], None]


class ConsentGate:
    """A `DeviceSession` restricted to one consent.  Nothing else in the flow holds the session."""

    def __init__(
        self, device: DeviceSession, scope: ConsentScope, on_refusal: RefusalSink, cancel: CancelToken | None = None
    ) -> None:
        self._device = device
        self._scope = scope
        self._on_refusal = on_refusal
        self.cancel = cancel or CancelToken()
        self._update_allowed = False
        #: (package, session) once a tool session was asked for: clean-up must remove it.
        self.tool_started: tuple[str, str] | None = None

    @property
    def transport(self) -> str:
        return self._device.serial

    @property
    def consented(self) -> frozenset[str]:
        return self._scope.categories

    @classmethod
    def declared_calls(cls) -> dict[str, tuple[str, ...]]:
        """Every gate method that reads personal data, with the categories it declares."""
        return {
            name: value.declared_categories
            for name, value in vars(cls).items()
            if hasattr(value, "declared_categories")
        }

    # --- the checks ------------------------------------------------------------------------------

    def _admit(self, call: str, categories: Iterable[str]) -> None:
        self.cancel.raise_if_cancelled()
        if not self._scope.is_active():
            self._on_refusal(None, call)
            raise ConsentNotActive("The customer's consent is no longer active; processing stopped.")
        for category in categories:
            if category not in self._scope.categories:
                self._on_refusal(category, call)
                raise CategoryNotConsented(
                    f"The customer did not consent to {category!r}; {call} was not run.", category=category, call=call
                )

    def require(self, categories: Iterable[str], call: str) -> None:
        """The gate's check on its own, for a step that asks for data it already holds (cached or none)."""
        self._admit(call, tuple(categories))

    # --- identity ----------------------------------------------------------------------------------

    @collects("device_info")
    def build_info(self) -> BuildInfo:
        """Model, brand, serial, software versions (getprop)."""
        return build_info(self._device.properties())

    @collects("device_info")
    def imei_from_service_call(self, slot: int) -> Imei | None:
        return self._device.imei_from_service_call(slot)

    # --- battery -----------------------------------------------------------------------------------

    @collects("battery_record")
    def battery(self) -> BatteryState:
        return self._device.battery()

    @collects("battery_record")
    def battery_cycle_count(self) -> int | None:
        return self._device.battery_cycle_count()

    @collects("battery_record")
    def learned_capacity_mah(self) -> int | None:
        return self._device.learned_capacity_mah()

    @collects("battery_record")
    def charge_history_text(self) -> str:
        """`dumpsys batterystats --checkin`: the charge/discharge history records (parsed by the caller)."""
        return self._text(commands.batterystats_checkin_command(), 32 * 1024 * 1024)

    # --- network, storage, software --------------------------------------------------------------

    @collects("network_record", "base_station_id")
    def telephony_text(self) -> str:
        """`dumpsys telephony.registry`: state and signal per slot; it also prints cell identities."""
        return self._text(commands.telephony_registry_command(), 2 * 1024 * 1024)

    @collects("network_record")
    def sim_state_text(self) -> str:
        """`getprop gsm.sim.state`: the SIM state of each slot."""
        return self._text(commands.getprop_command("gsm.sim.state"), 1024)

    @collects("network_record", "ssid", "bssid", "wifi_list")
    def wifi_text(self) -> str:
        """`dumpsys wifi`: names the networks and access points the phone knows, hence all three consents."""
        return self._text(commands.wifi_dump_command(), 16 * 1024 * 1024)

    @collects("software_info", "app_installs")
    def diskstats_text(self) -> str:
        """`dumpsys diskstats`: free space, and on newer Android the size of every installed app."""
        return self._text(commands.diskstats_command(), 4 * 1024 * 1024)

    @collects("software_info")
    def df_data_text(self) -> str:
        return self._text(commands.df_data_command(), 1024 * 1024)

    @collects("software_info")
    def software_property(self, key: str) -> str:
        """One of SOFTWARE_PROPERTIES (`getprop KEY`), so no identifier comes along with it."""
        if key not in SOFTWARE_PROPERTIES:
            raise ValueError(f"{key!r} is not a software property")
        return self._text(commands.getprop_command(key), 1024).strip()

    def _text(self, command: str, limit: int) -> str:
        """A checked command's answer, bounded; only the `@collects` methods above call this."""
        return self._device.checked_shell(command, limit=limit).text

    # --- logs --------------------------------------------------------------------------------------

    @collects("logs")
    def logcat_text(self, max_lines: int) -> str:
        """The raw `logcat -d` answer, bounded; the caller redacts it before anything is stored.

        A failing logcat (exit status not 0) raises DeviceCommandFailed rather than returning its error text.
        """
        return self._device.checked_shell(commands.logcat_dump_command(max_lines), limit=LOGCAT_LIMIT).text

    # --- the Diagnostic Tool -----------------------------------------------------------------------

    def tool_version(self, package: str) -> PackageRecord | None:
        self._admit("tool_version", ())
        return self._device.tool_version(package)

    def allow_update(self) -> None:
        """The customer agreed to the update (a separate consent record exists)."""
        self._update_allowed = True

    def install_tool(self, apk: Path) -> None:
        self._admit("install_tool", ())
        if not self._update_allowed:
            self._on_refusal(None, "install_tool")
            raise ConsentNotActive("The customer has not agreed to update the diagnostic tool.")
        self._device.install(apk)

    def start_tool(self, package: str, service: str, session: str, categories: Iterable[str]) -> None:
        wanted = tuple(categories)
        self._admit("start_tool", wanted)
        self.tool_started = (package, session)
        self._device.start_diagnostic_tool(package, service, session, wanted)

    def wait_for_tool(
        self, package: str, session: str, timeout: float, poll: float, progress: Callable[[float], None]
    ) -> bool:
        """Wait for the tool's `done` marker; progress(0..1) by elapsed time; False on timeout."""
        done = f"{commands.session_folder(package, session)}/done"
        started = time.monotonic()
        while True:
            self._admit("wait_for_tool", ())
            if self._device.exists(done):
                progress(1.0)
                return True
            elapsed = time.monotonic() - started
            if elapsed >= timeout:
                return False
            progress(min(0.99, elapsed / timeout))
            self.cancel.sleep(min(poll, max(0.0, timeout - elapsed)))

    def tool_result(self, package: str, session: str, category: str) -> bytes:
        """One consented category's `<category>.json`, bounded (RESULT_FILE_LIMIT)."""
        self._admit("tool_result", (category,))
        folder = commands.session_folder(package, session)
        return self._device.read_file(f"{folder}/{commands.category_name(category)}.json", max_bytes=RESULT_FILE_LIMIT)

    def clean_up(self, package: str, session: str) -> None:
        """Delete the session folder and stop the tool; allowed even after withdrawal or cancel."""
        self._device.clean_session(package, session)
