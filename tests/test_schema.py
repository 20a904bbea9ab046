"""The two migration sets build the same model: every step has both files, and on
PostgreSQL the tables, their columns (in order), which may be NULL and the primary keys
are those of SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.core import copy as copying
from storage.core.db import Database, Reader
from storage.core.migrate import available, current_version, migrate
from tests.database import POSTGRESQL, fresh_database


def test_every_step_has_both_files() -> None:
    steps = available()  # raises when a .pg.sql twin is missing or misnamed
    assert [m.version for m in steps] == list(range(1, len(steps) + 1))
    assert all(m.sql.strip() and m.pg_sql.strip() for m in steps)


async def _nullable(db: Reader, table: str) -> dict[str, bool]:
    if db.dialect.postgresql:
        rows = await db.fetchall(
            """SELECT column_name AS name, is_nullable = 'YES' AS nullable
               FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = ?""",
            (table,),
        )
        return {r["name"]: bool(r["nullable"]) for r in rows}
    rows = await db.fetchall('SELECT name, "notnull", pk FROM pragma_table_info(?)', (table,))
    # SQLite lets an INTEGER PRIMARY KEY alias rowid be declared without NOT NULL.
    return {r["name"]: not r["notnull"] and not r["pk"] for r in rows}


async def _model(db: Reader) -> dict[str, tuple[list[str], list[str], dict[str, bool]]]:
    return {
        table: (
            list(await copying.columns(db, table)),
            await copying.primary_key(db, table),
            await _nullable(db, table),
        )
        for table in sorted(await copying.tables(db))
    }


@pytest.mark.skipif(not POSTGRESQL, reason="compares with PostgreSQL (MARELAN_TEST_DATABASE)")
async def test_postgresql_schema_is_the_sqlite_model(tmp_path: Path) -> None:
    sqlite, postgres = Database(tmp_path / "model.db"), Database(await fresh_database(tmp_path))
    await sqlite.open()
    await postgres.open()
    try:
        await migrate(sqlite)
        assert await migrate(postgres) == []  # the template is already at the last step
        assert await current_version(postgres) == await current_version(sqlite)
        assert await _model(postgres) == await _model(sqlite)
    finally:
        await sqlite.close()
        await postgres.close()


async def test_migrate_twice_applies_nothing_the_second_time(tmp_path: Path) -> None:
    db = Database(await fresh_database(tmp_path, empty=True))
    await db.open()
    try:
        assert len(await migrate(db)) == len(available())
        assert await migrate(db) == []
        assert await current_version(db) == len(available())
    finally:
        await db.close()
