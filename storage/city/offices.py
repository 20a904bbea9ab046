"""Reading an office's database from the city-level bot, which must never change it.

The city's reports reuse the offices' own report code, which reads ``runtime.db`` (the
summary's snapshot, the IKM section's short reads). :func:`office_view` opens one
read-only connection in one read transaction (:func:`storage.core.db.read_only`: on
SQLite the file opened ``mode=ro``, no lock and no WAL switch; on PostgreSQL a
``READ ONLY`` transaction) and hands out an :class:`OfficeView`: a :class:`Database` whose
reads, and whose snapshot, all go to that connection and see the same moment, and which
refuses to write. The office's own processes are not disturbed: no instance number, no
listening, no pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from storage.core.db import Database, Params, Reader, Row, Tx, read_only


class ReadOnly(PermissionError):
    """Something tried to write through an office's view."""


class OfficeView(Database):
    def __init__(self, target: Path | str, reader: Reader) -> None:
        super().__init__(target)
        self._reader = reader
        self.dialect = reader.dialect

    @property
    def is_open(self) -> bool:
        return True

    async def open(self) -> None:
        raise ReadOnly("an office's view is opened by office_view()")

    async def close(self) -> None:
        """The connection closes when office_view() ends."""

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._reader.fetchall(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._reader.fetchone(sql, params)

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Reader]:
        yield self._reader

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        raise ReadOnly("the city level never changes an office's data")
        yield  # pragma: no cover (makes this a generator)

    async def checkpoint(self) -> bool:
        raise ReadOnly("the city level never changes an office's data")


@asynccontextmanager
async def office_view(target: Path | str) -> AsyncIterator[OfficeView]:
    """One office's data, read-only and consistent, for as long as the block runs."""
    async with read_only(target) as reader:
        yield OfficeView(target, reader)
