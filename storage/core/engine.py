"""What an engine (storage/core/sqlite.py, storage/core/postgres.py) gives
:class:`~storage.core.db.Database`: statements on a connection, transactions, snapshots.

Its own module so that the engines and ``db`` import it without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

from storage.core.dialect import Dialect

Params = Sequence[Any] | Mapping[str, Any]


class DatabaseError(Exception):
    """A tool could not open or read a database (:func:`read_only`); the message says why."""


class Row(Protocol):
    """A result row (``sqlite3.Row`` or ``asyncpg.Record``): by column name or position,
    ``keys()``, iteration over the values, ``dict(row)``."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> Iterable[str]: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


class Statements(Protocol):
    """How an engine runs statements on one connection (or a pool of readers)."""

    async def fetchall(self, sql: str, params: Params) -> list[Row]: ...

    async def fetchone(self, sql: str, params: Params) -> Row | None: ...

    async def execute(self, sql: str, params: Params) -> int: ...

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None: ...

    async def script(self, sql: str) -> None: ...


class Engine(Protocol):
    """One backend. :class:`Database` holds the write lock around ``begin``..``commit``."""

    dialect: Dialect

    async def open(self) -> Statements: ...

    async def close(self) -> None: ...

    async def begin(self) -> Statements: ...

    async def commit(self) -> bool:
        """Commit; True when the calling task was cancelled while the commit ran (it
        completed all the same)."""
        ...

    async def rollback(self) -> None: ...

    def snapshot(self) -> AbstractAsyncContextManager[Statements]: ...

    async def checkpoint(self) -> bool: ...

    async def optimise(self) -> None: ...

    def describe(self) -> str: ...

    #: This process among the processes sharing the database (outbox claims carry it).
    instance: int

    async def try_lock(self, name: str) -> bool:
        """Take the lock ``name`` for the life of this process, unless another process
        holds it; True when this process holds it (now or already)."""
        ...

    async def holding(self) -> bool:
        """Whether the locks taken are still held (False once their session was lost)."""
        ...

    def on_notice(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(payload)`` for the notices other processes' commits sent."""
        ...
