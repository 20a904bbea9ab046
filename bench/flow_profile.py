"""Where the bot's CPU goes per update: summarise ``py-spy record --format raw`` stacks
taken by ``python -m bench.flow --profile DIR``.

    python -m bench.flow_profile bench/data/profile/bot-gil-inflight10-round1.txt [...]

py-spy samples wall-clock time, so on a busy machine a thread that holds the GIL but
waits for a CPU is sampled too. The shares of the samples are therefore turned into
milliseconds with the CPU the same run measured from /proc (the ``.json`` file
``bench.flow`` writes next to the stacks): ms/update of a category = its share of the
event-loop thread's samples × that thread's CPU per update.

Two views of the event-loop thread:

- **kind of work**: each sample goes to the first category (in the order of ``KINDS``)
  that any frame of its stack belongs to: e.g. a sample in httpcore called from a
  handler's ``send_message`` is HTTP client work, a sample in ``json`` called from the
  persistence is persistence.
- **on whose behalf**: the outermost activity the sample belongs to (handling an update,
  polling for updates, the persistence flush, the outbox dispatcher...).

``--native`` profiles (``--profile-mode native``: every thread, idle ones included, with C
frames) are summarised by thread state instead: running, waiting for the GIL, in epoll,
in fsync, waiting on a queue.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.*) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


@dataclass(frozen=True)
class Frame:
    function: str
    file: str  # shortened: package path below site-packages, stdlib/..., or ours

    def __str__(self) -> str:
        return f"{self.file}::{self.function}"


def shorten(path: str) -> str:
    path = re.sub(r".*/site-packages/", "", path)
    path = re.sub(r".*/lib/python3\.\d+/", "stdlib/", path)
    return re.sub(r".*/(bot|handlers|storage|emulator|bench)/", r"\1/", path)


def parse(line: str) -> tuple[str, list[Frame], int]:
    stack, count = line.rstrip("\n").rsplit(" ", 1)
    parts = stack.split(";")
    thread = parts[0].split(": ", 1)[-1]
    frames = []
    for part in parts[1:]:
        match = FRAME.match(part)
        if match:
            frames.append(Frame(match["function"], shorten(match["file"])))
        else:
            frames.append(Frame(part, "?"))
    return thread, frames, int(count)


Rule = Callable[[list[Frame]], bool]


def _in(*prefixes: str) -> Callable[[Frame], bool]:
    return lambda frame: frame.file.startswith(prefixes)


def anywhere(test: Callable[[Frame], bool]) -> Rule:
    """Some frame of the stack passes ``test``."""
    return lambda frames: any(test(frame) for frame in frames)


def leaf(test: Callable[[Frame], bool]) -> Rule:
    """The innermost frame passes ``test`` (the sample's own time, not its callees')."""
    return lambda frames: bool(frames) and test(frames[-1])


OWNERS = ("handlers/", "bot/", "storage/", "telegram/")


def innermost(*prefixes: str) -> Rule:
    """The innermost frame of our code or PTB is in one of ``prefixes``: a sample in
    asyncio or a builtin is charged to whoever called it."""

    def rule(frames: list[Frame]) -> bool:
        for frame in reversed(frames):
            if frame.file.startswith(OWNERS):
                return frame.file.startswith(prefixes)
        return False

    return rule


RENDERING = re.compile(r"(^|/)(texts[^/]*|catalog|formatting|[a-z_]*keyboards?|callbacks)\.py$")


def innermost_rendering(frames: list[Frame]) -> bool:
    """The innermost frame of ours is the message catalog, a keyboard, callback data or
    formatting (``bot/<feature>/texts*.py``, ``bot/core/catalog.py``, ``*keyboards.py``...)."""
    for frame in reversed(frames):
        if frame.file.startswith(OWNERS):
            return frame.file.startswith(("bot/", "handlers/")) and bool(
                RENDERING.search(frame.file)
            )
    return False


PTB_OBJECT_FUNCTIONS = (
    "de_json",
    "_de_json",
    "de_list",
    "to_dict",
    "_get_attrs",
    "__setattr__",
    "__init__",
    "_freeze",
    "_unfreeze",
    "de_json_optional",
    "de_list_optional",
    "__deepcopy__",
    "_apply_api_kwargs",
)

#: Kind of work, first match wins (so the order says which part of a stack "owns" it).
KINDS: list[tuple[str, Rule]] = [
    (
        "imports at run time (httpcore's `import sniffio`, not installed)",
        anywhere(_in("<frozen importlib", "_distutils_hack")),
    ),
    ("logging", anywhere(_in("stdlib/logging/"))),
    ("bench probe's own time (counting db ops)", leaf(_in("bench/probe/"))),
    (
        "persistence (PTB + bot/core/persistence.py, incl. its SQL and JSON)",
        anywhere(
            lambda f: (
                f.file.startswith(("bot/core/persistence.py", "telegram/ext/_basepersistence"))
                or f.function.endswith("update_persistence")
            )
        ),
    ),
    (
        "HTTP client (aiohttp and bot/core/transport.py; httpx, httpcore, anyio before)",
        anywhere(
            _in(
                "aiohttp/",
                "yarl/",
                "multidict/",
                "bot/core/transport.py",
                "httpx/",
                "httpcore/",
                "h11/",
                "anyio/",
                "telegram/request/",
            )
        ),
    ),
    (
        "database engine: statements on the loop, the hop to the writer (storage/core/"
        "sqlite.py, db.py; aiosqlite before)",
        anywhere(_in("storage/core/sqlite.py", "storage/core/db.py", "aiosqlite/")),
    ),
    (
        "PTB objects: de_json / to_dict / de_list",
        anywhere(
            lambda f: (
                f.file.startswith("telegram/") and f.function.split(".")[-1] in PTB_OBJECT_FUNCTIONS
            )
        ),
    ),
    (
        "PTB Bot method calls (parameters, rate limiter, JSON)",
        anywhere(
            _in(
                "telegram/_bot.py",
                "telegram/ext/_extbot.py",
                "telegram/ext/_aioratelimiter.py",
                "telegram/_utils/",
                "bot/core/pacing.py",
                "stdlib/json/",
                "telegram/_callbackquery.py",
                "telegram/_message.py",
            )
        ),
    ),
    ("storage/ (our SQL functions)", innermost("storage/")),
    ("rendering (texts, keyboards, formatting)", innermost_rendering),
    ("our handlers and services", innermost("handlers/", "bot/")),
    ("PTB dispatch (application, handlers, conversations)", innermost("telegram/ext/")),
    ("PTB other", innermost("telegram/")),
]

#: On whose behalf, first match wins.
ACTIVITIES: list[tuple[str, Rule]] = [
    (
        "persistence flush (PTB, every 2 s)",
        anywhere(lambda f: f.function.endswith("update_persistence")),
    ),
    ("outbox dispatcher (bot/core/delivery.py)", anywhere(_in("bot/core/delivery.py"))),
    (
        "scheduler / jobs",
        anywhere(_in("bot/core/scheduling.py", "telegram/ext/_jobqueue", "apscheduler/")),
    ),
    ("getUpdates and parsing updates (Updater)", anywhere(_in("telegram/ext/_updater.py"))),
    (
        "handling updates: Bot API calls",
        anywhere(lambda f: f.function in ("Bot._post", "ExtBot._do_post")),
    ),
    ("handling updates: database", anywhere(_in("storage/", "aiosqlite/"))),
    ("handling updates: rest", anywhere(lambda f: f.function == "Application.process_update")),
    ("other callbacks (asyncio, httpx connection upkeep...)", lambda frames: True),
]


def running_callback(frames: list[Frame]) -> list[Frame]:
    """The frames of the callback the event loop is running (below its ``Handle._run``);
    [] when the loop itself is at work (selecting, scheduling), whose outer frames
    (``run_polling``...) say nothing about the sample."""
    for index in range(len(frames) - 1, -1, -1):
        if frames[index].function == "Handle._run" and frames[index].file.startswith(
            "stdlib/asyncio/"
        ):
            return frames[index + 1 :]
    if any(f.function == "BaseEventLoop._run_once" for f in frames):
        return []
    return frames  # another thread, or no event loop in the stack


def classify(frames: list[Frame], rules: list[tuple[str, Rule]]) -> str:
    frames = running_callback(frames)
    if not frames:
        return "asyncio event loop itself (select, scheduling callbacks)"
    for name, rule in rules:
        if rule(frames):
            return name
    return "other"


#: Native frames (C functions) that mean "not using the CPU". CPython 3.11 waits for the
#: GIL in a condition variable with a timeout (``take_gil`` is inlined into whatever
#: released it: ``os_stat``, ``sock_send``...); its locks and queues wait on semaphores.
WAITING = {
    "epoll_wait": "idle in epoll (waiting for I/O)",
    "select_epoll_poll_impl": "idle in epoll (waiting for I/O)",
    "fdatasync": "fsync (waiting for the disk)",
    "fsync": "fsync (waiting for the disk)",
    "take_gil": "waiting for the GIL",
    "pthread_cond_timedwait": "waiting for the GIL",
}


def native_state(frames: list[Frame]) -> str:
    names = [f.function for f in frames]
    for function, state in WAITING.items():
        if function in names:
            return state
    leaf = frames[-1] if frames else Frame("?", "?")
    if leaf.function.startswith("0x") and "libc" in leaf.file:
        # unnamed libc internals under a lock or queue wait: blocked on a futex
        return "blocked on a lock or queue (futex)"
    if any(n.startswith(("sqlite3", "pysqlite", "_pysqlite")) for n in names) or any(
        "libsqlite" in f.file for f in frames
    ):
        return "running: SQLite (C)"
    if leaf.function in (
        "send",
        "recv",
        "sendto",
        "recvfrom",
        "getpeername",
        "sem_post",
        "pthread_cond_signal",
        "write",
        "read",
        "fstatat64",
        "getpid",
    ):
        return f"running: syscall {leaf.function}"
    return "running: Python and C"


@dataclass
class Profile:
    path: Path
    samples: Counter[str]  # thread -> samples
    stacks: list[tuple[str, list[Frame], int]]
    run: dict | None

    @classmethod
    def read(cls, path: Path) -> Profile:
        stacks = [parse(line) for line in path.read_text().splitlines() if line.strip()]
        samples: Counter[str] = Counter()
        for thread, _, count in stacks:
            samples[thread] += count
        sidecar = path.with_suffix(".json")
        run = json.loads(sidecar.read_text()) if sidecar.exists() else None
        return cls(path, samples, stacks, run)

    def main_cpu_ms(self) -> float | None:
        if self.run is None:
            return None
        user, system = self.run["thread_cpu_s"].get("main (event loop)", (0.0, 0.0))
        return (user + system) * 1000 / self.run["updates"]


def table(title: str, counts: Counter[str], total: int, scale: float | None) -> str:
    lines = [f"  {title}", "  | | share | ms/update |", "  |---|---:|---:|"]
    for name, count in counts.most_common():
        share = count / total
        ms = f"{share * scale:.2f}" if scale is not None else "—"
        lines.append(f"  | {name} | {share:.1%} | {ms} |")
    return "\n".join(lines)


def _leaf_name(frames: list[Frame]) -> str:
    """The innermost frame outside asyncio/contextlib/functools plumbing."""
    for frame in reversed(frames):
        if not frame.file.startswith(
            (
                "stdlib/asyncio/",
                "stdlib/contextlib",
                "stdlib/functools",
                "stdlib/enum",
                "<frozen abc",
            )
        ):
            return str(frame)
    return str(frames[-1]) if frames else "?"


def summarise(profile: Profile, top: int, explain: int = 0) -> str:
    main = [(frames, n) for thread, frames, n in profile.stacks if thread == "MainThread"]
    total = sum(n for _, n in main)
    scale = profile.main_cpu_ms()
    out = [
        f"{profile.path.name}: {sum(profile.samples.values())} samples "
        f"({', '.join(f'{t} {n}' for t, n in profile.samples.most_common())})"
    ]
    if profile.run is not None:
        run = profile.run
        threads = ", ".join(
            f"{name} {1000 * (u + s) / run['updates']:.2f}"
            for name, (u, s) in run["thread_cpu_s"].items()
        )
        cpu = 1000 * run["cpu_s"] / run["updates"]
        out.append(
            f"  run: {run['updates']} updates, CPU {cpu:.2f} ms/update (by thread: {threads})"
        )
    if any(
        f.function in WAITING or f.function.startswith("0x")
        for _, frames, _ in profile.stacks[:200]
        for f in frames
    ):
        states: dict[str, Counter[str]] = {}
        for thread, frames, n in profile.stacks:
            states.setdefault(thread, Counter())[native_state(frames)] += n
        for thread, counts in states.items():
            out.append(
                table(
                    f"thread {thread}: states (share of wall time)",
                    counts,
                    sum(counts.values()),
                    None,
                )
            )
        main = [(frames, n) for frames, n in main if native_state(frames).startswith("running")]
        total = sum(n for _, n in main)
    kinds: Counter[str] = Counter()
    activities: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    leaves_by_kind: dict[str, Counter[str]] = {}
    for frames, n in main:
        kind = classify(frames, KINDS)
        kinds[kind] += n
        activities[classify(frames, ACTIVITIES)] += n
        leaves[str(frames[-1]) if frames else "?"] += n
        leaves_by_kind.setdefault(kind, Counter())[_leaf_name(frames)] += n
    out.append(table("event-loop thread by kind of work", kinds, total, scale))
    if explain:
        for kind, _ in kinds.most_common():
            out.append(
                f"    {kind}: "
                + "; ".join(
                    f"{name} {n / total:.1%}"
                    for name, n in leaves_by_kind[kind].most_common(explain)
                )
            )
    out.append(table("event-loop thread on whose behalf", activities, total, scale))
    out.append(
        table(
            f"event-loop thread: top {top} leaf functions",
            Counter(dict(leaves.most_common(top))),
            total,
            scale,
        )
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.flow_profile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("stacks", type=Path, nargs="+", help="py-spy raw output files")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument(
        "--explain",
        type=int,
        default=4,
        help="show this many top functions per kind of work (0: none)",
    )
    args = parser.parse_args(argv)
    for path in args.stacks:
        print(summarise(Profile.read(path), args.top, args.explain))
        print()


if __name__ == "__main__":
    main()
