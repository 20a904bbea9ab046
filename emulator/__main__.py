"""Run the emulator on its own: ``python -m emulator --port 8081``.

Starts one bot world and prints its token and root URL, so a bot process (or curl) can be
pointed at it. ``marelan-bot sandbox`` adds the people and a page to act as them.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from .server import FakeTelegram


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--username", default="marelan_test_bot")
    parser.add_argument("--first-name", default="Marelan Bot")
    parser.add_argument("--no-flood-limits", action="store_true", help="disable rate limits")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    server = FakeTelegram()
    world = server.add_bot(username=args.username, first_name=args.first_name)
    world.limits.enabled = not args.no_flood_limits
    root = await server.start(args.host, args.port)
    print(f"token: {world.token}", flush=True)
    print(f"root:  {root}", flush=True)
    print(f"bot base_url={root}/bot  base_file_url={root}/file/bot", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        asyncio.run(serve(_arguments(argv)))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
