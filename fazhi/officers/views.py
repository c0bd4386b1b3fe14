"""officers views."""
