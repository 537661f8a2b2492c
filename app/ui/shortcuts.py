"""The window's keyboard shortcuts, shared by the main window (which binds them) and the workspace
(which shows them in the navigation and the F1 help)."""

#: The keys that open each navigation entry, in the order of the entries.  The digits ran out at
#: nine: the tenth entry, the outlet hub, has H.
PAGE_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9", "Ctrl+H")
NEW_TICKET_KEYS, SEARCH_KEYS, LOCK_KEYS, HELP_KEYS = "Ctrl+N", "Ctrl+F", "Ctrl+L", "F1"
