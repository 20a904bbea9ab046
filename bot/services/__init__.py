"""Domain services: each decides one concept's changes and commits them in one transaction.

They take the :class:`bot.runtime.Runtime` and plain values, return plain results, and
never talk to Telegram directly: whatever other people must learn goes to the outbox.
"""


class NotAllowed(Exception):
    """The actor may not do this; handlers answer 'bukan wewenang Anda'."""


class NotFound(Exception):
    """The object does not exist or the actor may not know that it exists."""
