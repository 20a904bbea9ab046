"""Telegram adapters of the SKM survey and of its results (/ikm, /saran)."""
