"""The PostgreSQL engine (``DATABASE_URL=postgresql://...``), through asyncpg.

- Short reads go to a small pool of connections (autocommit); a transaction runs on the
  writer connection between ``BEGIN`` and ``COMMIT`` under the :class:`Database` lock, so
  in one process the services' read-then-write steps see what they saw on SQLite; a
  snapshot is a ``REPEATABLE READ READ ONLY`` transaction on a pool connection.
- Statements are the repositories' SQL after :func:`storage.core.dialect.postgresql_sql`
  (placeholders to ``$n``); asyncpg prepares and caches each one per connection.
- ``numeric`` results (``SUM`` of integers, ``AVG``) come back as ``int`` when whole and
  ``float`` otherwise, as SQLite gives them, never as ``Decimal``.
- Several processes on one database: each keeps one more connection, its *presence*,
  which holds a session-level advisory lock on the process's instance number (so that
  others can tell whether the claimer of an outbox row still lives, see
  ``storage/core/outbox.py``), the named locks it takes (:meth:`PostgresEngine.try_lock`:
  the leader's), and listens for the notices other processes' commits send (which
  topics they touched). A process that dies, even by SIGKILL, closes its connections and
  the server releases its locks at once.
- Several offices on one database (a city): each in its schema, named in the URL
  (``storage/core/namespace.py``). Every connection (pool, writer, presence, snapshots,
  read-only looks) starts with that schema alone on its ``search_path``; the instance
  locks, named locks and the notices' channel are the schema's own.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import secrets
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit, urlunsplit

from storage.core.dialect import POSTGRESQL, Dialect, postgresql_sql
from storage.core.engine import DatabaseError, Params, Row, Statements
from storage.core.namespace import (
    DEFAULT_SCHEMA,
    instance_locks,
    named_locks,
    notices,
    quoted,
    split_schema,
)
from storage.core.sqlite import finish

if TYPE_CHECKING:
    import asyncpg

log = logging.getLogger(__name__)

STATEMENT_CACHE = 1024  # prepared statements kept per connection (the app has a few hundred)
READERS = 4
PRESENCE_CHECK_SECONDS = 5.0


def lock_key(name: str) -> int:
    """A named lock's second key: stable across processes and versions."""
    return int.from_bytes(
        hashlib.blake2b(name.encode(), digest_size=4).digest(), "big", signed=True
    )


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


def server_settings(schema: str) -> dict[str, str] | None:
    """What every connection of the office in ``schema`` starts with: its schema alone on
    the search path (``public``: the server's default, as before schemas)."""
    return None if schema == DEFAULT_SCHEMA else {"search_path": quoted(schema)}


async def connect(target: str) -> asyncpg.Connection:
    """A connection to the office at ``target`` (a URL, perhaps naming a schema)."""
    import asyncpg

    url, schema = split_schema(target)
    connection = await asyncpg.connect(
        url, statement_cache_size=STATEMENT_CACHE, server_settings=server_settings(schema)
    )
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
        #: The office's schema (``storage/core/namespace.py``): its tables, its locks.
        self.schema = split_schema(url)[1]
        self._pool: asyncpg.Pool | None = None
        self._writer: asyncpg.Connection | None = None
        self._presence: asyncpg.Connection | None = None
        self._held: set[str] = set()
        self._notice_callbacks: list[Callable[[str], None]] = []
        self.instance = 0

    def describe(self) -> str:
        return hide_password(self.url)

    # --- presence: this process's locks and the notices of the others ------------------

    async def _present(self) -> None:
        """Open the presence connection and take an instance number nobody holds."""
        connection = await connect(self.url)
        while True:
            number = secrets.randbits(31)
            if await connection.fetchval(
                "SELECT pg_try_advisory_lock($1, $2)", instance_locks(self.schema), number
            ):
                break
        await connection.add_listener(notices(self.schema), self._notice)
        self._presence, self.instance = connection, number

    def _notice(self, connection: object, pid: int, channel: str, payload: str) -> None:
        for callback in self._notice_callbacks:
            try:
                callback(payload)
            except Exception:
                log.exception("notice callback failed")

    def on_notice(self, callback: Callable[[str], None]) -> None:
        self._notice_callbacks.append(callback)

    async def try_lock(self, name: str) -> bool:
        if name in self._held:
            return True
        if self._presence is None or self._presence.is_closed():
            return False
        taken = await self._presence.fetchval(
            "SELECT pg_try_advisory_lock($1, $2)", named_locks(self.schema), lock_key(name)
        )
        if taken:
            self._held.add(name)
        return bool(taken)

    async def holding(self) -> bool:
        """The presence connection still answers (its locks are then still held)."""
        presence = self._presence
        if presence is None or presence.is_closed():
            return False
        try:
            await asyncio.wait_for(presence.fetchval("SELECT 1"), PRESENCE_CHECK_SECONDS)
        except Exception:
            log.error("the database connection holding this process's locks was lost")
            presence.terminate()
            return False
        return True

    async def open(self) -> Statements:
        import asyncpg

        url, schema = split_schema(self.url)
        self._pool = await asyncpg.create_pool(
            url,
            server_settings=server_settings(schema),
            min_size=1,
            max_size=READERS,
            init=setup,
            reset=_keep,
            statement_cache_size=STATEMENT_CACHE,
        )
        self._writer = await connect(self.url)
        await self._present()
        return Run(self._pool)

    async def close(self) -> None:
        if self._presence is not None:
            await self._presence.close()
            self._presence = None
            self._held.clear()
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
        await self._vacuum("VACUUM")
        return True

    async def optimise(self) -> None:
        # After a bulk load the visibility map is empty: the reports' index-only scans
        # would read the table itself until autovacuum gets there (2-4x slower).
        await self._vacuum("VACUUM (ANALYZE)")

    async def _vacuum(self, command: str) -> None:
        writer = await self._writer_connection()
        if self.schema == DEFAULT_SCHEMA:
            await writer.execute(command)
            return
        # The office's own tables: the other offices' are not its to vacuum (nor, with a
        # role per office, its right).
        names = await writer.fetch(
            """SELECT table_name FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"""
        )
        if names:
            tables = ", ".join(f"{quoted(self.schema)}.{quoted(r[0])}" for r in names)
            await writer.execute(f"{command} {tables}")

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
