"""Several ``marelan-bot run`` processes on one PostgreSQL database (issue 17): intake
throughput and a failover under load, with the real processes against the Bot API
emulator.

    python -m bench.processes throughput --setups pg1,pg2,sqlite --limits off,on --rounds 3
    python -m bench.processes failover --citizens 50 --runs 3

A throw-away PostgreSQL server (``tests/database.py``: Debian's server programs, a
temporary folder, fsync off) is started once per invocation; each run gets a fresh,
migrated database on it (or a fresh SQLite file), a fresh emulator world, and its own bot
processes (``tests/e2e/bot_process.py``: ``python -m bot run`` with this checkout on
``PYTHONPATH``). The office is set up as in ``bench/flow.py`` (admin, one officer per
unit through the invite flow, each unit's group bound, one warm-up complaint).

**throughput**: ``--users`` citizens file one complaint each through /lapor (8 updates,
pressing as soon as the next prompt shows), ``--inflight`` at a time. Setups: ``pg1``
one process on PostgreSQL, ``pg2`` two processes on the same database (the first leads:
it takes every update, runs the jobs and delivers the outbox; the second stands by;
before 3 December 2026 it delivered the outbox with the leader), ``sqlite`` one
process on SQLite. ``--limits off``: the emulator's flood
control off (the bot keeps its own pacing); ``on``: Telegram's limits (30 messages/s
overall, 1/s per private chat with bursts of 3, 20/min per group). The run ends when
every citizen saw "tercatat", every unit alert arrived and the emulator is quiet.
Reported: complaints confirmed per second (citizens / time until the last one saw its
number), step latency p50/p95, CPU per complaint of each process (utime+stime from
``/proc/<pid>/stat`` over the run), and which process made the Bot API calls other than
getUpdates (the emulator's peer port of each request, mapped to the process owning the
socket through ``/proc/net/tcp`` and ``/proc/<pid>/fd``).

**failover**: two processes on PostgreSQL; ``--citizens`` file at once (all in flight).
When a random share (15-85 %) of all their steps is done, the 75 % reminder of the
warm-up complaint is planned 2 s ahead (the scheduled job to watch) and the leader is
killed with SIGKILL. A citizen whose answer does not come within ``--patience`` seconds
does what a person does: acts again, and after a second silence starts /lapor again.
Reported: complaints a citizen saw confirmed that are not in the database (must be 0),
citizens with no confirmation, complaints filed twice, notifications sent twice (the same
text twice in one chat among the confirmations and unit alerts, i.e. the outbox's
messages), the rows the survivor logged as in flight at the kill, the seconds from the
kill until the survivor's log says "this process leads now" and until the reminder
arrives in the unit's group.

Nothing here is part of the test suite; timings depend on what else runs on the machine
(the load average is printed with every run). The emulator and the citizens run in this
process, so a busy driver slows every setup alike.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.flow import (
    STEPS,
    TICK,
    Office,
    Pace,
    choices,
    cpu_seconds,
    file_one_complaint,
    in_flight,
    load_average,
    percentile,
)
from domain.complaints import CheckKind
from emulator import ApiError, BotWorld, FakeTelegram, FakeUser
from storage.complaints import records as complaints
from storage.core.db import Database
from tests.database import PostgresServer, postgres_server
from tests.e2e.bot_process import BotProcess, start_bot

WAIT = 120.0
STANDING_BY = "stands by"
LEADS = "this process leads now"
RECOVERED = re.compile(r"outbox recovery: rows ([\d,]+) were in flight")
CONFIRMED = "tercatat"
NUMBER = re.compile(r"MRL-\d{4}-\d{4,}")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- which process made a call -------------------------------------------------------


class Callers:
    """The Bot API calls (not getUpdates) per client port, ports mapped to bot processes."""

    def __init__(self, server: FakeTelegram) -> None:
        self.by_port: Counter[int] = Counter()
        self.owner: dict[int, int] = {}
        self.pids: list[int] = []
        original = server._run  # the bench looks inside the emulator

        async def run(request: Any, world: Any, spec: Any, *args: Any) -> Any:
            if spec.name != "getUpdates":
                peer = request.transport.get_extra_info("peername") if request.transport else None
                if peer:
                    self.by_port[peer[1]] += 1
            return await original(request, world, spec, *args)

        server._run = run  # type: ignore[method-assign,assignment]

    def resolve(self) -> None:
        """Map the ports not mapped yet to the process owning the socket."""
        unknown = set(self.by_port) - set(self.owner)
        if not unknown or not self.pids:
            return
        inodes: dict[str, int] = {}
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with contextlib.suppress(OSError):
                for line in Path(table).read_text().splitlines()[1:]:
                    parts = line.split()
                    port = int(parts[1].rsplit(":", 1)[1], 16)
                    if port in unknown:
                        inodes[parts[9]] = port
        for pid in self.pids:
            with contextlib.suppress(OSError):
                for fd in Path(f"/proc/{pid}/fd").iterdir():
                    with contextlib.suppress(OSError):
                        target = os.readlink(fd)
                        if target.startswith("socket:["):
                            owned = inodes.get(target[8:-1])
                            if owned is not None:
                                self.owner[owned] = pid

    async def watch(self) -> None:
        while True:
            self.resolve()
            await asyncio.sleep(0.5)

    def per_pid(self) -> Counter[int]:
        self.resolve()
        counts: Counter[int] = Counter()
        for port, n in self.by_port.items():
            counts[self.owner.get(port, 0)] += n
        return counts


def server_cpu(pg: PostgresServer | None) -> float:
    """CPU seconds of the PostgreSQL server so far: the postmaster with the children it
    reaped (cutime, cstime) and the live ones (the bots' backends)."""
    if pg is None:
        return 0.0
    try:
        postmaster = int((pg.folder / "data" / "postmaster.pid").read_text().split()[0])
        fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return float("nan")
    total = sum(int(v) for v in fields[11:15]) / TICK
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                child = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(child[1]) == postmaster:
                    total += (int(child[11]) + int(child[12])) / TICK
    return total


# --- a run's office ------------------------------------------------------------------


@dataclass
class Deployment:
    world: BotWorld
    folder: Path
    database: Path | str
    office: Office
    processes: list[BotProcess] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        key = "DATABASE_PATH" if isinstance(self.database, Path) else "DATABASE_URL"
        return {
            "BOT_TOKEN": self.world.token,
            "TELEGRAM_API_BASE_URL": self.world.root,
            key: str(self.database),
            "ADMIN_IDS": str(self.office.admin.id),
            "HOME": str(self.folder),
            "LANG": "C.UTF-8",
        }

    async def start(self, count: int) -> None:
        first = await start_bot(self.env, self.folder, name="first")
        self.processes.append(first)
        await self.office.admin.send("/start")
        await self.office.admin.wait_for("Halo", timeout=WAIT)
        for index in range(1, count):
            other = await start_bot(self.env, self.folder, name=f"process{index + 1}")
            self.processes.append(other)
            await other.logged(STANDING_BY, WAIT)
        await self.office.set_up()
        await file_one_complaint(self.world.user("Pemanasan"), *choices(1)[0], [], Pace())
        await self.world.settle(timeout=WAIT)

    async def close(self) -> None:
        for process in self.processes:
            if process.process.returncode is None:
                await process.kill()


@contextlib.asynccontextmanager
async def deployment(
    setup: str, limits: bool, pg: PostgresServer | None
) -> Any:  # AsyncIterator[tuple[Deployment, Callers]]
    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_bench_bot", first_name="Marelan Bench")
        world.limits.enabled = limits
        callers = Callers(server)
        with tempfile.TemporaryDirectory(prefix=f"bench-processes-{setup}-") as folder:
            if setup == "sqlite":
                database: Path | str = Path(folder) / "marelan.db"
            else:
                assert pg is not None
                database = await pg.fresh()
            here = Deployment(world, Path(folder), database, Office(world))
            watcher = asyncio.create_task(callers.watch())
            try:
                await here.start(2 if setup == "pg2" else 1)
                callers.pids = [p.process.pid for p in here.processes]
                yield here, callers
            except BaseException:
                kept = Path(tempfile.mkdtemp(prefix=f"bench-processes-failed-{setup}-"))
                for process in here.processes:
                    shutil.copy(process.log, kept)
                sys.stderr.write(f"the run failed; the processes' logs are in {kept}\n")
                raise
            finally:
                watcher.cancel()
                await here.close()


# --- throughput ----------------------------------------------------------------------


@dataclass
class Throughput:
    setup: str
    limits: bool
    round: int
    users: int
    seconds: float  # until the last citizen saw its number
    steps: list[float]
    cpu_ms: list[float]  # per complaint, per process (the leader first)
    calls: list[int]  # Bot API calls other than getUpdates, per process
    unmapped_calls: int
    server_ms: float  # CPU of the PostgreSQL server per complaint
    load: float
    flood_429: int = 0  # the emulator's "Too Many Requests" answers during the run
    sends: int = 0  # sendMessage calls until the last citizen saw its number

    @property
    def per_second(self) -> float:
        return self.users / self.seconds


async def throughput_run(
    setup: str, limits: bool, round_: int, args: argparse.Namespace, pg: PostgresServer | None
) -> Throughput:
    async with deployment(setup, limits, pg) as (here, callers):
        world, office = here.world, here.office
        citizens = [world.user(f"Warga{i}") for i in range(args.users)]
        pick = dict(zip((c.id for c in citizens), choices(args.users), strict=True))
        pids = callers.pids
        load = load_average()
        cpu_before = [cpu_seconds(pid) for pid in pids]
        server_before = server_cpu(pg if setup != "sqlite" else None)
        calls_before = callers.per_pid()
        latencies: list[float] = []
        requests_before = len(world.requests)
        started = time.perf_counter()
        await in_flight(
            citizens,
            args.inflight,
            lambda c: file_one_complaint(c, pick[c.id][0], pick[c.id][1], latencies, Pace()),
        )
        seconds = time.perf_counter() - started
        sends = sum(1 for c in world.requests[requests_before:] if c.method == "sendMessage")
        await office.all_alerted(args.users + 1)
        await world.settle(timeout=WAIT)
        cpu = [
            (cpu_seconds(pid) - b) * 1000 / args.users
            for pid, b in zip(pids, cpu_before, strict=True)
        ]
        calls = callers.per_pid() - calls_before
        server = server_cpu(pg if setup != "sqlite" else None) - server_before
        return Throughput(
            setup,
            limits,
            round_,
            args.users,
            seconds,
            latencies,
            cpu,
            [calls.get(pid, 0) for pid in pids],
            calls.get(0, 0),
            server * 1000 / args.users,
            load,
            sum(1 for c in world.requests[requests_before:] if c.status == 429),
            sends,
        )


def describe_throughput(run: Throughput) -> str:
    cpu = " + ".join(f"{ms:.1f}" for ms in run.cpu_ms)
    calls = " / ".join(str(n) for n in run.calls)
    return (
        f"{run.setup:<6} limits {'on ' if run.limits else 'off'} round {run.round}: "
        f"{run.users} complaints in {run.seconds:.1f} s = {run.per_second:.2f}/s; step p50 "
        f"{percentile(run.steps, 0.5):.3f} s p95 {percentile(run.steps, 0.95):.3f} s; "
        f"CPU ms/complaint per process {cpu}; Bot API calls per process {calls}"
        f" (unmapped {run.unmapped_calls}); PostgreSQL server CPU ms/complaint "
        f"{run.server_ms:.1f}; 429s {run.flood_429}; sendMessage/s "
        f"{run.sends / run.seconds:.1f}; load {run.load:.2f}"
    )


def throughput_table(runs: list[Throughput]) -> str:
    rows = [
        "| setup | flood control | rounds | complaints/s | step p50 s | step p95 s "
        "| CPU ms/complaint (leader) | CPU ms/complaint (2nd) "
        "| PostgreSQL server CPU ms/complaint | Bot API calls by the 2nd | 429s "
        "| sendMessage/s | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for limits in (False, True):
        for setup in ("pg1", "pg2", "sqlite"):
            mine = [r for r in runs if r.setup == setup and r.limits == limits]
            if not mine:
                continue
            second = [r for r in mine if len(r.cpu_ms) > 1]
            on_pg = setup != "sqlite"
            share = (
                f"{median([r.calls[1] / max(1, sum(r.calls)) * 100 for r in second]):.0f} %"
                if second
                else "-"
            )
            rows.append(
                f"| {setup} | {'on' if limits else 'off'} | {len(mine)} "
                f"| {median([r.per_second for r in mine]):.2f} "
                f"| {median([percentile(r.steps, 0.5) for r in mine]):.3f} "
                f"| {median([percentile(r.steps, 0.95) for r in mine]):.3f} "
                f"| {median([r.cpu_ms[0] for r in mine]):.1f} "
                f"| {median([r.cpu_ms[1] for r in second]):.1f} "
                f"| {median([r.server_ms for r in mine]) if on_pg else float('nan'):.1f} "
                f"| {share} | {median([r.flood_429 for r in mine]):g} "
                f"| {median([r.sends / r.seconds for r in mine]):.1f} "
                f"| {median([r.load for r in mine]):.2f} |"
            )
    return re.sub(r"\| nan (?=\|)", "| - ", "\n".join(rows))


# --- failover ------------------------------------------------------------------------


@dataclass
class Failover:
    run: int
    citizens: int
    killed_after_steps: int
    confirmed: int
    lost: int  # confirmed numbers not in the database
    unconfirmed: int  # citizens who never saw a number
    filed_twice: int  # citizens with more than one complaint in the database
    sent_twice: int  # outbox texts seen twice in one chat
    twice_allowed: int  # ...of which the survivor logged the row as in flight
    in_flight: int  # rows the survivor logged as in flight at the kill
    retries: int  # acts a citizen repeated (after a silence, or at the same step)
    silences: int  # waits of ``--patience`` seconds with no answer
    restarts: int  # citizens who started /lapor again
    to_lead: float
    to_job: float
    late: float  # the job fired this long after it was due
    seconds: float  # from the burst's start until the last confirmation
    load: float
    stuck: list[str] = field(default_factory=list)  # newest message of the unconfirmed


@dataclass
class Burst:
    patience: float
    steps_done: int = 0
    retries: int = 0
    restarts: int = 0
    silences: int = 0  # waits of ``patience`` with no answer from the bot
    stepped: asyncio.Event = field(default_factory=asyncio.Event)

    def step(self) -> None:
        self.steps_done += 1
        self.stepped.set()


async def patient_complaint(citizen: FakeUser, category: str, kelurahan: str, burst: Burst) -> None:
    """/lapor to the end as a person does: read the bot's newest message and answer it;
    when nothing comes within ``burst.patience``, do the same again, and after a second
    silence at the same step, /batal and /lapor again. Gives up after ``MAX_ACTIONS``
    (the run reports the citizen unconfirmed)."""
    description = (
        f"Lampu jalan di gang {citizen.id % 97} mati sejak seminggu, gelap sekali di malam hari."
    )
    # The prompt of each step, and its answer; the message at the bottom of the chat may
    # hold several (the bot edits a step's message into the next), the last one counts.
    answers: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
        ("Langkah 6 dari 6", lambda: citizen.press("Kirim", timeout=burst.patience)),
        ("Langkah 5 dari 6", lambda: citizen.press("Tampilkan nama saya", timeout=burst.patience)),
        ("Langkah 4 dari 6", lambda: citizen.press("Lewati", timeout=burst.patience)),
        ("Langkah 3 dari 6", lambda: citizen.send(description)),
        ("Langkah 2 dari 6", lambda: citizen.press(kelurahan, timeout=burst.patience)),
        ("Langkah 1 dari 6", lambda: citizen.press(category, timeout=burst.patience)),
        ("Apakah Anda setuju?", lambda: citizen.press("Setuju", timeout=burst.patience)),
    ]
    silences = 0
    last: str | None = None
    for _ in range(MAX_ACTIONS):
        if _numbers(citizen):
            return
        bottom = citizen.inbox[-1].body if citizen.inbox else ""
        found = max(answers, key=lambda answer: bottom.rfind(answer[0]))
        state, act = found if found[0] in bottom else ("?", lambda: citizen.send("/lapor"))
        if state == last and silences >= 2:
            burst.restarts += 1
            state, act = "restart", _restart(citizen, burst.patience)
            silences = 0
        elif state == last:
            burst.retries += 1
        last = state
        with contextlib.suppress(AssertionError, ApiError, TimeoutError):
            await asyncio.wait_for(act(), burst.patience)
        try:
            await citizen.wait_for(predicate=lambda _: True, timeout=burst.patience)
            burst.step()
        except AssertionError:
            silences += 1
            burst.silences += 1
    if not _numbers(citizen):
        with contextlib.suppress(AssertionError):  # a confirmation on its way
            await citizen.wait_for(CONFIRMED, timeout=burst.patience)


MAX_ACTIONS = 40


def _restart(citizen: FakeUser, patience: float) -> Callable[[], Awaitable[Any]]:
    async def again() -> None:
        await citizen.send("/batal")
        with contextlib.suppress(AssertionError):
            await citizen.wait_for(predicate=lambda _: True, timeout=patience)
        await citizen.send("/lapor")

    return again


def _twice(world: BotWorld, chats: list[int]) -> list[tuple[int, str]]:
    """(chat, text) of outbox messages (confirmations, unit alerts) seen more than once."""
    found = []
    for chat in chats:
        texts = Counter(
            m.body
            for m in world.bot_messages(chat)
            if CONFIRMED in m.body or "Pengaduan MRL-" in m.body
        )
        found += [(chat, text) for text, n in texts.items() if n > 1]
    return found


async def failover_run(index: int, args: argparse.Namespace, pg: PostgresServer) -> Failover:
    async with deployment("pg2", args.limits == "on", pg) as (here, _):
        world, office = here.world, here.office
        leader, survivor = here.processes
        database = Database(here.database)
        await database.open()
        try:
            warm_up = await database.fetchval("SELECT number FROM complaints")
            citizens = [world.user(f"Warga{i}") for i in range(args.citizens)]
            pick = dict(zip((c.id for c in citizens), choices(args.citizens), strict=True))
            burst = Burst(args.patience)
            kill_at = int(random.uniform(0.15, 0.85) * args.citizens * STEPS)
            load = load_average()
            started = time.monotonic()
            filing = asyncio.gather(
                *(patient_complaint(c, pick[c.id][0], pick[c.id][1], burst) for c in citizens)
            )
            while burst.steps_done < kill_at:
                burst.stepped.clear()
                await asyncio.wait_for(burst.stepped.wait(), WAIT)
            complaint = await complaints.by_number(database, warm_up)
            assert complaint is not None
            due = int(time.time()) + 2
            async with database.transaction() as tx:
                await complaints.plan_check(
                    tx, complaint.id, CheckKind.ACK_WARN, complaint.cycle, due
                )
            await asyncio.sleep(0.1)  # the leader hears of it (or not: the rows count)
            await leader.kill()
            killed = time.monotonic()
            lead = asyncio.create_task(survivor.logged(LEADS, WAIT))
            job = asyncio.create_task(
                _reminder(office, warm_up, lambda: (time.monotonic() - killed, time.time() - due))
            )
            await filing
            done = time.monotonic() - started
            to_lead = await lead - killed
            to_job, late = await job
            await office.all_alerted(1 + sum(1 for c in citizens if _numbers(c)))
            await world.settle(timeout=WAIT)
            await asyncio.sleep(3)  # a late duplicate would show now
            await world.settle(timeout=WAIT)

            recovered = {
                int(i) for found in RECOVERED.findall(survivor.logs()) for i in found.split(",")
            }
            stored = {
                row["number"]: row["reporter_id"]
                for row in await database.fetchall("SELECT number, reporter_id FROM complaints")
            }
            seen = {n for c in citizens for n in _numbers(c)}
            per_reporter = Counter(stored.values())
            chats = [c.id for c in citizens] + [g.id for g in office.groups.values()]
            twice = _twice(world, chats)
            allowed = 0
            for chat, text in twice:
                number = NUMBER.search(text)
                rows = await database.fetchall(
                    "SELECT id FROM outbox WHERE chat_id = ? AND params LIKE ?",
                    (chat, f"%{number.group(0) if number else text[:40]}%"),
                )
                allowed += any(row["id"] in recovered for row in rows)
            return Failover(
                run=index,
                citizens=args.citizens,
                killed_after_steps=kill_at,
                confirmed=len(seen),
                lost=len(seen - set(stored)),
                unconfirmed=sum(1 for c in citizens if not _numbers(c)),
                filed_twice=sum(1 for c in citizens if per_reporter[c.id] > 1),
                sent_twice=len(twice),
                twice_allowed=allowed,
                in_flight=len(recovered),
                retries=burst.retries,
                silences=burst.silences,
                restarts=burst.restarts,
                to_lead=to_lead,
                to_job=to_job,
                late=late,
                seconds=done,
                load=load,
                stuck=[
                    (c.inbox[-1].body if c.inbox else "(nothing)")[:80]
                    for c in citizens
                    if not _numbers(c)
                ],
            )
        finally:
            await database.close()


def _numbers(citizen: FakeUser) -> set[str]:
    return {
        found.group(0)
        for m in citizen.inbox
        if CONFIRMED in m.body and (found := NUMBER.search(m.body))
    }


async def _reminder(
    office: Office, number: str, since: Callable[[], tuple[float, float]]
) -> tuple[float, float]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        for group in office.groups.values():
            if any("Pengingat" in m.body and number in m.body for m in group.bot_messages):
                return since()
        await asyncio.sleep(0.05)
    return float("nan"), float("nan")


def describe_failover(run: Failover) -> str:
    return (
        f"failover run {run.run}: {run.citizens} citizens, leader killed after "
        f"{run.killed_after_steps} of {run.citizens * STEPS} steps; confirmed {run.confirmed}, "
        f"lost {run.lost}, unconfirmed {run.unconfirmed}, filed twice {run.filed_twice}; "
        f"notifications twice {run.sent_twice} (of rows in flight at the kill: "
        f"{run.twice_allowed}; in flight {run.in_flight}); citizens acted again "
        f"{run.retries} times, started over {run.restarts}, silences {run.silences}; "
        f"kill -> leads {run.to_lead:.2f} s, "
        f"kill -> reminder {run.to_job:.2f} s ({run.late:.2f} s after it was due); "
        f"burst {run.seconds:.1f} s; load {run.load:.2f}"
        + "".join(f"\n  unconfirmed, last saw: {text!r}" for text in run.stuck)
    )


def failover_table(runs: list[Failover]) -> str:
    header = (
        "| run | killed after step | confirmed | lost | unconfirmed | filed twice "
        "| sent twice (in flight at kill) | rows in flight | acted again / started over "
        "| kill→leads s | kill→job fired s | fired after due s | load |"
    )
    rows = [header, "|" + "---:|" * 13]
    for r in runs:
        rows.append(
            f"| {r.run} | {r.killed_after_steps}/{r.citizens * STEPS} | {r.confirmed} "
            f"| {r.lost} | {r.unconfirmed} | {r.filed_twice} | {r.sent_twice} "
            f"({r.twice_allowed}) | {r.in_flight} | {r.retries} / {r.restarts} "
            f"| {r.to_lead:.2f} | {r.to_job:.2f} | {r.late:.2f} | {r.load:.2f} |"
        )
    rows.append(
        f"| median | | | {median([r.lost for r in runs]):g} | "
        f"{median([r.unconfirmed for r in runs]):g} | | "
        f"{median([r.sent_twice for r in runs]):g} | | | "
        f"{median([r.to_lead for r in runs]):.2f} | {median([r.to_job for r in runs]):.2f} "
        f"| {median([r.late for r in runs]):.2f} | |"
    )
    return "\n".join(rows)


# --- main ----------------------------------------------------------------------------


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.processes",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    intake = commands.add_parser("throughput", help="intake throughput per setup")
    intake.add_argument("--users", type=int, default=60, help="citizens per run")
    intake.add_argument("--inflight", type=int, default=20, help="citizens filing at once")
    intake.add_argument("--rounds", type=int, default=3)
    intake.add_argument("--setups", default="pg1,pg2,sqlite", help="of pg1, pg2, sqlite")
    intake.add_argument("--limits", default="off", help="off, on or off,on: flood control")
    failover = commands.add_parser("failover", help="SIGKILL of the leader during a burst")
    failover.add_argument("--citizens", type=int, default=50)
    failover.add_argument("--runs", type=int, default=3)
    failover.add_argument("--limits", choices=("off", "on"), default="off")
    failover.add_argument(
        "--patience", type=float, default=10.0, help="seconds a citizen waits before acting again"
    )
    parser.add_argument("--seed", type=int, default=17)
    return parser.parse_args(argv)


async def main_async(args: argparse.Namespace, pg: PostgresServer) -> None:
    random.seed(args.seed)
    print(
        f"bench.processes {args.command}: {os.cpu_count()} CPUs, load {load_average():.2f}",
        flush=True,
    )
    if True:
        if args.command == "throughput":
            setups = [s.strip() for s in args.setups.split(",")]
            limits = [s.strip() == "on" for s in args.limits.split(",")]
            runs = []
            failed: list[str] = []
            for round_ in range(1, args.rounds + 1):
                for flood in limits:
                    order = setups if round_ % 2 else setups[::-1]
                    for setup in order:
                        try:
                            run = await throughput_run(setup, flood, round_, args, pg)
                        except Exception as error:  # reported, and the other runs go on
                            failed.append(
                                f"{setup} limits {'on' if flood else 'off'} "
                                f"round {round_}: {str(error)[:300]}"
                            )
                            print(f"FAILED {failed[-1]}", flush=True)
                            continue
                        runs.append(run)
                        print(describe_throughput(run), flush=True)
            print(
                f"\n{args.users} citizens, {args.inflight} in flight, medians of rounds:\n"
                + throughput_table(runs)
            )
            if failed:
                print(f"{len(failed)} runs failed:\n" + "\n".join(failed))
        else:
            failovers = []
            for index in range(1, args.runs + 1):
                result = await failover_run(index, args, pg)
                failovers.append(result)
                print(describe_failover(result), flush=True)
            print("\n" + failover_table(failovers))


def _interrupted(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM too unwinds the runs: their bot processes are killed


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    signal.signal(signal.SIGTERM, _interrupted)
    with postgres_server() as pg:  # started outside the event loop (it runs its own)
        asyncio.run(main_async(args, pg))


if __name__ == "__main__":
    main()
