"""Persistence: an SQLite file (embedded, the default) or PostgreSQL (``DATABASE_URL``).
The only package that contains SQL.

Nothing here knows about Telegram; repositories take and return plain values and
dataclasses, and run the same SQL on both engines (``storage/core/dialect.py``).
"""
