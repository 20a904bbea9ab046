"""Storage of the city level: a read-only look at each office's data."""
