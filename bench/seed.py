"""Fill a database with realistic synthetic complaints for the reporting benchmark.

    python -m bench.seed --db bench/data/bench.db            # 1,000,000 complaints
    python -m bench.seed --db /tmp/small.db --complaints 20000

The schema comes from the real migrations and the reference data from the office file,
so the report queries run against exactly what the bot creates. Every complaint follows
the life the services give it (:mod:`bench.synthetic`: filed, acknowledged, maybe
reassigned, asked for more information, answered, resolved, reopened, rated, closed
automatically), on the real working calendar, and its maintained columns
(``acknowledged_at``, ``ack_work_seconds``, ``ack_on_time``, ``resolve_*``,
``reopen_count``, ``rating``, ``status``...) are what those services would have written.
Complaints filed shortly before ``--end`` are still open at whatever step they have
reached; a few old ones were never handled (they are overdue). SKM survey responses
(:mod:`bench.synthetic_surveys`, a few thousand a year from the services' yearly users in
the office file) and activities with invitations, attendance and JP credits
(:mod:`bench.synthetic_activities`) cover the same years.

Speed: rows go in with ``executemany`` in large transactions, the complaint and event
indexes are dropped during the load and re-created afterwards from their own definitions
(so the result has exactly the migrations' indexes), and durability PRAGMAs are relaxed
for the load only. The database is left in WAL mode, as the bot opens it.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench import synthetic_activities as act
from bench.synthetic import (
    CITIZEN_BASE,
    COLUMNS,
    EVENT_SQL,
    STAFF_BASE,
    ZONE,
    FastCalendar,
    Generator,
)
from bench.synthetic_activities import ActivityGenerator
from bench.synthetic_surveys import ANSWER_SQL, RESPONSE_SQL, SurveyGenerator
from bot.core.clock import to_epoch
from bot.core.office import Office, load_office
from storage.core import reference
from storage.core.db import Database
from storage.core.migrate import migrate

BATCH = 20_000  # complaints per transaction


async def prepare(path: Path, office: Office) -> None:
    """Create the schema with the real migrations and mirror the office file."""
    db = Database(path)
    await db.open()
    await migrate(db)
    async with db.transaction() as tx:
        await reference.sync(
            tx,
            units=[reference.UnitRow(u.code, u.name, u.name_en) for u in office.units],
            kelurahan=[reference.KelurahanRow(k.code, k.name) for k in office.kelurahan],
            categories=[
                reference.CategoryRow(
                    c.code, c.name, c.name_en, c.unit, c.acknowledge_days, c.resolve_days, c.conduct
                )
                for c in office.categories
            ],
            services=[
                reference.ServiceRow(s.code, s.name, s.name_en, s.unit, s.population)
                for s in office.services
            ],
        )
    await db.close()


def people_rows(gen: Generator, citizens: int, now: int) -> Iterator[tuple[Any, ...]]:
    for unit, ids in gen.staff.items():
        for index, telegram_id in enumerate(ids):
            role = "kepala" if index == 0 else "staf"
            yield (telegram_id, "Petugas", f"{unit} {index + 1}", role, unit, now)
    for n, telegram_id in enumerate(supervisor_ids()):
        yield (telegram_id, "Pimpinan", str(n + 1), "supervisor", None, now)
    for n in range(citizens):
        yield (CITIZEN_BASE + n, "Warga", str(n), "citizen", None, now)


def load(conn: sqlite3.Connection, gen: Generator, count: int, citizens: int) -> tuple[int, int]:
    now = to_epoch(gen.end)
    conn.executemany(
        """INSERT INTO people (telegram_id, first_name, last_name, role, unit_code, language,
                               started_at, created_at, updated_at, privacy_accepted_at)
           VALUES (?1, ?2, ?3, ?4, ?5, 'id', ?6, ?6, ?6, ?6)""",
        people_rows(gen, citizens, now),
    )
    marks = ", ".join("?" * len(COLUMNS))
    complaint_sql = f"INSERT INTO complaints ({', '.join(COLUMNS)}) VALUES ({marks})"
    created = gen.created_times(count)
    events_total = 0
    started = time.monotonic()
    for first in range(0, len(created), BATCH):
        complaints, events = [], []
        for offset, moment in enumerate(created[first : first + BATCH]):
            # some citizens report often, most once or twice
            reporter = CITIZEN_BASE + int(citizens * gen.rng.random() ** 2)
            row, timeline = gen.complaint(first + offset + 1, moment, reporter)
            complaints.append(row)
            events.extend(timeline)
        conn.executemany(complaint_sql, complaints)
        conn.executemany(EVENT_SQL, events)
        conn.commit()
        events_total += len(events)
        done = first + len(complaints)
        rate = done / max(1e-6, time.monotonic() - started)
        print(
            f"  {done:>9,} complaints, {events_total:>10,} events ({rate:,.0f}/s)", file=sys.stderr
        )
    conn.executemany(
        "INSERT INTO complaint_counters (period, last) VALUES (?, ?)", sorted(gen.counters.items())
    )
    conn.commit()
    return len(created), events_total


def supervisor_ids() -> list[int]:
    return [STAFF_BASE - 10 - n for n in range(2)]


def load_surveys(conn: sqlite3.Connection, gen: SurveyGenerator, count: int | None) -> int:
    responses = answers = 0
    batch: list[tuple[Any, ...]] = []
    batch_answers: list[tuple[Any, ...]] = []
    for row, rows in gen.rows(1, count):
        batch.append(row)
        batch_answers += rows
        if len(batch) == BATCH:
            conn.executemany(RESPONSE_SQL, batch)
            conn.executemany(ANSWER_SQL, batch_answers)
            responses, answers = responses + len(batch), answers + len(batch_answers)
            batch, batch_answers = [], []
    conn.executemany(RESPONSE_SQL, batch)
    conn.executemany(ANSWER_SQL, batch_answers)
    conn.commit()
    return responses + len(batch)


def load_activities(conn: sqlite3.Connection, gen: ActivityGenerator) -> tuple[int, int, int]:
    rows = gen.generate()
    conn.executemany(act.ACTIVITY_SQL, rows.activities)
    conn.executemany(act.UNIT_SQL, rows.units)
    conn.executemany(act.INVITATION_SQL, rows.invitations)
    conn.executemany(act.EVENT_SQL, rows.events)
    conn.executemany(act.CREDIT_SQL, rows.credits)
    conn.commit()
    return len(rows.activities), len(rows.invitations), len(rows.credits)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("bench/data/bench.db"))
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, default=150_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=datetime.now(ZONE).date(),
        help="data ends at 09:00 WIB of this day (default: today, so that "
        "'tahun' and 'bulan' of a bot on the real clock cover it)",
    )
    parser.add_argument(
        "--surveys",
        type=int,
        default=None,
        help="SKM responses (default: 20-45 %% of the office file's yearly "
        "service users over the years, ~8,300 for three years)",
    )
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--office", type=Path, default=None)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)

    if args.db.exists():
        if not args.force:
            sys.exit(f"{args.db} exists; use --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    office = load_office(args.office)
    started = time.monotonic()
    asyncio.run(prepare(args.db, office))
    calendar = FastCalendar(
        ZONE, office.office.hours.start, office.office.hours.end, office.non_working_dates
    )
    end = datetime.combine(args.end, datetime.min.time().replace(hour=9), ZONE)
    gen = Generator(office, calendar, end, args.years, random.Random(args.seed))

    conn = sqlite3.connect(args.db, isolation_level="DEFERRED")
    conn.execute("PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    conn.execute("PRAGMA temp_store=MEMORY")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('complaints', 'complaint_events')"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    print(f"loading {args.complaints:,} complaints into {args.db}", file=sys.stderr)
    complaints, events = load(conn, gen, args.complaints, args.citizens)
    citizens = [CITIZEN_BASE + n for n in range(args.citizens)]
    surveys = SurveyGenerator(office, calendar, gen.start, gen.end, gen.rng, citizens)
    responses = load_surveys(conn, surveys, args.surveys)
    activities, invitations, credits = load_activities(
        conn,
        ActivityGenerator(
            calendar, gen.start, gen.end, gen.rng, gen.staff, supervisor_ids(), citizens
        ),
    )
    print(
        f"  {responses:,} survey responses; {activities:,} activities, {invitations:,} "
        f"invitations, {credits:,} JP credits",
        file=sys.stderr,
    )
    print(f"re-creating {len(indexes)} indexes", file=sys.stderr)
    for _, sql in indexes:
        conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    size = args.db.stat().st_size / 1e6
    print(
        f"done: {complaints:,} complaints, {events:,} events, {size:,.0f} MB, "
        f"{time.monotonic() - started:,.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
