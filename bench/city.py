"""City-scale benchmark (issue 17): 21 kecamatan offices, one city-level bot.

    python -m bench.city prepare                 # once: seed one office, copy it 21 times
    python -m bench.city measure --runs 5        # then this

``prepare`` seeds ONE office with :mod:`bench.seed` (300,000 complaints over three years up
to today by default) and copies the file once per kecamatan of Kota Medan (a file copy:
seeding 21 times would take most of an hour). Every copy gets an office file of its own,
made from the bundled ``bot/data/medan_marelan.toml`` with the kecamatan's name and a
distinct tracking prefix (Medan Marelan keeps MRL), its complaint numbers rewritten to that
prefix, and a small, deterministic variation so that the ranking is not a 21-way tie: in
office number ``i`` (in the order below, Medan Marelan is 0 and unchanged) about ``i``
complaints in 100 rated 4 or 5 lose a star, and about ``i`` resolutions in 200 that were
on time are marked late. The city file (``city.toml``) names the 21 offices and their
files. Everything lands in ``bench/data/city/`` (gitignored).

``measure`` runs the real bots as separate processes (``python -m bot run``) against the
Bot API emulator served by this process, as :mod:`bench.reporting` does:

1. an office bot on Medan Marelan's copy (``DATABASE_PATH``, ``OFFICE_CONFIG``), whose
   supervisor (invited through the real flow) sends the office's own ``/kinerja``,
   ``/kinerja tahun`` and ``/ringkasan tahun``;
2. the city-level bot (``CITY_CONFIG``, nothing else), whose supervisor sends
   ``/ringkasan tahun``, ``/kinerja tahun`` and ``/kinerja MRL tahun``.

Each command is sent once as a warm-up (it tells how many messages the answer has: the
ranking of 21 offices is split over several), then ``--runs`` times ``--gap`` seconds
apart; the time runs from posting the update to the arrival of the answer's last message.
For every run the CPU time the bot process used (user + system, from ``/proc``) is
recorded too, and the process's peak resident memory (``VmHWM``) at the end.
Timings depend on the machine and on what else runs on it; RESULTS.md says where they were
taken. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.reporting import ZONE, current_rss_mb, peak_rss_mb

ROOT = Path(__file__).parents[1]
BUNDLED = ROOT / "bot" / "data" / "medan_marelan.toml"
FOLDER = Path("bench/data/city")

#: Kota Medan's 21 kecamatan and the tracking prefix each gets here (Medan Marelan first,
#: with its real prefix; Medan Labuhan with the tests' MLB; the others made up).
KECAMATAN: list[tuple[str, str]] = [
    ("MRL", "Medan Marelan"),
    ("AMP", "Medan Amplas"),
    ("ARE", "Medan Area"),
    ("BAR", "Medan Barat"),
    ("BRU", "Medan Baru"),
    ("BLW", "Medan Belawan"),
    ("DLI", "Medan Deli"),
    ("DNI", "Medan Denai"),
    ("HLV", "Medan Helvetia"),
    ("JHR", "Medan Johor"),
    ("KOT", "Medan Kota"),
    ("MLB", "Medan Labuhan"),
    ("MMN", "Medan Maimun"),
    ("PJG", "Medan Perjuangan"),
    ("PTS", "Medan Petisah"),
    ("PLN", "Medan Polonia"),
    ("SLY", "Medan Selayang"),
    ("SGL", "Medan Sunggal"),
    ("TBG", "Medan Tembung"),
    ("TMR", "Medan Timur"),
    ("TTG", "Medan Tuntungan"),
]


# --- prepare ----------------------------------------------------------------------------


def office_file(code: str, name: str) -> str:
    """The bundled office file with this kecamatan's name and prefix (same units,
    kelurahan and categories: the copied data refers to them)."""
    text = BUNDLED.read_text(encoding="utf-8")
    short = name.removeprefix("Medan ")
    replacements = {
        'name = "Kantor Camat Medan Marelan"': f'name = "Kantor Camat {name}"',
        'name_en = "Medan Marelan District Office"': f'name_en = "{name} District Office"',
        'district = "Kecamatan Medan Marelan"': f'district = "Kecamatan {name}"',
        'tracking_prefix = "MRL"': f'tracking_prefix = "{code}"',
        'address = "Jl. Marelan Raya, Medan Marelan"': f'address = "Jl. {short} Raya, {name}"',
    }
    for old, new in replacements.items():
        if old not in text:
            raise SystemExit(f"{BUNDLED} has changed: {old!r} not found")
        text = text.replace(old, new, 1)
    header = f"# Benchmark office file (bench/city.py): {name}, made from {BUNDLED.name}.\n"
    return header + text


def vary(db: Path, code: str, index: int) -> None:
    """Rewrite the complaint numbers to the office's prefix and shift its figures a little."""
    connection = sqlite3.connect(db)
    try:
        connection.execute("PRAGMA synchronous=OFF")
        with connection:
            if code != "MRL":
                connection.execute(
                    "UPDATE complaints SET number = ? || substr(number, 4) "
                    "WHERE number LIKE 'MRL-%'",
                    (code,),
                )
            if index:
                connection.execute(
                    "UPDATE complaints SET rating = rating - 1 "
                    "WHERE rating >= 4 AND (id * 37) % 100 < ?",
                    (index,),
                )
                connection.execute(
                    "UPDATE complaints SET resolve_on_time = 0 "
                    "WHERE resolve_on_time = 1 AND (id * 53) % 200 < ?",
                    (index,),
                )
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def prepare(args: argparse.Namespace) -> None:
    from bench import seed

    folder: Path = args.folder
    base: Path = args.base or folder / "base.db"
    folder.mkdir(parents=True, exist_ok=True)
    if not base.exists():
        seed_args = [
            "--db",
            str(base),
            "--complaints",
            str(args.complaints),
            "--years",
            "3",
            "--end",
            args.end.isoformat(),
        ]
        print(f"python -m bench.seed {' '.join(seed_args)}", file=sys.stderr)
        seed.main(seed_args)
    # a base seeded before the latest migration: bring it up to date once, before copying
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CITY_"))}
    run_cli("migrate", env={**env, "DATABASE_PATH": str(base)})
    (folder / "offices").mkdir(exist_ok=True)
    lines = ['[city]\nname = "Pemerintah Kota Medan"\nname_en = "Medan City Government"\n']
    started = time.monotonic()
    for index, (code, name) in enumerate(KECAMATAN[: args.offices]):
        target = folder / f"{code}.db"
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(base, target)
        vary(target, code, index)
        (folder / "offices" / f"{code}.toml").write_text(office_file(code, name), "utf-8")
        lines.append(
            f'[[offices]]\ncode = "{code}"\noffice_file = "offices/{code}.toml"\n'
            f'database_path = "{code}.db"\n'
        )
        print(f"  {code} {name}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    (folder / "city.toml").write_text("\n".join(lines), encoding="utf-8")
    size = sum((folder / f"{c}.db").stat().st_size for c, _ in KECAMATAN[: args.offices])
    print(
        f"{args.offices} offices in {folder} ({size / 1e9:.1f} GB), city file "
        f"{folder / 'city.toml'}: {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )


# --- measure ----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def answer(user: Any, command: str, expected: str, parts: int) -> float:
    """Send, and wait for the message with ``expected`` and the ``parts - 1`` after it."""
    started = time.perf_counter()
    await user.send(command)
    await user.wait_for(expected, timeout=120)
    for _ in range(parts - 1):
        await user.next_message(timeout=120)
    return time.perf_counter() - started


async def time_command(
    user: Any, pid: int, command: str, expected: str, runs: int, gap: float, count: bool = True
) -> dict[str, Any]:
    """``count``: the answer is every text message that arrives after the command (the
    city bot, which sends nothing else); otherwise the one message with ``expected``."""
    seen = len(user.inbox)
    await asyncio.sleep(gap)
    warm = await answer(user, command, expected, 1)
    await asyncio.sleep(gap)  # let the other parts of a long answer arrive
    arrived = user.inbox[seen:]
    texts = [m for m in arrived if m.photo is None and m.document is None]
    parts = len(texts) if count else 1
    if count and not texts[0].body.startswith(expected) and expected not in texts[0].body:
        raise AssertionError(f"{command}: unexpected {texts[0].body[:80]!r}")
    while True:  # they are read: the next wait_for starts after them
        try:
            await user.next_message(timeout=0.1)
        except AssertionError:
            break
    times, cpus = [], []
    for _ in range(runs):
        await asyncio.sleep(gap)
        cpu = cpu_seconds(pid)
        times.append(await answer(user, command, expected, parts))
        cpus.append(cpu_seconds(pid) - cpu)
    row = {
        "what": command,
        "parts": parts,
        "warmup_ms": warm * 1000,
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "max_ms": max(times) * 1000,
        "cpu_median_ms": statistics.median(cpus) * 1000,
        "rss_mb": current_rss_mb(pid),
    }
    print(
        f"  {command:<22} {parts} msg  warm-up {row['warmup_ms']:7.0f} ms   median "
        f"{row['median_ms']:7.0f} ms  (min {row['min_ms']:5.0f}, max {row['max_ms']:5.0f})"
        f"   CPU {row['cpu_median_ms']:5.0f} ms   RSS {row['rss_mb']:.0f} MB",
        flush=True,
    )
    return row


async def drain(user: Any, quiet: float, cap: float) -> int:
    """Read what arrives until nothing has come for ``quiet`` s (at most ``cap`` s)."""
    deadline, read = time.monotonic() + cap, 0
    while time.monotonic() < deadline:
        try:
            await user.next_message(timeout=quiet)
            read += 1
        except AssertionError:
            break
    print(f"  ({read} other messages read before measuring)", flush=True)
    return read


async def start_bot(env: dict[str, str], first: Any, expected: str) -> asyncio.subprocess.Process:
    started = time.perf_counter()
    bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env)
    await first.send("/start")
    await first.wait_for(expected, timeout=120)
    print(
        f"bot process {bot.pid} answering after {time.perf_counter() - started:.1f} s; "
        f"RSS {current_rss_mb(bot.pid):.0f} MB",
        flush=True,
    )
    return bot


async def stop_bot(bot: asyncio.subprocess.Process) -> dict[str, Any]:
    memory = {"peak_rss_mb": peak_rss_mb(bot.pid), "cpu_total_s": cpu_seconds(bot.pid)}
    print(
        f"bot process {bot.pid}: peak RSS (VmHWM) {memory['peak_rss_mb']:.0f} MB, "
        f"CPU {memory['cpu_total_s']:.1f} s in all",
        flush=True,
    )
    bot.terminate()
    try:
        await asyncio.wait_for(bot.wait(), 30)
    except TimeoutError:
        bot.kill()
    return memory


def base_env(world: Any) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CITY_"))}
    env.pop("OFFICE_CONFIG", None)
    env.update(BOT_TOKEN=world.token, TELEGRAM_API_BASE_URL=world.root, LOG_LEVEL="WARNING")
    return env


def relax(world: Any) -> None:
    """The emulator's limits out of the way: the bot's own pacing is what is measured."""
    world.limits.private_burst, world.limits.private_rate = 100, 100.0
    world.limits.global_burst, world.limits.global_rate = 200, 200.0


async def office_part(
    server: Any, folder: Path, code: str, runs: int, gap: float, url: str | None = None
) -> None:
    world = server.add_bot(username=f"camat_{code.lower()}_bot", first_name=f"Camat {code}")
    relax(world)
    admin = world.user("Admin", username=f"admin_{code.lower()}")
    camat = world.user("Camat", username=f"camat_{code.lower()}")
    env = base_env(world)
    env.update(OFFICE_CONFIG=str(folder / "offices" / f"{code}.toml"), ADMIN_IDS=str(admin.id))
    if url is None:
        env.update(DATABASE_PATH=str(folder / f"{code}.db"))
        print(f"office bot on {folder / f'{code}.db'}")
    else:
        env.update(DATABASE_URL=url, DATABASE_SCHEMA=code.lower())
        print(f"office bot on schema {code.lower()} of {url}")
    bot = await start_bot(env, admin, "Halo")
    try:
        await admin.send("/undang supervisor")
        link = await admin.wait_for("start=inv_", timeout=120)
        await camat.send(f"/start {link.text.split('start=')[1].split()[0]}")
        # "terdaftar sebagai", or (a run before registered the same emulator user) that
        # the invitation is not needed
        await camat.next_message(timeout=120)
        # The supervisor also gets the office's alerts (complaints past their deadlines as
        # the real clock moves over the synthetic data), which share the chat's pacing: let
        # the backlog go out first (they never stop altogether: new deadlines keep passing).
        await drain(camat, quiet=5, cap=180)
        for command, expected in (
            ("/kinerja", "Peringkat unit"),
            ("/kinerja tahun", "Peringkat unit"),
            ("/ringkasan tahun", "Ringkasan pengaduan"),
        ):
            await time_command(camat, bot.pid, command, expected, runs, gap, count=False)
            await drain(camat, quiet=2, cap=30)  # the chart after the reply
    finally:
        await stop_bot(bot)


async def city_part(
    server: Any, city: Path, runs: int, gap: float, office: str, url: str | None = None
) -> None:
    world = server.add_bot(username="medan_kota_bot", first_name="Kota Medan")
    relax(world)
    inspektur = world.user("Inspektur", username="inspektorat_medan")
    env = base_env(world)
    env.update(CITY_CONFIG=str(city), ADMIN_IDS=str(inspektur.id))
    if url is not None:
        env.update(DATABASE_URL=url)
    print(f"city bot on {city}")
    bot = await start_bot(env, inspektur, "laporan tingkat kota")
    try:
        for command, expected in (
            ("/ringkasan tahun", "Ringkasan pengaduan"),
            ("/kinerja tahun", "Peringkat kecamatan"),
            (f"/kinerja {office} tahun", f"({office})"),
            ("/ringkasan", "Ringkasan pengaduan"),
        ):
            await time_command(inspektur, bot.pid, command, expected, runs, gap)
    finally:
        await stop_bot(bot)


# --- the city's reports in process ------------------------------------------------------


async def services(city: Path, runs: int, url: str | None = None, touch: int = 5) -> None:
    """``CityReports.report`` (what /ringkasan and /kinerja call) in this process, on the
    real clock: wall time, and CPU time of every thread of the process together, in three
    states of the city's memory of past months (``bot/city/settled.py``), side by side:

    - *nothing remembered*: a fresh ``CityReports`` per run (a city bot just started,
      before its warm-up job ran, or an hour's memory expired);
    - *remembered*: the same ``CityReports`` again, no office changed meanwhile;
    - *after changes*: before each run ``touch`` complaints of past months in every office
      are marked changed (``updated_at`` = now, SQLite files only), as late resolutions and
      ratings do: their months are read again."""
    from pydantic import SecretStr

    from bot.city.app import city_reports
    from bot.city.config import load_city
    from bot.core.clock import SystemClock
    from bot.core.periods import parse_period
    from bot.core.settings import Settings

    viewer = 1
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        admin_ids=frozenset({viewer}),
        database_url=SecretStr(url) if url else None,
    )
    loaded = load_city(city)

    def fresh() -> Any:
        return city_reports(settings, loaded, SystemClock())

    async def timed(reports: Any, period: Any) -> tuple[float, float, int]:
        wall, cpu = time.perf_counter(), time.process_time()
        report = await reports.report(viewer, period)
        assert not report.unreadable, report.unreadable
        return time.perf_counter() - wall, time.process_time() - cpu, report.total.received

    def show(word: str, state: str, samples: list[tuple[float, float, int]]) -> None:
        walls, cpus = [w for w, _, _ in samples], [c for _, c, _ in samples]
        print(
            f"  {word:<6} {state:<20} {samples[0][2]:,} complaints: median "
            f"{statistics.median(walls) * 1000:6.0f} ms (min {min(walls) * 1000:.0f}, max "
            f"{max(walls) * 1000:.0f}), CPU median {statistics.median(cpus) * 1000:6.0f} ms",
            flush=True,
        )

    files = [] if url else [o.entry.database_path for o in loaded.offices]
    print(f"CityReports.report in process ({runs} runs each, 21 offices, touch={touch})")
    for word in ("tahun", "bulan"):
        period = parse_period(word, fresh().today())
        cold = [await timed(fresh(), period) for _ in range(runs)]
        remembering = fresh()
        await timed(remembering, period)
        warm = [await timed(remembering, period) for _ in range(runs)]
        changed = []
        for _ in range(runs):
            for path in files:
                await asyncio.to_thread(touch_past, Path(str(path)), touch)
            changed.append(await timed(remembering, period))
        show(word, "nothing remembered", cold)
        show(word, "remembered", warm)
        if files:
            show(word, f"after {touch} changes", changed)


def touch_past(path: Path, count: int) -> None:
    """Mark ``count`` random complaints of the 23 months before this one changed now."""
    connection = sqlite3.connect(path, timeout=30)
    try:
        now = int(time.time())
        with connection:
            connection.execute(
                """UPDATE complaints SET updated_at = ? WHERE id IN (
                       SELECT id FROM complaints WHERE created_at BETWEEN ? AND ?
                       ORDER BY random() LIMIT ?)""",
                (now, now - 700 * 86400, now - 35 * 86400, count),
            )
    finally:
        connection.close()


# --- PostgreSQL: the same offices in 21 schemas of one throw-away server -----------------


def run_cli(*args: str, env: dict[str, str] | None = None) -> None:
    started = time.monotonic()
    print(f"  marelan-bot {' '.join(args)}", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"marelan-bot {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    print(f"    ({time.monotonic() - started:.0f} s) {done.stdout.strip()[-300:]}", flush=True)


#: A schema's indexes other than those of its primary keys and unique constraints.
SECONDARY_INDEXES = """
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = $1 AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c JOIN pg_class k ON k.oid = c.conindid
        JOIN pg_namespace n ON n.oid = k.relnamespace
        WHERE k.relname = i.indexname AND n.nspname = i.schemaname)"""


async def load_schemas(url: str, folder: Path, offices: list[tuple[str, str]]) -> Path:
    """The first office's file copied with ``copy-db`` into its schema; every other schema
    migrated by the bot's own migrations and filled server-side from the first one
    (``INSERT ... SELECT``, parents first), then varied as the SQLite copies are, its
    identity sequences continued, VACUUMed and ANALYZEd. Returns the city file naming the
    schemas."""
    import asyncpg

    from storage.core.copy import tables
    from storage.core.db import Database, in_schema
    from storage.core.migrate import migrate

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CITY_"))}
    first, _ = offices[0]
    run_cli(
        "copy-db",
        "--from",
        str(folder / f"{first}.db"),
        "--to",
        url,
        "--schema",
        first.lower(),
        env=env,
    )
    source = Database(in_schema(url, first.lower()))
    await source.open()
    try:
        order = await tables(source)
    finally:
        await source.close()
    connection = await asyncpg.connect(url)
    try:
        for index, (code, _) in enumerate(offices):
            started = time.monotonic()
            schema = code.lower()
            if index:
                database = Database(in_schema(url, schema))
                await database.open()
                try:
                    await migrate(database)
                finally:
                    await database.close()
                # A bulk load: the indexes are built once afterwards (maintaining ~20 of them
                # row by row took 157 s a schema), the foreign keys are the source's.
                indexes = await connection.fetch(SECONDARY_INDEXES, schema)
                for row in indexes:
                    await connection.execute(f"DROP INDEX {schema}.{row['indexname']}")
                async with connection.transaction():
                    await connection.execute("SET LOCAL session_replication_role = replica")
                    for table in reversed(order):
                        await connection.execute(f"DELETE FROM {schema}.{table}")
                    for table in order:
                        await connection.execute(
                            f"INSERT INTO {schema}.{table} SELECT * FROM {first.lower()}.{table}"
                        )
                    identities = await connection.fetch(
                        """SELECT table_name, column_name FROM information_schema.columns
                           WHERE table_schema = $1 AND is_identity = 'YES'""",
                        schema,
                    )
                    for row in identities:
                        table, column = row["table_name"], row["column_name"]
                        await connection.execute(
                            f"""SELECT setval(pg_get_serial_sequence('{schema}.{table}',
                                '{column}'), (SELECT COALESCE(MAX({column}), 0) + 1
                                FROM {schema}.{table}), false)"""
                        )
                    await connection.execute(
                        f"UPDATE {schema}.complaints SET number = $1 || substr(number, 4) "
                        "WHERE number LIKE 'MRL-%'",
                        code,
                    )
                    await connection.execute(
                        f"UPDATE {schema}.complaints SET rating = rating - 1 "
                        f"WHERE rating >= 4 AND (id * 37) % 100 < {index}"
                    )
                    await connection.execute(
                        f"UPDATE {schema}.complaints SET resolve_on_time = 0 "
                        f"WHERE resolve_on_time = 1 AND (id * 53) % 200 < {index}"
                    )
                await connection.execute("SET maintenance_work_mem = '512MB'")
                for row in indexes:
                    await connection.execute(row["indexdef"])
            # VACUUM, not only ANALYZE: after a bulk load the visibility map is empty and the
            # reports' index-only scans visit the heap (2-4x slower until autovacuum ran)
            for table in order:
                await connection.execute(f"VACUUM (ANALYZE) {schema}.{table}")
            print(f"  schema {schema}: {time.monotonic() - started:.0f} s", flush=True)
        size = await connection.fetchval(
            "SELECT pg_size_pretty(pg_database_size(current_database()))"
        )
        print(f"  database size {size}", flush=True)
    finally:
        await connection.close()
    lines = ['[city]\nname = "Pemerintah Kota Medan"\nname_en = "Medan City Government"\n']
    for code, _ in offices:
        lines.append(
            f'[[offices]]\ncode = "{code}"\noffice_file = "offices/{code}.toml"\n'
            f'schema = "{code.lower()}"\n'
        )
    city = folder / "city-postgresql.toml"
    city.write_text("\n".join(lines), encoding="utf-8")
    return city


def describe(folder: Path) -> None:
    dbs = sorted(folder.glob("*.db"))
    dbs = [d for d in dbs if d.name != "base.db"]
    connection = sqlite3.connect(f"file:{dbs[0]}?mode=ro", uri=True)
    try:
        complaints, events, last = connection.execute(
            "SELECT (SELECT COUNT(*) FROM complaints), (SELECT COUNT(*) FROM complaint_events),"
            " (SELECT MAX(created_at) FROM complaints)"
        ).fetchone()
    finally:
        connection.close()
    size = sum(d.stat().st_size for d in dbs)
    print(
        f"{len(dbs)} offices × {complaints:,} complaints, {events:,} events each "
        f"({len(dbs) * complaints:,} complaints, {size / 1e9:.1f} GB); data up to "
        f"{datetime.fromtimestamp(last, ZONE):%Y-%m-%d %H:%M} WIB"
    )


async def measure(args: argparse.Namespace, url: str | None = None) -> None:
    """The commands through the bots, on the SQLite files or (``url``) on the schemas."""
    from emulator import FakeTelegram

    city = args.folder / ("city.toml" if url is None else "city-postgresql.toml")
    describe(args.folder)
    if url is None:  # each office's bot would bring its file up to date when it starts
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CITY_"))}
        for path in sorted(args.folder.glob("*.db")):
            if path.name != "city-base.db":
                run_cli("migrate", env={**env, "DATABASE_PATH": str(path)})
    async with FakeTelegram() as server:
        if not args.skip_office:
            await office_part(server, args.folder, args.office, args.runs, args.gap, url)
        if not args.skip_city:
            await city_part(server, city, args.runs, args.gap, args.office, url)
    # Last: its changes to past complaints make any city bot read their months again for
    # a minute (bot/city/settled.py, MARGIN).
    if not args.skip_services:
        await services(city, args.runs, url, args.touch)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="City-scale benchmark (issue 17).")
    parser.add_argument("--folder", type=Path, default=FOLDER)
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("prepare", help="seed one office and copy it")
    seeding.add_argument("--complaints", type=int, default=300_000)
    seeding.add_argument("--offices", type=int, default=len(KECAMATAN))
    seeding.add_argument("--end", type=date.fromisoformat, default=datetime.now(ZONE).date())
    seeding.add_argument("--base", type=Path, default=None, help="an already seeded office")
    timing = commands.add_parser("measure", help="time the commands through the bots")
    timing.add_argument("--runs", type=int, default=5)
    timing.add_argument("--gap", type=float, default=2.5)
    timing.add_argument("--office", default="MRL", help="the office measured on its own")
    timing.add_argument(
        "--touch", type=int, default=5, help="past complaints per office changed between runs"
    )
    timing.add_argument("--skip-office", action="store_true")
    timing.add_argument("--skip-city", action="store_true")
    timing.add_argument("--skip-services", action="store_true")
    timing.add_argument(
        "--postgresql",
        action="store_true",
        help="load the offices into 21 schemas of a throw-away PostgreSQL server first",
    )
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args)
    elif args.postgresql:
        measure_postgresql(args)
    else:
        asyncio.run(measure(args))


def measure_postgresql(args: argparse.Namespace) -> None:
    """A throw-away server (the tests' :func:`tests.database.postgres_server`: its own
    folder, unix socket, no fsync), the offices loaded into it, then the same commands."""
    sys.path.insert(0, str(ROOT))
    from tests.database import postgres_server

    with postgres_server() as server:
        url = asyncio.run(server.fresh(empty=True))
        print(f"PostgreSQL server in {server.folder}: {url}", flush=True)
        started = time.monotonic()
        offices = KECAMATAN[: len(list(args.folder.glob("offices/*.toml")))]
        asyncio.run(load_schemas(url, args.folder, offices))
        print(f"loaded in {time.monotonic() - started:.0f} s", flush=True)
        asyncio.run(measure(args, url))


if __name__ == "__main__":
    main()
