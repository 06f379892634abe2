"""The authenticated member area: one Django app per concern (see DESIGN.md)."""
