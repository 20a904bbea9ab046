"""Logging that never shows the bot token, and never personal data at any level.

httpx logs every request URL, and Bot API URLs contain the token; exceptions can carry it
too. The formatter redacts the configured token and anything shaped like a token, after
the record (traceback included) is fully formatted.

Personal data (names, usernames, what people wrote, locations) never reaches the log:
the bot's own code logs ids (update, chat, user, complaint, outbox row), and below INFO
only the bot's own records pass. Libraries log whole payloads at DEBUG: PTB every update
and Bot API call with its texts and names, asyncpg statements with their parameters,
httpx the URLs with the token. At DEBUG the bot logs instead, by id, what an operator
chasing a problem needs: each update (``bot.updates``) and each Bot API call
(``bot.pacing``), so the same log answers "did the bot get it, what did it send where".
"""

from __future__ import annotations

import logging
import re

TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
#: The bot's packages; their records pass at every level (they log ids, not people).
OWN_PACKAGES = frozenset({"bot", "handlers", "storage"})
#: Libraries capped so that their payload-carrying debug records are not even made.
LIBRARY_LEVELS = {
    "telegram": logging.INFO,
    "asyncpg": logging.INFO,
    "httpx": logging.WARNING,  # request lines: noise at INFO, and the token in the URL
    "httpcore": logging.WARNING,
    "apscheduler": logging.WARNING,
}


class RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[REDACTED]")
        return TOKEN_SHAPE.sub("[REDACTED]", text)


class OwnDebugOnly(logging.Filter):
    """Below INFO, only the bot's own records: any library's debug output may carry the
    payloads of updates and calls, including libraries not capped in LIBRARY_LEVELS."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO or record.name.partition(".")[0] in OWN_PACKAGES


def configure(level: str, secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(OwnDebugOnly())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, floor in LIBRARY_LEVELS.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))
