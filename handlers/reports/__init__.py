"""Telegram adapters of the supervisor reports."""
