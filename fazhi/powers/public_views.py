"""powers public_views."""
