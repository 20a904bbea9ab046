"""Time the supervisor reports on a seeded database, and the bot's memory.

    python -m bench.seed --db bench/data/bench.db          # once: 1,000,000 complaints
    python -m bench.reporting --db bench/data/bench.db     # then this

Two parts:

1. **Queries and services, in process.** The report services (the exact functions the
   handlers call) on a runtime opened on the database, with the clock at the end of the
   seeded data. Each is run ``--runs`` times; the first run is reported apart (it reads
   index pages the process has not touched yet), then the median and the maximum.
2. **The full command path.** The real bot runs as a separate process
   (``python -m bot run``) against the Bot API emulator served by this process, like it
   runs against Telegram. A supervisor sends the commands; we time from the moment the
   update is posted to the moment the reply (and the chart) arrive, and read the bot
   process's peak resident memory (``VmHWM``) at the end. The bot paces each private
   chat to Telegram's limit (~1 message/s, bursts of 3), so the runs of a command are
   ``--gap`` seconds apart (default 2.5); ``--gap 0`` shows the paced back-to-back case.

Timings depend on the machine and on what else runs on it; RESULTS.md says where they were
taken. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Jakarta")


# --- part 1: services in process -------------------------------------------------------


async def measure(label: str, runs: int, make: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
    times = []
    cpu = []  # the process's CPU time (all threads): what the wall time is on a quiet machine
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        await make()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    warm = times[1:] or times
    row = {
        "what": label,
        "first_ms": times[0] * 1000,
        "median_ms": statistics.median(warm) * 1000,
        "max_ms": max(warm) * 1000,
        "cpu_median_ms": statistics.median(cpu[1:] or cpu) * 1000,
    }
    print(
        f"  {label:<44} first {row['first_ms']:7.1f} ms   median {row['median_ms']:7.1f} ms"
        f"   max {row['max_ms']:7.1f} ms   CPU median {row['cpu_median_ms']:7.1f} ms",
        flush=True,
    )
    return row


async def services(db: Path, now: datetime, runs: int) -> list[dict[str, Any]]:
    from bot.core.app import extend
    from bot.core.clock import FakeClock
    from bot.core.office import load_office
    from bot.core.periods import parse_period
    from bot.core.runtime import Runtime
    from bot.core.settings import Settings
    from bot.people.directory import Actor
    from bot.people.roles import Role
    from bot.reports import export
    from bot.reports import summary as reports
    from bot.reports.sections import SectionContext
    from bot.reports.views import chart_png, ranking_message, summary_message
    from bot.survey.digest import MONTHLY_IKM
    from bot.survey.report_sections import ikm_section

    settings = Settings(_env_file=None, database_path=db)  # type: ignore[call-arg]
    runtime = Runtime.create(settings, load_office(None), FakeClock(now))
    extend(runtime.extensions)  # the IKM, weakest unsur and JP sections, the sheets
    await runtime.open_storage()
    chief = Actor(1, "Bench", None, "id", Role.SUPERVISOR, None)
    today = now.astimezone(ZONE).date()
    year, month = parse_period("tahun", today), parse_period("bulan", today)
    week, day = parse_period("minggu", today), parse_period("hari", today)
    rows = []
    print(f"services on {db} at {now.isoformat()} ({runs} runs each)")
    try:
        for label, period in (("tahun", year), ("bulan", month), ("minggu", week), ("hari", day)):
            rows.append(
                await measure(
                    f"/ringkasan {label}: figures",
                    runs,
                    lambda p=period: reports.summary(runtime, chief, p),
                )
            )
        summary = await reports.summary(runtime, chief, year)
        rows.append(
            await measure(
                "/ringkasan tahun: text with sections",
                runs,
                lambda: summary_message(runtime, summary, "id"),
            )
        )
        rows.append(
            await measure(
                "  of which the IKM section (tahun)",
                runs,
                lambda: ikm_section(SectionContext(runtime, year, None, "id")),
            )
        )
        rows.append(
            await measure(
                "/ringkasan tahun: chart PNG (thread)",
                runs,
                lambda: chart_png(runtime, summary.chart, "id", year),
            )
        )
        for label, period in (("bulan", month), ("tahun", year)):
            rows.append(
                await measure(
                    f"/kinerja {label} (ranking): figures",
                    runs,
                    lambda p=period: reports.unit_ranking(runtime, chief, p),
                )
            )
            rows.append(
                await measure(
                    f"/kinerja PEMB {label}: figures",
                    runs,
                    lambda p=period: reports.scorecard(runtime, chief, p, "PEMB"),
                )
            )
            ranked = await reports.unit_ranking(runtime, chief, period)
            rows.append(
                await measure(
                    f"/kinerja {label} (ranking): text with columns",
                    runs,
                    lambda r=ranked: ranking_message(runtime, r, "id"),
                )
            )
            card = await reports.scorecard(runtime, chief, period, "PELAYANAN")
            rows.append(
                await measure(
                    f"/kinerja PELAYANAN {label}: text with sections",
                    runs,
                    lambda c=card: summary_message(runtime, c, "id"),
                )
            )
        rows.append(
            await measure("/terlambat: list", runs, lambda: reports.overdue_list(runtime, chief))
        )
        due = MONTHLY_IKM.next_due(runtime, now)
        rows.append(
            await measure(
                "monthly IKM digest: texts", runs, lambda: MONTHLY_IKM.prepare(runtime, due)
            )
        )

        async def export_week() -> None:
            made = await export.export(runtime, chief, week)
            print(f"  {'':<44} sheets: {made.rows}")
            made.discard()

        rows.append(await measure("/ekspor minggu: workbook", max(1, runs // 3), export_week))
    finally:
        await runtime.db.close()
    return rows


async def plans(db: Path, now: datetime) -> None:
    """EXPLAIN QUERY PLAN of every report query, as run for /ringkasan tahun and /kinerja."""
    from bot.core.periods import parse_period
    from bot.reports.rules import instants
    from storage.activities import jp
    from storage.core.db import Database, Params, Reader, Row
    from storage.reports import sheets as report_sheets
    from storage.reports import summary as reports
    from storage.survey import responses as surveys

    class Explaining(Reader):
        def __init__(self, database: Database) -> None:
            super().__init__(database._statements, database.dialect)

        async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
            plan = await super().fetchall("EXPLAIN QUERY PLAN " + sql, params)
            first = " ".join(sql.split())[:70]
            print(f"  {first}...\n      " + "\n      ".join(r["detail"] for r in plan))
            return await super().fetchall(sql, params)

        async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
            rows = await self.fetchall(sql, params)
            return rows[0] if rows else None

    database = Database(db)
    await database.open()
    spy = Explaining(database)
    start, end = instants(parse_period("tahun", now.astimezone(ZONE).date()), ZONE)
    print("query plans")
    try:
        tally = await reports.totals(spy, start, end)
        await reports.cells(spy, start, end)
        await reports.cells(spy, start, end, "PEMB")
        await reports.totals(spy, start, end, "PEMB")
        await reports.value_at(
            spy, "resolve", start, end, tally.resolve_known // 2, tally.resolve_known
        )
        await reports.value_at(spy, "ack", start, end, 10, 1000)
        await reports.value_at(spy, "resolve", start, end, 10, 30_000, "PEMB")
        await reports.weekly(spy, [(start, start + 604800)], ["PEMB"])
        await reports.overdue_counts(spy, int(now.timestamp()))
        await reports.overdue(spy, int(now.timestamp()), 30)
        await reports.adoption(spy, start, end)
        await surveys.aggregate(spy, start, end)
        await surveys.aggregate(spy, start, end, unit_code="PELAYANAN")
        await surveys.aggregate_by_service(spy, start, end)
        async for _ in report_sheets.survey_pages(spy, start, end):
            break
        await jp.staff_jp(spy, now.year, "PEMB", int(now.timestamp()))
    finally:
        await database.close()


# --- part 2: the bot process behind the emulator ---------------------------------------


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def current_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def command_path(
    db: Path, runs: int, stress: int = 0, gap: float = 0.0
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from emulator import FakeTelegram

    rows: list[dict[str, Any]] = []
    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_bench_bot", first_name="Marelan Bench")
        world.limits.private_burst, world.limits.private_rate = 100, 100.0
        world.limits.global_burst, world.limits.global_rate = 200, 200.0
        admin = world.user("Admin", username="bench_admin")
        camat = world.user("Camat", username="bench_camat")
        env = dict(
            os.environ,
            BOT_TOKEN=world.token,
            TELEGRAM_API_BASE_URL=world.root,
            DATABASE_PATH=str(db),
            ADMIN_IDS=str(admin.id),
            LOG_LEVEL="WARNING",
        )
        started = time.perf_counter()
        bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env)
        try:
            await admin.send("/start")
            await admin.wait_for("Halo", timeout=120)
            print(
                f"bot process {bot.pid} answering after {time.perf_counter() - started:.1f} s;"
                f" RSS {current_rss_mb(bot.pid):.0f} MB"
            )
            await admin.send("/undang supervisor")
            link = await admin.wait_for("start=inv_", timeout=30)
            await camat.send(f"/start {link.text.split('start=')[1].split()[0]}")
            await camat.wait_for("terdaftar sebagai", timeout=30)
            await world.settle(timeout=60)
            dropped = drop_backlog(db, camat.id)
            print(
                f"dropped {dropped} queued messages to the supervisor (the seeded complaints' "
                "alerts): paced at 1/s in the same chat, they would hold every reply back"
            )
            commands = [
                ("/ringkasan tahun", "Ringkasan pengaduan", True),
                ("/ringkasan", "Ringkasan pengaduan", True),
                ("/kinerja", "Peringkat unit", True),
                ("/kinerja tahun", "Peringkat unit", True),
                ("/kinerja PEMB", "Kinerja Seksi Pembangunan", True),
                ("/kinerja PEMB tahun", "Kinerja Seksi Pembangunan", True),
                ("/kinerja PELAYANAN", "Kinerja Seksi Pelayanan Umum", True),
                ("/kinerja PELAYANAN tahun", "Kinerja Seksi Pelayanan Umum", True),
                ("/terlambat", "lewat tenggat", False),
            ]
            print(f"command path ({runs} runs each; reply = text, chart = photo after it)")
            for command, expected, chart in commands:
                rows.append(await time_command(camat, command, expected, chart, runs, gap))
                rows[-1]["rss_mb"] = current_rss_mb(bot.pid)
                print(
                    f"  {'':<24} bot RSS now {rows[-1]['rss_mb']:.0f} MB, peak so far "
                    f"{peak_rss_mb(bot.pid):.0f} MB"
                )
            for command in ("/ekspor minggu", "/ekspor bulan"):
                rows.append(await time_export(camat, command, admin))
                print(
                    f"  {'':<24} bot RSS now {current_rss_mb(bot.pid):.0f} MB, peak so far "
                    f"{peak_rss_mb(bot.pid):.0f} MB"
                )
            rows.append(await time_command(camat, "/ekspor tahun", "paling banyak", False, 1, gap))
            for round_ in range(1, stress + 1):  # does memory keep growing?
                for command, expected, chart in commands:
                    await camat.send(command)
                    await camat.wait_for(expected, timeout=60)
                    if chart:
                        await camat.wait_for(predicate=lambda m: m.photo is not None, timeout=60)
                if round_ % 5 == 0 or round_ == stress:
                    print(
                        f"  after {round_} more rounds of all commands: RSS "
                        f"{current_rss_mb(bot.pid):.0f} MB, peak {peak_rss_mb(bot.pid):.0f} MB",
                        flush=True,
                    )
            await world.settle(timeout=60)
            memory = {"peak_rss_mb": peak_rss_mb(bot.pid), "rss_mb": current_rss_mb(bot.pid)}
        finally:
            bot.terminate()  # SIGTERM: the bot stops as in production; keep serving it
            try:
                await asyncio.wait_for(bot.wait(), 30)
            except TimeoutError:
                bot.kill()
    print(
        f"bot process memory: peak RSS (VmHWM) {memory['peak_rss_mb']:.0f} MB, "
        f"at the end {memory['rss_mb']:.0f} MB"
    )
    return rows, memory


async def time_command(
    user: Any, command: str, expected: str, chart: bool, runs: int, gap: float = 0.0
) -> dict[str, Any]:
    """``gap`` seconds before each run: the bot paces every private chat to Telegram's
    ~1 message/s (bursts of 3), and a command sends two (text, chart); without a gap,
    back-to-back runs measure that pacing rather than the bot."""
    replies, charts = [], []
    for _ in range(runs):
        await asyncio.sleep(gap)
        started = time.perf_counter()
        await user.send(command)
        await user.wait_for(expected, timeout=60)
        replies.append(time.perf_counter() - started)
        if chart:
            await user.wait_for(predicate=lambda m: m.photo is not None, timeout=60)
            charts.append(time.perf_counter() - started)
    row = {
        "what": command,
        "first_ms": replies[0] * 1000,
        "median_ms": statistics.median(replies[1:] or replies) * 1000,
        "max_ms": max(replies[1:] or replies) * 1000,
        "chart_median_ms": statistics.median(charts[1:] or charts) * 1000 if charts else None,
    }
    chart_text = f"   chart at {row['chart_median_ms']:7.1f} ms" if charts else ""
    print(
        f"  {command:<24} reply first {row['first_ms']:7.1f} ms   median "
        f"{row['median_ms']:7.1f} ms   max {row['max_ms']:7.1f} ms{chart_text}",
        flush=True,
    )
    return row


async def time_export(user: Any, command: str, other: Any) -> dict[str, Any]:
    """The export, and meanwhile someone else's /terlambat: does the bot keep answering?"""
    started = time.perf_counter()
    seen = len(user.inbox)
    await user.send(command)
    waits = []
    while not any(m.document for m in user.inbox[seen:]):
        asked = time.perf_counter()
        await other.send("/terlambat")
        await other.wait_for("lewat tenggat", timeout=60)
        waits.append((time.perf_counter() - asked) * 1000)
        await asyncio.sleep(0.5)
    sent = await user.wait_for(predicate=lambda m: m.document is not None, timeout=300)
    elapsed = (time.perf_counter() - started) * 1000
    if waits:
        print(
            f"  {'':<24} meanwhile another user's /terlambat ({len(waits)} times) answered "
            f"in median {statistics.median(waits):.0f} ms, max {max(waits):.0f} ms"
        )
    size = sent.document.get("file_size", 0) / 1e6
    print(f"  {command:<24} document after {elapsed:7.1f} ms ({size:.1f} MB): {sent.caption}")
    return {
        "what": command,
        "first_ms": elapsed,
        "median_ms": elapsed,
        "max_ms": elapsed,
        "chart_median_ms": None,
    }


def drop_backlog(db: Path, chat_id: int) -> int:
    """End the outbox queue of ``chat_id``: a new supervisor of the seeded office is sent
    the alerts of every unhandled complaint, which the per-chat pace (1 message/s) would
    interleave with the replies being timed (each would wait ~0.5 s for its token)."""
    import sqlite3

    connection = sqlite3.connect(db, timeout=30)
    try:
        with connection:
            return connection.execute(
                "UPDATE outbox SET state = 'dead', last_error = 'bench: backlog dropped' "
                "WHERE chat_id = ? AND state = 'pending'",
                (chat_id,),
            ).rowcount
    finally:
        connection.close()


def data_end(db: Path) -> datetime:
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        last = connection.execute("SELECT MAX(created_at) FROM complaints").fetchone()[0]
        counts = connection.execute(
            "SELECT (SELECT COUNT(*) FROM complaints), (SELECT COUNT(*) FROM complaint_events),"
            " (SELECT COUNT(*) FROM survey_responses), (SELECT COUNT(*) FROM activities),"
            " (SELECT COUNT(*) FROM activity_invitations)"
        ).fetchone()
    finally:
        connection.close()
    print(
        f"{db}: {counts[0]:,} complaints, {counts[1]:,} events, {counts[2]:,} survey "
        f"responses, {counts[3]:,} activities with {counts[4]:,} invitations"
    )
    day = datetime.fromtimestamp(last, ZONE).date()
    return datetime.combine(day, clock_time(12, 0), ZONE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time the report queries and commands.")
    parser.add_argument("--db", type=Path, default=Path("bench/data/bench.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-services", action="store_true")
    parser.add_argument("--skip-bot", action="store_true")
    parser.add_argument("--plans", action="store_true", help="print the query plans too")
    parser.add_argument(
        "--gap",
        type=float,
        default=2.5,
        help="seconds between timed commands, so that the per-chat pacing "
        "(1 message/s, bursts of 3) has refilled; 0 = back to back",
    )
    parser.add_argument(
        "--stress",
        type=int,
        default=0,
        help="then repeat every command this many more times, watching memory",
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"{args.db} not found; run python -m bench.seed first")
    now = data_end(args.db)
    if args.plans:
        asyncio.run(plans(args.db, now))
    if not args.skip_services:
        asyncio.run(services(args.db, now, args.runs))
    if not args.skip_bot:
        asyncio.run(command_path(args.db, args.runs, args.stress, args.gap))


if __name__ == "__main__":
    main()
