"""The database the repositories talk to: SQLite (embedded, the default) or PostgreSQL.

``Database(target)`` takes a file path (SQLite, ``DATABASE_PATH``) or a
``postgresql://`` URL (``DATABASE_URL``); the engines live in ``storage/core/sqlite.py``
and ``storage/core/postgres.py``, the SQL differences in ``storage/core/dialect.py``.
Repository functions see one API on both:

- a :class:`Reader` (``runtime.db`` itself, for short reads): ``fetchall``, ``fetchone``,
  ``fetchval``, and ``dialect`` for the few queries that differ;
- a :class:`Tx` (``async with db.transaction() as tx``): the same plus ``execute``,
  ``executemany``, ``changes`` (row count) and ``touch``. New ids come back with
  ``fetchval("INSERT ... RETURNING id")``.
- ``db.snapshot()``: a consistent read-only view for long reads (reports, exports), which
  never holds up the event loop.

Guarantees kept on both engines:

- One writer at a time in a process: an asyncio lock around ``BEGIN ... COMMIT``
  (SQLite allows one writer anyway; on PostgreSQL it keeps the services' read-then-write
  steps as they were written). A person is told "done" only after COMMIT returned.
- Commit listeners (the outbox dispatcher) learn which topics a transaction touched, after
  the commit, even when the task that committed was cancelled while COMMIT ran.
- :meth:`Database.checkpoint` after an erasure pushes old page copies out of the SQLite
  WAL (with ``secure_delete``, UU 27/2022); on PostgreSQL it runs ``VACUUM``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from storage.core.dialect import POSTGRESQL, SQLITE, Dialect
from storage.core.engine import DatabaseError, Engine, Params, Row, Statements
from storage.core.namespace import DEFAULT_SCHEMA, in_schema, notices, split_schema

__all__ = [
    "Database",
    "DatabaseError",
    "Params",
    "Reader",
    "Row",
    "Tx",
    "in_schema",
    "is_url",
    "read_only",
    "schema_of",
]

log = logging.getLogger(__name__)


class _Closed:
    async def fetchall(self, sql: str, params: Params) -> list[Row]:
        raise RuntimeError("database is not open")

    async def fetchone(self, sql: str, params: Params) -> Row | None:
        raise RuntimeError("database is not open")

    async def execute(self, sql: str, params: Params) -> int:
        raise RuntimeError("database is not open")

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        raise RuntimeError("database is not open")

    async def script(self, sql: str) -> None:
        raise RuntimeError("database is not open")


class Reader:
    """Read access; shared by :class:`Database`, :class:`Tx` and snapshots."""

    def __init__(
        self, statements: Statements, dialect: Dialect, schema: str = DEFAULT_SCHEMA
    ) -> None:
        self._statements = statements
        self.dialect = dialect
        #: The PostgreSQL schema of the office (``public`` on SQLite and by default).
        self.schema = schema

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._statements.fetchall(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._statements.fetchone(sql, params)

    async def fetchrow(self, sql: str, params: Params = ()) -> Row:
        """The row a query always yields (an aggregate without GROUP BY, a PRAGMA): none
        is a bug, not an empty result."""
        return _present(await self.fetchone(sql, params), sql)

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


def _present(row: Row | None, sql: str) -> Row:
    if row is None:
        raise LookupError(f"no row from a query that always yields one: {sql[:80]}")
    return row


class Tx(Reader):
    """An open write transaction. Repository write functions take one of these."""

    def __init__(
        self, statements: Statements, dialect: Dialect, schema: str = DEFAULT_SCHEMA
    ) -> None:
        super().__init__(statements, dialect, schema)
        self.topics: set[str] = set()

    async def execute(self, sql: str, params: Params = ()) -> None:
        """Run a statement. For the id of a new row use
        ``fetchval("INSERT ... RETURNING id")``, for a row count :meth:`changes`."""
        await self._statements.execute(sql, params)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        await self._statements.executemany(sql, rows)

    async def changes(self, sql: str, params: Params = ()) -> int:
        """Run a statement; returns how many rows it inserted, changed or deleted."""
        return await self._statements.execute(sql, params)

    async def script(self, sql: str) -> None:
        """Run several statements without parameters (migrations), in this transaction."""
        await self._statements.script(sql)

    def touch(self, topic: str) -> None:
        """Note that this transaction changed ``topic`` (e.g. 'outbox'); listeners learn it
        after the commit."""
        self.topics.add(topic)


def is_url(target: Path | str) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def schema_of(target: Path | str) -> str:
    """The PostgreSQL schema a target names (:func:`in_schema`); ``public`` when it names
    none, and for an SQLite file."""
    return split_schema(str(target))[1] if is_url(target) else DEFAULT_SCHEMA


def _engine(target: Path | str) -> Engine:
    if is_url(target):
        from storage.core.postgres import PostgresEngine

        return PostgresEngine(str(target))
    from storage.core.sqlite import SqliteEngine

    return SqliteEngine(Path(target))


class Database(Reader):
    """``Database(path)`` for SQLite, ``Database("postgresql://...")`` for PostgreSQL."""

    def __init__(self, target: Path | str) -> None:
        self._engine = _engine(target)
        super().__init__(_Closed(), self._engine.dialect, schema_of(target))
        #: The SQLite file (None on PostgreSQL).
        self.path: Path | None = None if is_url(target) else Path(target)
        self._open = False
        self._lock = asyncio.Lock()
        self._listeners: list[Callable[[set[str]], None]] = []
        #: Listeners that also hear of other processes' commits (PostgreSQL notices).
        self._shared_listeners: list[Callable[[set[str]], None]] = []
        self._engine.on_notice(self._noticed)

    def describe(self) -> str:
        """Where the data is, for messages (a URL without its password)."""
        return self._engine.describe()

    async def open(self) -> None:
        self._statements = await self._engine.open()
        self._open = True

    async def close(self) -> None:
        if self._open:
            self._open = False
            self._statements = _Closed()
            await self._engine.close()

    @property
    def is_open(self) -> bool:
        return self._open

    def add_commit_listener(
        self, listener: Callable[[set[str]], None], *, other_processes: bool = False
    ) -> None:
        """Call ``listener(topics)`` after each commit that touched topics; with
        ``other_processes`` also after the commits of other processes on the same
        PostgreSQL database (e.g. a row another process queued)."""
        self._listeners.append(listener)
        if other_processes:
            self._shared_listeners.append(listener)

    def remove_commit_listener(self, listener: Callable[[set[str]], None]) -> None:
        for listeners in (self._listeners, self._shared_listeners):
            if listener in listeners:
                listeners.remove(listener)

    # --- several processes on one database (PostgreSQL; SQLite has one process per file) --

    @property
    def instance(self) -> int:
        """This process's number among those sharing the database (while open)."""
        return self._engine.instance

    async def try_lock(self, name: str) -> bool:
        """Hold the lock ``name`` from now on for the life of this process, unless another
        process holds it; True when this process holds it. SQLite: always True."""
        return await self._engine.try_lock(name)

    async def holding(self) -> bool:
        """Whether the locks this process took are still its own."""
        return await self._engine.holding()

    def _noticed(self, payload: str) -> None:
        sender, _, listed = payload.partition(" ")
        if sender == str(self.instance) or not listed:
            return
        topics = set(listed.split(","))
        for listener in self._shared_listeners:
            try:
                listener(topics)
            except Exception:
                log.exception("commit listener failed")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One atomic unit of work: everything inside commits together or not at all."""
        if not self._open:
            raise RuntimeError("database is not open")
        async with self._lock:
            tx = Tx(await self._engine.begin(), self.dialect, self.schema)
            try:
                yield tx
                if tx.topics and self.dialect.postgresql:  # sent at COMMIT, not before
                    notice = f"{self.instance} {','.join(sorted(tx.topics))}"
                    channel = notices(self.schema)
                    await tx.execute("SELECT pg_notify(?, ?)", (channel, notice))
            except BaseException:
                await self._engine.rollback()
                raise
            cancelled = await self._engine.commit()
        self._committed(tx.topics)
        if cancelled:
            raise asyncio.CancelledError

    def _committed(self, topics: set[str]) -> None:
        if topics:
            for listener in self._listeners:
                try:
                    listener(topics)
                except Exception:
                    log.exception("commit listener failed")

    async def run_script(self, script: str) -> None:
        """Run a multi-statement script (migrations) in one transaction."""
        async with self.transaction() as tx:
            await tx.script(script)

    async def checkpoint(self) -> bool:
        """After an erasure: SQLite copies every page of the WAL into the main file and
        truncates the WAL to zero bytes, so old versions of pages (erased values) leave the
        disk; it waits for the writers and up to 10 s for readers and answers False when a
        long reader (an export's snapshot) kept it from completing. PostgreSQL runs
        ``VACUUM`` (see README: PostgreSQL and erasure)."""
        if not self._open:
            raise RuntimeError("database is not open")
        async with self._lock:
            return await self._engine.checkpoint()

    async def optimise(self) -> None:
        """After a bulk load (``copy-db``): the planner's statistics, and on PostgreSQL the
        visibility map the reports' index-only scans need (``VACUUM (ANALYZE)``)."""
        if not self._open:
            raise RuntimeError("database is not open")
        async with self._lock:
            await self._engine.optimise()

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Reader]:
        """A consistent read-only view on a connection of its own, for long reads (reports,
        exports): every query sees the same data, runs off the event loop (SQLite: in a
        thread), and neither waits behind the interactive queries nor slows them."""
        if not self._open:
            raise RuntimeError("database is not open")
        async with self._engine.snapshot() as statements:
            yield Reader(statements, self.dialect, self.schema)


@asynccontextmanager
async def read_only(target: Path | str) -> AsyncIterator[Reader]:
    """A read-only look at an existing database, for tools that must not create, migrate
    or lock it (``marelan-bot check-config`` while the bot runs, ``copy-db``): one
    consistent view, every query of it seeing the same moment. On PostgreSQL it sees the
    schema the URL names (``read_only(in_schema(url, "kec_marelan"))``: that office)."""
    if is_url(target):
        from storage.core.postgres import read_only_connection

        async with read_only_connection(str(target)) as statements:
            yield Reader(statements, POSTGRESQL, schema_of(target))
    else:
        from storage.core.sqlite import read_only_connection as sqlite_read_only

        async with sqlite_read_only(Path(target)) as statements:
            yield Reader(statements, SQLITE)
