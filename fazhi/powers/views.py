"""powers views."""
