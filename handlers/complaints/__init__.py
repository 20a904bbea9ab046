"""Telegram adapters of complaints: the citizen's intake and follow-up, staff in unit groups."""
