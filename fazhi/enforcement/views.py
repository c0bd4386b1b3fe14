"""enforcement views."""
