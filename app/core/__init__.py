"""The pure domain core: no Qt, no SQL, no adb, no clock, no I/O.

Only `reference_data` reads files, and only from a path it is given.

| module | what |
|---|---|
| `localized` | `LocalizedText`: every customer-facing text in zh_CN and en |
| `redaction` | `redact_text`, `redact_names`: personal data out of logs |
| `masking` | `mask_phone`, `mask_imei`, `mask_email`, `mask_name` for the slip |
| `privacy_catalogue` | data categories, diagnostic functions, fault categories, consent arithmetic |
| `retention` | retention rules as data, per-region periods, expiry dates |
| `workflow` | ticket states and allowed moves, bilingual refusals |
| `deadlines` | priorities 1-4, business-hours calendars, due dates, time left |
| `warranty` | standard warranty and care benefits, verdict with reason |
| `battery_verdict` | the 80 % battery rule with reading sources |
| `ticket_numbers` | `SZ01-20261122-0042` numbers and the slip's QR content |
| `reference_data` | price list, benefit registry, Diagnostic Tool, regions, consent texts |
| `identifiers` | IMEI / MEID / SN checks (written by the device work) |
| `roles` | staff roles and permissions (written by the lead) |
"""
