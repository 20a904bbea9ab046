"""Numbered schema migrations, for SQLite and PostgreSQL.

``storage/core/migrations/NNNN_name.sql`` is the SQLite schema step and
``NNNN_name.pg.sql`` the same step for PostgreSQL (the same tables, columns, keys and
indexes in that engine's types: BIGINT for INTEGER, DOUBLE PRECISION for REAL, BYTEA for
BLOB, identity columns for row ids). Every step has both files, numbered 1..n without
gaps. Each step is applied once, in order, in its own transaction together with the
record of it: SQLite keeps the version in ``PRAGMA user_version``; PostgreSQL in the table
``schema_migrations`` (version, name, applied_at) of the office's schema, under an
advisory lock of that schema so that two processes starting at once do not both migrate.
An office in a schema of its own (``DATABASE_SCHEMA``) gets the schema created by its
first migration.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

from storage.core.db import Database, Reader, Tx
from storage.core.namespace import DEFAULT_SCHEMA, migration_lock, quoted

log = logging.getLogger(__name__)
NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(pg\.)?sql$")

PG_SCHEMA_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str  # SQLite
    pg_sql: str  # PostgreSQL

    def script(self, postgresql: bool) -> str:
        return self.pg_sql if postgresql else self.sql


def available() -> list[Migration]:
    folder = resources.files("storage.core") / "migrations"
    sqlite: dict[int, tuple[str, str]] = {}
    postgres: dict[int, tuple[str, str]] = {}
    for entry in folder.iterdir():
        match = NAME.match(entry.name)
        if match:
            found = postgres if match.group(3) else sqlite
            found[int(match.group(1))] = (match.group(2), entry.read_text("utf-8"))
    versions = sorted(sqlite)
    if versions != list(range(1, len(sqlite) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, got {versions}")
    if sorted(postgres) != versions or any(postgres[v][0] != sqlite[v][0] for v in versions):
        raise RuntimeError("every migration NNNN_name.sql needs its NNNN_name.pg.sql")
    return [
        Migration(v, f"{v:04d}_{sqlite[v][0]}.sql", sqlite[v][1], postgres[v][1]) for v in versions
    ]


async def current_version(db: Reader) -> int:
    if not db.dialect.postgresql:
        return int(await db.fetchval("PRAGMA user_version"))
    if await db.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL"):
        return int(await db.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
    return 0


async def _record(tx: Tx, migration: Migration) -> None:
    if tx.dialect.postgresql:
        await tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
            (migration.version, migration.name),
        )
    else:
        await tx.execute(f"PRAGMA user_version={migration.version}")


async def _schema_exists(tx: Tx) -> bool:
    """Whether the office's schema is there (made by an administrator, for a role of the
    office's own that may not create schemas: even ``CREATE SCHEMA IF NOT EXISTS``
    needs that right)."""
    return bool(
        await tx.fetchval("SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?", (tx.schema,))
    )


async def migrate(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    applied = []
    version = await current_version(db)
    for migration in available():
        if migration.version <= version:
            continue
        async with db.transaction() as tx:
            if tx.dialect.postgresql:
                await tx.fetchval("SELECT pg_advisory_xact_lock(?)", (migration_lock(tx.schema),))
                if tx.schema != DEFAULT_SCHEMA and not await _schema_exists(tx):
                    await tx.execute(f"CREATE SCHEMA IF NOT EXISTS {quoted(tx.schema)}")
                await tx.execute(PG_SCHEMA_TABLE)
            if migration.version <= await current_version(tx):
                continue
            await tx.script(migration.script(tx.dialect.postgresql))
            await _record(tx, migration)
        log.info("applied migration %s", migration.name)
        applied.append(migration.name)
    return applied
