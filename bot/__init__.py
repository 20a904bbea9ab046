"""Marelan ASN bot: the Telegram channel of Kantor Camat Medan Marelan."""

import os

# Opt in to python-telegram-bot's future behaviour: durations (e.g. RetryAfter.retry_after)
# are datetime.timedelta. Our code handles both; this keeps deprecation noise out of logs.
os.environ.setdefault("PTB_TIMEDELTA", "true")

__version__ = "0.1.0"
