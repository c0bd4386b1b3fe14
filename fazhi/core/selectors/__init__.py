"""Reads for cross-cutting records, applying visibility."""
