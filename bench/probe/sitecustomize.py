"""Counters inside a benchmarked bot process, without touching the bot's code.

``bench.flow`` puts this folder first on ``PYTHONPATH`` of the processes it starts and sets
``BENCH_PROBE`` to a file path; Python imports ``sitecustomize`` at start, so this runs
before the bot. It counts

- the database's statements, by kind: ``execute:SELECT``, ``execute:INSERT outbox``,
  ``execute:BEGIN``, ``execute:COMMIT``... On SQLite (``storage/core/sqlite.py``) a
  statement runs on the event loop's thread and only COMMIT (and a long read's
  statements, ``thread:...``) hops to a thread: the seconds spent in those threads are
  counted per kind (wall time: a COMMIT includes its fsync). Code still on aiosqlite is
  counted the same way (each of its operations is a hop);
- log records that reached a handler, by level;
- garbage collections, by generation;
- with ``BENCH_PROBE_LOOP`` set, the callbacks the event loop ran, by what they are (a
  task's coroutine, a timer's function): who wakes an idle bot up (``--idle-only``);

and writes them as JSON to ``BENCH_PROBE`` whenever the process gets SIGUSR1, with the
names of the live threads by native id (to label the per-thread CPU read from /proc).
Counting costs about a microsecond per database operation; without ``BENCH_PROBE`` this
file does nothing. Either way it takes its folder off ``sys.path`` again, so the bot
imports (and fails to import: httpcore tries ``import sniffio`` per request) exactly as it
would without the probe.
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

if os.environ.get("BENCH_PROBE"):
    import gc
    import json
    import logging
    import signal
    import threading
    import time
    from collections import Counter

    _OUT = os.environ["BENCH_PROBE"]
    _ops: Counter[str] = Counter()
    _logs: Counter[str] = Counter()
    _worker_seconds: list[Counter[str]] = []  # one per connection thread: no lock needed
    _local = threading.local()
    _dumps = 0
    #: Big imports the bot needs only for charts, exports and QR codes (RSS at idle).
    _HEAVY = ("matplotlib", "numpy", "PIL", "openpyxl", "segno", "fontTools", "kiwisolver")

    import re

    _WRITE = re.compile(
        r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)", re.IGNORECASE
    )

    def _kind(fn: object, args: tuple) -> str:
        """``execute:SELECT``, ``execute:COMMIT``, ``execute:INSERT people``, ``fetchone``..."""
        name = getattr(fn, "__name__", type(fn).__name__)
        if name in ("execute", "executemany", "_execute_fetchall", "_execute_insert") and args:
            sql = str(args[0])
            verb = sql.lstrip().split(None, 1)
            kind = f"{name}:{verb[0].upper() if verb else '?'}"
            table = _WRITE.match(sql)
            return f"{kind} {table.group(1)}" if table else kind
        return name

    def _seconds_here() -> Counter[str]:
        mine = getattr(_local, "seconds", None)
        if mine is None:
            mine = _local.seconds = Counter()
            _worker_seconds.append(mine)
        return mine

    def _patch_aiosqlite() -> None:
        try:
            from aiosqlite import core
        except ImportError:
            return
        original = core.Connection._execute

        async def _execute(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
            kind = _kind(fn, args)
            _ops[kind] += 1

            def timed():  # runs in the connection's thread
                started = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    _seconds_here()[kind] += time.perf_counter() - started

            return await original(self, timed)

        core.Connection._execute = _execute

    def _patch_logging() -> None:
        original = logging.Logger.callHandlers

        def callHandlers(self, record):  # type: ignore[no-untyped-def]
            _logs[record.levelname] += 1
            return original(self, record)

        logging.Logger.callHandlers = callHandlers

    def _dump(signum: int, frame: object) -> None:
        global _dumps
        _dumps += 1
        seconds: Counter[str] = Counter()
        for part in list(_worker_seconds):
            seconds.update(dict(part))
        state = {
            "seq": _dumps,
            "db_ops": dict(_ops),
            "db_seconds": dict(seconds),
            "logs": dict(_logs),
            "gc": [s["collections"] for s in gc.get_stats()],
            "threads": {str(t.native_id): t.name for t in threading.enumerate()},
            "heavy_modules": sorted(m for m in _HEAVY if m in sys.modules),
            "loop_callbacks": dict(_callbacks),
        }
        partial = f"{_OUT}.part"
        with open(partial, "w") as file:
            json.dump(state, file)
        os.replace(partial, _OUT)

    def _patch_sqlite_engine() -> None:
        try:
            from storage.core import sqlite as engine
        except ImportError:
            return

        def counted(cls: type, method: str, prefix: str) -> None:
            original = getattr(cls, method)

            async def wrapper(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
                verb = str(sql).lstrip().split(None, 1)
                kind = f"{prefix}{verb[0].upper() if verb else '?'}"
                table = _WRITE.match(str(sql))
                _ops[f"{kind} {table.group(1)}" if table else kind] += 1
                return await original(self, sql, *args, **kwargs)

            setattr(cls, method, wrapper)

        for method in ("fetchall", "fetchone", "execute", "executemany"):
            counted(engine.Inline, method, "execute:")
            counted(engine.Threaded, method, "thread:")

        begin, commit, in_thread = (
            engine.SqliteEngine.begin,
            engine.SqliteEngine.commit,
            engine.SqliteEngine._in_thread,
        )

        async def _begin(self):  # type: ignore[no-untyped-def]
            _ops["execute:BEGIN"] += 1
            return await begin(self)

        async def _commit(self):  # type: ignore[no-untyped-def]
            _ops["execute:COMMIT"] += 1
            return await commit(self)

        def _in_thread(self, call):  # type: ignore[no-untyped-def]
            def timed():  # the writer's thread: COMMIT, a BEGIN that waits, checkpoints
                started = time.perf_counter()
                try:
                    return call()
                finally:
                    _seconds_here()["hop to the writer thread"] += time.perf_counter() - started

            _ops["hop to the writer thread"] += 1
            return in_thread(self, timed)

        engine.SqliteEngine.begin = _begin
        engine.SqliteEngine.commit = _commit
        engine.SqliteEngine._in_thread = _in_thread

    _callbacks: Counter[str] = Counter()

    def _callback_name(callback: object) -> str:
        owner = getattr(callback, "__self__", None)
        if owner is not None and hasattr(owner, "get_coro"):  # a task's step
            coro = owner.get_coro()
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
            if code is not None:
                return f"task {code.co_qualname} ({os.path.basename(code.co_filename)})"
            return f"task {coro!r}"
        if owner is not None:
            name = f"{type(owner).__qualname__}.{getattr(callback, '__name__', '?')}"
        else:
            name = getattr(callback, "__qualname__", None) or repr(callback)
        module = getattr(callback, "__module__", None) or type(owner).__module__
        return f"{module}.{name}"

    def _patch_loop() -> None:
        import asyncio.events

        original = asyncio.events.Handle._run

        def _run(self):  # type: ignore[no-untyped-def]
            _callbacks[_callback_name(self._callback)] += 1
            return original(self)

        asyncio.events.Handle._run = _run

    if os.environ.get("BENCH_PROBE_LOOP"):
        _patch_loop()

    if os.environ.get("BENCH_PROBE_DB"):
        _patch_aiosqlite()
        _patch_sqlite_engine()
    _patch_logging()
    signal.signal(signal.SIGUSR1, _dump)
