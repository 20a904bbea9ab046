import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.services.office import DEFAULT_START, ServiceOffice, close_office, open_office

#: A RAM-backed folder where the system has one. The database commits with
#: ``synchronous=FULL`` (a committed change survives a power cut), so every transaction
#: waits for the disk: on a busy disk that is most of a service test's time. What is
#: tested here is the services' logic, not the disk; durability has its own tests.
RAM = Path("/dev/shm")


@pytest.fixture
def database_dir(tmp_path: Path) -> Iterator[Path]:
    if RAM.is_dir() and os.access(RAM, os.W_OK):
        with tempfile.TemporaryDirectory(dir=RAM, prefix="marelan-service-") as folder:
            yield Path(folder)
    else:
        yield tmp_path


@pytest_asyncio.fixture
async def office(
    database_dir: Path, request: pytest.FixtureRequest
) -> AsyncIterator[ServiceOffice]:
    """The office on a fresh database at the test's ``office_start`` mark, else at the
    module's ``OFFICE_START``, else on an ordinary Wednesday morning (as in tests/e2e)."""
    marked = request.node.get_closest_marker("office_start")
    start = (
        marked.args[0]
        if marked is not None
        else getattr(request.module, "OFFICE_START", DEFAULT_START)
    )
    env = await open_office(database_dir / "marelan.db", start)
    try:
        yield env
    finally:
        await close_office(env)
