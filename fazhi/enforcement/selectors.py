"""enforcement selectors."""
