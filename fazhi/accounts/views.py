"""Staff views for accounts (login with lockout, tokens)."""
