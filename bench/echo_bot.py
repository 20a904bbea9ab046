"""The baseline of ``bench.flow``: a bare python-telegram-bot echo bot.

Nothing but PTB's defaults (sequential updates, no persistence, no rate limiter, no
logging set up) and one handler that sends the text back, so its CPU per update is the
floor any PTB bot pays for getUpdates, parsing an update, dispatching it and one
sendMessage. Run as its own process, like the real bot:

    BOT_TOKEN=... TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT python bench/echo_bot.py
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(update.message.text)


def main() -> None:
    root = os.environ["TELEGRAM_API_BASE_URL"].rstrip("/")
    application = (
        ApplicationBuilder()
        .token(os.environ["BOT_TOKEN"])
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
