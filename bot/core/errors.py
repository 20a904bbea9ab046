"""Domain services: each decides one concept's changes and commits them in one transaction.

They take the :class:`bot.runtime.Runtime` and plain values, return plain results, and
never talk to Telegram directly: whatever other people must learn goes to the outbox.
"""


class NotAllowed(Exception):
    """The actor may not do this; handlers answer 'bukan wewenang Anda'."""


class MovedAway(NotAllowed):
    """Staff acted on a complaint their unit handed to another unit (an old alert, a prompt
    answered after the move): refused, telling them where it went."""

    def __init__(self, number: str, unit_code: str) -> None:
        super().__init__(f"{number} moved to {unit_code}")
        self.number = number
        self.unit_code = unit_code


class NotFound(Exception):
    """The object does not exist or the actor may not know that it exists."""
