"""Persistence: one SQLite file through aiosqlite. The only package that contains SQL.

Nothing here knows about Telegram; repositories take and return plain values and
dataclasses so that another backend (PostgreSQL) can replace them module by module.
"""
