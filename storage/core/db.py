"""The SQLite database: one writer connection with explicit transactions, one shared
reader, and short-lived snapshots for long reads (exports).

- WAL lets reports read while the bot writes; ``synchronous=FULL`` makes a committed
  transaction survive a power cut, so "your complaint MRL-... is recorded" is never a lie.
- Writes are serialised by an asyncio lock around ``BEGIN IMMEDIATE ... COMMIT``: SQLite
  allows one writer anyway, and taking the write lock up front avoids upgrade deadlocks.
- Code that must react to committed changes (the outbox dispatcher) registers a commit
  listener; it is told which topics a transaction touched, after the commit.
- ``secure_delete`` overwrites deleted and replaced content with zeros, and
  :meth:`Database.checkpoint` moves the WAL into the main file and empties it: after an
  erasure (/hapusdata) the erased values are neither in free space of the file nor in old
  page copies in the WAL (UU 27/2022).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

Params = Sequence[Any] | dict[str, Any]
Row = sqlite3.Row

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
)


class Reader:
    """Read access to one connection; shared by :class:`Database` and :class:`Tx`."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._connection.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self._connection.execute(sql, params) as cursor:
            return await cursor.fetchone()

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

    def __init__(self, connection: aiosqlite.Connection) -> None:
        super().__init__(connection)
        self.topics: set[str] = set()

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; returns the last row id (for INSERT) or the row count."""
        async with self._connection.execute(sql, params) as cursor:
            if sql.lstrip()[:6].upper() != "INSERT":
                return cursor.rowcount
            # sqlite3 sets it after every single statement (None only after executemany).
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        await self._connection.executemany(sql, rows)

    async def changes(self, sql: str, params: Params = ()) -> int:
        async with self._connection.execute(sql, params) as cursor:
            return cursor.rowcount

    def touch(self, topic: str) -> None:
        """Note that this transaction changed ``topic`` (e.g. 'outbox'); listeners learn it
        after the commit."""
        self.topics.add(topic)


class Database(Reader):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._listeners: list[Callable[[set[str]], None]] = []

    async def open(self) -> None:
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = await self._connect()
        self._reader = await self._connect()
        super().__init__(self._reader)

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(self.path, isolation_level=None)
        connection.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            await connection.execute(pragma)
        return connection

    async def close(self) -> None:
        for connection in (self._writer, self._reader):
            if connection is not None:
                await connection.close()
        self._writer = self._reader = None

    @property
    def is_open(self) -> bool:
        return self._writer is not None

    def add_commit_listener(self, listener: Callable[[set[str]], None]) -> None:
        self._listeners.append(listener)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One atomic unit of work: everything inside commits together or not at all."""
        if self._writer is None:
            raise RuntimeError("database is not open")
        async with self._lock:
            await self._writer.execute("BEGIN IMMEDIATE")
            tx = Tx(self._writer)
            try:
                yield tx
            except BaseException:
                await self._writer.execute("ROLLBACK")
                raise
            await self._writer.execute("COMMIT")
        if tx.topics:
            for listener in self._listeners:
                try:
                    listener(tx.topics)
                except Exception:
                    log.exception("commit listener failed")

    async def checkpoint(self) -> bool:
        """Copy every page of the WAL into the main file and truncate the WAL to zero
        bytes, so that old versions of pages (erased values) leave the disk. Waits for
        the writers (the lock) and up to ``busy_timeout`` for readers; False when a long
        reader (an export's snapshot) kept it from completing."""
        if self._writer is None:
            raise RuntimeError("database is not open")
        sql = "PRAGMA wal_checkpoint(TRUNCATE)"
        async with self._lock, self._writer.execute(sql) as cursor:
            busy, _, _ = _present(await cursor.fetchone(), sql)
        return busy == 0

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Reader]:
        """A consistent read-only view on a connection of its own, for long reads (exports):
        every page sees the same data, and the interactive queries on the shared reader
        neither wait behind it nor slow it down."""
        if str(self.path) == ":memory:":
            yield self  # a second connection would open another, empty database
            return
        connection = await self._connect()
        try:
            await connection.execute("BEGIN")
            yield Reader(connection)
        finally:
            await connection.close()

    async def run_script(self, script: str) -> None:
        """Run a multi-statement script on the writer (migrations); holds the write lock."""
        if self._writer is None:
            raise RuntimeError("database is not open")
        async with self._lock:
            try:
                await self._writer.executescript(script)
            except BaseException:
                if self._writer.in_transaction:
                    await self._writer.execute("ROLLBACK")
                raise


@asynccontextmanager
async def read_only(path: Path | str) -> AsyncIterator[Reader]:
    """A read-only look at an existing database file, for tools that must not create,
    migrate or lock it (``marelan-bot check-config`` while the bot runs)."""
    connection = await aiosqlite.connect(_read_only_uri(path), uri=True)
    connection.row_factory = sqlite3.Row
    try:
        yield Reader(connection)
    finally:
        await connection.close()


def _read_only_uri(path: Path | str) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"
