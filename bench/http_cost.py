"""CPU per Bot API call on the bot's side, by HTTP client: how much of a PTB bot's CPU
per update is the HTTP request itself, and what a lighter client would save.

    python -m bench.http_cost [--calls 400] [--concurrency 1,10]

The Bot API emulator runs in a separate process (``--serve``), so the CPU measured here
(``time.process_time`` of this process) is the client's only: building the request,
PTB's parameter handling, the HTTP client, parsing the JSON answer into PTB objects.
Each call is a ``sendMessage`` like the intake's (HTML text, an inline keyboard of
six buttons) or an ``editMessageText`` of it. Variants:

- ``httpx``: PTB's default ``HTTPXRequest``, as the echo bot (and the bot before issue 13) use
  it (httpcore then tries ``import sniffio`` several times per request; it is not
  installed, and a failed import searches ``sys.path`` every time);
- ``httpx+sniffio``: the same with a ``sniffio`` module importable (a stub answering
  "asyncio", which is what the real package answers here);
- ``aiohttp``: the bot's own client, ``bot.core.transport.AiohttpRequest`` (a
  ``BaseRequest`` on aiohttp, what ``marelan-bot run`` uses since issue 13).

Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import types
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.request import BaseRequest, HTTPXRequest

from bot.core.transport import AiohttpRequest

TEXT = (
    "<b>Langkah 2 dari 6</b> — Di kelurahan mana masalahnya?\n"
    "Pilih kelurahan tempat masalah terjadi. Jika tidak yakin, pilih "
    "<i>Tidak tahu</i>; petugas akan menanyakannya."
)
KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton(name, callback_data=f"lp:k:{code}") for name, code in pair]
        for pair in (
            (("Labuhan Deli", "LBD"), ("Paya Pasir", "PYP")),
            (("Rengas Pulau", "RGP"), ("Tanah Enam Ratus", "TER")),
            (("Terjun", "TRJ"), ("Tidak tahu", "-")),
        )
    ]
)


async def serve() -> None:
    from emulator import FakeTelegram

    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_http_bot")
        world.limits.enabled = False
        reader = world.user("Pembaca")
        await reader.send("/start")  # the bot may write to them now
        world.updates.drop_all()
        print(json.dumps({"token": world.token, "root": world.root, "chat": reader.id}), flush=True)
        await asyncio.Event().wait()


# --- the client ----------------------------------------------------------------------------


def make_request(variant: str) -> BaseRequest:
    if variant == "aiohttp":
        return AiohttpRequest()
    return HTTPXRequest(connection_pool_size=256)


async def measure(variant: str, target: dict[str, Any], calls: int, concurrency: int) -> float:
    """Client CPU ms per call, ``concurrency`` calls in flight."""
    if variant == "httpx+sniffio":
        stub = types.ModuleType("sniffio")
        stub.current_async_library = lambda: "asyncio"  # type: ignore[attr-defined]
        sys.modules["sniffio"] = stub
    else:
        sys.modules.pop("sniffio", None)
    root = target["root"]
    bot = Bot(
        target["token"],
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=make_request(variant),
    )
    async with bot:
        sent = await bot.send_message(
            target["chat"], TEXT, parse_mode=ParseMode.HTML, reply_markup=KEYBOARD
        )

        async def one(index: int) -> None:
            if index % 2:
                await bot.edit_message_text(
                    TEXT + f"\n✓ <b>{index}</b>",
                    target["chat"],
                    sent.message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=KEYBOARD,
                )
            else:
                await bot.send_message(
                    target["chat"], TEXT, parse_mode=ParseMode.HTML, reply_markup=KEYBOARD
                )

        async def worker(indexes: range) -> None:
            for index in indexes:
                await one(index)

        await worker(range(40))  # warm: connections, caches
        started = time.process_time()
        share = calls // concurrency
        await asyncio.gather(
            *(worker(range(i * share, (i + 1) * share)) for i in range(concurrency))
        )
        used = time.process_time() - started
    return used * 1000 / (share * concurrency)


async def client(args: argparse.Namespace) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.http_cost", "--serve", stdout=asyncio.subprocess.PIPE
    )
    try:
        assert server.stdout is not None
        target = json.loads(await asyncio.wait_for(server.stdout.readline(), 60))
        print(
            f"client CPU per Bot API call (ms), {args.calls} calls, median of {args.rounds}"
            " rounds; the emulator runs in its own process"
        )
        print("| variant | " + " | ".join(f"{c} in flight" for c in args.concurrency) + " |")
        print("|---|" + "---:|" * len(args.concurrency))
        results: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.rounds):
            for variant in args.variants:
                for concurrency in args.concurrency:
                    results.setdefault((variant, concurrency), []).append(
                        await measure(variant, target, args.calls, concurrency)
                    )
        for variant in args.variants:
            cells = [f"{statistics.median(results[(variant, c)]):.2f}" for c in args.concurrency]
            print(f"| {variant} | " + " | ".join(cells) + " |")
    finally:
        server.terminate()
        await server.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.http_cost",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 10]
    )
    parser.add_argument(
        "--variants", type=lambda s: s.split(","), default=["httpx", "httpx+sniffio", "aiohttp"]
    )
    args = parser.parse_args(argv)
    asyncio.run(serve() if args.serve else client(args))


if __name__ == "__main__":
    main()
