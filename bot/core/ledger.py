"""What Telegram told this process about message ids, so that a send whose outcome is
unknown can be reconciled instead of repeated.

A request can reach Telegram and take effect while its answer is lost (a timeout, a reset
connection, a 502 from the proxy in front of the Bot API). Sending again would show the
person the same message twice, and the Bot API has no idempotency key. What it has is
message ids and edits: editing a message with exactly the content it already has is
refused with "message is not modified" and changes nothing. So before a text is sent
again, the few message ids right after the highest one known in that chat when the lost
attempt was made are probed with an edit carrying the very same content: "not modified"
proves the lost attempt landed there, and that message id is the answer.

The probe must never change a message, so it runs only when every other bot message in
that range is known: the ledger watches every request of this process (their results
name the messages the bot created, the updates name the people's) and counts the sends
whose outcome was lost. A probe runs only when the chat has no other request in flight
and no other lost send since the attempt it reconciles; otherwise the text is simply sent
again (at most one more copy).

What this process cannot know are the messages sent by others: the process before a
restart (its last messages may lie above the oldest ids the new process learns, from an
edit of an old message, a press on an old button, an update Telegram delivers again),
and, with several processes on one PostgreSQL database (``bot/core/cluster.py``), the
other processes, which deliver the outbox and answer people in the same chats. So the
range is bounded only by a message this process created itself in that chat: every bot
message above it was sent after this process started, by this process. A chat without
one has no :meth:`MessageLedger.floor`, and a process that may share the bot with
others has none anywhere; an answer lost there is an unknown outcome, and the text is
sent again. (A request the previous process had sent just before it was killed could
still land after the new process's first message in that chat; a start takes seconds,
Telegram handles a request in milliseconds.)

People's messages cannot be edited by the bot ("message can't be edited") and messages of
other chats are not found, so probing them is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.request import RequestData

from bot.core.transport import AiohttpRequest

log = logging.getLogger(__name__)

#: How many ids after the floor are probed at most.
PROBE_WINDOW = 3
#: How long a probe waits for the chat's other requests to finish.
QUIET_WAIT_SECONDS = 5.0
#: Message ids remembered per chat (the probe only looks just above the newest).
KNOWN_PER_CHAT = 200
NOT_MODIFIED = "message is not modified"
#: The request never left this machine: nothing can have landed (no connection could be
#: made, or none was free in time: aiohttp's ``connect`` timeout covers both).
_NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
#: Methods that create a message (their lost answers are what the ledger reconciles).
CREATING = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendLocation",
        "sendVoice",
        "sendVideo",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
    }
)


def may_have_landed(error: BaseException) -> bool:
    """Whether a failed request may still have taken effect at Telegram: network errors
    after the request left (timeouts, resets) and 5xx answers, not refusals (400, 403,
    429) and not a connection that was never made."""
    if isinstance(error, BadRequest) or not isinstance(error, NetworkError):
        return False
    return not isinstance(error.__cause__, _NOT_SENT)


@dataclass
class Attempt:
    """A send whose outcome was lost: where its copy would be, if it landed."""

    chat_id: int
    floor: int
    lost_sends: int  # the chat's count of lost sends once this attempt was lost


def after_loss(
    ledger: MessageLedger,
    chat_id: int,
    floor: int | None,
    earlier: Attempt | None,
    error: BaseException,
    method: str = "sendMessage",
) -> Attempt | None:
    """Where to look for a copy after a failed send (None: nothing can have landed, or
    nothing is known to bound it). A second lost attempt keeps the first one's floor."""
    if not may_have_landed(error) or method not in CREATING:
        return earlier
    start = earlier.floor if earlier is not None else floor
    return None if start is None else Attempt(chat_id, start, ledger.lost_sends(chat_id))


class MessageLedger:
    """Per chat: message ids known to exist, requests in flight, sends with lost answers."""

    def __init__(self, *, alone: bool = True) -> None:
        #: Whether this process is the only one sending as the bot (one process per
        #: SQLite file); False: the ids it knows never bound what others sent.
        self.alone = alone
        self._known: dict[int, deque[int]] = {}
        self._created: set[int] = set()  # chats where this process created a message
        self._highest: dict[int, int] = {}
        self._in_flight: dict[int, int] = {}
        self._lost: dict[int, int] = {}
        self._quiet: dict[int, asyncio.Event] = {}

    # --- what the requests tell -------------------------------------------------------

    def begin(self, chat_id: int | None) -> None:
        if chat_id is not None:
            self._in_flight[chat_id] = self._in_flight.get(chat_id, 0) + 1
            self._quiet.setdefault(chat_id, asyncio.Event()).clear()

    def end(self, chat_id: int | None) -> None:
        if chat_id is None:
            return
        left = self._in_flight.get(chat_id, 1) - 1
        self._in_flight[chat_id] = left
        if left <= 0:
            self._in_flight.pop(chat_id, None)
            self._quiet.setdefault(chat_id, asyncio.Event()).set()

    def saw(self, chat_id: int, message_id: int) -> None:
        known = self._known.setdefault(chat_id, deque(maxlen=KNOWN_PER_CHAT))
        if message_id not in known:
            known.append(message_id)
        if message_id > self._highest.get(chat_id, 0):
            self._highest[chat_id] = message_id

    def lost(self, method: str, chat_id: int | None) -> None:
        """A request of ``method`` to ``chat_id`` may have landed without an answer."""
        if chat_id is not None and method in CREATING:
            self._lost[chat_id] = self._lost.get(chat_id, 0) + 1

    def observe(self, method: str, chat_id: int | None, result: object) -> None:
        """Learn the message ids in a successful answer."""
        if method == "getUpdates" and isinstance(result, list):
            for update in result:
                if isinstance(update, Mapping):
                    self._observe_update(update)
        elif isinstance(result, Mapping) and "message_id" in result:
            chat = result.get("chat")
            where = chat.get("id") if isinstance(chat, Mapping) else chat_id
            if isinstance(where, int):
                self.saw(where, int(result["message_id"]))
                if method in CREATING:
                    self._created.add(where)
        elif isinstance(result, list):  # sendMediaGroup
            for item in result:
                self.observe(method, chat_id, item)

    def _observe_update(self, update: Mapping[str, Any]) -> None:
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            self._observe_message(update.get(key))
        query = update.get("callback_query")
        if isinstance(query, Mapping):
            self._observe_message(query.get("message"))

    def _observe_message(self, message: object) -> None:
        if not isinstance(message, Mapping):
            return
        chat = message.get("chat")
        if isinstance(chat, Mapping) and isinstance(chat.get("id"), int):
            self.saw(chat["id"], int(message.get("message_id", 0)))
            self._observe_message(message.get("reply_to_message"))

    # --- what a sender asks -----------------------------------------------------------

    def floor(self, chat_id: int) -> int | None:
        """The highest message id known in the chat, above which every bot message is
        known or counted lost; None when nothing bounds the bot messages of others (this
        process created no message there yet, or it may not be the only sender)."""
        if not self.alone or chat_id not in self._created:
            return None
        return self._highest.get(chat_id)

    def lost_sends(self, chat_id: int) -> int:
        return self._lost.get(chat_id, 0)

    def candidates(self, attempt: Attempt) -> list[int] | None:
        """The unknown ids a lost copy could have, or None when probing could touch a bot
        message this process does not know (another lost send in the chat)."""
        if self._lost.get(attempt.chat_id, 0) != attempt.lost_sends:
            return None
        known = set(self._known.get(attempt.chat_id, ()))
        top = attempt.floor + PROBE_WINDOW
        return [m for m in range(attempt.floor + 1, top + 1) if m not in known]

    async def quiet(self, chat_id: int, timeout: float = QUIET_WAIT_SECONDS) -> bool:  # noqa: ASYNC109
        """Wait until no request to the chat is in flight; False if it stays busy."""
        if not self._in_flight.get(chat_id):
            return True
        event = self._quiet.setdefault(chat_id, asyncio.Event())
        try:
            async with asyncio.timeout(timeout):
                await event.wait()
        except TimeoutError:
            return False
        return True


def chat_of(parameters: Mapping[str, Any]) -> int | None:
    value = parameters.get("chat_id")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


class ObservedRequest(AiohttpRequest):
    """The bot's HTTP transport (:mod:`bot.core.transport`), telling the ledger about
    every request and its answer."""

    def __init__(self, ledger: MessageLedger, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ledger = ledger

    async def post(  # type: ignore[override,misc]
        self, url: str, request_data: RequestData | None = None, **kwargs: Any
    ) -> Any:
        method = url.rsplit("/", 1)[-1]
        chat_id = chat_of(request_data.parameters) if request_data is not None else None
        self.ledger.begin(chat_id)
        try:
            result = await super().post(url, request_data, **kwargs)
        except TelegramError as error:
            if may_have_landed(error):
                self.ledger.lost(method, chat_id)
            raise
        finally:
            self.ledger.end(chat_id)
        self.ledger.observe(method, chat_id, result)
        return result


def probe_params(method: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The edit that proves a lost ``method`` call landed (same content: "not modified"),
    or None when the message has no content an edit can compare (a location, a copy
    without a caption of ours)."""
    markup = params.get("reply_markup")
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    if method == "sendMessage" and "text" in params:
        kept = {k: params[k] for k in ("text", "parse_mode", "entities") if k in params}
        preview = params.get("link_preview_options")
        if isinstance(preview, LinkPreviewOptions):
            kept["link_preview_options"] = preview
        return "editMessageText", kept | {"reply_markup": inline}
    if method in CREATING and params.get("caption"):
        kept = {k: params[k] for k in ("caption", "parse_mode", "caption_entities") if k in params}
        return "editMessageCaption", kept | {"reply_markup": inline}
    return None


async def find_landed(
    bot: Bot, ledger: MessageLedger, attempt: Attempt, method: str, params: Mapping[str, Any]
) -> list[int]:
    """The message ids the lost sends landed as, oldest first; empty when none is found
    or none can be proven (then the caller sends again)."""
    probe = probe_params(method, params)
    if probe is None or not await ledger.quiet(attempt.chat_id):
        return []
    candidates = ledger.candidates(attempt)
    if not candidates:
        return []
    edit, content = probe
    found: list[int] = []
    for message_id in candidates:
        try:
            if edit == "editMessageText":
                await bot.edit_message_text(
                    chat_id=attempt.chat_id, message_id=message_id, **content
                )
            else:
                await bot.edit_message_caption(
                    chat_id=attempt.chat_id, message_id=message_id, **content
                )
        except BadRequest as refused:
            if NOT_MODIFIED in str(refused).lower():
                log.info(
                    "chat %s: a lost %s landed as message %s", attempt.chat_id, method, message_id
                )
                # Known from now on: the next lost send's probe must not take it for a
                # free slot and overwrite it with its own text.
                ledger.saw(attempt.chat_id, message_id)
                found.append(message_id)
        except TelegramError as error:
            log.info("chat %s: probing stopped (%s)", attempt.chat_id, error)
            break
        else:  # cannot happen while the ledger is right; say so loudly
            log.error(
                "chat %s: a probe edited message %s the ledger missed", attempt.chat_id, message_id
            )
            break
    return found
