"""Report queries and export pages."""
