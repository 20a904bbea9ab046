"""The test levels (docs/DEVELOPING.md, "Tests"): pure rules in ``tests/test_*.py``, services
with storage in ``tests/services/``, the application against the emulator in
``tests/e2e/`` (and the emulator and the sandbox in their folders). The first two are
marked ``fast``: ``pytest -m fast`` runs just them (or name them:
``pytest tests/test_*.py tests/services``, which also skips collecting the rest).

The ``db`` fixture is shared by the unit and storage tests: a fresh file, every migration
applied."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from storage.core.db import Database
from storage.core.migrate import migrate

TESTS = Path(__file__).parent
FAST_FOLDERS = (TESTS, TESTS / "services")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent in FAST_FOLDERS:
            item.add_marker(pytest.mark.fast)


@pytest_asyncio.fixture(loop_scope="function")
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A fresh database file with every migration applied."""
    database = Database(tmp_path / "t.db")
    await database.open()
    await migrate(database)
    yield database
    await database.close()
