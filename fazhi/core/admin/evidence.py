"""Admin for the evidence store (read-only: files are only added through the service)."""
