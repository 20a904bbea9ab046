"""The report SQL against plain Python over the same rows, and the query plans.

The database is filled by the benchmark seeder (realistic lives of complaints on the real
working calendar, through the real migrations), small enough to be quick.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from bench import seed
from storage.activities import jp
from storage.core import copy as copying
from storage.core.db import Database, Params, Reader, Row, read_only
from storage.core.migrate import migrate
from storage.reports import sheets as report_sheets
from storage.reports import summary as reports
from tests.database import POSTGRESQL, fresh_database

WIB = ZoneInfo("Asia/Jakarta")
END = date(2026, 11, 25)
NOW = int(datetime(2026, 11, 25, 9, 0, tzinfo=WIB).timestamp())


def epoch(day: date) -> int:
    return int(datetime.combine(day, datetime.min.time(), WIB).timestamp())


PERIODS = [
    (epoch(date(2026, 1, 1)), epoch(date(2027, 1, 1))),  # a year, the current one
    (epoch(date(2026, 10, 1)), epoch(date(2026, 11, 1))),  # a month
    (epoch(date(2026, 11, 24)), epoch(date(2026, 11, 25))),  # a day, mostly open ones
    (epoch(date(2020, 1, 1)), epoch(date(2020, 2, 1))),  # nothing
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "seeded.db"
    seed.main(
        [
            "--db",
            str(path),
            "--complaints",
            "4000",
            "--citizens",
            "800",
            "--years",
            "2",
            "--end",
            END.isoformat(),
            "--seed",
            "11",
        ]
    )
    return path


@pytest_asyncio.fixture(scope="module")
async def target(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """The seeded file itself on SQLite; on PostgreSQL a copy of it (``copy-db``)."""
    if not POSTGRESQL:
        return seeded
    url = await fresh_database(tmp_path_factory.mktemp("pg"), empty=True)
    async with read_only(seeded) as source:
        database = Database(url)
        await database.open()
        try:
            await migrate(database)
            assert all(check.ok for check in await copying.copy(source, database))
        finally:
            await database.close()
    return url


@pytest_asyncio.fixture
async def db(target: Path | str) -> AsyncIterator[Database]:
    database = Database(target)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


@pytest_asyncio.fixture
async def rows(db: Database) -> list[Row]:
    return await db.fetchall("SELECT * FROM complaints")


def python_tally(rows: list[Row]) -> reports.Tally:
    def count(column: str) -> int:
        return sum(1 for r in rows if r[column] is not None)

    def total(column: str) -> int:
        return sum(r[column] for r in rows if r[column] is not None)

    return reports.Tally(
        received=len(rows),
        ack_known=count("ack_on_time"),
        ack_on_time=total("ack_on_time"),
        resolve_known=count("resolve_on_time"),
        resolve_on_time=total("resolve_on_time"),
        reopened=sum(1 for r in rows if r["reopen_count"] > 0),
        rated=count("rating"),
        rating_sum=total("rating"),
    )


def within(rows: list[Row], start: int, end: int, unit: str | None = None) -> list[Row]:
    return [
        r
        for r in rows
        if start <= r["created_at"] < end and (unit is None or r["unit_code"] == unit)
    ]


@pytest.mark.parametrize(("start", "end"), PERIODS)
async def test_cells_and_totals_match_python(
    db: Database, rows: list[Row], start: int, end: int
) -> None:
    chosen = within(rows, start, end)
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for r in chosen:
        groups[(r["unit_code"], r["status"], r["category_code"], r["kelurahan_code"])].append(r)
    cells = await reports.cells(db, start, end)
    assert {(c.unit_code, c.status, c.category_code, c.kelurahan_code): c.tally for c in cells} == {
        key: python_tally(group) for key, group in groups.items()
    }
    assert await reports.totals(db, start, end) == python_tally(chosen)
    for unit in ("PEMB", "SEKRET"):
        assert await reports.totals(db, start, end, unit) == python_tally(
            within(rows, start, end, unit)
        )
        unit_cells = await reports.cells(db, start, end, unit)
        assert sum((c.tally for c in unit_cells), reports.Tally()) == python_tally(
            within(rows, start, end, unit)
        )


@pytest.mark.parametrize(
    ("start", "end"), [*PERIODS[:2], (epoch(date(2026, 11, 2)), epoch(date(2026, 11, 16)))]
)
@pytest.mark.parametrize("measure", ["ack", "resolve"])
@pytest.mark.parametrize("unit", [None, "PEM"])
async def test_ranked_values_match_python_with_both_strategies(
    db: Database, rows: list[Row], start: int, end: int, measure: str, unit: str | None
) -> None:
    column = f"{measure}_work_seconds"
    values = sorted(r[column] for r in within(rows, start, end, unit) if r[column] is not None)
    assert values, "the seeded period should have values"
    for offset in {0, len(values) // 2, (len(values) * 9) // 10, len(values) - 1}:
        for sort_limit in (0, 10**9):  # value index / sorting the period
            found = await reports.value_at(
                db, measure, start, end, offset, len(values), unit, sort_limit=sort_limit
            )
            assert found == values[offset], (offset, sort_limit)
    assert await reports.value_at(db, measure, start, end, len(values), len(values), unit) is None


async def test_weekly_series_match_python(db: Database, rows: list[Row]) -> None:
    mondays = [date(2026, 9, 7) + timedelta(weeks=i) for i in range(12)]
    weeks = [(epoch(m), epoch(m + timedelta(weeks=1))) for m in mondays]
    units = ["SEKRET", "PEMB", "PELAYANAN"]
    found = {
        (c.week, c.unit_code): (c.received, c.resolved, c.resolved_on_time)
        for c in await reports.weekly(db, weeks, units)
    }
    assert len(found) == len(weeks) * len(units)
    for index, (start, end) in enumerate(weeks):
        for unit in units:
            chosen = within(rows, start, end, unit)
            resolved = [r for r in chosen if r["resolve_on_time"] is not None]
            assert found[(index, unit)] == (
                len(chosen),
                len(resolved),
                sum(r["resolve_on_time"] for r in resolved),
            )


async def test_overdue_matches_python(db: Database, rows: list[Row]) -> None:
    def late_since(r: Row) -> int:
        if r["acknowledged_at"] is None:
            return min(r["ack_due_at"], r["resolve_due_at"])
        return r["resolve_due_at"]

    late = [
        r
        for r in rows
        if r["status"] in ("baru", "diterima", "diproses", "dibuka_kembali")
        and ((r["acknowledged_at"] is None and r["ack_due_at"] < NOW) or r["resolve_due_at"] < NOW)
    ]
    assert late, "the seeder leaves some complaints unhandled"
    assert await reports.overdue_counts(db, NOW) == dict(Counter(r["unit_code"] for r in late))
    on_clock = [
        r for r in rows if r["status"] in ("baru", "diterima", "diproses", "dibuka_kembali")
    ]
    backlog = await reports.backlog(db, NOW)
    assert {code: (b.open, b.late) for code, b in backlog.items()} == {
        code: (n, sum(r["unit_code"] == code for r in late))
        for code, n in Counter(r["unit_code"] for r in on_clock).items()
    }
    listed = await reports.overdue(db, NOW, 25)
    expected = sorted(late, key=lambda r: (late_since(r), r["id"]))[:25]
    assert [o.id for o in listed] == [r["id"] for r in expected]
    assert [o.late_since for o in listed] == [late_since(r) for r in expected]
    pemb = await reports.overdue(db, NOW, 100, "PEMB")
    assert {o.id for o in pemb} == {r["id"] for r in late if r["unit_code"] == "PEMB"}


async def test_adoption_matches_python(db: Database) -> None:
    start, end = PERIODS[1]
    staff = await db.fetchall(
        "SELECT telegram_id, unit_code FROM people WHERE role IN ('staf', 'kepala')"
    )
    acted = {
        r["actor_id"]
        for r in await db.fetchall(
            "SELECT DISTINCT actor_id FROM complaint_events WHERE at >= ? AND at < ?", (start, end)
        )
    }
    found = await reports.adoption(db, start, end)
    for unit in {s["unit_code"] for s in staff}:
        members = [s["telegram_id"] for s in staff if s["unit_code"] == unit]
        assert found[unit].registered == len(members)
        assert found[unit].active == len([m for m in members if m in acted])
        assert 0 < found[unit].active < found[unit].registered  # the seeder's idle officers


class Explaining(Reader):
    """Records the plan of every query the report functions run."""

    def __init__(self, db: Database) -> None:
        super().__init__(db._statements, db.dialect)
        self.plans: list[tuple[str, list[str]]] = []

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        plan = await super().fetchall("EXPLAIN QUERY PLAN " + sql, params)
        self.plans.append((sql, [r["detail"] for r in plan]))
        return await super().fetchall(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        plan = await super().fetchall("EXPLAIN QUERY PLAN " + sql, params)
        self.plans.append((sql, [r["detail"] for r in plan]))
        return await super().fetchone(sql, params)

    def only_plan(self) -> str:
        assert len(self.plans) == 1
        plan = " | ".join(self.plans[0][1])
        self.plans.clear()
        return plan


@pytest.mark.sqlite_only("SQLite's query plans")
async def test_query_plans_read_covering_indexes_without_sorting(db: Database) -> None:
    spy = Explaining(db)
    start, end = PERIODS[0]
    await reports.cells(spy, start, end)
    plan = spy.only_plan()
    assert "COVERING INDEX complaints_report_dims" in plan and "TEMP B-TREE" not in plan
    await reports.cells(spy, start, end, "PEMB")
    plan = spy.only_plan()
    assert "COVERING INDEX complaints_report_dims (unit_code=?)" in plan
    assert "TEMP B-TREE" not in plan
    await reports.totals(spy, start, end)
    assert "COVERING INDEX complaints_report_time (created_at>? AND created_at<?)" in (
        spy.only_plan()
    )
    await reports.totals(spy, start, end, "PEMB")
    assert "COVERING INDEX complaints_report_unit_time (unit_code=? AND created_at>?" in (
        spy.only_plan()
    )
    await reports.value_at(spy, "resolve", start, end, 10, 100, sort_limit=0)
    plan = spy.only_plan()
    assert "COVERING INDEX complaints_resolve_work" in plan and "TEMP B-TREE" not in plan
    await reports.value_at(spy, "ack", start, end, 10, 100, "PEM", sort_limit=0)
    plan = spy.only_plan()
    assert "COVERING INDEX complaints_ack_work_by_unit (unit_code=?" in plan
    assert "TEMP B-TREE" not in plan
    await reports.value_at(spy, "ack", start, end, 10, 100)  # few values: sort the period
    assert "COVERING INDEX complaints_report_time (created_at>?" in spy.only_plan()
    await reports.weekly(spy, [(start, end)], ["PEM"])
    plan = spy.only_plan()
    assert (
        plan.count("COVERING INDEX complaints_report_unit_time (unit_code=? AND created_at>?") == 3
    )
    await reports.overdue_counts(spy, NOW)
    assert "COVERING INDEX complaints_open_deadlines" in spy.only_plan()
    await reports.backlog(spy, NOW)
    assert "COVERING INDEX complaints_open_deadlines" in spy.only_plan()
    await reports.overdue(spy, NOW, 10)
    assert "complaints_open_deadlines" in spy.only_plan()
    await reports.adoption(spy, start, end)
    plan = spy.only_plan()
    assert "complaint_events_by_actor (actor_id=? AND at>? AND at<?)" in plan
    assert "USING COVERING INDEX people_by_role" in plan


# --- the survey and activity sheets, and JP as of a past moment -----------------------------


async def test_survey_pages_give_every_response_once_in_order(db: Database) -> None:
    start, end = PERIODS[1]
    raw = await db.fetchall(
        "SELECT * FROM survey_responses WHERE submitted_at >= ? AND submitted_at < ? "
        "ORDER BY submitted_at, id",
        (start, end),
    )
    answers = defaultdict(dict)
    for row in await db.fetchall("SELECT * FROM survey_answers"):
        answers[row["response_id"]][row["unsur"]] = row["score"]
    assert len(raw) > 20  # the seeder's surveys reach this month
    pages = [page async for page in report_sheets.survey_pages(db, start, end, page=7)]
    assert {len(page) for page in pages[:-1]} == {7}
    found = [r for page in pages for r in page]
    assert [r.id for r in found] == [r["id"] for r in raw]
    assert all(r.answers == answers[r.id] and len(r.answers) == 9 for r in found)
    assert [(r.gender, r.suggestion) for r in found] == [
        (r["gender"], r["suggestion"]) for r in raw
    ]
    assert await report_sheets.count_responses(db, start, end) == len(raw)
    assert [p async for p in report_sheets.survey_pages(db, *PERIODS[3])] == []


async def test_attendees_match_the_saved_attendance(db: Database) -> None:
    saved = await db.fetchall(
        "SELECT id FROM activities WHERE attendance_saved_at IS NOT NULL ORDER BY id LIMIT 5"
    )
    ids = [r["id"] for r in saved]
    found = await report_sheets.attendees(db, ids)
    for activity_id in ids:
        present = await db.fetchall(
            "SELECT person_id FROM activity_invitations WHERE activity_id = ? AND attended = 1",
            (activity_id,),
        )
        assert len(found[activity_id]) == len(present)
    assert sum(len(v) for v in found.values()) > 0


async def test_staff_jp_until_a_moment_counts_only_trainings_started_before(db: Database) -> None:
    until = epoch(date(2026, 6, 1))
    credits = await db.fetchall(
        """SELECT c.person_id, c.jp, a.starts_at FROM jp_credits c
           JOIN activities a ON a.id = c.activity_id WHERE c.year = 2026"""
    )
    expected: Counter[int] = Counter()
    for row in credits:
        if row["starts_at"] < until:
            expected[row["person_id"]] += row["jp"]
    staff = await jp.staff_jp(db, 2026, until=until)
    assert {s.person_id: s.jp for s in staff if s.jp} == dict(expected)
    assert sum(s.jp for s in await jp.staff_jp(db, 2026)) > sum(expected.values())


@pytest.mark.sqlite_only("SQLite's query plans")
async def test_survey_pages_read_the_time_index(db: Database) -> None:
    spy = Explaining(db)
    start, end = PERIODS[1]
    async for _ in report_sheets.survey_pages(spy, start, end, page=100_000):
        break
    plan = " | ".join(spy.plans[0][1])
    # keyset: seeks past the previous page; only equal instants are sorted by id
    assert "survey_responses_by_time (submitted_at>? AND submitted_at<?)" in plan
    assert "TEMP B-TREE FOR RIGHT PART OF ORDER BY" in plan


@pytest.mark.sqlite_only("SQLite's query plans")
async def test_staff_jp_reads_only_the_staff_through_their_index(db: Database) -> None:
    spy = Explaining(db)
    await jp.staff_jp(spy, 2026, "PEMB", NOW)
    plan = " | ".join(spy.plans[0][1])
    assert "people_by_role (role=? AND unit_code=?)" in plan and "SCAN p" not in plan


# --- the city's memory of past months ---------------------------------------------------------


async def test_remembered_months_give_the_figures_read_directly(db: Database) -> None:
    from bot.city.settled import SettledMonths
    from bot.core.periods import parse_period
    from storage.survey import responses as surveys

    months = SettledMonths(WIB)
    office = months.office("MRL")
    async with office.lock:
        await months.refresh(office, db, NOW)
    for text in ("tahun", "2025", "2026-10", "bulan", "2025-02-10..2026-03-05"):
        period = parse_period(text, END)
        start, end = epoch(period.start), epoch(period.end)
        for _ in range(2):  # read, then remembered
            assert await months.tally(office, db, period, END) == await reports.totals(
                db, start, end
            )
            assert await months.survey(office, db, period, END) == await surveys.aggregate(
                db, start, end
            )
    assert len(office.tallies) == 12 + 10  # 2025 and Jan-Oct 2026; the range's are among them
    assert set(office.surveys) == set(office.tallies)

    # Nothing changed since: every month stays; data replaced (ids went down): all go.
    async with office.lock:
        await months.refresh(office, db, NOW + 60)
    assert len(office.tallies) == 22
    office.complaint_id += 1
    async with office.lock:
        await months.refresh(office, db, NOW + 120)
    assert office.tallies == {} and office.surveys == {}


async def test_the_months_of_changed_complaints_are_found(db: Database, rows: list[Row]) -> None:
    since = sorted(r["updated_at"] for r in rows)[-50]
    newest = max(r["id"] for r in rows)
    expected = sorted((r["created_at"], r["updated_at"]) for r in rows if r["updated_at"] >= since)
    assert sorted(await reports.changed_since(db, since, newest)) == expected
    added = sorted((r["created_at"], None) for r in rows if r["id"] > newest - 10)
    assert sorted(await reports.changed_since(db, NOW * 2, newest - 10)) == added
    assert await reports.newest_id(db) == newest


@pytest.mark.sqlite_only("SQLite's query plans")
async def test_changed_complaints_are_found_through_their_index(db: Database) -> None:
    spy = Explaining(db)
    await reports.changed_since(spy, NOW, 100)
    plan = spy.only_plan()
    assert "complaints_by_update (updated_at>?)" in plan
    assert "INTEGER PRIMARY KEY (rowid>?)" in plan and "SCAN" not in plan
