"""Telegram adapters of a person's data rights: /datasaya and /hapusdata."""
