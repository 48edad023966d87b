"""Recording the meeting: the cockpit (attendance, verifiers, items) and each item's page."""
