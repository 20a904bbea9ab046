"""Reference data mirrored from the office file: units, kelurahan, categories, services.

The office file is the source of truth; :func:`sync` makes the tables match it by code,
idempotently. Rows that left the file are deactivated, never deleted: old complaints
still point at them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    name_en: str | None


@dataclass(frozen=True)
class KelurahanRow:
    code: str
    name: str


@dataclass(frozen=True)
class CategoryRow:
    code: str
    name: str
    name_en: str
    unit_code: str
    acknowledge_days: float
    resolve_days: float
    conduct: bool


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name: str
    name_en: str | None
    unit_code: str
    population: int | None


async def _sync_table(tx: Tx, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    names = ", ".join(columns)
    marks = ", ".join("?" * (len(columns) + 1))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    await tx.executemany(
        f"""INSERT INTO {table} ({names}, position) VALUES ({marks})
            ON CONFLICT (code) DO UPDATE SET {updates}, position = excluded.position,
            active = 1""",
        [(*row, position) for position, row in enumerate(rows)],
    )
    kept = tx.dialect.each("kept", of="text")
    await tx.execute(
        f"UPDATE {table} SET active = 0 WHERE code NOT IN (SELECT value FROM {kept})",
        (tx.dialect.array([row[0] for row in rows]),),
    )


async def sync(
    tx: Tx,
    units: Sequence[UnitRow],
    kelurahan: Sequence[KelurahanRow],
    categories: Sequence[CategoryRow],
    services: Sequence[ServiceRow],
) -> None:
    await _sync_table(
        tx, "units", ("code", "name", "name_en"), [(u.code, u.name, u.name_en) for u in units]
    )
    await _sync_table(tx, "kelurahan", ("code", "name"), [(k.code, k.name) for k in kelurahan])
    await _sync_table(
        tx,
        "categories",
        ("code", "name", "name_en", "unit_code", "acknowledge_days", "resolve_days", "conduct"),
        [
            (
                c.code,
                c.name,
                c.name_en,
                c.unit_code,
                c.acknowledge_days,
                c.resolve_days,
                int(c.conduct),
            )
            for c in categories
        ],
    )
    await _sync_table(
        tx,
        "services",
        ("code", "name", "name_en", "unit_code", "population"),
        [(s.code, s.name, s.name_en, s.unit_code, s.population) for s in services],
    )


async def active_units(db: Reader) -> list[UnitRow]:
    rows = await db.fetchall(
        "SELECT code, name, name_en FROM units WHERE active = 1 ORDER BY position"
    )
    return [UnitRow(r["code"], r["name"], r["name_en"]) for r in rows]


async def count_rows(db: Reader, table: str) -> int:
    if table not in ("units", "kelurahan", "categories", "services"):
        raise ValueError(table)
    return int(await db.fetchval(f"SELECT COUNT(*) FROM {table}"))
