"""powers selectors."""
