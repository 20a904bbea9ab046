"""python-telegram-bot persistence backed by the bot's SQLite file.

Conversations (where each person is in a guided flow) and ``user_data``/``chat_data``
(their drafts) are stored as JSON, so a complaint half-written survives a restart. The
database is opened here on first use, because PTB loads persistence while initialising,
before any ``post_init`` hook runs.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from copy import deepcopy
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from bot.core.clock import Clock, to_epoch
from storage.core import conversations
from storage.core.db import Database

UPDATE_INTERVAL_SECONDS = 2.0


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

    async def _load(self, kind: str) -> dict[str, Any]:
        await self._ensure_open()
        return await conversations.load_all(self._db, kind)

    async def _save(self, kind: str, key: str, data: Any) -> None:
        async with self._db.transaction() as tx:
            if data is None or data == {}:
                await conversations.delete(tx, kind, key)
            else:
                await conversations.save(tx, kind, key, data, to_epoch(self._clock.now()))

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
        await self._save("user", str(user_id), deepcopy(data))

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        await self._save("chat", str(chat_id), deepcopy(data))

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
