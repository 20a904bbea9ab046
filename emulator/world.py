"""One bot token's world: its people, chats, messages, files, updates and call log.

Several worlds can live in one :class:`~emulator.server.FakeTelegram`; they share nothing
but the HTTP port, so parallel tests (or a benchmark with many bots) cannot see each other.
"""

from __future__ import annotations

import asyncio
import secrets
import string
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .channels import FakeChannel
from .chats import CHANNEL, GROUP, PRIVATE, SUPERGROUP, ChatState
from .commands import make_key
from .errors import (
    QUERY_TOO_OLD,
    ApiError,
    Rejected,
    bad_request,
    plain_error,
    too_many_requests,
)
from .files import FileStore
from .journal import MessageJournal
from .limits import FloodControl, FloodLimits
from .models import ApiCall, BotMessage, CallbackAnswer
from .people import FakeGroup, FakeUser
from .serialize import message_json, user_json
from .sync import Signal
from .updates import UpdateQueue, WebhookInfo, WebhookPusher

_TOKEN_ALPHABET = string.ascii_letters + string.digits + "_-"


@dataclass
class Failure:
    """An injected failure for the next call of one method (see ``BotWorld.fail_next``)."""

    status: int
    retry_after: int
    description: str | None
    processed: bool
    when: Callable[[dict[str, Any]], bool] = lambda _params: True
    #: Seconds the answer is kept back after the call took effect (a timeout, when longer
    #: than the client waits); the failure's status is then not used.
    delay: float = 0.0

    def error(self) -> Rejected:
        if self.status == 429:
            if self.description is None:
                return too_many_requests(self.retry_after)
            return Rejected(429, self.description, {"retry_after": self.retry_after})
        return plain_error(self.status, self.description)


@dataclass
class HeldAnswer:
    """One of the bot's calls, held back (see ``BotWorld.hold_answer``)."""

    method: str
    when: Callable[[dict[str, Any]], bool]
    before: bool  # held before it takes effect (else after, with the answer kept back)
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    params: dict[str, Any] = field(default_factory=dict)

    async def wait(self, timeout: float = 10) -> dict[str, Any]:  # noqa: ASYNC109
        """Until the bot made the call; returns its parameters."""
        try:
            async with asyncio.timeout(timeout):
                await self.reached.wait()
        except TimeoutError:
            raise AssertionError(
                f"the bot made no matching {self.method} call within {timeout}s"
            ) from None
        return self.params

    def release(self) -> None:
        self.released.set()


class BotWorld:
    """The state behind one bot token, plus the handles tests use to act and observe."""

    def __init__(
        self,
        *,
        username: str,
        first_name: str,
        clock: Callable[[], float],
        root: Callable[[], str],
    ) -> None:
        self.bot_id = 6_000_000_000 + secrets.randbelow(2_000_000_000)
        secret = "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(35))
        self.token = f"{self.bot_id}:{secret}"
        self.username = username
        self.first_name = first_name
        self.clock = clock
        self._root = root
        self.limits = FloodLimits()
        self.flood = FloodControl(lambda: self.limits)
        #: Reject bare ``>`` and unknown ``&...`` in HTML, which Telegram tolerates.
        self.strict_html = True
        #: getMe's can_read_all_group_messages is the opposite of this.
        self.privacy_mode = True
        self.requests: list[ApiCall] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.users: dict[int, FakeUser] = {}
        self.groups: dict[int, FakeGroup] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.chats: dict[int, ChatState] = {}
        self.files = FileStore()
        #: Every message change in any chat, in order (for screens showing many chats).
        self.journal = MessageJournal()
        self.activity = Signal()
        self.updates = UpdateQueue(self._touch)
        self.webhook = WebhookInfo()
        self._pusher: WebhookPusher | None = None
        self._failures: dict[str, deque[Failure]] = {}
        #: A standing fault policy (e.g. :class:`emulator.faults.FaultPlan`): asked for
        #: every call that has no queued failure; None injects nothing.
        self.faults: Callable[[str, dict[str, Any]], Failure | None] | None = None
        self._held: list[HeldAnswer] = []
        self._callbacks: dict[str, asyncio.Future[CallbackAnswer]] = {}
        self._inflight = 0
        #: getUpdates requests received so far, counted as they arrive (``requests`` logs a
        #: call when it ends: a long poll of a process killed meanwhile ends later).
        self.polls_begun = 0
        self._last_activity = 0.0
        #: Set when the server stops: waiting long polls return at once.
        self.closed = False

    @property
    def root(self) -> str:
        """The server root, e.g. ``http://127.0.0.1:PORT`` (known once the server started)."""
        return self._root()

    # ----------------------------------------------------------------- people and groups

    def user(
        self,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        *,
        user_id: int | None = None,
    ) -> FakeUser:
        """A new person who has not started the bot yet (``user_id``: a given Telegram id,
        e.g. to meet again the people a kept database knows)."""
        if user_id is None:
            user_id = self._unique_id(lambda: 100_000_000 + secrets.randbelow(7_000_000_000))
        elif user_id in self.chats or user_id == self.bot_id:
            raise ApiError(f"id {user_id} is taken in this world")
        user = FakeUser(self, user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        self._register(ChatState(user_id, PRIVATE))
        return user

    def group(
        self,
        title: str,
        *,
        forum: bool = False,
        members: Iterable[FakeUser] = (),
        privacy_mode: bool = True,
        admins: Iterable[FakeUser] = (),
        bot_admin: bool | None = None,
        basic: bool = False,
        chat_id: int | None = None,
    ) -> FakeGroup:
        """A group the bot is already in (no updates are emitted for the setup): a
        supergroup, or with ``basic=True`` a basic group (small negative id, no topics) that
        can later become one (:meth:`FakeGroup.upgrade_to_supergroup`).

        ``bot_admin`` defaults to ``forum``: managing topics needs admin rights. Note that
        Telegram delivers every message to an admin bot, whatever its privacy mode.
        ``chat_id`` gives the group a chosen id instead of a new one.
        """
        if basic and forum:
            raise ApiError("a basic group has no topics; upgrade it with forum=True instead")
        is_admin = forum if bot_admin is None else bot_admin
        if chat_id is not None and (chat_id in self.chats or chat_id >= 0):
            raise ApiError(f"{chat_id} is not a free group id")
        chat = ChatState(
            chat_id if chat_id is not None else self.new_group_id(basic=basic),
            GROUP if basic else SUPERGROUP,
            title=title,
            is_forum=forum,
            privacy_mode=privacy_mode,
            bot_status="administrator" if is_admin else "member",
        )
        chat.members.update({user.id: "member" for user in members})
        chat.members.update({user.id: "administrator" for user in admins})
        return self.add_group(chat)

    def new_group_id(self, *, basic: bool = False) -> int:
        """A free chat id: ``-100...`` for a supergroup, a shorter negative one for a basic
        group (as on Telegram, the two ranges never meet)."""
        if basic:
            return self._unique_id(lambda: -(10**9 + secrets.randbelow(4 * 10**9)))
        return self._unique_id(lambda: -(100 * 10**10 + 10**9 + secrets.randbelow(9 * 10**9)))

    def add_group(self, chat: ChatState) -> FakeGroup:
        """Register a group chat and the handle tests use for it."""
        self._register(chat)
        self.groups[chat.id] = FakeGroup(self, chat)
        return self.groups[chat.id]

    def channel(
        self,
        title: str,
        *,
        owner: FakeUser,
        username: str | None = None,
        bot_admin: bool = True,
        can_post: bool = True,
    ) -> FakeChannel:
        """A channel created by ``owner``; with ``bot_admin`` the bot is already one of its
        administrators (no update is emitted for the setup), otherwise it is not in it
        (:meth:`FakeChannel.add_bot`). ``username`` makes it public (``@username``)."""
        if username is not None and self.public_chat(username) is not None:
            raise ApiError(f"the username @{username} is taken")
        chat = ChatState(
            self.new_group_id(),
            CHANNEL,
            title=title,
            username=username,
            bot_status="administrator" if bot_admin else "left",
            bot_can_post=can_post,
        )
        chat.members[owner.id] = "creator"
        self._register(chat)
        self.channels[chat.id] = FakeChannel(self, chat)
        return self.channels[chat.id]

    def public_chat(self, username: str) -> ChatState | None:
        """The chat whose public username this is (case-insensitive), if any."""
        wanted = username.lower()
        return next(
            (
                c
                for c in self.chats.values()
                if c.username is not None and c.username.lower() == wanted
            ),
            None,
        )

    def _register(self, chat: ChatState) -> None:
        chat.journal = self.journal
        self.chats[chat.id] = chat

    def _unique_id(self, make: Callable[[], int]) -> int:
        while True:
            candidate = make()
            if candidate not in self.chats and candidate != self.bot_id:
                return candidate

    # ----------------------------------------------------------------------- observation

    def calls(self, method: str) -> list[ApiCall]:
        """Logged calls of one method (name compared case-insensitively)."""
        return [call for call in self.requests if call.method.lower() == method.lower()]

    def messages(self, chat_id: int) -> list[BotMessage]:
        """Every message of a chat, people's and the bot's, in order (deleted ones left out)."""
        return self.chat(chat_id).visible()

    def bot_messages(self, chat_id: int) -> list[BotMessage]:
        return self.chat(chat_id).bot_visible()

    def file_bytes(self, file_id: str) -> bytes:
        stored = self.files.get(file_id)
        if stored is None:
            raise ApiError(f"unknown file_id {file_id!r}")
        return stored.data

    def commands_for(
        self,
        scope_type: str = "default",
        chat_id: int | None = None,
        language_code: str = "",
        *,
        user_id: int | None = None,
    ) -> list[str]:
        """Command names stored by setMyCommands for exactly this scope and language."""
        extra = {} if user_id is None else {"user_id": user_id}
        key = (make_key(scope_type, chat_id, **extra), language_code)
        return [item["command"] for item in self.commands.get(key, [])]

    def chat(self, chat_id: int) -> ChatState:
        if chat_id not in self.chats:
            raise ApiError(f"no chat {chat_id} in this world")
        return self.chats[chat_id]

    # --------------------------------------------------------------------------- control

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        count: int = 1,
        processed: bool = False,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail (those whose raw parameters
        satisfy ``when``, e.g. ``lambda p: str(p.get("chat_id")) == str(group.id)``).

        ``status`` 429 carries ``retry_after``; 0 closes the connection without an answer.
        With ``processed=True`` the call takes effect first and only the answer is lost or
        replaced (the "did my message go out?" case of a real network).
        """
        failure = Failure(status, retry_after, description, processed)
        if when is not None:
            failure.when = when
        self._failures.setdefault(method.lower(), deque()).extend([failure] * count)

    def clear_failures(self) -> None:
        """Forget every failure still queued (Telegram is well again)."""
        self._failures.clear()

    def take_failure(self, method: str, params: dict[str, Any] | None = None) -> Failure | None:
        """The failure injected for this call, if any: the first queued one it matches,
        else what the chaos plan (:attr:`faults`) decides."""
        queue = self._failures.get(method.lower())
        if queue:
            for failure in queue:
                if failure.when(params or {}):
                    queue.remove(failure)
                    return failure
        return self.faults(method, params or {}) if self.faults is not None else None

    def hold_answer(
        self,
        method: str,
        when: Callable[[dict[str, Any]], bool] = lambda _params: True,
        *,
        before: bool = False,
    ) -> HeldAnswer:
        """Let the bot's next ``method`` call matching ``when(params)`` take effect (people
        see the message) but keep its answer back until ``release()``: the bot waits, as
        on a slow network. A test stops or kills the bot at that precise moment.

        ``before=True`` holds the call before it takes effect: if the bot is gone when it
        is released, it never takes effect (the request had not reached Telegram)."""
        held = HeldAnswer(method.lower(), when, before)
        self._held.append(held)
        return held

    async def held_answer(self, method: str, params: dict[str, Any], *, before: bool) -> bool:
        """Used by the server before and after a call takes effect: wait while held.
        True if this call was held."""
        for held in self._held:
            if (
                held.method == method.lower()
                and held.before == before
                and not held.reached.is_set()
                and held.when(params)
            ):
                held.params = params
                held.reached.set()
                await held.released.wait()
                return True
        return False

    async def settle(self, quiet: float = 0.2, timeout: float = 10) -> None:  # noqa: ASYNC109
        """Wait until the bot confirmed every update and made no API call for ``quiet`` s.
        Updates held back (:meth:`UpdateQueue.hold`) are not waited for."""
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            waiting = self.updates.pending > 0 and not self.updates.held
            busy = waiting or self._inflight > 0
            idle_for = now - self._last_activity
            if not busy and idle_for >= quiet:
                return
            if now >= deadline:
                raise AssertionError(self._unsettled_report(timeout))
            wait = deadline - now if busy else quiet - idle_for
            await self.activity.wait(min(wait, deadline - now))

    def _unsettled_report(self, timeout: float) -> str:
        recent = ", ".join(f"{c.method}->{c.status}" for c in self.requests[-5:]) or "none"
        return (
            f"world did not settle within {timeout}s: {self.updates.pending} update(s) not "
            f"confirmed by the bot (is it polling / is the webhook up?), {self._inflight} API "
            f"call(s) in flight; last calls: {recent}"
        )

    # ------------------------------------------------------- used by the server and methods

    def now(self) -> int:
        return int(self.clock())

    def begin_call(self, method: str) -> None:
        if method != "getUpdates":
            self._inflight += 1
            self._touch()
        else:
            self.polls_begun += 1
            self.activity.fire()  # a poll is not activity that keeps the world from settling

    def end_call(self, call: ApiCall) -> None:
        self.requests.append(call)
        if call.method != "getUpdates":
            self._inflight -= 1
            self._touch()

    def _touch(self) -> None:
        self._last_activity = time.monotonic()
        self.activity.fire()

    def add_message(self, chat: ChatState, **fields: Any) -> BotMessage:
        """Store a new message in ``chat``; ``fields`` are BotMessage fields."""
        message = BotMessage(
            message_id=chat.new_message_id(), chat_id=chat.id, date=self.now(), **fields
        )
        chat.add(message)
        return message

    def emit(self, kind: str, payload: dict[str, Any]) -> None:
        """Queue an update of type ``kind`` for the bot."""
        self.updates.push(kind, payload)

    def emit_message(self, message: BotMessage, *, edited: bool = False) -> None:
        self.emit("edited_message" if edited else "message", message_json(self, message))

    # ------------------------------------------------------------------------- callbacks

    def open_callback(self, user: FakeUser, message: BotMessage, data: str) -> str:
        """Emit a callback_query update and remember it until answered."""
        query_id = str(10**18 + secrets.randbelow(9 * 10**18))
        self._callbacks[query_id] = asyncio.get_running_loop().create_future()
        self.emit(
            "callback_query",
            {
                "id": query_id,
                "from": user_json(self, user.id),
                "message": message_json(self, message),
                "chat_instance": self.chats[message.chat_id].instance,
                "data": data,
            },
        )
        return query_id

    def answer_callback(self, query_id: str, answer: CallbackAnswer) -> None:
        future = self._callbacks.get(query_id)
        if future is None or future.done():
            raise bad_request(QUERY_TOO_OLD)
        future.set_result(answer)

    async def callback_answer(self, query_id: str, within: float) -> CallbackAnswer | None:
        """The bot's answer, or None if it never came (the query then expires)."""
        future = self._callbacks[query_id]
        try:
            async with asyncio.timeout(within):
                return await asyncio.shield(future)
        except TimeoutError:
            future.cancel()
            return None

    # --------------------------------------------------------------------------- webhook

    async def set_webhook(self, info: WebhookInfo, *, drop_pending: bool) -> None:
        await self._stop_pusher()
        if drop_pending:
            self.updates.drop_all()
        if info.allowed_updates is not None:
            self.updates.allowed_updates = info.allowed_updates
        self.webhook = info
        self.updates.signal.fire()  # a waiting getUpdates must give up now
        self._pusher = WebhookPusher(self.updates, info, self.clock)
        self._pusher.start()

    async def delete_webhook(self, *, drop_pending: bool) -> None:
        await self._stop_pusher()
        self.webhook = WebhookInfo()
        if drop_pending:
            self.updates.drop_all()

    async def _stop_pusher(self) -> None:
        if self._pusher is not None:
            await self._pusher.stop()
            self._pusher = None

    async def close(self) -> None:
        """Stop background work and release waiting long polls (the server is stopping)."""
        self.closed = True
        for held in self._held:
            held.release()
        self.updates.signal.fire()
        await self._stop_pusher()
        for future in self._callbacks.values():
            future.cancel()
