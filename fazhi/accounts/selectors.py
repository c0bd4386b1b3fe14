"""Reads for org units and users, applying the data scope."""
