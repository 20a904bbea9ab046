"""The test levels (docs/DEVELOPING.md, "Tests"): pure rules in ``tests/test_*.py``, services
with storage in ``tests/services/``, the application against the emulator in
``tests/e2e/`` (and the emulator and the sandbox in their folders). The first two are
marked ``fast``: ``pytest -m fast`` runs just them (or name them:
``pytest tests/test_*.py tests/services``, which also skips collecting the rest).

The database engine of this test run (tests/database.py): a PostgreSQL server for the
session when ``MARELAN_TEST_DATABASE=postgresql``, and the tests that only make sense on
SQLite (``@pytest.mark.sqlite_only("why")``) skipped there.

The ``db`` fixture is shared by the unit and storage tests: a fresh database, every
migration applied."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from storage.core.db import Database
from storage.core.migrate import migrate
from tests import database

TESTS = Path(__file__).parent
FAST_FOLDERS = (TESTS, TESTS / "services")


@pytest.fixture(scope="session", autouse=True)
def database_server() -> Iterator[None]:
    if not database.POSTGRESQL:
        yield
        return
    with database.postgres_server() as server:
        database.use_server(server)
        try:
            yield
        finally:
            database.use_server(None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent in FAST_FOLDERS:
            item.add_marker(pytest.mark.fast)


def pytest_runtest_setup(item: pytest.Item) -> None:
    marker = item.get_closest_marker("sqlite_only")
    if marker is not None and database.POSTGRESQL:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else ''}")


def pytest_report_header() -> str:
    return f"database: {database.BACKEND}"


@pytest_asyncio.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A fresh database with every migration applied."""
    opened = Database(await database.fresh_database(tmp_path, "t.db"))
    await opened.open()
    await migrate(opened)
    yield opened
    await opened.close()
