"""Errors the upstream's operator can act on (exit codes 70-79 belong to sync and upstream)."""

from __future__ import annotations

from app.errors import KnownError


class ReferenceFileError(KnownError):
    """A reference-data file to publish cannot be read or does not have the expected shape."""

    exit_code = 72
    next_step = (
        'Give a JSON file {"kind": [{"key": ...}, ...]} or a CSV file with a \'key\' column '
        "named after its kind (price_list.csv) or with --kind."
    )


class SigningKeyError(KnownError):
    """The receipt signing key file cannot be read, created or parsed."""

    exit_code = 78
    next_step = "Point --signing-key at a readable Ed25519 PEM file, or at a new path to create one."
