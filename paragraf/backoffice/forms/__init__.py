"""Back-office forms, one module per area."""
