"""The handset and its peripherals (docs/ARCHITECTURE.md section 7).  No Qt here.

- `adb_server`: find the adb program, run a server on a chosen port and HOME.
- `adb_client`: an adbutils client that never starts a server by itself.
- `tracking`, `workers`, `hub`: device-list events, one worker per phone, both together.
- `session`: one phone: bounded shell, pull/push, install, identity, the Diagnostic Tool contract.
- `commands`: pure builders of the command lines sent to a phone (arguments validated).
- `parsers/`: what phones print, into dataclasses; only `OutputParseError` on bad input.
- `errors`: typed errors a person can act on (exit codes 40-49), English and Chinese next steps.
- `serial_modem`, `serial_scanner`: IMEI from an AT modem port; a serial barcode scanner.
- `simulator/`: the simulated handset on the adb wire protocol; `demo_handsets` for demo mode.
"""
