"""officers selectors."""
