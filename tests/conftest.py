"""The test levels (docs/DEVELOPING.md, "Tests"): pure rules in ``tests/test_*.py``, services
with storage in ``tests/services/``, the application against the emulator in
``tests/e2e/`` (and the emulator and the sandbox in their folders). The first two are
marked ``fast``: ``pytest -m fast`` runs just them (or name them:
``pytest tests/test_*.py tests/services``, which also skips collecting the rest)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FAST_FOLDERS = (TESTS, TESTS / "services")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent in FAST_FOLDERS:
            item.add_marker(pytest.mark.fast)
