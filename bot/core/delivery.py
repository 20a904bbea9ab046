"""The outbox dispatcher: delivers queued notifications to Telegram, reliably.

- A row is marked ``sending`` (committed: the intent) before the request and ``sent``
  after it, so a row confirmed sent is never sent again; a crash in between sends it
  again at most once. Saving the outcome is retried until it succeeds (a database locked
  by a backup or full for a while), so no row stays ``sending`` while the bot runs.
- An answer lost after the request left (timeout, reset connection, 5xx) may hide a
  message that landed: before sending it again, the ledger (:mod:`bot.core.ledger`)
  looks for it by message id, so a lost answer does not become a second copy.
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
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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
from bot.core.ledger import Attempt, MessageLedger, after_loss, find_landed
from bot.core.pacing import MESSAGE_METHODS, ChatPacer, PaceLimits, TokenBucket, retry_seconds
from bot.core.saving import until_saved
from storage.core import outbox, outbox_files
from storage.core.db import Database, Tx
from storage.core.outbox import OutboxRow

log = logging.getLogger(__name__)

#: With nothing waiting, the dispatcher sleeps until a commit touches the outbox (its
#: commit listener; on PostgreSQL other processes' commits too, by their notices). This
#: is only the safety net for a row queued without that notice (an operator's sqlite3
#: shell; nothing in the bot does it): it goes out within this time. It used to be 5 s,
#: a look at the queue 12 times a minute in an idle bot (issue 13).
IDLE_POLL_SECONDS = 60.0
#: How often a dispatcher on PostgreSQL looks for rows another process left in flight
#: when it died (they go out again within this time plus a send); that look also finds
#: any row whose notice was lost with a connection.
RECOVER_SECONDS = 5.0
#: After a failed look at the queue (a busy database), the next one.
RETRY_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 60.0
SAVE_RETRY_SECONDS = 0.5
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


@dataclass(frozen=True)
class Outcome:
    """What an attempt learnt, to be saved in one transaction."""

    save: Callable[[Tx], Awaitable[object]]


def _sent(row: OutboxRow, message_id: int | None, now: int) -> Outcome:
    return Outcome(functools.partial(outbox.mark_sent, row=row, message_id=message_id, now=now))


def _released(row: OutboxRow, error: str, tx: Tx) -> Awaitable[None]:
    """Back to pending after a transient failure; the dispatcher decides when to retry."""
    return outbox.release(tx, row.id, error)


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
        ledger: MessageLedger | None = None,
    ) -> None:
        self._db = db
        self._bot = bot
        self._ledger = ledger or MessageLedger()
        #: Rows whose last attempt lost its answer: where a copy would have landed.
        self._lost: dict[int, Attempt] = {}
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
        self._recovered_at = 0.0

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        await self._recover(at_start=True)
        self._stopping = False
        self._db.add_commit_listener(self._on_commit, other_processes=True)
        self._task = asyncio.create_task(self._run(), name="outbox-dispatcher")

    @property
    def running(self) -> bool:
        return self._task is not None

    async def _recover(self, *, at_start: bool) -> None:
        """Rows left ``sending`` by a process that stopped go back to the queue: at start
        this process's own (a crash), and on PostgreSQL, every :data:`RECOVER_SECONDS`,
        those of another process on the database that died meanwhile."""
        self._recovered_at = time.monotonic()
        async with self._db.transaction() as tx:
            retried = await outbox.recover_in_flight(tx, self._db.instance, at_start=at_start)
        if retried:
            log.warning(
                "outbox recovery: rows %s were in flight in a process that stopped; "
                "they are sent again",
                ",".join(map(str, retried)),
            )

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
        self._db.remove_commit_listener(self._on_commit)

    def wake(self) -> None:
        self._wakeup.set()

    async def settled(self, chat_id: int, timeout: float = 5.0) -> bool:  # noqa: ASYNC109
        """Wait until the chat's delivery in flight (its send and the save of what it
        learnt) is over. True if one was in flight."""
        task = self._in_flight.get(chat_id)
        if task is None or task is asyncio.current_task():
            return False
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(asyncio.shield(task), timeout)
        return True

    def _on_commit(self, topics: set[str]) -> None:
        if "outbox" in topics:
            self.wake()

    # --- loop ---------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            next_check = RETRY_SECONDS
            try:
                if self._db.dialect.postgresql and self._recovery_due() <= 0:
                    await self._recover(at_start=False)
                next_check = await self._launch_ready()
            except Exception:
                log.exception("outbox dispatcher iteration failed")
            if self._stopping:
                break
            if self._db.dialect.postgresql:
                next_check = min(next_check, max(0.0, self._recovery_due()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=next_check)

    def _recovery_due(self) -> float:
        """Seconds until the next look for rows of processes that died (PostgreSQL)."""
        return RECOVER_SECONDS - (time.monotonic() - self._recovered_at)

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
        """One attempt at one row: the intent (``sending``) is committed before the
        request, and the outcome is saved after it, retried until it is saved, so a row
        never stays ``sending`` while the process runs."""
        taken: OutboxRow | None = None
        try:
            async with self._db.transaction() as tx:
                # The row as claimed: a queued edit may have got new content since it was
                # picked, and what goes out must be what the outbox says went out.
                taken = await outbox.claim(tx, row.id, self._db.instance)
        except Exception as exc:  # the database is busy: the row stays pending
            log.warning("outbox row %d not taken (%s); retrying later", row.id, exc)
            self._hold(row.chat_id, SAVE_RETRY_SECONDS)
        try:
            if taken is not None:
                await self._save(taken, await self._outcome(taken))
        finally:
            self._in_flight.pop(row.chat_id, None)
            self.wake()

    async def _outcome(self, row: OutboxRow) -> Outcome:
        try:
            return await self._attempt(row)
        except Exception:
            log.exception("delivering outbox row %d failed unexpectedly", row.id)
            self._hold(row.chat_id, MAX_BACKOFF_SECONDS)
            return Outcome(functools.partial(_released, row, "unexpected error"))

    async def _save(self, row: OutboxRow, outcome: Outcome) -> None:
        """Save what the attempt learnt. A busy or full database must not leave the row in
        ``sending`` (its chat's queue would stop, and a restart would send it again)."""
        await until_saved(
            self._db, outcome.save, what=f"outbox row {row.id}", giving_up=lambda: self._stopping
        )

    async def _attempt(self, row: OutboxRow) -> Outcome:
        """Make the call (or find that an earlier attempt whose answer was lost landed)
        and say what to save."""
        now = to_epoch(self._clock.now())
        floor: int | None = None
        try:
            method, params = await self._prepared(row)
            landed = await self._reconciled(row, method, params)
            if landed is not None:
                return _sent(row, landed, now)
            floor = self._ledger.floor(row.chat_id)
            message_id = await self._call(row, method, params)
        except RetryAfter as exc:
            wait = retry_seconds(exc)
            log.info("flood control for chat %s: retry after %.0fs", row.chat_id, wait)
            self._hold(row.chat_id, wait)
            return Outcome(functools.partial(_released, row, f"429 retry after {wait:.0f}s"))
        except (Forbidden, DeliveryFailed) as exc:
            return self._give_up(row, str(exc), permanent_for_chat=True)
        except BadRequest as exc:
            return self._bad_request(row, exc, now)
        except ChatMigrated as exc:
            return self._follow(row, exc.new_chat_id)
        except (NetworkError, TelegramError) as exc:
            self._remember_lost(row, exc, floor)
            backoff = min(MAX_BACKOFF_SECONDS, 2.0 ** min(row.attempts, 6))
            log.warning("outbox row %d: %s; retrying in %.0fs", row.id, exc, backoff)
            self._hold(row.chat_id, backoff)
            return Outcome(functools.partial(_released, row, str(exc)))
        return _sent(row, message_id, now)

    def _remember_lost(self, row: OutboxRow, error: Exception, floor: int | None) -> None:
        """An answer lost after the request may have landed: remember where its copy
        would be, so the next attempt looks there before sending again."""
        attempt = after_loss(
            self._ledger, row.chat_id, floor, self._lost.get(row.id), error, row.method
        )
        if attempt is not None:
            self._lost[row.id] = attempt

    async def _reconciled(self, row: OutboxRow, method: str, params: dict[str, Any]) -> int | None:
        """The message id an earlier attempt of this row landed as, if it can be proven;
        further copies (two lost answers in a row) are deleted."""
        attempt = self._lost.pop(row.id, None)
        if attempt is None or attempt.chat_id != row.chat_id:
            return None
        found = await find_landed(self._bot, self._ledger, attempt, method, params)
        for extra in found[1:]:
            with contextlib.suppress(TelegramError):
                await self._bot.delete_message(row.chat_id, extra)
        return found[0] if found else None

    def _hold(self, chat_id: int, seconds: float) -> None:
        self._pacer.hold(chat_id, seconds)
        self._holding.add(chat_id)

    def _bad_request(self, row: OutboxRow, exc: BadRequest, now: int) -> Outcome:
        text = str(exc).lower()
        if any(marker in text for marker in HARMLESS_BAD_REQUESTS):
            return _sent(row, None, now)
        if any(marker in text for marker in PERMANENT_BAD_REQUESTS):
            return self._give_up(row, str(exc), permanent_for_chat=True)
        log.error("outbox row %d (%s) rejected: %s", row.id, row.method, exc)
        return self._give_up(row, str(exc), permanent_for_chat=False)

    def _follow(self, row: OutboxRow, new_chat_id: int) -> Outcome:
        """The group became a supergroup: its queue, this row included, goes to the new id
        (order kept) and the application follows, in one transaction. Idempotent with the
        service messages' handler, whichever comes first."""
        if new_chat_id == row.chat_id:
            return self._give_up(row, "chat migrated to itself", permanent_for_chat=False)
        log.warning("chat %s became %s; outbox row %d goes there", row.chat_id, new_chat_id, row.id)

        async def save(tx: Tx) -> None:
            if self._on_migrated is not None:
                await self._on_migrated(tx, row.chat_id, new_chat_id)
            await outbox.move_chat(tx, row.chat_id, new_chat_id)
            await outbox.release(tx, row.id, f"chat migrated to {new_chat_id}")

        return Outcome(save)

    def _give_up(self, row: OutboxRow, error: str, *, permanent_for_chat: bool) -> Outcome:
        """A permanent failure ends the chat's queue and tells the application in the same
        transaction (a person is marked unreachable; a unit group's complaints go to the
        supervisors), so a crash in between cannot drop them unnoticed."""

        async def save(tx: Tx) -> None:
            if not permanent_for_chat:
                await outbox.mark_dead(tx, row.id, error)
                return
            dropped = await outbox.kill_chat_queue(tx, row.chat_id, error)
            log.warning("chat %s unreachable (%s); %d rows dropped", row.chat_id, error, dropped)
            if self._on_unreachable is not None:
                await self._on_unreachable(tx, row.chat_id, error)

        return Outcome(save)

    # --- the Bot API call ---------------------------------------------------------------

    async def _prepared(self, row: OutboxRow) -> tuple[str, dict[str, Any]]:
        """The row's method and its parameters as PTB takes them, references resolved."""
        params = dict(row.params)
        try:
            await self._resolve_refs(row.chat_id, params)
        except BadRequest as exc:
            if not params.get(REPOST_IF_GONE) or not _gone(exc):
                raise
            log.info("outbox row %d: the message to edit is unknown; posting it anew", row.id)
            return "sendMessage", _typed(_as_new_message(params))
        return row.method, _typed(params)

    async def _call(self, row: OutboxRow, method: str, params: dict[str, Any]) -> int | None:
        repost = params.pop(REPOST_IF_GONE, False) and method == "editMessageText"
        try:
            return await self._request(row.chat_id, method, params)
        except BadRequest as exc:
            if not repost or not _gone(exc):
                raise
        log.info("outbox row %d: the message to edit is gone; posting it anew", row.id)
        return await self._request(row.chat_id, "sendMessage", _as_new_message(params))

    async def _request(self, chat_id: int, method: str, params: dict[str, Any]) -> int | None:
        if method == "sendMessage":
            message = await self._bot.send_message(chat_id, **params)
            return message.message_id
        if method == "editMessageText":
            await self._bot.edit_message_text(chat_id=chat_id, **params)
            return None
        if method == "editMessageReplyMarkup":
            await self._bot.edit_message_reply_markup(chat_id=chat_id, **params)
            return None
        if method == "copyMessage":
            copied = await self._bot.copy_message(chat_id, **params)
            return copied.message_id
        if method == "sendLocation":
            message = await self._bot.send_location(chat_id, **params)
            return message.message_id
        if method == "sendPhoto":
            message = await self._bot.send_photo(chat_id, **params)
            return message.message_id
        if method == "sendDocument":
            message = await self._bot.send_document(chat_id, **params)
            return message.message_id
        if method == "sendVoice":
            message = await self._bot.send_voice(chat_id, **params)
            return message.message_id
        if method == "sendVideo":
            message = await self._bot.send_video(chat_id, **params)
            return message.message_id
        if method == "createForumTopic":
            topic = await self._bot.create_forum_topic(chat_id, **params)
            return topic.message_thread_id
        if method == "setMyCommands":
            await self._bot.set_my_commands(**params)
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


def _gone(error: BadRequest) -> bool:
    return any(marker in str(error).lower() for marker in EDIT_TARGET_GONE)


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
