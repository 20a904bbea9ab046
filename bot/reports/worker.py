"""The one thread where the reports do their CPU work: drawing charts, writing workbooks.

Off the event loop, so the bot keeps answering others meanwhile; one thread rather than
asyncio's default pool, so that two supervisors' charts or exports never run at once and
the bot's memory has one bound (work queues in order; a chart takes ~0.2 s).

A chart leaves tens of megabytes of matplotlib objects in reference cycles, and glibc keeps
freed heap memory for later: the benchmark bot grew by ~8 MB per chart up to ~30 MB. After
heavy work (:func:`run_heavy`) the thread collects the cycles and hands free memory back to
the system (``malloc_trim``, where glibc provides it), which keeps the bot flat.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import functools
import gc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-worker")


def _libc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to trim
        return None


_TRIM = _libc_trim()


def release_memory() -> None:
    gc.collect()
    if _TRIM is not None:
        _TRIM(0)


def _then_release(function: Callable[..., T], *args: Any) -> T:
    try:
        return function(*args)
    finally:
        release_memory()


async def run(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in the report thread, awaited from the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_WORKER, functools.partial(function, *args))


async def run_heavy(function: Callable[..., T], *args: Any) -> T:
    """Like :func:`run`, then give the memory the work used back to the system."""
    return await run(_then_release, function, *args)


async def release() -> None:
    """Give memory back after heavy work done on the event loop (e.g. an upload)."""
    await run(release_memory)
