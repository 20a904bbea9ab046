"""The HTTP face of the emulator: aiohttp routes that speak the Bot API wire format.

Requests arrive exactly as python-telegram-bot (or curl) sends them to api.telegram.org:
``/bot<token>/<method>`` with parameters in the query string, a urlencoded or multipart form,
or a JSON body, and files at ``/file/bot<token>/<file_path>``. Everything after the wire format
(decoding by spec, failure injection, dispatch, the call log) happens here too, so the method
implementations only see typed parameters.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import re
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from .errors import NOT_FOUND, UNAUTHORIZED, ApiError, Rejected, bad_request, plain_error
from .methods import HANDLERS, Call
from .methods.media import UPLOAD_LIMIT
from .models import ApiCall, Upload
from .spec import MethodSpec, load_spec
from .world import BotWorld

log = logging.getLogger("emulator")
TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]{30,}")
SHUTDOWN_GRACE = 2.0  # seconds in-flight requests get when the server stops
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Raw parameters (strings, or JSON values) and file parts, from any supported encoding."""
    raw: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if not request.can_read_body:
        return raw, uploads
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if not isinstance(body, dict):
            raise bad_request("can't parse JSON object")
        raw.update(body)
    elif request.content_type in _FORMS:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                data = value.file.read()
                uploads[key] = Upload(key, value.filename, value.content_type, data)
            else:
                raw[key] = value
    return raw, uploads


class FakeTelegram:
    """A fake api.telegram.org for any number of bots (one :class:`BotWorld` per token)."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or time.time
        self.spec = load_spec()
        self.worlds: dict[str, BotWorld] = {}
        self._runner: web.AppRunner | None = None
        self._root: str | None = None

    @property
    def root(self) -> str:
        if self._root is None:
            raise ApiError("the server is not started; await server.start() first")
        return self._root

    def add_bot(
        self, username: str = "marelan_test_bot", first_name: str = "Marelan Bot"
    ) -> BotWorld:
        """A new bot token with an empty world."""
        world = BotWorld(
            username=username, first_name=first_name, clock=self.clock, root=lambda: self.root
        )
        self.worlds[world.token] = world
        return world

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen (port 0 = any free port) and return the root URL."""
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_GRACE
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        bound_port = self._runner.addresses[0][1]
        self._root = f"http://{host}:{bound_port}"
        return self._root

    async def stop(self) -> None:
        for world in self.worlds.values():
            await world.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # ---------------------------------------------------------------------------- routes

    async def _api(self, request: web.Request) -> web.StreamResponse:
        token, name = request.match_info["token"], request.match_info["method"]
        world = self.worlds.get(token)
        if world is None:
            return _reply(UNAUTHORIZED if TOKEN.fullmatch(token) else NOT_FOUND)
        spec = self.spec.method(name)
        if spec is None:
            world.requests.append(ApiCall(name, {}, 404, NOT_FOUND.body()))
            return _reply(NOT_FOUND)
        world.begin_call(spec.name)
        logged: dict[str, Any] = {}
        try:
            raw, uploads = await read_params(request)
            logged.update(raw)
            status, body = await self._run(request, world, spec, raw, uploads, logged)
        except Rejected as rejected:
            status, body = rejected.status, rejected.body()
        except Exception:  # an emulator bug must not look like a hang to settle()
            log.exception("emulator failure while handling %s", spec.name)
            status, body = 500, plain_error(500, "Internal Server Error (emulator bug)").body()
        world.end_call(ApiCall(spec.name, logged, status, body.get("result", body)))
        if status != 200:
            log.info("%s -> %s %s", spec.name, status, body.get("description", "dropped"))
        if status == 0:
            if request.transport is not None:
                request.transport.close()  # the client sees a dropped connection
            return web.Response(status=500)
        return web.json_response(body, status=status)

    async def _run(
        self,
        request: web.Request,
        world: BotWorld,
        spec: MethodSpec,
        raw: dict[str, Any],
        uploads: dict[str, Upload],
        logged: dict[str, Any],
    ) -> tuple[int, dict[str, Any]]:
        """Failure injection around decoding and dispatch; returns (status, body)."""
        failure = world.take_failure(spec.name, raw)
        if failure is not None and not failure.processed:
            return _failed(failure.error())
        params = self.spec.decode(spec, raw, uploads)
        logged.clear()
        logged.update(params)
        handler = HANDLERS.get(spec.name)
        if handler is None:
            log.warning("the emulator does not implement %s (called by the bot)", spec.name)
            raise bad_request("method not supported by the emulator")
        transport = request.transport
        call = Call(
            world,
            spec.name,
            params,
            uploads,
            client_gone=lambda: transport is None or transport.is_closing(),
        )
        if await world.held_answer(spec.name, params, before=True) and call.client_gone():
            return 0, {"dropped": True}  # the bot died while the call was held: never arrived
        result = handler(call)
        if inspect.isawaitable(result):
            result = await result
        await world.held_answer(spec.name, params, before=False)
        if failure is not None and failure.delay > 0:
            await asyncio.sleep(failure.delay)  # the client gives up waiting: a timeout
            if call.client_gone():
                return 0, {"dropped": True}
        elif failure is not None:
            return _failed(failure.error())
        return 200, {"ok": True, "result": result}

    async def _download(self, request: web.Request) -> web.StreamResponse:
        world = self.worlds.get(request.match_info["token"])
        stored = world.files.by_path(request.match_info["path"]) if world else None
        if stored is None:
            return _reply(NOT_FOUND)
        content_type = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.data, content_type=content_type)


def _failed(error: Rejected) -> tuple[int, dict[str, Any]]:
    if error.status == 0:
        return 0, {"dropped": True}
    return error.status, error.body()


def _reply(error: Rejected) -> web.Response:
    return web.Response(
        text=json.dumps(error.body()), status=error.status, content_type="application/json"
    )
