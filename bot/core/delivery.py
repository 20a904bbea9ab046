"""The outbox dispatcher: delivers queued notifications to Telegram, reliably.

- A row is marked ``sending`` (committed) before the request and ``sent`` after it, so a
  row confirmed sent is never sent again; a crash in between sends it again at most once.
- Per chat, rows leave in order; across chats the most urgent first.
- 429: the chat waits ``retry_after`` and the row is retried. Network errors and 5xx:
  retried with exponential backoff, for as long as Telegram stays unreachable.
  Permanent errors (blocked, never started, kicked, chat not found): the row is dead, the
  recipient marked unreachable, and the other chats carry on.
- A group upgraded to a supergroup (``ChatMigrated``): the chat's queue moves to the new
  id, the application follows (``on_migrated``) in the same transaction, and the row is
  retried there.
- An edit whose message is gone is dropped, unless the row asks to ``repost_if_gone``:
  then the new text goes out as a new message standing for the same object.
- At most a few requests are in flight, paced below Telegram's limits, so a reply to a
  person who just pressed a button never queues behind a thousand reminders.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    ForceReply,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.core.clock import Clock, to_epoch
from bot.core.pacing import MESSAGE_METHODS, ChatPacer, PaceLimits, TokenBucket, retry_seconds
from storage.core import outbox, outbox_files
from storage.core.db import Database, Tx
from storage.core.outbox import OutboxRow

log = logging.getLogger(__name__)

IDLE_POLL_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 60.0
PERMANENT_BAD_REQUESTS = (
    "chat not found",
    "user not found",
    "bot was kicked",
    "chat_write_forbidden",
)
HARMLESS_BAD_REQUESTS = ("message is not modified",)
EDIT_TARGET_GONE = ("message to edit not found", "message can't be edited")
REPOST_IF_GONE = "repost_if_gone"  # outbox param of an edit (see bot.notify.edit_text)

#: Runs in the transaction that ended the chat's queue: chat id, Telegram's reason.
Unreachable = Callable[[Tx, int, str], Awaitable[None]]
Migrated = Callable[[Tx, int, int], Awaitable[None]]


class DeliveryFailed(Exception):
    def __init__(self, reason: str, *, permanent_for_chat: bool = False) -> None:
        super().__init__(reason)
        self.permanent_for_chat = permanent_for_chat


class Dispatcher:
    def __init__(
        self,
        db: Database,
        bot: Bot,
        clock: Clock,
        *,
        pacer: ChatPacer | None = None,
        concurrency: int = 4,
        on_unreachable: Unreachable | None = None,
        on_migrated: Migrated | None = None,
    ) -> None:
        self._db = db
        self._bot = bot
        self._clock = clock
        self._pacer = pacer or ChatPacer(PaceLimits())
        rate = self._pacer.limits.outbox_rate
        self._budget = TokenBucket(rate, rate)
        self._holding: set[int] = set()  # chats that had to wait after an error
        self._slots = concurrency
        self._on_unreachable = on_unreachable
        self._on_migrated = on_migrated
        self._wakeup = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task[None]] = {}  # chat id -> task
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        async with self._db.transaction() as tx:
            retried, abandoned = await outbox.recover_in_flight(tx)
        if retried or abandoned:
            log.warning("outbox recovery: %d rows retried, %d abandoned", retried, abandoned)
        self._stopping = False
        self._db.add_commit_listener(self._on_commit)
        self._task = asyncio.create_task(self._run(), name="outbox-dispatcher")

    async def stop(self, grace: float = 5.0) -> None:
        """Stop taking rows; let requests in flight finish (they are short). Rows not yet
        taken stay pending and go out after the next start."""
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._in_flight:
            _, pending = await asyncio.wait(list(self._in_flight.values()), timeout=grace)
            for task in pending:
                task.cancel()
        self._task = None

    def wake(self) -> None:
        self._wakeup.set()

    def _on_commit(self, topics: set[str]) -> None:
        if "outbox" in topics:
            self.wake()

    # --- loop ---------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            next_check = IDLE_POLL_SECONDS
            try:
                next_check = await self._launch_ready()
            except Exception:
                log.exception("outbox dispatcher iteration failed")
            if self._stopping:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=next_check)

    async def _launch_ready(self) -> float:
        """Start sends for rows that may go now; return seconds until the next look."""
        free = self._slots - len(self._in_flight)
        if free <= 0:
            return IDLE_POLL_SECONDS
        rows = await outbox.next_batch(self._db, free * 4, frozenset(self._in_flight))
        next_check = IDLE_POLL_SECONDS
        for row in rows:
            if free <= 0:
                break
            delay = self._delay(row)
            if delay > 0:
                next_check = min(next_check, delay)
                continue
            if row.method in MESSAGE_METHODS:
                self._budget.take(time.monotonic())  # the chat's token: the rate limiter
            self._in_flight[row.chat_id] = asyncio.create_task(self._deliver(row))
            free -= 1
        return next_check

    def _delay(self, row: OutboxRow) -> float:
        """How long this row must wait: its chat's pace (or hold) and the outbox budget."""
        if row.method not in MESSAGE_METHODS:
            return self._pacer.delay(row.chat_id) if row.chat_id in self._holding else 0.0
        return max(self._pacer.delay(row.chat_id), self._budget.wait_time(time.monotonic()))

    async def _deliver(self, row: OutboxRow) -> None:
        try:
            async with self._db.transaction() as tx:
                if not await outbox.mark_sending(tx, row.id):
                    return
            await self._attempt(row)
        except Exception:
            log.exception("delivering outbox row %d failed unexpectedly", row.id)
        finally:
            self._in_flight.pop(row.chat_id, None)
            self.wake()

    async def _attempt(self, row: OutboxRow) -> None:
        now = to_epoch(self._clock.now())
        try:
            message_id = await self._call(row)
        except RetryAfter as exc:
            wait = retry_seconds(exc)
            log.info("flood control for chat %s: retry after %.0fs", row.chat_id, wait)
            self._hold(row.chat_id, wait)
            await self._release(row, f"429 retry after {wait:.0f}s")
        except (Forbidden, DeliveryFailed) as exc:
            await self._give_up(row, str(exc), permanent_for_chat=True)
        except BadRequest as exc:
            await self._bad_request(row, exc, now)
        except ChatMigrated as exc:
            await self._follow(row, exc.new_chat_id)
        except (NetworkError, TelegramError) as exc:
            backoff = min(MAX_BACKOFF_SECONDS, 2.0 ** min(row.attempts, 6))
            log.warning("outbox row %d: %s; retrying in %.0fs", row.id, exc, backoff)
            self._hold(row.chat_id, backoff)
            await self._release(row, str(exc))
        else:
            async with self._db.transaction() as tx:
                await outbox.mark_sent(tx, row, message_id, now)

    def _hold(self, chat_id: int, seconds: float) -> None:
        self._pacer.hold(chat_id, seconds)
        self._holding.add(chat_id)

    async def _bad_request(self, row: OutboxRow, exc: BadRequest, now: int) -> None:
        text = str(exc).lower()
        if any(marker in text for marker in HARMLESS_BAD_REQUESTS):
            async with self._db.transaction() as tx:
                await outbox.mark_sent(tx, row, None, now)
        elif any(marker in text for marker in PERMANENT_BAD_REQUESTS):
            await self._give_up(row, str(exc), permanent_for_chat=True)
        else:
            log.error("outbox row %d (%s) rejected: %s", row.id, row.method, exc)
            await self._give_up(row, str(exc), permanent_for_chat=False)

    async def _follow(self, row: OutboxRow, new_chat_id: int) -> None:
        """The group became a supergroup: its queue, this row included, goes to the new id
        (order kept) and the application follows, in one transaction. Idempotent with the
        service messages' handler, whichever comes first."""
        if new_chat_id == row.chat_id:
            await self._give_up(row, "chat migrated to itself", permanent_for_chat=False)
            return
        log.warning("chat %s became %s; outbox row %d goes there", row.chat_id, new_chat_id, row.id)
        async with self._db.transaction() as tx:
            if self._on_migrated is not None:
                await self._on_migrated(tx, row.chat_id, new_chat_id)
            await outbox.move_chat(tx, row.chat_id, new_chat_id)
            await outbox.release(tx, row.id, f"chat migrated to {new_chat_id}")

    async def _release(self, row: OutboxRow, error: str) -> None:
        async with self._db.transaction() as tx:
            await outbox.release(tx, row.id, error)

    async def _give_up(self, row: OutboxRow, error: str, *, permanent_for_chat: bool) -> None:
        """A permanent failure ends the chat's queue and tells the application in the same
        transaction (a person is marked unreachable; a unit group's complaints go to the
        supervisors), so a crash in between cannot drop them unnoticed."""
        async with self._db.transaction() as tx:
            if not permanent_for_chat:
                await outbox.mark_dead(tx, row.id, error)
                return
            dropped = await outbox.kill_chat_queue(tx, row.chat_id, error)
            log.warning("chat %s unreachable (%s); %d rows dropped", row.chat_id, error, dropped)
            if self._on_unreachable is not None:
                await self._on_unreachable(tx, row.chat_id, error)

    # --- the Bot API call ---------------------------------------------------------------

    async def _call(self, row: OutboxRow) -> int | None:
        params = dict(row.params)
        repost = params.pop(REPOST_IF_GONE, False) and row.method == "editMessageText"
        try:
            await self._resolve_refs(row.chat_id, params)
            return await self._request(row.chat_id, row.method, params)
        except BadRequest as exc:
            if not repost or not any(m in str(exc).lower() for m in EDIT_TARGET_GONE):
                raise
        log.info("outbox row %d: the message to edit is gone; posting it anew", row.id)
        return await self._request(row.chat_id, "sendMessage", _as_new_message(params))

    async def _request(self, chat_id: int, method: str, params: dict[str, Any]) -> int | None:
        if method == "sendMessage":
            message = await self._bot.send_message(chat_id, **_typed(params))
            return message.message_id
        if method == "editMessageText":
            await self._bot.edit_message_text(chat_id=chat_id, **_typed(params))
            return None
        if method == "editMessageReplyMarkup":
            await self._bot.edit_message_reply_markup(chat_id=chat_id, **_typed(params))
            return None
        if method == "copyMessage":
            copied = await self._bot.copy_message(chat_id, **_typed(params))
            return copied.message_id
        if method == "sendLocation":
            message = await self._bot.send_location(chat_id, **_typed(params))
            return message.message_id
        if method == "sendPhoto":
            message = await self._bot.send_photo(chat_id, **_typed(params))
            return message.message_id
        if method == "sendDocument":
            message = await self._bot.send_document(chat_id, **_typed(params))
            return message.message_id
        if method == "sendVoice":
            message = await self._bot.send_voice(chat_id, **_typed(params))
            return message.message_id
        if method == "sendVideo":
            message = await self._bot.send_video(chat_id, **_typed(params))
            return message.message_id
        if method == "createForumTopic":
            topic = await self._bot.create_forum_topic(chat_id, **_typed(params))
            return topic.message_thread_id
        if method == "setMyCommands":
            await self._bot.set_my_commands(**_typed(params))
            return None
        raise DeliveryFailed(f"unsupported outbox method {method}")

    async def _resolve_refs(self, chat_id: int, params: dict[str, Any]) -> None:
        """Replace references to earlier messages (known only once those were sent)."""
        if "message_ref" in params:
            kind, ref_id = params.pop("message_ref")
            message_id = await outbox.message_for(self._db, chat_id, kind, ref_id)
            if message_id is None:
                raise BadRequest(f"message to edit not found: no {kind} {ref_id}")
            params["message_id"] = message_id
        if "reply_to_ref" in params:
            kind, ref_id = params.pop("reply_to_ref")
            message_id = await outbox.message_for(self._db, chat_id, kind, ref_id)
            if message_id is not None:
                params["reply_parameters"] = {
                    "message_id": message_id,
                    "allow_sending_without_reply": True,
                }
        if "thread_ref" in params:
            kind, ref_id = params.pop("thread_ref")
            thread_id = await outbox.message_for(self._db, chat_id, kind, ref_id)
            if thread_id is not None:
                params["message_thread_id"] = thread_id
        if "upload_ref" in params:  # a file stored with the row (storage/outbox_files.py)
            field, file_id, file_name = params.pop("upload_ref")
            data = await outbox_files.data(self._db, file_id)
            if data is None:
                raise BadRequest(f"stored file {file_id} is missing")
            params[field] = InputFile(data, filename=file_name)


def _as_new_message(edit: dict[str, Any]) -> dict[str, Any]:
    """The sendMessage params that post an edit's new content as a new message."""
    kept = ("text", "parse_mode", "entities", "link_preview_options", "reply_markup")
    return {key: edit[key] for key in kept if key in edit}


def _typed(params: dict[str, Any]) -> dict[str, Any]:
    """JSON params from the outbox -> keyword arguments PTB accepts."""
    result = dict(params)
    markup = result.get("reply_markup")
    if isinstance(markup, dict):
        if "inline_keyboard" in markup:
            result["reply_markup"] = InlineKeyboardMarkup.de_json(markup, None)
        elif markup.get("force_reply"):
            result["reply_markup"] = ForceReply.de_json(markup, None)
    if isinstance(result.get("link_preview_options"), dict):
        result["link_preview_options"] = LinkPreviewOptions(**result["link_preview_options"])
    if isinstance(result.get("reply_parameters"), dict):
        result["reply_parameters"] = ReplyParameters(**result["reply_parameters"])
    if isinstance(result.get("commands"), list):
        result["commands"] = [
            BotCommand(c["command"], c["description"]) for c in result["commands"]
        ]
    if isinstance(result.get("scope"), dict):
        result["scope"] = BotCommandScope.de_json(result["scope"], None)
    return result
