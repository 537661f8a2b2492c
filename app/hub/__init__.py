"""The outlet hub (issue 22): the reference upstream run inside the outlet for its counters."""
