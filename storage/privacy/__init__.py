"""Everything stored about one person, for their copy and their erasure."""
