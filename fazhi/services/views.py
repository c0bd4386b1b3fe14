"""services views."""
