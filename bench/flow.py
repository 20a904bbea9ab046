"""CPU per update of the complaint flow, side by side with a bare python-telegram-bot echo bot.

    python -m bench.flow --users 40 --inflight 1,10,50 --rounds 5
    python -m bench.flow --throughput --users 100 --inflight 50 --rounds 3
    python -m bench.flow --only bot --inflight 10,50 --rounds 1 --profile bench/data/profile
    python -m bench.flow --per-step
    python -m bench.flow --imports
    python -m bench.flow --idle-only 60 --rounds 3 [--profile DIR --profile-mode active]

The Bot API emulator (``emulator``) runs in this process; the real bot
(``marelan-bot run``, fresh database and emulator world per run, ADMIN_IDS set) and the
echo bot (``bench/echo_bot.py``) run as separate processes against it, one at a time.

**Flow mode** (default; flood control off in the emulator, the bot keeps its own pacing
as in production). The office is set up first: the admin starts the bot, one officer per
unit is invited through the real invite flow, each unit's group is bound, and one warm-up
citizen files a complaint. Then ``--users`` citizens each file one complaint through
/lapor (consent, category, kelurahan, description, skip evidence, show name, send:
8 updates), pressing as soon as the next prompt shows, ``--inflight`` of them at a time.
The echo bot gets the same number of sequential messages per user at the same
concurrency (after a warm-up user). CPU is utime+stime of the bot process, all threads,
from ``/proc/<pid>/stat``, read when the office is set up (after ``--idle`` seconds of
idling, which measure the CPU the process burns with nothing to do) and when all is done
(every reply seen, every complaint's alert in its unit's group, the emulator quiet). Echo
and bot runs alternate within a round, and which goes first alternates between rounds;
the ratio is the median of the per-round ratios, so both sides of each ratio ran minutes
apart.

**Throughput mode** (``--throughput``): the emulator enforces Telegram's limits (30
messages/s overall, 1/s per private chat with bursts of 3, 20/min per group); citizens
think ``--think`` seconds (1.5) before each step; meanwhile each unit's officer presses
"Terima" on every alert in the group (after the same think time). Prints steps/s served,
step latency percentiles and the officers' press-to-answer latency.

**Per-step mode** (``--per-step``): one citizen after the office is set up; for each of the
eight steps the Bot API calls (to the citizen's chat or elsewhere), database statements,
transactions and the rows written, each step followed by PTB's persistence interval.

Also counted, outside the bot's code: Bot API calls (at the emulator), the calls naming a
chat per second (what PTB's AIORateLimiter caps at 30/s, edits included), and through
``bench/probe/sitecustomize.py`` (loaded by the bot process from ``PYTHONPATH``)
database statements by kind, the database threads' time, log records and garbage
collections; RSS and VmHWM from ``/proc/<pid>/status``; CPU per thread.

**Idle mode** (``--idle-only SECONDS``): per round, the office set up (the echo bot warmed
up), three seconds to settle, then SECONDS with nobody writing: CPU per second of idling,
per thread, the threads' wake-ups (voluntary context switches) per second and the Bot API
calls meanwhile (getUpdates: the long poll's timeout). With ``--profile`` py-spy records
the idle window (``--profile-mode active``: every thread it sees running).

``--profile DIR`` attaches ``py-spy record --threads`` to the bot between the two marks
and writes the raw stacks there (summarise them with ``python -m bench.flow_profile``);
profiled runs are slower, so take CPU figures from runs without it.

Timings depend on the machine and what else runs on it: the load average is printed with
every run. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bot.core.office import load_office
from emulator import BotWorld, FakeGroup, FakeTelegram, FakeUser

HERE = Path(__file__).resolve().parent
PROBE_DIR = HERE / "probe"
ECHO_BOT = HERE / "echo_bot.py"
STEPS = 8  # updates per complaint: /lapor, consent, category, kelurahan, text, skip, name, send
WAIT = 120.0  # seconds a person waits for the bot before the run is declared broken
TICK = os.sysconf("SC_CLK_TCK")
#: Seconds without a Bot API call (besides getUpdates) that mean the outbox has drained:
#: longer than the per-chat pace (1 message/s) and the persistence flush (2 s).
QUIET = 2.5
#: py-spy flags: "gil" samples whichever thread holds the GIL (Python at work, little
#: overhead); "native" samples every thread with C frames, idle ones included, to tell
#: running from waiting for the GIL, epoll, fsync or a queue (slows the bot a lot).
#: "active" samples every thread py-spy does not see waiting (the idle mode's profile).
PROFILE_MODES = {"gil": ["--gil"], "native": ["--native", "--idle"], "active": []}
UNITS = ("SEKRET", "PEM", "TRANTIB", "PEMB", "KESOS", "PELAYANAN")


# --- reading a process from /proc ------------------------------------------------------


def _stat_cpu(path: Path) -> tuple[float, float]:
    """(utime, stime) in seconds from a /proc stat file (a process: all its threads, dead
    ones included; a task: that thread)."""
    fields = path.read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICK, int(fields[12]) / TICK


def cpu_seconds(pid: int) -> float:
    return sum(_stat_cpu(Path(f"/proc/{pid}/stat")))


def thread_cpu(pid: int) -> dict[int, tuple[float, float, str]]:
    """(user, system) CPU seconds and the kernel's name (comm) of every live thread."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found[int(task.name)] = (*_stat_cpu(task / "stat"), (task / "comm").read_text().strip())
        except (OSError, IndexError):
            continue  # the thread ended meanwhile
    return found


def run_ns(pid: int) -> int:
    """Nanoseconds on a CPU of the live threads (``/proc/<pid>/task/*/schedstat``): finer
    than utime+stime, which count 10 ms ticks (an idle bot uses a few per minute)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue
    return total


def wakeups(pid: int) -> dict[int, tuple[int, str]]:
    """Voluntary context switches (a thread going to sleep: one per wake-up of a loop
    that polls) and the name (comm) of every live thread."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text().splitlines()
            count = next(int(x.split()[1]) for x in status if x.startswith("voluntary_ctxt"))
            found[int(task.name)] = (count, (task / "comm").read_text().strip())
        except (OSError, StopIteration):
            continue
    return found


def status_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def io_counters(pid: int) -> dict[str, int]:
    try:
        lines = Path(f"/proc/{pid}/io").read_text().splitlines()
    except OSError:
        return {}
    return {k: int(v) for k, v in (line.split(": ") for line in lines)}


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


# --- the bot processes -----------------------------------------------------------------


@dataclass
class Mark:
    """Counters at one moment of a run."""

    wall: float
    cpu: float
    threads: dict[int, tuple[float, float, str]]
    io: dict[str, int]
    probe: dict[str, Any]
    calls: Counter[str]
    updates: int


class BotProcess:
    """A bot (ours or the echo bot) running as its own process against one world."""

    def __init__(
        self,
        kind: str,
        world: BotWorld,
        folder: Path,
        admin: FakeUser | None,
        log_level: str | None,
        *,
        loop_probe: bool = False,
    ) -> None:
        self.kind = kind
        self.world = world
        self.folder = folder
        self.probe_file = folder / "probe.json"
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", str(folder)),
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            # The probe first, then the tree this benchmark lives in: the bot runs this
            # tree's code even when the venv's editable install points at another one.
            "PYTHONPATH": os.pathsep.join((str(PROBE_DIR), str(HERE.parent))),
            "BENCH_PROBE": str(self.probe_file),
            "BOT_TOKEN": world.token,
            "TELEGRAM_API_BASE_URL": world.root,
        }
        if loop_probe:
            env["BENCH_PROBE_LOOP"] = "1"
        if kind == "bot":
            env |= {"DATABASE_PATH": str(folder / "marelan.db"), "BENCH_PROBE_DB": "1"}
            if admin is not None:
                env["ADMIN_IDS"] = str(admin.id)
            if log_level:
                env["LOG_LEVEL"] = log_level
            script = Path(sys.executable).with_name("marelan-bot")
            self.command = (
                [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot", "run"]
            )
        else:
            self.command = [sys.executable, str(ECHO_BOT)]
        self.env = env
        self.process: asyncio.subprocess.Process | None = None
        self._probe_seq = 0

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    async def start(self) -> None:
        log = (self.folder / f"{self.kind}.log").open("wb")
        self.process = await asyncio.create_subprocess_exec(
            *self.command, env=self.env, cwd=self.folder, stdout=log, stderr=log
        )
        log.close()

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()

    async def read_probe(self) -> dict[str, Any]:
        """Ask the probe in the process for its counters (SIGUSR1) and wait for the file."""
        os.kill(self.pid, signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                state = json.loads(self.probe_file.read_text())
            except (OSError, ValueError):
                state = None
            if state is not None and state["seq"] > self._probe_seq:
                self._probe_seq = state["seq"]
                return state
            await asyncio.sleep(0.005)
        raise RuntimeError(f"the probe in {self.kind} (pid {self.pid}) did not answer")

    async def mark(self) -> Mark:
        probe = await self.read_probe()
        return Mark(
            wall=time.perf_counter(),
            cpu=cpu_seconds(self.pid),
            threads=thread_cpu(self.pid),
            io=io_counters(self.pid),
            probe=probe,
            calls=Counter(call.method for call in self.world.requests),
            updates=self.world.updates.delivered,
        )


# --- people ----------------------------------------------------------------------------


@dataclass
class Pace:
    think: float = 0.0  # seconds before each step
    jitter_first: bool = False  # spread the first step over [0, think) to desynchronise


async def timed_step(
    latencies: list[float],
    pace: Pace,
    first: bool,
    act: Callable[[], Awaitable[Any]],
    seen: Callable[[], Awaitable[Any]],
) -> None:
    if pace.think:
        await asyncio.sleep(
            random.uniform(0, pace.think) if first and pace.jitter_first else pace.think
        )
    started = time.perf_counter()
    await act()
    await seen()
    latencies.append(time.perf_counter() - started)


Step = tuple[str, Callable[[], Awaitable[Any]], Callable[[], Awaitable[Any]]]


def complaint_steps(citizen: FakeUser, category: str, kelurahan: str) -> list[Step]:
    """The eight updates of /lapor as (name, act, the prompt that shows it was handled)."""
    description = (
        f"Lampu jalan di gang {citizen.id % 97} mati sejak seminggu, gelap sekali di malam hari."
    )

    def press(label: str) -> Callable[[], Awaitable[Any]]:
        return lambda: citizen.press(label, timeout=WAIT)

    def until(text: str) -> Callable[[], Awaitable[Any]]:
        return lambda: citizen.wait_for(text, timeout=WAIT)

    steps = [
        ("/lapor", lambda: citizen.send("/lapor"), until("data pribadi")),
        ("consent", press("Setuju"), until("Pilih kategori")),
        ("category", press(category), until("Di kelurahan mana")),
        ("kelurahan", press(kelurahan), until("Ceritakan masalahnya")),
        ("description", lambda: citizen.send(description), until("Lampiran")),
        ("skip evidence", press("Lewati"), until("identitas")),
        ("show name", press("Tampilkan nama saya"), until("Periksa pengaduan")),
        ("send", press("Kirim"), until("tercatat")),
    ]
    assert len(steps) == STEPS
    return steps


async def file_one_complaint(
    citizen: FakeUser, category: str, kelurahan: str, latencies: list[float], pace: Pace
) -> None:
    """/lapor to the end, each step as soon as (or ``pace.think`` after) the prompt it
    answers is visible."""
    for index, (_, act, seen) in enumerate(complaint_steps(citizen, category, kelurahan)):
        await timed_step(latencies, pace, index == 0, act, seen)


async def echo_messages(person: FakeUser, latencies: list[float], pace: Pace) -> None:
    for index in range(STEPS):
        text = f"pesan {index + 1} dari {person.first_name}"
        await timed_step(
            latencies,
            pace,
            index == 0,
            lambda text=text: person.send(text),
            lambda text=text: person.wait_for(predicate=lambda m: m.text == text, timeout=WAIT),
        )


async def in_flight(
    people: Iterable[Any], inflight: int, one: Callable[[Any], Awaitable[None]]
) -> None:
    """Everyone's turn, ``inflight`` at a time (a new one starts when one finishes)."""
    queue = iter(people)

    async def worker() -> None:
        for person in queue:
            await one(person)

    await asyncio.gather(*(worker() for _ in range(inflight)))


async def officer_at_work(
    officer: FakeUser,
    group: FakeGroup,
    think: float,
    latencies: list[float],
    finished: asyncio.Event,
) -> None:
    """Press "Terima" on each new alert in the group, ``think`` seconds after it shows;
    stop once the citizens are done and no alert came for a second."""

    seen = group.last_message.message_id if group.last_message else 0  # earlier alerts

    def is_alert(message: Any) -> bool:
        return message.message_id > seen and any(
            "Terima" in label for row in message.buttons for label in row
        )

    while True:
        try:
            alert = await group.wait_for(predicate=is_alert, timeout=1.0)
        except AssertionError:
            if finished.is_set():
                return
            continue
        await asyncio.sleep(think)
        started = time.perf_counter()
        await officer.press("Terima", message=alert, chat=group, timeout=WAIT)
        latencies.append(time.perf_counter() - started)


# --- one run -----------------------------------------------------------------------------


@dataclass
class Run:
    kind: str
    inflight: int
    round: int
    users: int
    updates: int
    cpu_s: float
    window_s: float
    drive_s: float
    steps: list[float] = field(repr=False)
    calls: dict[str, int]
    rss_idle_mb: float
    rss_end_mb: float
    hwm_mb: float
    db_ops: dict[str, int]
    db_seconds: dict[str, float]
    logs: dict[str, int]
    gc: list[int]
    thread_cpu_s: dict[str, tuple[float, float]]
    io: dict[str, int]
    load_before: float
    load_after: float
    driver_cpu_s: float
    staff: list[float] = field(default_factory=list, repr=False)
    flood_429: int = 0
    flood_429_where: dict[str, int] = field(default_factory=dict)
    profile: str | None = None
    idle_cpu_ms_per_s: float = float("nan")  # CPU the process burns with nothing to do
    heavy_modules: list[str] = field(default_factory=list)
    alerts_late: int = 0  # group alerts still undelivered when the last citizen was done
    alerts_after_s: float = 0.0  # ...and how long after that the last one arrived
    chat_calls_per_s: list[int] = field(default_factory=list, repr=False)

    @property
    def cpu_ms(self) -> float:
        return self.cpu_s * 1000 / self.updates

    @property
    def updates_per_s(self) -> float:
        return len(self.steps) / self.drive_s

    def per_update(self, count: float) -> float:
        return count / self.updates

    @property
    def api_calls(self) -> int:
        return sum(n for method, n in self.calls.items() if method != "getUpdates")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def _delta(after: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    return {k: v - before.get(k, 0) for k, v in after.items() if v - before.get(k, 0)}


def _thread_cpu(start: Mark, end: Mark) -> dict[str, tuple[float, float]]:
    """(user, system) CPU seconds per thread between the marks, summed by what the
    thread is."""
    names = {**start.probe["threads"], **end.probe["threads"]}
    user: Counter[str] = Counter()
    system: Counter[str] = Counter()
    for tid, (utime, stime, comm) in end.threads.items():
        name = names.get(str(tid), f"native thread {comm!r} (numpy's OpenBLAS here)")
        if "_connection_worker_thread" in name:
            name = "aiosqlite connection threads"
        elif name.startswith("sqlite-writer"):
            name = "sqlite writer thread"
        elif name == "MainThread":
            name = "main (event loop)"
        before = start.threads.get(tid, (0.0, 0.0, comm))
        user[name] += utime - before[0]
        system[name] += stime - before[1]
    lost = (end.cpu - start.cpu) - sum(user.values()) - sum(system.values())
    if lost > 0.005:
        user["threads that ended"] += lost
    return {
        k: (round(user[k], 3), round(system[k], 3))
        for k in user | system
        if user[k] + system[k] > 0
    }


def clock_calls(world: BotWorld) -> None:
    """Note when each Bot API call ends and whether it names a chat (what PTB's
    AIORateLimiter counts against its overall 30/s: every method with a chat_id, edits
    included), in ``world.call_times``."""
    stamps: list[tuple[float, bool]] = []
    original = world.end_call

    def end_call(call: Any) -> None:
        if call.method != "getUpdates":
            stamps.append((time.perf_counter(), "chat_id" in call.params))
        original(call)

    world.end_call = end_call  # type: ignore[method-assign]
    world.call_times = stamps  # type: ignore[attr-defined]


def per_second(stamps: list[tuple[float, bool]], start: float, end: float) -> list[int]:
    """Calls naming a chat in each whole second of [start, end)."""
    counts = [0] * max(1, int(end - start))
    for moment, named in stamps:
        if named and start <= moment < start + len(counts):
            counts[int(moment - start)] += 1
    return counts


class Office:
    """What the real bot needs before citizens can file: an admin, one officer per unit
    and each unit's group bound to it."""

    def __init__(self, world: BotWorld) -> None:
        self.world = world
        self.admin = world.user("Admin", username="bench_admin")
        self.officers: dict[str, FakeUser] = {}
        self.groups: dict[str, FakeGroup] = {}

    async def set_up(self) -> None:
        for unit in UNITS:
            officer = self.world.user(f"Staf{unit}", username=f"staf_{unit.lower()}")
            await self.admin.send(f"/undang staf {unit}")
            link = await self.admin.wait_for("start=inv_", timeout=WAIT)
            await officer.send(f"/start {link.text.split('start=')[1].split()[0]}")
            await officer.wait_for("terdaftar sebagai", timeout=WAIT)
            group = self.world.group(f"Grup {unit}", members=[self.admin, officer])
            await self.admin.say(group, f"/grup_unit {unit}")
            await group.wait_for("sekarang menjadi kanal", timeout=WAIT)
            self.officers[unit], self.groups[unit] = officer, group

    def alerts(self) -> int:
        """Complaint alerts the units' groups have received so far."""
        return sum(
            1
            for group in self.groups.values()
            for message in self.world.bot_messages(group.id)
            if "Pengaduan MRL-" in message.body
        )

    async def all_alerted(self, count: int) -> None:
        """Wait until the groups hold ``count`` alerts: the outbox is paced and may send
        them after a quiet moment that ``settle`` would take for the end."""
        deadline = time.monotonic() + WAIT
        while self.alerts() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"only {self.alerts()} of {count} alerts arrived")
            await self.world.activity.wait(1.0)


def choices(count: int) -> list[tuple[str, str]]:
    """(category label, kelurahan name) per citizen: every category that needs no extra
    step, in turn, so the alerts spread over the units' groups."""
    office = load_office(None)
    categories = [c.label("id") for c in office.categories if not c.conduct]
    places = [k.name for k in office.kelurahan]
    return [(categories[i % len(categories)], places[i % len(places)]) for i in range(count)]


async def one_run(kind: str, inflight: int, round_: int, args: argparse.Namespace) -> Run:
    throughput = args.throughput
    pace = Pace(args.think, jitter_first=True) if throughput else Pace()
    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_bench_bot", first_name="Marelan Bench")
        world.limits.enabled = throughput  # Telegram's limits only in throughput mode
        clock_calls(world)
        with tempfile.TemporaryDirectory(prefix=f"bench-flow-{kind}-") as folder:
            office = Office(world) if kind == "bot" else None
            process = BotProcess(
                kind, world, Path(folder), office.admin if office else None, args.log_level
            )
            await process.start()
            try:
                return await _measure(kind, inflight, round_, args, world, process, office, pace)
            except BaseException:
                log = Path(folder) / f"{kind}.log"
                if log.exists():
                    sys.stderr.write(log.read_text()[-3000:])
                raise
            finally:
                await process.stop()


async def _started(kind: str, world: BotWorld, process: BotProcess, office: Office | None) -> float:
    """Wait until the bot answers, let it idle, and return its RSS then."""
    first = office.admin if office else world.user("Pemanasan")
    await first.send("/start" if office else "halo")
    await first.wait_for("Halo" if office else "halo", timeout=WAIT)
    await world.settle(timeout=WAIT)
    await asyncio.sleep(1.0)
    return status_mb(process.pid, "VmRSS")


async def _measure(
    kind: str,
    inflight: int,
    round_: int,
    args: argparse.Namespace,
    world: BotWorld,
    process: BotProcess,
    office: Office | None,
    pace: Pace,
) -> Run:
    rss_idle = await _started(kind, world, process, office)
    people = [world.user(f"Warga{i}") for i in range(args.users)]
    picks = choices(args.users + 1)
    if office is not None:
        await office.set_up()
        await file_one_complaint(world.user("Pemanasan"), *picks[-1], [], Pace())
    else:
        await echo_messages(world.user("Pemanasan2"), [], Pace())
    # The outbox paces the set-up's notices to the admin (1/s per private chat after 3):
    # idle means once they are out, or the idle figure is their delivery.
    await world.settle(quiet=QUIET, timeout=WAIT)

    idle_cpu = await idle_cpu_rate(process.pid, args.idle)
    latencies: list[float] = []
    staff: list[float] = []
    finished = asyncio.Event()
    officers = []
    if office is not None and args.throughput:
        officers = [
            asyncio.create_task(
                officer_at_work(office.officers[u], office.groups[u], args.think, staff, finished)
            )
            for u in UNITS
        ]
    load_before = load_average()
    driver_before = time.process_time()
    profiler = await start_profiler(process, args, inflight, round_)
    start = await process.mark()
    if kind == "bot":
        pick = dict(zip((p.id for p in people), picks, strict=False))
        await in_flight(
            people, inflight, lambda c: file_one_complaint(c, *pick[c.id], latencies, pace)
        )
    else:
        await in_flight(people, inflight, lambda p: echo_messages(p, latencies, pace))
    driven = time.perf_counter()
    chat_calls = per_second(world.call_times, start.wall, driven)  # type: ignore[attr-defined]
    alerts_late = 0
    if office is not None:
        alerts_late = args.users + 1 - office.alerts()
        await office.all_alerted(args.users + 1)  # and the warm-up citizen's
    alerted = time.perf_counter() - driven
    await world.settle(timeout=WAIT)
    finished.set()
    if officers:
        await asyncio.gather(*officers)
        await world.settle(timeout=WAIT)
    end = await process.mark()
    profile = await stop_profiler(profiler)
    driver_cpu = time.process_time() - driver_before
    calls = _delta(end.calls, start.calls)
    return Run(
        kind=kind,
        inflight=inflight,
        round=round_,
        users=args.users,
        updates=end.updates - start.updates,
        cpu_s=end.cpu - start.cpu,
        window_s=end.wall - start.wall,
        drive_s=driven - start.wall,
        steps=latencies,
        calls=calls,
        rss_idle_mb=rss_idle,
        rss_end_mb=status_mb(process.pid, "VmRSS"),
        hwm_mb=status_mb(process.pid, "VmHWM"),
        db_ops=_delta(end.probe["db_ops"], start.probe["db_ops"]),
        db_seconds=_delta(end.probe["db_seconds"], start.probe["db_seconds"]),
        logs=_delta(end.probe["logs"], start.probe["logs"]),
        gc=[a - b for a, b in zip(end.probe["gc"], start.probe["gc"], strict=True)],
        thread_cpu_s=_thread_cpu(start, end),
        io=_delta(end.io, start.io),
        load_before=load_before,
        load_after=load_average(),
        driver_cpu_s=driver_cpu,
        staff=staff,
        flood_429=sum(1 for c in world.requests if c.status == 429),
        flood_429_where=dict(
            Counter(
                f"{c.method} to {_audience(c.params)}" for c in world.requests if c.status == 429
            )
        ),
        profile=profile,
        idle_cpu_ms_per_s=idle_cpu,
        alerts_late=alerts_late,
        chat_calls_per_s=chat_calls,
        alerts_after_s=alerted,
        heavy_modules=start.probe.get("heavy_modules", []),
    )


def _audience(params: dict[str, Any]) -> str:
    return "a group" if str(params.get("chat_id", "")).startswith("-") else "a person"


async def idle_cpu_rate(pid: int, seconds: float) -> float:
    """CPU ms per second of the process while nobody writes (timers, polling, jobs)."""
    if seconds <= 0:
        return float("nan")
    before = run_ns(pid)  # not utime+stime: an idle bot uses less than a 10 ms tick in 5 s
    await asyncio.sleep(seconds)
    return (run_ns(pid) - before) / 1e6 / seconds


async def per_step(args: argparse.Namespace) -> None:
    """One citizen after the office is set up: what each step of /lapor costs, step by
    step (each followed by the persistence flush interval, so its writes count too)."""
    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_bench_bot", first_name="Marelan Bench")
        world.limits.enabled = False
        with tempfile.TemporaryDirectory(prefix="bench-flow-steps-") as folder:
            office = Office(world)
            process = BotProcess("bot", world, Path(folder), office.admin, args.log_level)
            await process.start()
            try:
                await _started("bot", world, process, office)
                await office.set_up()
                picks = choices(2)
                await file_one_complaint(world.user("Pemanasan"), *picks[1], [], Pace())
                citizen = world.user("Warga")
                await world.settle(timeout=WAIT)
                await asyncio.sleep(2.5)
                print(
                    "| step | Bot API calls (to the citizen's chat / elsewhere) | db statements "
                    "| transactions | writes |\n|---|---|---:|---:|---|"
                )
                for name, act, seen in complaint_steps(citizen, *picks[0]):
                    before = await process.mark()
                    first = len(world.requests)
                    await act()
                    await seen()
                    await world.settle(timeout=WAIT)
                    await asyncio.sleep(2.5)  # PTB's persistence flush runs every 2 s
                    after = await process.mark()
                    ops = _delta(after.probe["db_ops"], before.probe["db_ops"])
                    writes = ", ".join(
                        f"{k.split(':', 1)[1]} {n}"
                        for k, n in sorted(ops.items())
                        if k.split(" ")[0] in WRITES
                    )
                    print(
                        f"| {name} | {_calls_by_chat(world.requests[first:], citizen.id)} | "
                        f"{sum(ops.values())} | {ops.get('execute:BEGIN', 0)} | {writes} |",
                        flush=True,
                    )
            finally:
                await process.stop()


WRITES = ("execute:INSERT", "execute:UPDATE", "execute:DELETE", "executemany:INSERT")


def _calls_by_chat(calls: list[Any], chat_id: int) -> str:
    mine: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for call in calls:
        if call.method == "getUpdates":
            continue
        target = str(call.params.get("chat_id", ""))
        (mine if target == str(chat_id) or not target else other)[call.method] += 1
    text = ", ".join(f"{m} {n}" for m, n in sorted(mine.items()))
    if other:
        text += " / " + ", ".join(f"{m} {n}" for m, n in sorted(other.items()))
    return text


#: Imported one after another in a fresh interpreter by ``--imports``: what the bot needs
#: to serve, then what only reports, exports and QR codes need, then the bot itself.
IMPORTS = (
    "telegram.ext",
    "aiosqlite",
    "pydantic_settings",
    "apscheduler.schedulers.asyncio",
    "holidays",
    "segno",
    "PIL.Image",
    "numpy",
    "openpyxl",
    "matplotlib",
    "matplotlib.pyplot",
    "bot.core.app",
)
IMPORT_PROBE = """
import importlib, sys
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
before = rss()
print(f'{before:6.1f} MB  interpreter')
for name in sys.argv[1:]:
    importlib.import_module(name)
    now = rss()
    print(f'{now:6.1f} MB  +{now - before:5.1f}  {name}')
    before = now
"""


def imports() -> None:
    """RSS increments of the bot's big imports, in a fresh interpreter."""
    import subprocess

    subprocess.run([sys.executable, "-c", IMPORT_PROBE, *IMPORTS], check=True)


# --- profiling ---------------------------------------------------------------------------


@dataclass
class Profiler:
    process: asyncio.subprocess.Process
    output: Path


async def start_profiler(
    process: BotProcess,
    args: argparse.Namespace,
    inflight: int,
    round_: int,
    *,
    always: bool = False,
) -> Profiler | None:
    if args.profile is None or (inflight not in args.profile_at and not always):
        return None
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if spy is None:
        raise SystemExit("--profile needs py-spy (pip install py-spy, or the dev extras)")
    args.profile.mkdir(parents=True, exist_ok=True)
    what = f"inflight{inflight}" if inflight else "idle"
    output = args.profile / f"{process.kind}-{args.profile_mode}-{what}-round{round_}.txt"
    spy_process = await asyncio.create_subprocess_exec(
        spy,
        "record",
        "--pid",
        str(process.pid),
        "--threads",
        "--full-filenames",
        *PROFILE_MODES[args.profile_mode],
        "--rate",
        str(args.profile_rate),
        "--format",
        "raw",
        "--output",
        str(output),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    await asyncio.sleep(1.0)  # attached and sampling
    return Profiler(spy_process, output)


async def stop_profiler(profiler: Profiler | None) -> str | None:
    if profiler is None:
        return None
    profiler.process.send_signal(signal.SIGINT)
    _, errors = await asyncio.wait_for(profiler.process.communicate(), 60)
    if not profiler.output.exists():
        sys.stderr.write(errors.decode())
        return None
    return str(profiler.output)


# --- reporting ---------------------------------------------------------------------------


def describe(run: Run) -> str:
    top_ops = sum(run.db_ops.values())
    commits = sum(n for k, n in run.db_ops.items() if k.endswith(":COMMIT"))
    polls = run.per_update(run.calls.get("getUpdates", 0))
    text = (
        f"{run.kind:<4} inflight {run.inflight:>2} round {run.round}: "
        f"{run.updates} updates, CPU {run.cpu_s:6.2f} s = {run.cpu_ms:5.2f} ms/update; "
        f"{run.updates_per_s:5.1f} updates/s; step p50 {percentile(run.steps, 0.5):.3f} s "
        f"p95 {percentile(run.steps, 0.95):.3f} s; API calls/update "
        f"{run.per_update(run.api_calls):.2f} (+{polls:.2f} getUpdates); "
        f"RSS idle {run.rss_idle_mb:.0f} MB end {run.rss_end_mb:.0f} MB "
        f"peak {run.hwm_mb:.0f} MB; calls naming a chat per second: median "
        f"{median(run.chat_calls_per_s):.0f}, max {max(run.chat_calls_per_s, default=0)}; "
        f"load {run.load_before:.2f}->{run.load_after:.2f}; "
        f"driver CPU {run.driver_cpu_s:.1f} s"
    )
    if run.alerts_late:
        text += f"; {run.alerts_late} group alerts came {run.alerts_after_s:.1f} s after the rest"
    if run.kind == "bot":
        text += (
            f"; db ops/update {run.per_update(top_ops):.1f} "
            f"(commits {run.per_update(commits):.2f}); "
            f"log records/update {run.per_update(sum(run.logs.values())):.2f}"
        )
    if run.staff:
        text += (
            f"; staff presses {len(run.staff)} p50 {percentile(run.staff, 0.5):.3f} s "
            f"p95 {percentile(run.staff, 0.95):.3f} s; 429s {run.flood_429} "
            f"{run.flood_429_where or ''}"
        )
    return text


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def summary(runs: list[Run]) -> str:
    """Medians over rounds, per number in flight, as a markdown table."""
    lines = []
    for inflight in sorted({r.inflight for r in runs}):
        bot = [r for r in runs if r.kind == "bot" and r.inflight == inflight]
        echo = [r for r in runs if r.kind == "echo" and r.inflight == inflight]
        ratios = [b.cpu_ms / e.cpu_ms for b in bot for e in echo if b.round == e.round]
        lines.append(
            {
                "in flight": inflight,
                "rounds": max(len(bot), len(echo)),
                "bot ms/update": median(r.cpu_ms for r in bot),
                "echo ms/update": median(r.cpu_ms for r in echo),
                "ratio": median(ratios),
                "bot updates/s": median(r.updates_per_s for r in bot),
                "echo updates/s": median(r.updates_per_s for r in echo),
                "bot step p50 s": median(percentile(r.steps, 0.5) for r in bot),
                "bot step p95 s": median(percentile(r.steps, 0.95) for r in bot),
                "echo step p50 s": median(percentile(r.steps, 0.5) for r in echo),
                "echo step p95 s": median(percentile(r.steps, 0.95) for r in echo),
                "bot API calls/update": median(r.per_update(r.api_calls) for r in bot),
                "echo API calls/update": median(r.per_update(r.api_calls) for r in echo),
                "bot db ops/update": median(r.per_update(sum(r.db_ops.values())) for r in bot),
                "bot commits/update": median(
                    r.per_update(sum(n for k, n in r.db_ops.items() if k.endswith(":COMMIT")))
                    for r in bot
                ),
                "bot idle CPU ms/s": median(r.idle_cpu_ms_per_s for r in bot),
                "echo idle CPU ms/s": median(r.idle_cpu_ms_per_s for r in echo),
                "bot RSS idle MB": median(r.rss_idle_mb for r in bot),
                "bot RSS end MB": median(r.rss_end_mb for r in bot),
                "echo RSS idle MB": median(r.rss_idle_mb for r in echo),
                "echo RSS end MB": median(r.rss_end_mb for r in echo),
                "load": median(r.load_before for r in runs if r.inflight == inflight),
            }
        )
    header = list(lines[0]) if lines else []
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for line in lines:
        rows.append("| " + " | ".join(_cell(v) for v in line.values()) + " |")
    return "\n".join(rows)


def throughput_summary(runs: list[Run]) -> str:
    steps = [len(r.steps) / r.drive_s for r in runs]
    return (
        f"throughput ({len(runs)} rounds, medians): {median(steps):.1f} steps/s; step p50 "
        f"{median(percentile(r.steps, 0.5) for r in runs):.3f} s, p95 "
        f"{median(percentile(r.steps, 0.95) for r in runs):.3f} s; staff presses p50 "
        f"{median(percentile(r.staff, 0.5) for r in runs):.3f} s, p95 "
        f"{median(percentile(r.staff, 0.95) for r in runs):.3f} s; CPU "
        f"{median(r.cpu_ms for r in runs):.2f} ms/update; 429s "
        f"{median(r.flood_429 for r in runs):.0f}; sendMessage/s "
        f"{median(r.calls.get('sendMessage', 0) / r.drive_s for r in runs):.1f}"
    )


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:.0f}"
    return str(value)


def _ms(runs: list[Run], seconds: Callable[[Run], float]) -> str:
    return f"{median(r.per_update(seconds(r)) * 1000 for r in runs):.2f}"


def details(runs: list[Run]) -> str:
    """Per-update breakdowns of the bot runs (medians over rounds)."""
    out = []
    for inflight in sorted({r.inflight for r in runs if r.kind == "bot"}):
        bot = [r for r in runs if r.kind == "bot" and r.inflight == inflight]
        out.append(f"bot, {inflight} in flight, per update (median of {len(bot)} rounds):")
        methods = sorted({m for r in bot for m in r.calls})
        out.append(
            "  API calls: "
            + ", ".join(
                f"{m} {median(r.per_update(r.calls.get(m, 0)) for r in bot):.2f}" for m in methods
            )
        )
        kinds = sorted(
            {k for r in bot for k in r.db_ops}, key=lambda k: -max(r.db_ops.get(k, 0) for r in bot)
        )
        out.append(
            "  db statements: "
            + ", ".join(
                f"{k} {median(r.per_update(r.db_ops.get(k, 0)) for r in bot):.2f}" for k in kinds
            )
        )
        out.append(
            "  database-thread ms: "
            + ", ".join(
                f"{k} {median(r.per_update(r.db_seconds.get(k, 0.0)) * 1000 for r in bot):.3f}"
                for k in kinds
            )
        )
        threads = sorted({t for r in bot for t in r.thread_cpu_s})
        out.append(
            "  CPU ms by thread (user+system): "
            + ", ".join(
                f"{t} {_ms(bot, lambda r, t=t: r.thread_cpu_s.get(t, (0, 0))[0])}"
                f"+{_ms(bot, lambda r, t=t: r.thread_cpu_s.get(t, (0, 0))[1])}"
                for t in threads
            )
        )
        out.append(
            f"  log records: {median(r.per_update(sum(r.logs.values())) for r in bot):.2f}"
            f"; gc collections (gen 0/1/2) per 100 updates: "
            + "/".join(f"{median(r.per_update(r.gc[g]) * 100 for r in bot):.1f}" for g in range(3))
        )
        out.append(
            "  /proc io per update: "
            + ", ".join(
                f"{k} {median(r.per_update(r.io.get(k, 0)) for r in bot):.1f}"
                for k in ("syscr", "syscw", "write_bytes")
            )
        )
    return "\n".join(out)


# --- idle mode ----------------------------------------------------------------------------


@dataclass
class IdleRun:
    kind: str
    round: int
    seconds: float
    cpu_ms_per_s: float  # utime+stime (10 ms ticks)
    run_ms_per_s: float  # schedstat (ns)
    threads_ms_per_s: dict[str, float]
    wakeups_per_s: dict[str, float]
    calls: dict[str, int]
    db_ops: dict[str, int]
    callbacks: dict[str, int]  # what the event loop ran, by callback
    rss_mb: float
    load: float
    profile: str | None = None


def _by_name(pid: int, tid: int, names: dict[str, str], comm: str) -> str:
    name = names.get(str(tid), comm)
    if tid == pid or name == "MainThread":
        return "main (event loop)"
    return name


async def idle_run(kind: str, round_: int, args: argparse.Namespace) -> IdleRun:
    """The office set up (or the echo bot warmed up), a few seconds to settle, then
    ``--idle-only`` seconds with nobody writing: CPU, wake-ups and Bot API calls."""
    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_bench_bot", first_name="Marelan Bench")
        world.limits.enabled = False
        with tempfile.TemporaryDirectory(prefix=f"bench-idle-{kind}-") as folder:
            office = Office(world) if kind == "bot" else None
            process = BotProcess(
                kind,
                world,
                Path(folder),
                office.admin if office else None,
                args.log_level,
                loop_probe=True,
            )
            await process.start()
            try:
                await _started(kind, world, process, office)
                if office is not None:
                    await office.set_up()
                    await file_one_complaint(world.user("Pemanasan"), *choices(1)[0], [], Pace())
                else:
                    await echo_messages(world.user("Pemanasan2"), [], Pace())
                await world.settle(quiet=QUIET, timeout=WAIT)  # the outbox drained
                await asyncio.sleep(3.0)  # the last persistence flush and outbox saves
                pid = process.pid
                probe_before = await process.read_probe()
                names = probe_before["threads"]
                calls_before = Counter(call.method for call in world.requests)
                load = load_average()
                profiler = None
                if args.profile is not None:
                    profiler = await start_profiler(process, args, 0, round_, always=True)
                before_cpu, before_threads, before_wake, before_ns = (
                    cpu_seconds(pid),
                    thread_cpu(pid),
                    wakeups(pid),
                    run_ns(pid),
                )
                started = time.perf_counter()
                await asyncio.sleep(args.idle_only)
                after_cpu, after_threads, after_wake, after_ns = (
                    cpu_seconds(pid),
                    thread_cpu(pid),
                    wakeups(pid),
                    run_ns(pid),
                )
                seconds = time.perf_counter() - started
                probe_after = await process.read_probe()
                profile = await stop_profiler(profiler)
                threads: Counter[str] = Counter()
                for tid, (utime, stime, comm) in after_threads.items():
                    old = before_threads.get(tid, (0.0, 0.0, comm))
                    name = _by_name(pid, tid, names, comm)
                    threads[name] += (utime + stime - old[0] - old[1]) * 1000 / seconds
                woken: Counter[str] = Counter()
                for tid, (count, comm) in after_wake.items():
                    name = _by_name(pid, tid, names, comm)
                    woken[name] += (count - before_wake.get(tid, (0, comm))[0]) / seconds
                calls = Counter(call.method for call in world.requests) - calls_before
                return IdleRun(
                    kind=kind,
                    round=round_,
                    seconds=seconds,
                    cpu_ms_per_s=(after_cpu - before_cpu) * 1000 / seconds,
                    run_ms_per_s=(after_ns - before_ns) / 1e6 / seconds,
                    threads_ms_per_s={k: round(v, 2) for k, v in threads.items() if v},
                    wakeups_per_s={k: round(v, 2) for k, v in woken.items() if v},
                    calls=dict(calls),
                    db_ops=_delta(probe_after["db_ops"], probe_before["db_ops"]),
                    callbacks=_delta(probe_after["loop_callbacks"], probe_before["loop_callbacks"]),
                    rss_mb=status_mb(pid, "VmRSS"),
                    load=load,
                    profile=profile,
                )
            finally:
                await process.stop()


async def idle_main(args: argparse.Namespace) -> list[IdleRun]:
    kinds = [args.only] if args.only else ["echo", "bot"]
    print(
        f"bench.flow --idle-only {args.idle_only:g}: {args.rounds} rounds; "
        f"{os.cpu_count()} CPUs, load {load_average():.2f}",
        flush=True,
    )
    runs = []
    for round_ in range(1, args.rounds + 1):
        for kind in kinds if round_ % 2 else kinds[::-1]:
            run = await idle_run(kind, round_, args)
            runs.append(run)
            print(
                f"{kind:<4} round {round_}: {run.run_ms_per_s:.3f} ms CPU per second idle "
                f"over {run.seconds:.0f} s (schedstat; utime+stime {run.cpu_ms_per_s:.2f}); "
                f"by thread {run.threads_ms_per_s}; wake-ups/s "
                f"{run.wakeups_per_s}; Bot API calls {run.calls}; db statements {run.db_ops}; "
                f"RSS {run.rss_mb:.0f} MB; "
                f"load {run.load:.2f}",
                flush=True,
            )
            if args.verbose:
                for name, count in sorted(run.callbacks.items(), key=lambda kv: -kv[1]):
                    print(f"    {count / run.seconds:7.2f}/s  {name}")
    print()
    for kind in kinds:
        mine = [r for r in runs if r.kind == kind]
        threads = sorted({t for r in mine for t in r.threads_ms_per_s})
        print(
            f"{kind}: idle CPU {median(r.run_ms_per_s for r in mine):.3f} ms/s "
            f"(rounds {', '.join(f'{r.run_ms_per_s:.3f}' for r in mine)}; utime+stime "
            f"{median(r.cpu_ms_per_s for r in mine):.2f}); by thread (utime+stime) "
            + ", ".join(
                f"{t} {median(r.threads_ms_per_s.get(t, 0.0) for r in mine):.2f}" for t in threads
            )
            + "; wake-ups/s "
            + ", ".join(
                f"{t} {median(r.wakeups_per_s.get(t, 0.0) for r in mine):.1f}"
                for t in sorted({t for r in mine for t in r.wakeups_per_s})
            )
            + f"; RSS {median(r.rss_mb for r in mine):.0f} MB"
        )
    return runs


# --- main --------------------------------------------------------------------------------


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.flow",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--users", type=int, default=40, help="citizens per run")
    parser.add_argument(
        "--inflight",
        type=_numbers,
        default=[1, 10, 50],
        help="comma-separated numbers of people acting at once",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=("bot", "echo"), help="run one side only")
    parser.add_argument(
        "--throughput",
        action="store_true",
        help="Telegram's limits on, thinking citizens, officers pressing",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=1.5,
        help="seconds a person thinks before each step (throughput mode)",
    )
    parser.add_argument(
        "--log-level", default=None, help="LOG_LEVEL of the bot (default: the bot's own, INFO)"
    )
    parser.add_argument(
        "--profile", type=Path, default=None, help="folder for py-spy raw stacks of the bot runs"
    )
    parser.add_argument(
        "--profile-at",
        type=_numbers,
        default=[10, 50],
        help="numbers in flight to profile (with --profile)",
    )
    parser.add_argument("--profile-rate", type=int, default=250, help="py-spy samples/s")
    parser.add_argument("--profile-mode", choices=sorted(PROFILE_MODES), default="gil")
    parser.add_argument("--json", type=Path, default=None, help="write every run here")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--imports",
        action="store_true",
        help="RSS increments of the bot's imports, one after another",
    )
    parser.add_argument(
        "--per-step",
        action="store_true",
        help="one citizen: Bot API calls, db ops and CPU of each step",
    )
    parser.add_argument(
        "--idle",
        type=float,
        default=5.0,
        help="seconds of idling before each run, to measure idle CPU",
    )
    parser.add_argument(
        "--idle-only",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="no flow: per round, set the office up, then measure SECONDS of idling "
        "(CPU, per thread, wake-ups, Bot API calls); --profile records them",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="idle mode: the event loop's callbacks"
    )
    args = parser.parse_args(argv)
    if args.throughput and args.only is None:
        args.only = "bot"
    return args


async def main_async(args: argparse.Namespace) -> list[Run]:
    random.seed(args.seed)
    kinds = [args.only] if args.only else ["echo", "bot"]
    runs: list[Run] = []
    print(
        f"bench.flow: {args.users} users, in flight {args.inflight}, {args.rounds} rounds, "
        f"{'throughput mode' if args.throughput else 'flood control off'}; "
        f"{os.cpu_count()} CPUs, load {load_average():.2f}",
        flush=True,
    )
    for round_ in range(1, args.rounds + 1):
        order = kinds if round_ % 2 else kinds[::-1]
        for inflight in args.inflight:
            for kind in order:
                run = await one_run(kind, inflight, round_, args)
                runs.append(run)
                print(describe(run), flush=True)
                if run.profile is not None:  # what bench.flow_profile scales the stacks by
                    Path(run.profile).with_suffix(".json").write_text(json.dumps(asdict(run)))
    return runs


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    if args.per_step:
        asyncio.run(per_step(args))
        return
    if args.imports:
        imports()
        return
    if args.idle_only:
        asyncio.run(idle_main(args))
        return
    runs = asyncio.run(main_async(args))
    print()
    if args.throughput:
        print(throughput_summary(runs))
    else:
        print(summary(runs))
    print()
    print(details(runs))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                [asdict(r) | {"cpu_ms": r.cpu_ms, "updates_per_s": r.updates_per_s} for r in runs],
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
