"""Pure rules for 立法 projects and comments on drafts from above (no Django)."""
