"""inspections views."""
