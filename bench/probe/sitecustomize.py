"""Counters inside a benchmarked bot process, without touching the bot's code.

``bench.flow`` puts this folder first on ``PYTHONPATH`` of the processes it starts and sets
``BENCH_PROBE`` to a file path; Python imports ``sitecustomize`` at start, so this runs
before the bot. It counts

- aiosqlite operations (each is one hop to the connection's thread and back), by kind:
  ``execute:SELECT``, ``execute:COMMIT``, ``fetchall``, ``close``..., and the seconds the
  connection threads spent running them (wall time: a COMMIT includes its fsync);
- log records that reached a handler, by level;
- garbage collections, by generation;

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
        }
        partial = f"{_OUT}.part"
        with open(partial, "w") as file:
            json.dump(state, file)
        os.replace(partial, _OUT)

    if os.environ.get("BENCH_PROBE_DB"):
        _patch_aiosqlite()
    _patch_logging()
    signal.signal(signal.SIGUSR1, _dump)
