"""Writes for org units, users, logins and tokens."""
