"""python-telegram-bot persistence backed by the bot's SQLite file.

Conversations (where each person is in a guided flow) and ``user_data``/``chat_data``
(their drafts) are stored as JSON, so a complaint half-written survives a restart. The
database is opened here on first use, because PTB loads persistence while initialising,
before any ``post_init`` hook runs.

Writes cost a transaction (an fsync) each, and PTB hands over every key a handler touched,
changed or not, one call per key, all of one run of ``Application.update_persistence`` at
once (``asyncio.gather``). So the persistence remembers the stored form of every key and
skips a value that did not change (the empty chat data of a private chat is then never
deleted again and again), and the changes handed over together are written together, in
one transaction: a guided step costs one commit, not six to eight. A caller returns only
after its value committed, which is what :func:`handlers.core.flows.store_now` relies on.
The erasure of a person (:mod:`bot.privacy.erasure`) deletes their rows directly and then
clears what PTB holds (``forget_person``), whose writes bring the memory of what is stored
back in line.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from bot.core.clock import Clock, to_epoch
from storage.core import conversations
from storage.core.db import Database

UPDATE_INTERVAL_SECONDS = 2.0

#: A stored key: (kind, key), e.g. ("user", "42") or ("conv:complaint_intake", "[42, 42]").
Slot = tuple[str, str]


class SqlitePersistence(BasePersistence[dict[str, Any], dict[str, Any], dict[str, Any]]):
    def __init__(
        self, db: Database, clock: Clock, ensure_open: Callable[[], Awaitable[None]]
    ) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=True, user_data=True, callback_data=False
            ),
            update_interval=UPDATE_INTERVAL_SECONDS,
        )
        self._db = db
        self._clock = clock
        self._ensure_open = ensure_open
        #: The stored form of every key as last written or queued (absent: no row).
        self._known: dict[Slot, str] = {}
        #: Changes waiting for the next transaction, and that transaction once planned.
        self._batch: dict[Slot, str | None] = {}
        self._flushing: asyncio.Future[None] | None = None
        #: The transaction carrying each key's latest change, until it committed.
        self._writing: dict[Slot, asyncio.Future[None]] = {}

    async def _load(self, kind: str) -> dict[str, Any]:
        await self._ensure_open()
        stored = await conversations.load_all(self._db, kind)
        self._known.update(((kind, key), data) for key, data in stored.items())
        return {key: json.loads(data) for key, data in stored.items()}

    async def _save(self, kind: str, key: str, data: Any) -> None:
        """Queue a change and return once it committed; an unchanged value costs nothing."""
        slot = (kind, key)
        text = None if data is None or data == {} else conversations.encode(data)
        if self._known.get(slot) == text:
            pending = self._writing.get(slot)
            if pending is not None:  # the same value is on its way: stored once it lands
                await asyncio.shield(pending)
            return
        if text is None:
            self._known.pop(slot, None)
        else:
            self._known[slot] = text
        self._batch[slot] = text
        if self._flushing is None:
            self._flushing = asyncio.ensure_future(self._write_batch())
        flight = self._writing[slot] = self._flushing
        try:
            await asyncio.shield(flight)
        finally:
            if self._writing.get(slot) is flight:
                del self._writing[slot]

    async def _write_batch(self) -> None:
        """Write what was queued in this turn of the loop (every key of one
        ``update_persistence`` run) as one transaction."""
        await asyncio.sleep(0)  # the other writes of this run queue theirs meanwhile
        batch, self._batch, self._flushing = self._batch, {}, None
        try:
            async with self._db.transaction() as tx:
                changes = [(kind, key, text) for (kind, key), text in batch.items()]
                await conversations.write(tx, changes, to_epoch(self._clock.now()))
        except BaseException:
            for slot in batch:  # unknown now: the next write of these keys goes through
                self._known[slot] = "\0unknown"
            raise

    async def get_user_data(self) -> dict[int, dict[str, Any]]:
        return {int(k): v for k, v in (await self._load("user")).items()}

    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        return {int(k): v for k, v in (await self._load("chat")).items()}

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def get_conversations(self, name: str) -> ConversationDict:
        stored = await self._load(f"conv:{name}")
        return {tuple(json.loads(key)): state for key, state in stored.items()}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        await self._save(f"conv:{name}", json.dumps(list(key)), new_state)

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        # PTB hands over a deep copy; it is encoded at once, before any await.
        await self._save("user", str(user_id), data)

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        await self._save("chat", str(chat_id), data)

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        """Bot data holds live service objects, never persisted."""

    async def update_callback_data(self, data: Any) -> None:
        """Callback data is our own compact format; nothing to store."""

    async def drop_chat_data(self, chat_id: int) -> None:
        await self._save("chat", str(chat_id), None)

    async def drop_user_data(self, user_id: int) -> None:
        await self._save("user", str(user_id), None)

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        """In-memory data is authoritative while running."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        """In-memory data is authoritative while running."""

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        """Not persisted."""

    async def flush(self) -> None:
        """Every update is written through; nothing is buffered."""
