"""enforcement public_views."""
