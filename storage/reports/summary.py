"""Report queries: counts, shares, percentiles and series over complaints, in SQL.

Everything is computed by SQLite from the columns the complaint services maintain
(``ack_on_time``, ``resolve_work_seconds``, ``reopen_count``, ``rating``...), reading the
covering indexes of migration 0003; Python only receives small aggregates. Each query
names its index (``INDEXED BY``) so that the plan does not depend on statistics that a
fresh database lacks; ``tests/test_report_queries.py`` checks the plans.

A period is a half-open range of instants ``[start, end)`` (Unix seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage.core.db import Reader, Row

Measure = Literal["ack", "resolve"]

#: Complaints past a deadline can only be these (waiting for the citizen stops the clock).
LATE_STATUSES = "status IN ('baru', 'diterima', 'diproses', 'dibuka_kembali')"
#: Below this many values, sorting the period's values beats reading the value index.
SORT_LIMIT = 20_000

_TALLY = """COUNT(*) AS received,
    COUNT(ack_on_time) AS ack_known, COALESCE(SUM(ack_on_time), 0) AS ack_on_time,
    COUNT(resolve_on_time) AS resolve_known,
    COALESCE(SUM(resolve_on_time), 0) AS resolve_on_time,
    COUNT(*) FILTER (WHERE reopen_count > 0) AS reopened,
    COUNT(rating) AS rated, COALESCE(SUM(rating), 0) AS rating_sum"""

_COLUMN = {"ack": "ack_work_seconds", "resolve": "resolve_work_seconds"}
_VALUE_INDEX = {
    ("ack", False): "complaints_ack_work",
    ("resolve", False): "complaints_resolve_work",
    ("ack", True): "complaints_ack_work_by_unit",
    ("resolve", True): "complaints_resolve_work_by_unit",
}


@dataclass(frozen=True)
class Tally:
    """Counts over a set of complaints; shares and averages are derived by the caller."""

    received: int = 0
    ack_known: int = 0  # acknowledged at least once
    ack_on_time: int = 0
    resolve_known: int = 0  # resolved at least once
    resolve_on_time: int = 0
    reopened: int = 0  # reopened at least once
    rated: int = 0
    rating_sum: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.received,
            self.ack_known,
            self.ack_on_time,
            self.resolve_known,
            self.resolve_on_time,
            self.reopened,
            self.rated,
            self.rating_sum,
        )


def _tally(row: Row) -> Tally:
    return Tally(
        row["received"],
        row["ack_known"],
        row["ack_on_time"],
        row["resolve_known"],
        row["resolve_on_time"],
        row["reopened"],
        row["rated"],
        row["rating_sum"],
    )


@dataclass(frozen=True)
class Cell:
    """The complaints of one (unit, status, category, kelurahan) received in a period."""

    unit_code: str
    status: str
    category_code: str
    kelurahan_code: str | None
    tally: Tally


async def cells(db: Reader, start: int, end: int, unit_code: str | None = None) -> list[Cell]:
    """Every figure of a period by unit x status x category x kelurahan (a few hundred rows
    at most), read in index order: no sorting of the period's complaints."""
    unit_filter = "unit_code = ? AND " if unit_code is not None else ""
    params = (unit_code, start, end) if unit_code is not None else (start, end)
    rows = await db.fetchall(
        f"""SELECT unit_code, status, category_code, kelurahan_code, {_TALLY}
            FROM complaints INDEXED BY complaints_report_dims
            WHERE {unit_filter}created_at >= ? AND created_at < ?
            GROUP BY unit_code, status, category_code, kelurahan_code""",
        params,
    )
    return [
        Cell(r["unit_code"], r["status"], r["category_code"], r["kelurahan_code"], _tally(r))
        for r in rows
    ]


async def totals(db: Reader, start: int, end: int, unit_code: str | None = None) -> Tally:
    """The counts of a period without breakdown (used for the previous period)."""
    if unit_code is None:
        row = await db.fetchrow(
            f"""SELECT {_TALLY} FROM complaints INDEXED BY complaints_report_time
                WHERE created_at >= ? AND created_at < ?""",
            (start, end),
        )
    else:
        row = await db.fetchrow(
            f"""SELECT {_TALLY} FROM complaints INDEXED BY complaints_report_unit_time
                WHERE unit_code = ? AND created_at >= ? AND created_at < ?""",
            (unit_code, start, end),
        )
    return _tally(row)


async def newest_id(db: Reader) -> int:
    """The highest complaint id (0 without complaints): lower than before means the
    office's data was replaced, e.g. restored from a backup."""
    return int(await db.fetchval("SELECT COALESCE(MAX(id), 0) FROM complaints") or 0)


async def changed_since(db: Reader, since: int, after_id: int) -> list[tuple[int, int | None]]:
    """``(created_at, updated_at)`` of the complaints changed at or after ``since``, and
    ``(created_at, None)`` of those added after ``after_id``: when they were received is
    the period whose figures they may have moved."""
    rows = await db.fetchall(
        """SELECT created_at, updated_at FROM complaints INDEXED BY complaints_by_update
           WHERE updated_at >= ?
           UNION ALL SELECT created_at, NULL FROM complaints WHERE id > ?""",
        (since, after_id),
    )
    return [(r["created_at"], r["updated_at"]) for r in rows]


async def value_at(
    db: Reader,
    measure: Measure,
    start: int,
    end: int,
    offset: int,
    count: int,
    unit_code: str | None = None,
    *,
    sort_limit: int = SORT_LIMIT,
) -> int | None:
    """The ``offset``-th smallest (0-based) working time of ``measure`` among the ``count``
    complaints of the period that have one.

    Few values: the period's range of the time index is read and sorted. Many values: the
    value index is read in order, skipping other periods, and stops at the rank; its cost
    does not grow with the size of the period."""
    if not 0 <= offset < count:
        return None
    column = _COLUMN[measure]
    unit_filter = "unit_code = ? AND " if unit_code is not None else ""
    if count <= sort_limit:
        index = (
            "complaints_report_unit_time" if unit_code is not None else ("complaints_report_time")
        )
    else:
        index = _VALUE_INDEX[(measure, unit_code is not None)]
    params = ((unit_code,) if unit_code is not None else ()) + (start, end, offset)
    return await db.fetchval(
        f"""SELECT {column} FROM complaints INDEXED BY {index}
            WHERE {unit_filter}{column} IS NOT NULL AND created_at >= ? AND created_at < ?
            ORDER BY {column} LIMIT 1 OFFSET ?""",
        params,
    )


@dataclass(frozen=True)
class WeekCell:
    week: int  # position in the list of week bounds
    unit_code: str
    received: int
    resolved: int  # resolved at least once
    resolved_on_time: int


async def weekly(db: Reader, weeks: list[tuple[int, int]], unit_codes: list[str]) -> list[WeekCell]:
    """Complaints received per week and unit, and how many of them were resolved on time:
    one index range per (week, unit), so the cost follows the data read, not a sort."""
    if not weeks or not unit_codes:
        return []
    in_cell = """FROM complaints AS c INDEXED BY complaints_report_unit_time
                 WHERE c.unit_code = u.value AND c.created_at >= w.value
                   AND c.created_at < e.value"""
    each, array = db.dialect.each, db.dialect.array
    rows = await db.fetchall(
        f"""SELECT w.key AS week, u.value AS unit_code,
                   (SELECT COUNT(*) {in_cell}) AS received,
                   (SELECT COUNT(resolve_on_time) {in_cell}) AS resolved,
                   (SELECT COALESCE(SUM(resolve_on_time), 0) {in_cell}) AS on_time
            FROM {each("w")} JOIN {each("e")} ON e.key = w.key
            CROSS JOIN {each("u", of="text")}""",
        (array([s for s, _ in weeks]), array([e for _, e in weeks]), array(unit_codes)),
    )
    return [
        WeekCell(r["week"], r["unit_code"], r["received"], r["resolved"], r["on_time"])
        for r in rows
    ]


def _late(alias: str = "", withheld: str | None = None) -> str:
    """Open and past a deadline at ``:now``: not acknowledged in time, or not resolved.
    With ``withheld`` (the viewer's unit), conduct complaints about ``:withheld`` are left
    out; only then does the query read the table besides the covering index."""
    a = f"{alias}." if alias else ""
    conflict = ""
    if withheld is not None:
        conflict = f" AND {a}named_unit_code IS DISTINCT FROM :withheld"
    return f"""{a}{LATE_STATUSES}
        AND (({a}acknowledged_at IS NULL AND {a}ack_due_at < :now) OR {a}resolve_due_at < :now)
        {conflict}"""


async def overdue_counts(db: Reader, now: int, withheld: str | None = None) -> dict[str, int]:
    """Open complaints past a deadline at ``now``, per handling unit (without the conduct
    complaints about the unit ``withheld``)."""
    rows = await db.fetchall(
        f"""SELECT unit_code, COUNT(*) AS n FROM complaints INDEXED BY complaints_open_deadlines
            WHERE {_late(withheld=withheld)} GROUP BY unit_code""",
        {"now": now, "withheld": withheld},
    )
    return {r["unit_code"]: r["n"] for r in rows}


@dataclass(frozen=True)
class Backlog:
    open: int  # open and on the unit's clock (not waiting for the citizen)
    late: int  # of those, past a deadline


async def backlog(db: Reader, now: int, withheld: str | None = None) -> dict[str, Backlog]:
    """Per handling unit: open complaints on its clock at ``now``, and how many are past
    a deadline (one pass over the open-deadlines index). With ``withheld`` (the viewer's
    unit), conduct complaints about that unit are left out, as in :func:`overdue_counts`."""
    conflict = " AND named_unit_code IS DISTINCT FROM :withheld" if withheld is not None else ""
    rows = await db.fetchall(
        f"""SELECT unit_code, COUNT(*) AS open,
                   COUNT(*) FILTER (WHERE (acknowledged_at IS NULL AND ack_due_at < :now)
                                    OR resolve_due_at < :now) AS late
            FROM complaints INDEXED BY complaints_open_deadlines
            WHERE {LATE_STATUSES}{conflict} GROUP BY unit_code""",
        {"now": now, "withheld": withheld},
    )
    return {r["unit_code"]: Backlog(r["open"], r["late"]) for r in rows}


@dataclass(frozen=True)
class Overdue:
    id: int
    number: str
    unit_code: str
    assignee_id: int | None
    assignee_name: str | None
    missed: Literal["ack", "resolve"]  # the deadline passed first
    late_since: int


async def overdue(
    db: Reader, now: int, limit: int, unit_code: str | None = None, withheld: str | None = None
) -> list[Overdue]:
    """Open complaints past a deadline, longest overdue first (without the conduct
    complaints about the unit ``withheld``)."""
    unit_filter = "AND c.unit_code = :unit" if unit_code is not None else ""
    rows = await db.fetchall(
        f"""SELECT c.id, c.number, c.unit_code, c.assignee_id,
                   TRIM(p.first_name || ' ' || COALESCE(p.last_name, '')) AS assignee_name,
                   CASE WHEN c.acknowledged_at IS NULL AND c.ack_due_at <= c.resolve_due_at
                        THEN 'ack' ELSE 'resolve' END AS missed,
                   CASE WHEN c.acknowledged_at IS NULL AND c.ack_due_at < c.resolve_due_at
                        THEN c.ack_due_at ELSE c.resolve_due_at END AS late_since
            FROM complaints AS c INDEXED BY complaints_open_deadlines
            LEFT JOIN people p ON p.telegram_id = c.assignee_id
            WHERE {_late("c", withheld)} {unit_filter}
            ORDER BY late_since, c.id LIMIT :limit""",
        {"now": now, "limit": limit, "unit": unit_code, "withheld": withheld},
    )
    return [
        Overdue(
            r["id"],
            r["number"],
            r["unit_code"],
            r["assignee_id"],
            r["assignee_name"],
            r["missed"],
            r["late_since"],
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Adoption:
    unit_code: str
    registered: int  # staf and kepala of the unit
    active: int  # of whom acted through the bot in the period


async def adoption(
    db: Reader, start: int, end: int, unit_code: str | None = None
) -> dict[str, Adoption]:
    """Registered staff per unit and how many of them acted on a complaint in the period.
    (``role <> 'citizen'`` lets SQLite use the partial index people_by_role.)"""
    unit_filter = "AND p.unit_code = ?" if unit_code is not None else ""
    params = (start, end) + ((unit_code,) if unit_code is not None else ())
    rows = await db.fetchall(
        f"""SELECT p.unit_code, COUNT(*) AS registered,
                   COUNT(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM complaint_events e
                       WHERE e.actor_id = p.telegram_id AND e.at >= ? AND e.at < ?)) AS active
            FROM people p
            WHERE p.role <> 'citizen' AND p.role IN ('staf', 'kepala')
              AND p.unit_code IS NOT NULL {unit_filter}
            GROUP BY p.unit_code""",
        params,
    )
    return {r["unit_code"]: Adoption(r["unit_code"], r["registered"], r["active"]) for r in rows}
