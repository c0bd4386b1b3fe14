"""publicity views."""
