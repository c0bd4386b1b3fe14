"""The legal corpus at article level."""
