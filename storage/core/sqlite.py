"""The SQLite engine: one writer connection, one shared reader, snapshots for long reads.

How a transaction runs (issue 13: one thread hop per transaction). Short statements run
on the event loop's thread, synchronously, on the writer connection: ``BEGIN IMMEDIATE``,
the unit of work's reads and writes (each a few microseconds: the pages are in memory),
then ``COMMIT`` goes to the writer's own thread, because with ``synchronous=FULL`` it
waits for ``fsync`` (milliseconds), during which the loop keeps serving other updates. So
a transaction costs one hop, however many statements it has, and a short read outside a
transaction (``runtime.db.fetchone``) none. Measured with ``python -m bench.flow`` (see
bench/RESULTS.md, "One thread hop per transaction"); the alternatives were aiosqlite
(a hop per execute, fetch and cursor close: ~19-24 per update) and everything on the loop
including COMMIT (no hop, but the loop stalls for every fsync).

Where a statement could wait, it does not wait on the loop:

- ``BEGIN IMMEDIATE`` is tried with no busy timeout; only if another process holds the
  write lock (``marelan-bot migrate`` next to the bot, an operator's sqlite3 shell) it is
  retried in the writer's thread with the 10 s busy timeout. Once it is taken, WAL mode
  lets the transaction's statements and its COMMIT proceed without waiting for readers.
- Long reads (reports, exports, the public page) use :meth:`SqliteEngine.snapshot`: a
  connection of their own, one read transaction (a consistent view), every statement in a
  worker thread.

Kept from before: WAL (reports read while the bot writes), ``synchronous=FULL`` (a
committed complaint survives a power cut, so "your complaint MRL-... is recorded" is never
a lie), ``foreign_keys``, ``busy_timeout`` for readers, ``secure_delete`` (deleted and
replaced content overwritten with zeros), and ``wal_checkpoint(TRUNCATE)`` after an
erasure (the erased values leave the WAL too; UU 27/2022).
"""

from __future__ import annotations

import asyncio
import secrets
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from storage.core.dialect import SQLITE, Dialect
from storage.core.engine import DatabaseError, Params, Row, Statements

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
)


def connect(path: Path | str, *, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), rows by name."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, uri=uri)
    connection.row_factory = sqlite3.Row
    if not uri:
        for pragma in PRAGMAS:
            connection.execute(pragma)
    return connection


def split_script(script: str) -> Iterator[str]:
    """The statements of a script, cut where SQLite says one is complete (semicolons
    inside strings and trigger bodies stay where they are)."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                yield buffer
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        yield buffer


class Inline:
    """Statements run right here, on the calling thread (the event loop)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    async def fetchall(self, sql: str, params: Params) -> list[Row]:
        return cast(list[Row], self.connection.execute(sql, params).fetchall())

    async def fetchone(self, sql: str, params: Params) -> Row | None:
        return cast(Row | None, self.connection.execute(sql, params).fetchone())

    async def execute(self, sql: str, params: Params) -> int:
        return self.connection.execute(sql, params).rowcount

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self.connection.executemany(sql, rows)

    async def script(self, sql: str) -> None:
        for statement in split_script(sql):
            self.connection.execute(statement)


class Threaded:
    """Statements run in a worker thread, one hop each: for long reads only."""

    def __init__(self, connection: sqlite3.Connection, executor: Executor | None = None) -> None:
        self.connection = connection
        self._executor = executor

    async def _run(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def fetchall(self, sql: str, params: Params) -> list[Row]:
        return await self._run(lambda: self.connection.execute(sql, params).fetchall())

    async def fetchone(self, sql: str, params: Params) -> Row | None:
        return await self._run(lambda: self.connection.execute(sql, params).fetchone())

    async def execute(self, sql: str, params: Params) -> int:
        return await self._run(lambda: self.connection.execute(sql, params).rowcount)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        await self._run(lambda: self.connection.executemany(sql, rows))

    async def script(self, sql: str) -> None:
        await self._run(lambda: [self.connection.execute(s) for s in split_script(sql)])


async def finish(future: asyncio.Future[T]) -> tuple[T, bool]:
    """Wait for work that must complete once started (a COMMIT), even if the waiting task
    is cancelled meanwhile; returns its result and whether that happened."""
    cancelled = False
    while True:
        try:
            return await asyncio.shield(future), cancelled
        except asyncio.CancelledError:
            if future.cancelled():
                raise
            cancelled = True


class SqliteEngine:
    dialect: Dialect = SQLITE

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer: sqlite3.Connection | None = None
        self._reader: sqlite3.Connection | None = None
        self._thread: ThreadPoolExecutor | None = None
        self.instance = secrets.randbits(31)

    def describe(self) -> str:
        return str(self.path)

    # One process per file (bot.core.instance_lock): it holds every lock, and no other
    # process sends it notices.
    async def try_lock(self, name: str) -> bool:
        return True

    async def holding(self) -> bool:
        return True

    def on_notice(self, callback: Callable[[str], None]) -> None:
        pass

    @property
    def memory(self) -> bool:
        return str(self.path) == ":memory:"

    async def open(self) -> Statements:
        if not self.memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer")
        loop = asyncio.get_running_loop()
        # Opening may replay a WAL left by a crash: not on the loop.
        self._writer = await loop.run_in_executor(self._thread, connect, self.path)
        self._writer.execute("PRAGMA busy_timeout=0")
        self._reader = self._writer if self.memory else await asyncio.to_thread(connect, self.path)
        return Inline(self._reader)

    async def close(self) -> None:
        for connection in {id(c): c for c in (self._writer, self._reader) if c}.values():
            connection.close()
        self._writer = self._reader = None
        if self._thread is not None:
            self._thread.shutdown(wait=False)
            self._thread = None

    def _in_thread(self, call: Callable[[], T]) -> asyncio.Future[T]:
        return asyncio.get_running_loop().run_in_executor(self._thread, call)

    def _writer_connection(self) -> sqlite3.Connection:
        if self._writer is None:
            raise RuntimeError("database is not open")
        return self._writer

    async def begin(self) -> Statements:
        writer = self._writer_connection()
        try:
            writer.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            await finish(self._in_thread(lambda: self._waiting(writer, "BEGIN IMMEDIATE")))
        return Inline(writer)

    @staticmethod
    def _waiting(connection: sqlite3.Connection, sql: str) -> Any:
        """Run ``sql`` allowing the busy timeout (in the writer's thread)."""
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            return connection.execute(sql).fetchone()
        finally:
            connection.execute("PRAGMA busy_timeout=0")

    async def commit(self) -> bool:
        writer = self._writer_connection()
        try:
            _, cancelled = await finish(self._in_thread(lambda: writer.execute("COMMIT")))
        except BaseException:
            if writer.in_transaction:
                writer.execute("ROLLBACK")
            raise
        return cancelled

    async def rollback(self) -> None:
        writer = self._writer_connection()
        if writer.in_transaction:
            writer.execute("ROLLBACK")

    async def checkpoint(self) -> bool:
        writer = self._writer_connection()
        row, _ = await finish(
            self._in_thread(lambda: self._waiting(writer, "PRAGMA wal_checkpoint(TRUNCATE)"))
        )
        return bool(row[0] == 0)

    async def optimise(self) -> None:
        """Nothing: the queries name their indexes (``INDEXED BY``) and are planned and
        tested without statistics; an ``ANALYZE`` here would plan a copy unlike the rest."""

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Statements]:
        if self.memory:  # a second connection would open another, empty database
            assert self._reader is not None
            yield Inline(self._reader)
            return
        connection = await asyncio.to_thread(connect, self.path)
        statements = Threaded(connection)
        try:
            await statements.execute("BEGIN", ())
            yield statements
        finally:
            await asyncio.to_thread(connection.close)


@asynccontextmanager
async def read_only_connection(path: Path) -> AsyncIterator[Statements]:
    """A read-only connection to an existing file (no WAL switch, no lock taken), in one
    read transaction."""
    uri = await asyncio.to_thread(lambda: f"{path.resolve().as_uri()}?mode=ro")
    try:
        connection = await asyncio.to_thread(connect, uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc
    try:
        statements = Threaded(connection)
        await statements.execute("BEGIN", ())  # one consistent view for the whole look
        yield statements
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc
    finally:
        connection.close()
