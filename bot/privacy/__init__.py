"""A person's rights over their data (UU 27/2022): a copy of it, and erasure."""
