"""``marelan-bot``: run the bot, check the configuration, migrate the database, print a
survey QR code, write the public page, start the sandbox.

Configuration problems print one line naming the variable and exit with status 2, before
anything talks to Telegram.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import sys
import time
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot import __version__
from bot.city.config import CityConfigError
from bot.core.instance_lock import AlreadyRunning, single_instance
from bot.core.office import Office, OfficeConfigError, load_office
from bot.core.settings import Settings, SettingsError, load_settings
from storage.core.backup import (
    DatabaseLocked,
    DatabaseUnusable,
    check_file,
    copy_live,
    is_locked,
    is_sqlite,
    postgres_backup,
    restore_into,
    wait_for_write_lock,
)

if TYPE_CHECKING:
    from telegram.ext import Application

EXIT_CONFIG = 2
EXIT_DATABASE = 3
#: Another program took the database's lock while the bot was starting: a passing state,
#: so not one of the statuses systemd is told not to restart (EX_TEMPFAIL).
EXIT_BUSY = 75
#: How often a start waiting for another program's lock on the database tries again.
LOCK_RETRY_SECONDS = 1.0
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
    backup = commands.add_parser(
        "backup", help="copy the database to FILE, also while the bot runs (verified)"
    )
    backup.add_argument("file", type=Path, help="the copy to write, e.g. marelan-2026-11-25.db")
    restore = commands.add_parser(
        "restore", help="replace the database by a backup FILE (the bot must be stopped)"
    )
    restore.add_argument("file", type=Path, help="a copy written by 'marelan-bot backup'")
    qr = commands.add_parser("qr", help="write a printable QR code of a service's survey link")
    qr.add_argument("service", help="service code from the office file, e.g. KTP")
    qr.add_argument("output", type=Path, help="the PNG file to write")
    publish = commands.add_parser("publish", help="write the public page (static HTML) to a folder")
    publish.add_argument("--out", type=Path, required=True, help="the folder to write it to")
    publish.add_argument("--lang", choices=("id", "en"), help="its language (DEFAULT_LANGUAGE)")
    publish.add_argument(
        "--as-of",
        metavar="'YYYY-MM-DD[ HH:MM]'",
        help="write it as it would have been written then (local time), "
        "e.g. to rebuild a night the bot missed; default: now",
    )
    copy_db = commands.add_parser(
        "copy-db",
        help="copy the whole database to another one (e.g. SQLite to PostgreSQL) and "
        "compare row counts and checksums of every table",
    )
    copy_db.add_argument(
        "--from", dest="source", required=True, help="an SQLite file or a postgresql:// URL"
    )
    copy_db.add_argument(
        "--to", dest="target", required=True, help="an SQLite file or a postgresql:// URL"
    )
    copy_db.add_argument(
        "--schema",
        help="the PostgreSQL schema of the office on the --to side (several offices on one "
        "database, DATABASE_SCHEMA); default: public",
    )
    copy_db.add_argument(
        "--from-schema", help="the PostgreSQL schema of the office on the --from side"
    )
    copy_db.add_argument(
        "--replace", action="store_true", help="empty a target that already holds data"
    )
    page_qr = commands.add_parser("qr-page", help="write a printable QR code of the public page")
    page_qr.add_argument("output", type=Path, help="the PNG file to write")
    # The sandbox parses its own options (see `marelan-bot sandbox --help`).
    commands.add_parser(
        "sandbox",
        add_help=False,
        help="the whole office on this machine with no token: the real bot, "
        "a fake Telegram and a web page (marelan-bot sandbox --help)",
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.env_file)


def run(settings: Settings) -> None:
    from bot.core.app import build_application, runtime_of
    from bot.core.cluster import lost_lead
    from bot.core.logsetup import configure

    settings.require_token()
    if settings.city_config is not None:
        run_city(settings)
        return
    # SQLite: one bot per file (a file lock), and a damaged or newer file is refused. On
    # PostgreSQL several processes share the database: one leads, the others stand by
    # (bot/core/cluster.py).
    sqlite = settings.database_url is None
    database = Path(settings.database_path)
    with single_instance(database) if sqlite else nullcontext():
        if sqlite:
            _checked_when_free(database)
        configure(settings.log_level, settings.secrets)
        application = build_application(settings)
        if not sqlite and not _stand_by(application):
            return
        try:
            _serve(settings, application)
        except Exception as exc:  # locked after the check, while starting: same line
            if sqlite and _locked(exc):
                raise DatabaseLocked(database) from exc
            raise
        if lost_lead(runtime_of(application)):
            raise SystemExit(1)


def run_city(settings: Settings) -> None:
    """The city-level bot: it reads the offices' data and keeps none, so any number of its
    processes may run (the webhook or one polling process per token, as Telegram allows)."""
    from bot.city.app import build_city_application
    from bot.core.logsetup import configure

    configure(settings.log_level, settings.secrets)
    _serve(settings, build_city_application(settings))


def _checked_when_free(database: Path) -> None:
    """Check the file, once no other program holds its lock (a backup tool, an operator's
    sqlite3 shell, a copy). Such a lock passes: the bot says once, in one line, that it
    waits, and starts when it is let go. Exiting instead would leave the office without
    its bot if nobody restarts it, and a restart loop would repeat the line."""
    told = False
    while True:
        try:
            check_file(database)
            wait_for_write_lock(database)  # waits the busy timeout itself
            return
        except DatabaseLocked as exc:
            if not told:
                print(f"{exc}: waiting until it lets go.", file=sys.stderr, flush=True)
                told = True
            time.sleep(LOCK_RETRY_SECONDS)


def _locked(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) is SQLite saying another program holds the
    lock."""
    while error is not None:
        if is_locked(error):
            return True
        error = error.__cause__ or error.__context__
    return False


def _stand_by(application: Application) -> bool:
    """PostgreSQL: wait until this process leads (delivering the outbox meanwhile), on
    the event loop PTB then runs on. False when stopped by a signal while waiting."""
    import signal

    from bot.core.app import runtime_of
    from bot.core.cluster import standby

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stopping = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM)
    for number in signals:
        loop.add_signal_handler(number, stopping.set)
    try:
        leads = loop.run_until_complete(standby(runtime_of(application), stopping))
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
    if not leads:
        loop.run_until_complete(runtime_of(application).db.close())
        loop.close()
    return leads


def _serve(settings: Settings, application: Application) -> None:
    from telegram import Update

    # bootstrap_retries=-1: a Telegram that fails at start (getMe answering 502, the
    # network not up yet after a reboot) is waited for with backoff instead of ending the
    # process.
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        application.run_webhook(
            bootstrap_retries=-1,
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)


def check_config(settings: Settings) -> None:
    if settings.city_config is not None:
        check_city(settings)
        return
    office = load_office(settings.office_config)
    print(
        f"Settings OK. Office: {office.office.name} "
        f"({len(office.units)} units, {len(office.kelurahan)} kelurahan, "
        f"{len(office.categories)} complaint categories, {len(office.services)} services)."
    )
    print(
        f"Database: {_describe(settings)}. Mode: "
        f"{'webhook ' + settings.webhook_url if settings.webhook_url else 'long polling'}."
    )
    if settings.bot_token is None:
        print("Note: BOT_TOKEN is not set; it is required for 'run'.")
    path = Path(settings.database_path)
    if settings.database_url is not None or path.exists():
        print(asyncio.run(_alert_coverage(settings, office)))
    else:
        print(f"Alerts: not checked; {path} does not exist yet (it is created by 'run').")


def check_city(settings: Settings) -> None:
    """The city file, every office file it names, and whether each office's data can be
    read (a schema not migrated yet, a file in the wrong place) — before anyone asks."""
    from bot.city.app import office_target
    from bot.city.config import load_city

    city = load_city(settings.city_config) if settings.city_config else None
    assert city is not None
    print(f"Settings OK. City: {city.info.name} ({len(city.offices)} offices).")
    if city.needs_url and settings.database_url is None:
        raise CliError("Some offices live in PostgreSQL schemas: set DATABASE_URL.")
    for office in city.offices:
        target = office_target(settings, city, office.code)
        print(f"  {office.code} {office.name}: {asyncio.run(_readable(target))}")
    if settings.bot_token is None:
        print("Note: BOT_TOKEN is not set; it is required for 'run'.")


async def _readable(target: str) -> str:
    from storage.core.db import DatabaseError, read_only

    try:
        async with read_only(target) as db:
            count = await db.fetchval("SELECT COUNT(*) FROM complaints")
    except DatabaseError as exc:
        return f"NOT READABLE ({exc})"
    return f"readable, {count} complaints"


def _describe(settings: Settings) -> str:
    from storage.core.db import Database

    return Database(settings.database).describe()


async def _alert_coverage(settings: Settings, office: Office) -> str:
    """Where complaint alerts would go, read from the database: the units whose alerts
    would reach nobody are named before the first complaint is lost."""
    from bot.complaints.alerts import coverage
    from storage.core.db import DatabaseError, read_only

    try:
        async with read_only(settings.database) as db:
            found = await coverage(db, settings.admin_ids)
    except DatabaseError as exc:
        return f"Alerts: not checked; could not read {_describe(settings)} ({exc})."
    codes = [unit.code for unit in office.units]
    uncovered = found.uncovered(codes)
    if uncovered:
        return (
            "WARNING: complaint alerts of these units would reach nobody (no bound group, "
            "and no supervisor or admin has started the bot): "
            + ", ".join(uncovered)
            + ". Bind their groups with /grup_unit, or have an admin send /start to the "
            "bot."
        )
    grouped = [code for code in codes if code in found.groups]
    others = [code for code in codes if code not in found.groups]
    line = f"Alerts: {len(grouped)} of {len(codes)} units have a group"
    if others:
        names = ", ".join(p.full_name for p in found.receivers)
        line += f"; those of {', '.join(others)} go to {names}"
    return line + "."


def backup(settings: Settings, target: Path) -> None:
    """Copy the live database with SQLite's online backup API (the bot may run)."""
    database = Path(settings.database_path)
    if not is_sqlite(settings.database):
        raise CliError(postgres_backup(settings.database_schema))
    if target.resolve() == database.resolve():
        raise CliError("The backup file must not be the database itself.")
    copy_live(database, target)
    print(f"Backup of {database} written to {target} (verified with integrity_check).")


def restore(settings: Settings, source: Path) -> None:
    """Put a backup in place of the database; refused while a bot runs on it."""
    database = Path(settings.database_path)
    if not is_sqlite(settings.database):
        raise CliError(postgres_backup(settings.database_schema))
    if not source.is_file():
        raise CliError(f"No backup file at {source}.")
    with single_instance(database, purpose="restore"):
        kept = restore_into(source, database)
    print(
        f"Restored {database} from {source}"
        + (f"; the replaced database is kept as {kept}." if kept else ".")
        + " Start the bot to go on (pending notifications are sent then)."
    )


async def _migrate(settings: Settings) -> list[str]:
    from bot.core.clock import SystemClock
    from bot.core.runtime import Runtime

    runtime = Runtime.create(settings, load_office(settings.office_config), SystemClock())
    from storage.core.migrate import current_version, migrate

    await runtime.db.open()
    try:
        applied = await migrate(runtime.db)
        from bot.core.reference import sync_office

        await sync_office(runtime)
        print(
            f"Database {runtime.db.describe()} at schema version "
            f"{await current_version(runtime.db)}; applied: {', '.join(applied) or 'none'}."
        )
    finally:
        await runtime.db.close()
    return applied


class CliError(Exception):
    """A usage problem of a subcommand; printed as is, exit status 2."""


async def _bot_username(settings: Settings) -> str:
    """BOT_USERNAME when set; otherwise Telegram's answer to getMe with BOT_TOKEN."""
    if settings.bot_username:
        return settings.bot_username
    if settings.bot_token is None:
        raise CliError("Set BOT_USERNAME (or BOT_TOKEN, to ask Telegram) to print survey links.")
    from telegram import Bot
    from telegram.error import TelegramError

    root = settings.telegram_api_base_url
    try:
        async with Bot(
            settings.bot_token.get_secret_value(),
            base_url=f"{root}/bot",
            base_file_url=f"{root}/file/bot",
        ) as bot:
            return bot.username
    except TelegramError as exc:
        raise CliError(
            f"Could not ask Telegram for the bot's username ({exc}); set BOT_USERNAME instead."
        ) from None


def survey_qr(settings: Settings, service_code: str, output: Path) -> None:
    from bot.core.catalog import t
    from bot.survey.qr import Caption, survey_link, write_png

    office = load_office(settings.office_config)
    service = office.service(service_code.upper())
    if service is None:
        codes = ", ".join(s.code for s in office.services) or "none"
        raise CliError(f"Unknown service code {service_code!r}; the office file has: {codes}")
    link = survey_link(asyncio.run(_bot_username(settings)), service.code)
    language = settings.default_language
    caption = Caption(
        title=str(t(language, "skm.qr_title")),
        office=office.office.name,
        service=service.label(language),
        hint=str(t(language, "skm.qr_hint")),
        link=link,
    )
    write_png(output, link, caption)
    print(f"Wrote {output}: {link} ({service.label(language)}).")


def _as_of(settings: Settings, text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--as-of: expected a date like 2026-12-02 or '2026-12-02 10:00', got {text!r}"
        ) from None
    return moment.replace(tzinfo=settings.zone) if moment.tzinfo is None else moment


def publish(settings: Settings, out: Path, language: str | None, as_of: str | None) -> None:
    """Write the public page from the database, read only (the bot may be running)."""
    if settings.database_url is None and not Path(settings.database_path).is_file():
        raise CliError(f"No database at {settings.database_path}; check DATABASE_PATH.")
    asyncio.run(_publish(settings, out, language, _as_of(settings, as_of)))


async def _publish(
    settings: Settings, out: Path, language: str | None, as_of: datetime | None
) -> None:
    from bot.core.clock import FakeClock, SystemClock
    from bot.core.runtime import Runtime
    from bot.transparency.site import write_site
    from storage.core.migrate import available, current_version

    clock = SystemClock() if as_of is None else FakeClock(as_of)  # a clock that stays put
    runtime = Runtime.create(settings, load_office(settings.office_config), clock)
    await runtime.db.open()
    try:
        if await current_version(runtime.db) < len(available()):
            raise CliError(
                "The database schema is older than this program: run "
                "'marelan-bot migrate' (or start the bot) first."
            )
        written = await write_site(runtime, out, language, settings.bot_username)
    finally:
        await runtime.db.close()
    print(f"Wrote the public page to {out} ({len(written)} files).")


def page_qr(settings: Settings, output: Path) -> None:
    from bot.core.catalog import t
    from bot.survey.qr import Caption, write_png

    office = load_office(settings.office_config)
    link = office.publication.page_url
    if not link:
        raise CliError(
            "Set [publication] page_url in the office file (where the office "
            "hosts the public page) to print its QR code."
        )
    language = settings.default_language
    caption = Caption(
        title=str(t(language, "tp.qr.title")),
        office=office.office.name,
        service=str(t(language, "tp.page.title")),
        hint=str(t(language, "tp.qr.hint")),
        link=link,
    )
    write_png(output, link, caption)
    print(f"Wrote {output}: {link}.")


def copy_database(
    source: str,
    target: str,
    *,
    replace: bool,
    schema: str | None = None,
    from_schema: str | None = None,
) -> int:
    """``copy-db``: stop the bot first (the copy is of one moment of the source, and what
    the bot writes afterwards is not in it). 0 when every table matches, 1 otherwise.
    ``schema``/``from_schema``: the office's schema on a PostgreSQL side."""
    from storage.core.db import is_url

    if not is_url(source) and not Path(source).is_file():
        raise CliError(f"--from: no database at {source}")
    target = _in_schema(target, schema, "--schema", "--to")
    source = _in_schema(source, from_schema, "--from-schema", "--from")
    return asyncio.run(_copy_database(source, target, replace=replace))


def _in_schema(target: str, schema: str | None, option: str, side: str) -> str:
    from storage.core.db import in_schema, is_url
    from storage.core.namespace import schema_problem

    if schema is None:
        return target
    if not is_url(target):
        raise CliError(f"{option}: {side} is an SQLite file, which has no schemas")
    problem = schema_problem(schema)
    if problem is not None:
        raise CliError(f"{option} {schema!r}: {problem}")
    return in_schema(target, schema)


async def _copy_database(source: str, target: str, *, replace: bool) -> int:
    from storage.core.copy import CopyRefused, copy
    from storage.core.db import Database, DatabaseError, is_url, read_only
    from storage.core.migrate import available, current_version, migrate

    destination = Database(target if is_url(target) else Path(target))
    try:
        async with read_only(source if is_url(source) else Path(source)) as origin:
            version, latest = await current_version(origin), len(available())
            if version != latest:
                raise CliError(
                    f"--from is at schema version {version}, this program at {latest}: "
                    "run 'marelan-bot migrate' on it first (or use the matching program)."
                )
            await destination.open()
            await migrate(destination)
            print(f"Copying {Database(source).describe()} to {destination.describe()} ...")
            checks = await copy(
                origin,
                destination,
                replace=replace,
                progress=lambda table, rows: print(f"  {table}: {rows} rows copied"),
            )
            if all(c.ok for c in checks):
                print("Updating the statistics of the copy ...")
                await destination.optimise()
    except CopyRefused as exc:
        raise CliError(f"copy-db: {exc}") from None
    except DatabaseError as exc:
        raise CliError(f"copy-db: {exc}") from None
    finally:
        await destination.close()
    width = max(len(c.table) for c in checks)
    print(f"{'table':<{width}}  {'rows from':>10}  {'rows to':>10}  checksum from / to")
    for c in checks:
        mark = "ok" if c.ok else "DIFFERENT"
        print(
            f"{c.table:<{width}}  {c.source_rows:>10}  {c.target_rows:>10}  "
            f"{c.source_checksum} / {c.target_checksum}  {mark}"
        )
    bad = [c.table for c in checks if not c.ok]
    if bad:
        print(f"MISMATCH in {', '.join(bad)}: do not use the copy.", file=sys.stderr)
        return 1
    rows = sum(c.target_rows for c in checks)
    print(f"Copied {rows} rows in {len(checks)} tables; every count and checksum matches.")
    return 0


def sandbox(settings: Settings, options: list[str]) -> int:
    """The training sandbox lives in its own top-level package, next to the Bot API
    emulator it drives; production code never imports either. It is loaded here, by name,
    only when asked for."""
    module = importlib.import_module("sandbox.main")
    return module.main(settings, options)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "sandbox":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        settings = _settings(args)
        if args.command == "sandbox":
            return sandbox(settings, rest)
        if args.command == "run":
            run(settings)
        elif args.command == "check-config":
            check_config(settings)
        elif args.command == "migrate":
            from bot.core.logsetup import configure

            if is_sqlite(settings.database):
                check_file(Path(settings.database_path))
                wait_for_write_lock(Path(settings.database_path))
            configure(settings.log_level, settings.secrets)
            asyncio.run(_migrate(settings))
        elif args.command == "backup":
            backup(settings, args.file)
        elif args.command == "restore":
            restore(settings, args.file)
        elif args.command == "qr":
            survey_qr(settings, args.service, args.output)
        elif args.command == "publish":
            publish(settings, args.out, args.lang, args.as_of)
        elif args.command == "qr-page":
            page_qr(settings, args.output)
        elif args.command == "copy-db":
            return copy_database(
                args.source,
                args.target,
                replace=args.replace,
                schema=args.schema,
                from_schema=args.from_schema,
            )
    except (SettingsError, OfficeConfigError, CityConfigError, CliError, AlreadyRunning) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CONFIG
    except DatabaseLocked as exc:
        print(f"{exc}: try again once it lets go.", file=sys.stderr)
        return EXIT_BUSY
    except DatabaseUnusable as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATABASE
    return 0


if __name__ == "__main__":
    sys.exit(main())
