"""Handlers every audience shares: /start, /bantuan, /bahasa, /batal, errors, guards, replies."""
