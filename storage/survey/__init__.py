"""SKM survey responses."""
