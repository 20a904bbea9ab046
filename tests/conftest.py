"""Fixtures shared by the unit and storage tests (the end-to-end ones are in e2e/)."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from storage.core.db import Database
from storage.core.migrate import migrate


@pytest_asyncio.fixture(loop_scope="function")
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A fresh database file with every migration applied."""
    database = Database(tmp_path / "t.db")
    await database.open()
    await migrate(database)
    yield database
    await database.close()
