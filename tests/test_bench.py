"""The benchmarks stay runnable: each module imports against the code as it is now (a
benchmark that broke on a moved module was found only when someone ran it)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bench

MODULES = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.ispkg)


@pytest.mark.parametrize("name", MODULES)
def test_every_benchmark_imports(name: str) -> None:
    importlib.import_module(f"bench.{name}")
