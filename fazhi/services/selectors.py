"""services selectors."""
