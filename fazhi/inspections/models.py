"""inspections records."""
