"""Delivery benchmark: does a citizen's question wait behind a bulk notification run?

Target (issue 2): a 1,000-person reminder run must not delay a citizen's next question by
more than a second. The bot runs with its production pacing against the emulator with
Telegram's flood limits (30/s overall, 1/s sustained per private chat, 20/min per group).
While 1,000 bulk rows drain from the outbox, a citizen writes /start every few seconds and
we measure how long the greeting takes to arrive.

    python -m bench.delivery [--people 1000] [--probes 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.core.inprocess import InProcessBot
from bot.core.settings import Settings
from emulator import FakeTelegram
from storage.core import outbox
from storage.people import directory as people


async def run(crowd_size: int, probes: int) -> None:
    async with FakeTelegram() as server:
        world = server.add_bot(username="bench_delivery_bot")
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(
                _env_file=None,
                bot_token=world.token,  # type: ignore[call-arg]
                telegram_api_base_url=world.root,
                database_path=Path(folder) / "bench.db",
            )
            bot = InProcessBot(settings)  # real clock, production pacing
            await bot.start()
            try:
                await measure(world, bot, crowd_size, probes)
            finally:
                await bot.stop()


async def measure(world, bot: InProcessBot, crowd_size: int, probes: int) -> None:
    crowd = [world.user(f"Warga{i}") for i in range(crowd_size)]
    runtime = bot.runtime
    async with runtime.db.transaction() as tx:
        for person in crowd:
            person.started = True
            await people.upsert_seen(
                tx, person.id, person.first_name, None, None, "id", runtime.now(), started=True
            )
        for person in crowd:
            await outbox.enqueue(
                tx,
                person.id,
                "sendMessage",
                {"text": "Pengingat: pelatihan pelayanan prima besok 09.00"},
                runtime.now(),
                priority=outbox.PRIORITY_BULK,
            )
    started = time.monotonic()
    citizen = world.user("Penanya")
    latencies = []
    for _ in range(probes):
        sent = time.monotonic()
        await citizen.send("/start")
        await citizen.wait_for("Halo, Penanya", timeout=30)
        latencies.append(time.monotonic() - sent)
        pending = (await outbox.counts(runtime.db)).get("pending", 0)
        print(f"  reply after {latencies[-1]:.3f} s with {pending} bulk rows still queued")
        await asyncio.sleep(3)
    while (await outbox.counts(runtime.db)).get("pending", 0):  # noqa: ASYNC110 (polling a table)
        await asyncio.sleep(0.5)
    drained = time.monotonic() - started
    limited = sum(1 for call in world.requests if call.status == 429)
    print(
        f"bulk run of {crowd_size}: drained in {drained:.1f} s "
        f"({crowd_size / drained:.1f} msg/s), 429 responses: {limited}"
    )
    print(
        f"interactive replies during the run: median {statistics.median(latencies):.3f} s, "
        f"max {max(latencies):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--probes", type=int, default=8)
    args = parser.parse_args()
    asyncio.run(run(args.people, args.probes))


if __name__ == "__main__":
    main()
