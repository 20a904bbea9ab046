"""The sandbox page and its JSON API, served by aiohttp on 127.0.0.1.

The page (``sandbox/static``: plain HTML, CSS and JavaScript, no build step) acts as the
people of the office: every POST makes an emulator person write, press a button, send a
photo, a document or a location pin, exactly as the tests' people do. What changes comes
back as server-sent events (``/api/events``): each new or changed message (drawn from its
text and entities by :mod:`sandbox.render`), clock moves, new people, the state of the
exercises and the demo story's narration.

The server trusts nobody but the page's own origin: POSTs from another origin are refused
(a web page elsewhere cannot drive the sandbox through the browser), files are served
with their type pinned, and documents only as downloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web

from bot.core import formatting
from bot.people.roles import effective_role
from emulator import ApiError, FakeGroup
from emulator.chats import ChatState
from emulator.files import image_size
from emulator.sync import Signal
from sandbox import render
from sandbox.clock import STEPS
from sandbox.office import Person, SandboxError, SandboxOffice
from sandbox.places import PLACES, place
from sandbox.texts import texts
from storage.people import directory as people

log = logging.getLogger("sandbox")
STATIC = Path(str(resources.files("sandbox") / "static"))
UPLOAD_LIMIT = 20 * 1024 * 1024
PRESS_TIMEOUT = 10.0
KEEPALIVE_SECONDS = 15.0
FEED_LENGTH = 10_000
IMAGE_TYPES = {
    b"\x89PNG": "image/png",
    b"\xff\xd8": "image/jpeg",
    b"GIF8": "image/gif",
    b"RIFF": "image/webp",
}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Scenario(Protocol):
    """What a scenario adds to the page (see :mod:`sandbox.scenario`)."""

    name: str

    def panes(self, office: SandboxOffice) -> list[dict[str, int]]: ...

    def state(self) -> dict[str, Any]: ...

    async def run(self, page: SandboxPage) -> None: ...


class Feed:
    """Everything the open pages are told, in order; each page keeps its own cursor."""

    def __init__(self) -> None:
        self._items: deque[tuple[int, str, Any]] = deque(maxlen=FEED_LENGTH)
        self._next = 0
        self.signal = Signal()

    @property
    def cursor(self) -> int:
        return self._next

    def publish(self, kind: str, data: Any = None) -> None:
        self._items.append((self._next, kind, data))
        self._next += 1
        self.signal.fire()

    def since(self, cursor: int) -> tuple[list[tuple[str, Any]], int, bool]:
        """Items after ``cursor``, the new cursor, and whether items were lost (the page
        fell too far behind and must reload)."""
        lost = bool(self._items) and self._items[0][0] > cursor
        return [(k, d) for n, k, d in self._items if n >= cursor], self._next, lost


class SandboxPage:
    """The aiohttp application of the page, bound to one running office."""

    def __init__(self, office: SandboxOffice, scenario: Scenario) -> None:
        self.office = office
        self.scenario = scenario
        self.feed = Feed()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._tasks: list[asyncio.Task[None]] = []
        #: Set when the first browser opened the page (the demo story waits for it).
        self.opened = asyncio.Event()
        self.address = ""

    # ----------------------------------------------------------------------- serving

    def application(self) -> web.Application:
        app = web.Application(
            client_max_size=UPLOAD_LIMIT + 1024 * 1024,
            middlewares=[_same_origin_only, _security_headers],
        )
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC, append_version=False)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/events", self._events)
        app.router.add_get("/api/chats/{chat}", self._chat)
        app.router.add_post("/api/chats/{chat}/send", self._send)
        app.router.add_post("/api/chats/{chat}/press", self._press)
        app.router.add_post("/api/chats/{chat}/upload", self._upload)
        app.router.add_post("/api/chats/{chat}/location", self._location)
        app.router.add_post("/api/clock", self._clock)
        app.router.add_post("/api/citizens", self._new_citizen)
        app.router.add_get("/api/files/{file_id}", self._file)
        return app

    async def start(self, port: int = 8080) -> str:
        """Listen on 127.0.0.1 (port 0: any free port); returns the page's address."""
        self._runner = web.AppRunner(
            self.application(), access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        bound = self._runner.addresses[0][1]
        self.address = f"http://127.0.0.1:{bound}"
        self._tasks.append(asyncio.create_task(self._follow_journal()))
        self.run_in_background(lambda: self.scenario.run(self))
        return self.address

    async def stop(self) -> None:
        self._closing = True
        self.feed.signal.fire()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def run_in_background(self, work: Callable[[], Awaitable[None]]) -> None:
        """Run scenario work (a story, checking exercises) alongside the server; stopped
        with it. A failure is shown on the page and logged."""
        self._tasks.append(asyncio.create_task(self._guarded(work)))

    async def _guarded(self, work: Callable[[], Awaitable[None]]) -> None:
        try:
            await work()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # shown on the page and in the log, never swallowed
            log.exception("scenario step failed")
            self.feed.publish("failure", str(exc))

    async def _follow_journal(self) -> None:
        journal = self.office.world.journal
        cursor = journal.cursor
        while True:
            if journal.cursor == cursor:
                await journal.signal.wait(3600)
            changed, cursor = journal.since(cursor)
            for chat_id, message_id in changed:
                self.feed.publish("message", (chat_id, message_id))

    # -------------------------------------------------------------------------- reads

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html")

    async def _state(self, request: web.Request) -> web.Response:
        language = request.query.get("lang", "id")
        language = language if language in ("id", "en") else "id"
        office = self.office
        return web.json_response(
            {
                "texts": texts(language),
                "language": language,
                "office": office.office.office.name,
                "bot": {"name": office.world.first_name, "username": office.world.username},
                "clock": self._clock_json(language),
                "people": await self._people_json(language),
                "chats": self._chats_json(),
                "places": [{"key": p.key, "name": p.name} for p in PLACES],
                "panes": self.scenario.panes(office),
                "scenario": {"name": self.scenario.name, **self.scenario.state()},
                "rejected": self._rejected(),
            }
        )

    async def _chat(self, request: web.Request) -> web.Response:
        chat = self._chat_state(request)
        messages = [self._message_json(chat.id, m.message_id) for m in chat.messages.values()]
        return web.json_response({"chat": chat.id, "messages": messages})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await response.prepare(request)
        cursor = self.feed.cursor
        rejected = self._rejected()
        self.opened.set()
        try:
            await response.write(b"retry: 1000\nevent: hello\ndata: {}\n\n")
            while not self._closing:
                items, cursor, lost = self.feed.since(cursor)
                if lost:
                    await _event(response, "reload", {})
                for kind, data in items:
                    await _event(response, kind, self._event_json(kind, data))
                if self._rejected() != rejected:
                    rejected = self._rejected()
                    await _event(response, "rejected", {"n": rejected})
                if not items and not await self.feed.signal.wait(KEEPALIVE_SECONDS):
                    await response.write(b": keep-alive\n\n")
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return response

    async def _file(self, request: web.Request) -> web.StreamResponse:
        stored = self.office.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        picture = next(
            (kind for magic, kind in IMAGE_TYPES.items() if stored.data.startswith(magic)), None
        )
        headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "max-age=3600"}
        if picture is not None and image_size(stored.data) is not None:
            return web.Response(body=stored.data, content_type=picture, headers=headers)
        name = (stored.file_name or "file").replace('"', "")
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return web.Response(
            body=stored.data, content_type="application/octet-stream", headers=headers
        )

    # ------------------------------------------------------------------------ actions

    async def _send(self, request: web.Request) -> web.Response:
        body = await _json(request)
        person, group = self._actor(request, body)
        text = str(body.get("text", "")).strip()
        if not text:
            raise _bad("empty message")
        reply_to = _optional_int(body.get("reply_to"))
        return await _acted(
            person.user.send(text, reply_to=reply_to)
            if group is None
            else group.send(person.user, text, reply_to=reply_to)
        )

    async def _press(self, request: web.Request) -> web.Response:
        body = await _json(request)
        person, _group = self._actor(request, body)
        chat = self._chat_state(request)
        message = chat.get(_optional_int(body.get("message_id")) or 0)
        if message is None:
            raise _bad("message not found")
        try:
            answer = await person.user.press_data(
                str(body.get("data", "")), message=message, timeout=PRESS_TIMEOUT
            )
        except ApiError as exc:
            raise _bad(str(exc)) from None
        except AssertionError:
            raise _bad("the bot did not answer this button") from None
        return web.json_response(
            {"text": answer.text, "show_alert": answer.show_alert, "url": answer.url}
        )

    async def _upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        person, group = self._actor(request, form)
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            raise _bad("no file")
        content = upload.file.read()
        caption = str(form.get("caption") or "").strip() or None
        reply_to = _optional_int(form.get("reply_to"))
        if form.get("kind") == "photo":
            sent = person.user.send_photo(caption, reply_to=reply_to, chat=group, content=content)
        else:
            mime = upload.content_type or "application/octet-stream"
            sent = person.user.send_document(
                upload.filename or "dokumen", mime, content, caption, reply_to=reply_to, chat=group
            )
        return await _acted(sent)

    async def _location(self, request: web.Request) -> web.Response:
        body = await _json(request)
        person, group = self._actor(request, body)
        chosen = place(str(body.get("place", "")))
        if chosen is None:
            raise _bad("unknown place")
        return await _acted(
            person.user.send_location(chosen.latitude, chosen.longitude, chat=group)
        )

    async def _clock(self, request: web.Request) -> web.Response:
        body = await _json(request)
        step = STEPS.get(str(body.get("step")))
        if step is None:
            raise _bad("unknown clock step")
        try:
            await self.office.move_clock(step(self.office.now(), self.office.calendar))
        except SandboxError as exc:
            raise _bad(str(exc)) from None
        self.feed.publish("clock")
        return web.json_response(self._clock_json(str(body.get("lang", "id"))))

    async def _new_citizen(self, request: web.Request) -> web.Response:
        await _json(request)
        person = self.office.new_citizen()
        self.feed.publish("people")
        return web.json_response({"id": person.id, "name": person.user.full_name})

    # ------------------------------------------------------------------------ helpers

    def _actor(self, request: web.Request, body: Any) -> tuple[Person, FakeGroup | None]:
        """Who acts (``as``) and where: their own private chat, or a group."""
        chat_id = _optional_int(request.match_info["chat"])
        person_id = _optional_int(body.get("as"))
        if chat_id is None or person_id is None or person_id not in self.office.people:
            raise _bad("unknown chat or person")
        person = self.office.people[person_id]
        if chat_id == person.id:
            return person, None
        group = self.office.world.groups.get(chat_id)
        if group is None or not group.is_member(person.user):
            raise _bad(f"{person.user.full_name} cannot write in this chat")
        return person, group

    def _chat_state(self, request: web.Request) -> ChatState:
        chat_id = _optional_int(request.match_info["chat"])
        if chat_id is None or chat_id not in self.office.world.chats:
            raise web.HTTPNotFound()
        return self.office.world.chat(chat_id)

    def _message_json(self, chat_id: int, message_id: int) -> dict[str, Any]:
        chat = self.office.world.chat(chat_id)
        message = chat.messages[message_id]
        replied = chat.messages.get(message.reply_to_message_id or 0)
        return render.message_json(
            message, zone=self.office.calendar.zone, name_of=self._name_of, replied=replied
        )

    def _name_of(self, user_id: int) -> str:
        world = self.office.world
        if user_id == world.bot_id:
            return world.first_name
        user = world.users.get(user_id)
        return user.full_name if user is not None else "Telegram"

    def _event_json(self, kind: str, data: Any) -> Any:
        if kind == "message":
            return self._message_json(*data)
        if kind == "clock":
            return {}
        return data

    def _clock_json(self, language: str) -> dict[str, Any]:
        now = self.office.now()
        language = language if language in ("id", "en") else "id"
        return {
            "iso": now.isoformat(),
            "label": formatting.moment(language, now, self.office.calendar.zone),
            "day_off": self.office.calendar.day_off_reason(now.date()),
        }

    async def _people_json(self, language: str) -> list[dict[str, Any]]:
        shown = []
        admins = self.office.runtime.settings.admin_ids
        for person in self.office.people.values():
            stored = await people.get(self.office.runtime.db, person.id)
            role = str(
                effective_role(stored.role, person.id, admins)
                if stored is not None
                else person.role
            )
            unit = stored.unit_code if stored is not None else person.unit
            shown.append(
                {
                    "id": person.id,
                    "name": person.user.full_name,
                    "role": role,
                    "unit": unit,
                    "unit_label": self.office.office.unit_label(unit, language) if unit else None,
                    "started": person.user.started,
                }
            )
        return shown

    def _chats_json(self) -> list[dict[str, Any]]:
        units = {group.id: unit for unit, group in self.office.groups.items()}
        chats: list[dict[str, Any]] = [
            {"id": p.id, "type": "private", "title": p.user.full_name, "members": [p.id]}
            for p in self.office.people.values()
        ]
        chats += [
            {
                "id": g.id,
                "type": "group",
                "title": g.title,
                "unit": units.get(g.id),
                "members": [m.id for m in g.members],
            }
            for g in self.office.world.groups.values()
            if g.migrated_to is None
        ]
        return chats

    def _rejected(self) -> int:
        return sum(1 for call in self.office.world.requests if not call.ok)


async def _event(response: web.StreamResponse, kind: str, data: Any) -> None:
    payload = json.dumps(data, ensure_ascii=False)
    await response.write(f"event: {kind}\ndata: {payload}\n\n".encode())


async def _json(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise _bad("JSON expected")
    try:
        body = await request.json()
    except ValueError:
        raise _bad("JSON expected") from None
    if not isinstance(body, dict):
        raise _bad("JSON object expected")
    return body


async def _acted(action: Awaitable[Any]) -> web.Response:
    try:
        message = await action
    except ApiError as exc:
        raise _bad(str(exc)) from None
    return web.json_response({"message_id": message.message_id})


def _optional_int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _bad(reason: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": reason}), content_type="application/json")


@web.middleware
async def _same_origin_only(request: web.Request, handler: Any) -> web.StreamResponse:
    """A page on another site must not drive the sandbox through the visitor's browser."""
    if request.method not in ("GET", "HEAD"):
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise web.HTTPForbidden(text="cross-origin request refused")
    return await handler(request)


@web.middleware
async def _security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
    response = await handler(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
