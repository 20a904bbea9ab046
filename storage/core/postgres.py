"""The PostgreSQL engine (``DATABASE_URL=postgresql://...``), through asyncpg.

- Short reads go to a small pool of connections (autocommit); a transaction runs on the
  writer connection between ``BEGIN`` and ``COMMIT`` under the :class:`Database` lock, so
  in one process the services' read-then-write steps see what they saw on SQLite; a
  snapshot is a ``REPEATABLE READ READ ONLY`` transaction on a pool connection.
- Statements are the repositories' SQL after :func:`storage.core.dialect.postgresql_sql`
  (placeholders to ``$n``); asyncpg prepares and caches each one per connection.
- ``numeric`` results (``SUM`` of integers, ``AVG``) come back as ``int`` when whole and
  ``float`` otherwise, as SQLite gives them, never as ``Decimal``.
- Several processes on one database (outbox claims with ``FOR UPDATE SKIP LOCKED``, a
  leader for the scheduled jobs) are a later step: the statements they need fit here.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit, urlunsplit

from storage.core.dialect import POSTGRESQL, Dialect, postgresql_sql
from storage.core.engine import DatabaseError, Params, Row, Statements
from storage.core.sqlite import finish

if TYPE_CHECKING:
    import asyncpg

STATEMENT_CACHE = 1024  # prepared statements kept per connection (the app has a few hundred)
READERS = 4


def _number(text: str) -> int | float:
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


async def setup(connection: asyncpg.Connection) -> None:
    await connection.set_type_codec(
        "numeric", encoder=str, decoder=_number, schema="pg_catalog", format="text"
    )


async def _keep(connection: asyncpg.Connection) -> None:
    """Pool connections hold no session state: nothing to reset between uses (asyncpg's
    default reset costs a round trip per read)."""


def _rowcount(status: str) -> int:
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


def hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


async def connect(url: str) -> asyncpg.Connection:
    import asyncpg

    connection = await asyncpg.connect(url, statement_cache_size=STATEMENT_CACHE)
    await setup(connection)
    return connection


class Run:
    """Statements on one asyncpg connection or on the pool (which lends one per call)."""

    def __init__(self, target: asyncpg.Connection | asyncpg.Pool) -> None:
        self.target = target

    async def fetchall(self, sql: str, params: Params) -> list[Row]:
        statement = postgresql_sql(sql)
        return cast(list[Row], await self.target.fetch(statement.sql, *statement.arguments(params)))

    async def fetchone(self, sql: str, params: Params) -> Row | None:
        statement = postgresql_sql(sql)
        row = await self.target.fetchrow(statement.sql, *statement.arguments(params))
        return cast(Row | None, row)

    async def execute(self, sql: str, params: Params) -> int:
        statement = postgresql_sql(sql)
        status = await self.target.execute(statement.sql, *statement.arguments(params))
        return _rowcount(cast(str, status))

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        statement = postgresql_sql(sql)
        await self.target.executemany(statement.sql, [statement.arguments(r) for r in rows])

    async def script(self, sql: str) -> None:
        await self.target.execute(sql)


class PostgresEngine:
    dialect: Dialect = POSTGRESQL

    def __init__(self, url: str) -> None:
        self.url = url
        self._pool: asyncpg.Pool | None = None
        self._writer: asyncpg.Connection | None = None

    def describe(self) -> str:
        return hide_password(self.url)

    async def open(self) -> Statements:
        import asyncpg

        self._pool = await asyncpg.create_pool(
            self.url,
            min_size=1,
            max_size=READERS,
            init=setup,
            reset=_keep,
            statement_cache_size=STATEMENT_CACHE,
        )
        self._writer = await connect(self.url)
        return Run(self._pool)

    async def close(self) -> None:
        if self._writer is not None:
            await self._writer.close()
            self._writer = None
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def _writer_connection(self) -> asyncpg.Connection:
        if self._pool is None:
            raise RuntimeError("database is not open")
        if self._writer is None or self._writer.is_closed():  # the server restarted
            self._writer = await connect(self.url)
        return self._writer

    async def begin(self) -> Statements:
        writer = await self._writer_connection()
        await writer.execute("BEGIN")
        return Run(writer)

    async def commit(self) -> bool:
        writer = await self._writer_connection()
        future = asyncio.ensure_future(writer.execute("COMMIT"))
        try:
            _, cancelled = await finish(future)
        except BaseException:
            await self.rollback()
            raise
        return cancelled

    async def rollback(self) -> None:
        writer = self._writer
        if writer is None or writer.is_closed():
            return
        try:
            if writer.is_in_transaction():
                await writer.execute("ROLLBACK")
        except Exception:
            writer.terminate()  # a broken connection; the next transaction opens another
            self._writer = None

    async def checkpoint(self) -> bool:
        writer = await self._writer_connection()
        await writer.execute("VACUUM")
        return True

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Statements]:
        if self._pool is None:
            raise RuntimeError("database is not open")
        async with (
            self._pool.acquire() as connection,
            connection.transaction(isolation="repeatable_read", readonly=True),
        ):
            yield Run(connection)


@asynccontextmanager
async def read_only_connection(url: str) -> AsyncIterator[Statements]:
    import asyncpg

    failures = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError)
    try:
        connection = await connect(url)
    except failures as exc:
        raise DatabaseError(str(exc)) from exc
    try:
        await connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield Run(connection)
    except failures as exc:
        raise DatabaseError(str(exc)) from exc
    finally:
        await connection.close()
