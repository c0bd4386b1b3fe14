"""services records."""
