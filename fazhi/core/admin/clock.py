"""Admin for the holiday overrides, calendar years and deadlines."""
