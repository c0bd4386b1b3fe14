"""publicity records."""
