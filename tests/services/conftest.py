from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.services.office import DEFAULT_START, ServiceOffice, close_office, open_office


@pytest_asyncio.fixture
async def office(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[ServiceOffice]:
    """The office on a fresh database at the test's ``office_start`` mark, else at the
    module's ``OFFICE_START``, else on an ordinary Wednesday morning (as in tests/e2e)."""
    marked = request.node.get_closest_marker("office_start")
    start = (
        marked.args[0]
        if marked is not None
        else getattr(request.module, "OFFICE_START", DEFAULT_START)
    )
    env = await open_office(tmp_path / "marelan.db", start)
    try:
        yield env
    finally:
        await close_office(env)
