"""``marelan-bot``: run the bot, check the configuration, migrate the database.

Configuration problems print one line naming the variable and exit with status 2, before
anything talks to Telegram.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

from bot import __version__
from bot.office import OfficeConfigError, load_office
from bot.settings import Settings, SettingsError, load_settings

EXIT_CONFIG = 2
log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marelan-bot", description="Telegram bot of Kantor Camat Medan Marelan"
    )
    parser.add_argument("--env-file", type=Path, help="read settings from this file, not .env")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot (long polling, or webhook if WEBHOOK_URL is set)")
    commands.add_parser("check-config", help="validate settings and the office file, offline")
    commands.add_parser("migrate", help="apply database migrations and sync the office file")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.env_file)


def run(settings: Settings) -> None:
    from telegram import Update

    from bot.app import build_application
    from bot.logsetup import configure

    token = settings.require_token()
    configure(settings.log_level, (token,))
    application = build_application(settings)
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def check_config(settings: Settings) -> None:
    office = load_office(settings.office_config)
    print(f"Settings OK. Office: {office.office.name} "
          f"({len(office.units)} units, {len(office.kelurahan)} kelurahan, "
          f"{len(office.categories)} complaint categories, {len(office.services)} services).")
    print(f"Database: {settings.database_path}. Mode: "
          f"{'webhook ' + settings.webhook_url if settings.webhook_url else 'long polling'}.")
    if settings.bot_token is None:
        print("Note: BOT_TOKEN is not set; it is required for 'run'.")


async def _migrate(settings: Settings) -> list[str]:
    from bot.clock import SystemClock
    from bot.runtime import Runtime

    runtime = Runtime.create(settings, load_office(settings.office_config), SystemClock())
    from storage.migrate import current_version, migrate

    await runtime.db.open()
    try:
        applied = await migrate(runtime.db)
        from bot.services.reference import sync_office

        await sync_office(runtime)
        print(f"Database {settings.database_path} at schema version "
              f"{await current_version(runtime.db)}; applied: {', '.join(applied) or 'none'}.")
    finally:
        await runtime.db.close()
    return applied


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        if args.command == "run":
            run(settings)
        elif args.command == "check-config":
            check_config(settings)
        elif args.command == "migrate":
            from bot.logsetup import configure

            configure(settings.log_level)
            asyncio.run(_migrate(settings))
    except (SettingsError, OfficeConfigError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CONFIG
    return 0


if __name__ == "__main__":
    sys.exit(main())
