"""officers public_views."""
