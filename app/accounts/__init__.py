"""Signing in, staff accounts and store verification: the services over the encrypted store."""
