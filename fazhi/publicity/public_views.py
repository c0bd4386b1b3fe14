"""publicity public_views."""
