"""The database engine of this test run (tests/database.py): a PostgreSQL server for the
session when ``MARELAN_TEST_DATABASE=postgresql``, and the tests that only make sense on
SQLite (``@pytest.mark.sqlite_only("why")``) skipped there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import database


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


def pytest_runtest_setup(item: pytest.Item) -> None:
    marker = item.get_closest_marker("sqlite_only")
    if marker is not None and database.POSTGRESQL:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else ''}")


def pytest_report_header() -> str:
    return f"database: {database.BACKEND}"
