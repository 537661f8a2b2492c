"""Privacy rules every service consults: restriction, contact, children (before tickets in the service order)."""
