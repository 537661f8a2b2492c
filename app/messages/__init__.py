"""Messages after the repair over the outlet's GSM modem, the customer's rating, the care guide (issue 17)."""
