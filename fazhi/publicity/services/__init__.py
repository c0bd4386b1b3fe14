"""publicity services: every state change, in a transaction, with its audit event."""
