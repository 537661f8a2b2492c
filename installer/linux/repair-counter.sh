#!/bin/sh
# /usr/bin/repair-counter: the frozen app in /opt/repair-counter, on this machine's data folder.
# The folder is shared by the OS accounts of the repair-counter group (see README.Debian);
# --data-dir or REPAIR_COUNTER_DATA_DIR still choose another one.
: "${REPAIR_COUNTER_DATA_DIR:=/var/lib/repair-counter}"
export REPAIR_COUNTER_DATA_DIR
# Nothing the app creates is readable by accounts outside the group.
umask 0007
exec /opt/repair-counter/repair-counter "$@"
