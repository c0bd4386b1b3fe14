"""inspections public_views."""
