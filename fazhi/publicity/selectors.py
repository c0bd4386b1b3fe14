"""publicity selectors."""
