"""services public_views."""
