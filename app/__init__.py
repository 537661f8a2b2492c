"""Repair Counter: counter software for authorised phone service outlets."""

__version__ = "0.1.0"

#: Written into SQLCipher's `PRAGMA application_id` so our files are recognised ("RCnt").
APPLICATION_ID = 0x52436E74
APP_NAME = "Repair Counter"
