"""FakeUser: one person using Telegram, as a test drives them.

A person writes to the bot, presses inline buttons and reads what the bot sends. Everything a
real client could not do raises :class:`~emulator.errors.ApiError`; everything the *bot* got
wrong (no answer to a button press, no reply) raises ``AssertionError`` with what was seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chats import ChatState
from .errors import ApiError
from .groups import PRESENT, FakeGroup, status_update
from .models import BotMessage, CallbackAnswer
from .posting import (
    SAMPLE_PDF,
    contact_fields,
    document_fields,
    edit_post,
    location_fields,
    photo_fields,
    post,
    sticker_fields,
    text_fields,
    video_fields,
    voice_fields,
)
from .reading import ChatReader

if TYPE_CHECKING:
    from .world import BotWorld

__all__ = ["FakeGroup", "FakeUser"]


def _matching(label: str, message: BotMessage) -> list[dict[str, Any]]:
    """Exact label matches, else case-insensitive substring matches."""
    buttons = [b for row in message.inline_keyboard for b in row]
    exact = [b for b in buttons if b.get("text") == label]
    return exact or [b for b in buttons if label.lower() in str(b.get("text", "")).lower()]


class FakeUser(ChatReader):
    """A person with a private chat with the bot (chat id = user id)."""

    def __init__(
        self,
        world: BotWorld,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> None:
        self.world = world
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.started = False
        self.blocked = False
        #: Another bot (``world.user(...)``, then ``is_bot = True``): in groups, its
        #: messages reach this bot like a person's, marked as a bot's.
        self.is_bot = False
        self._cursor = 0
        self._passed: dict[int, int] = {}

    def __repr__(self) -> str:
        return f"FakeUser({self.full_name!r}, id={self.id})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def _chat(self) -> ChatState:
        return self.world.chats[self.id]

    @property
    def inbox(self) -> list[BotMessage]:
        """The bot's messages in the private chat, current versions, deleted ones left out."""
        return self._chat().bot_visible()

    # ------------------------------------------------------------------------- writing

    async def send(self, text: str, *, reply_to: BotMessage | int | None = None) -> BotMessage:
        """A private text message to the bot (``/start ...`` gets a bot_command entity)."""
        return await self._post(text_fields(text), reply_to, None)

    async def send_photo(
        self,
        caption: str | None = None,
        *,
        reply_to: BotMessage | int | None = None,
        chat: FakeGroup | None = None,
        content: bytes | None = None,
    ) -> BotMessage:
        """A photo (three PhotoSizes of a real PNG, or of the picture ``content``) to the
        bot, or into ``chat``."""
        return await self._post(photo_fields(self.world, caption, content), reply_to, chat)

    async def send_document(
        self,
        file_name: str = "surat.pdf",
        mime_type: str = "application/pdf",
        content: bytes = SAMPLE_PDF,
        caption: str | None = None,
        *,
        reply_to: BotMessage | int | None = None,
        chat: FakeGroup | None = None,
    ) -> BotMessage:
        fields = document_fields(self.world, file_name, mime_type, content, caption)
        return await self._post(fields, reply_to, chat)

    async def send_location(
        self, latitude: float, longitude: float, *, chat: FakeGroup | None = None
    ) -> BotMessage:
        return await self._post(location_fields(latitude, longitude), None, chat)

    async def send_sticker(self, *, chat: FakeGroup | None = None) -> BotMessage:
        return await self._post(sticker_fields(self.world), None, chat)

    async def send_voice(self, *, duration: int = 2, chat: FakeGroup | None = None) -> BotMessage:
        return await self._post(voice_fields(self.world, duration), None, chat)

    async def send_video(
        self, caption: str | None = None, *, duration: int = 8, chat: FakeGroup | None = None
    ) -> BotMessage:
        """A short video recorded with the phone (MP4), to the bot or into ``chat``."""
        return await self._post(video_fields(self.world, duration, caption), None, chat)

    async def send_contact(
        self, phone_number: str = "+6281234567890", *, chat: FakeGroup | None = None
    ) -> BotMessage:
        """Shares a contact card (by default the person's own, as the share button does)."""
        return await self._post(contact_fields(phone_number, self.first_name, self.id), None, chat)

    async def edit(self, message: BotMessage, text: str) -> BotMessage:
        """Edit the text of one of this person's messages (in a private chat or a group);
        the bot gets an ``edited_message`` update when it received the original."""
        if message.sender_id != self.id:
            raise ApiError(f"{self} can only edit their own messages")
        return await edit_post(self.world, self.world.chats[message.chat_id], message, text=text)

    async def send_live_location(
        self,
        latitude: float,
        longitude: float,
        *,
        live_period: int = 900,
        chat: FakeGroup | None = None,
    ) -> BotMessage:
        fields = location_fields(latitude, longitude)
        fields["location"]["live_period"] = live_period
        return await self._post(fields, None, chat)

    async def move_live_location(
        self, message: BotMessage, latitude: float, longitude: float
    ) -> BotMessage:
        """The shared live location moves: Telegram reports it as an edit of the message."""
        if message.sender_id != self.id:
            raise ApiError(f"{self} can only move their own live location")
        moved = {
            **location_fields(latitude, longitude)["location"],
            "live_period": (message.location or {}).get("live_period", 900),
        }
        return await edit_post(
            self.world, self.world.chats[message.chat_id], message, location=moved
        )

    async def say(
        self,
        group: FakeGroup,
        text: str,
        *,
        reply_to: BotMessage | int | None = None,
        message_thread_id: int | None = None,
    ) -> BotMessage:
        """Same as ``group.send(self, text, ...)``."""
        return await group.send(self, text, reply_to=reply_to, message_thread_id=message_thread_id)

    async def _post(
        self,
        fields: dict[str, Any],
        reply_to: BotMessage | int | None,
        chat: FakeGroup | None,
    ) -> BotMessage:
        if chat is not None:
            return await chat.post_as(self, fields, reply_to=reply_to)
        if self.blocked:
            raise ApiError(f"{self} has blocked the bot; call unblock_bot() first")
        self.started = True
        return await post(self.world, self._chat(), self.id, fields, reply_to=reply_to)

    # ------------------------------------------------------------------- block / unblock

    def block_bot(self) -> None:
        """Block the bot: later sends to this person get 403 (and the bot is told)."""
        if not self.blocked:
            self.blocked = True
            self._bot_status_changed("member", "kicked")

    def unblock_bot(self) -> None:
        if self.blocked:
            self.blocked = False
            self._bot_status_changed("kicked", "member")

    def _bot_status_changed(self, old: str, new: str) -> None:
        if self.started:
            payload = status_update(self.world, self._chat(), self.id, self.world.bot_id, old, new)
            self.world.emit("my_chat_member", payload)

    # --------------------------------------------------------------------------- buttons

    async def press(
        self,
        label: str,
        *,
        message: BotMessage | None = None,
        chat: FakeGroup | None = None,
        timeout: float = 5,  # noqa: ASYNC109
    ) -> CallbackAnswer:
        """Press an inline button by label and wait for the bot's answerCallbackQuery.

        Without ``message`` the newest bot message (in the private chat, or in ``chat``) that
        has a matching button is used. A URL button answers with its URL and no update.
        """
        where = chat.chat if chat is not None else self._chat()
        if message is not None:
            where = self.world.chats[message.chat_id]
        self._check_can_see(where)
        target, button = self._find_button(where, label, message)
        if "callback_data" not in button:
            if "url" in button:
                return CallbackAnswer(text=None, show_alert=False, url=button["url"])
            raise AssertionError(f"button {button['text']!r} sends no callback query: {button}")
        return await self._callback(target, button["callback_data"], timeout)

    async def press_data(
        self,
        data: str,
        *,
        message: BotMessage,
        timeout: float = 5,  # noqa: ASYNC109
    ) -> CallbackAnswer:
        """Send arbitrary callback data for ``message``, as a modified client could."""
        chat = self.world.chats[message.chat_id]
        self._check_can_see(chat)
        live = chat.get(message.message_id)
        if live is None:
            raise AssertionError(f"message #{message.message_id} was deleted")
        return await self._callback(live, data, timeout)

    def _check_can_see(self, chat: ChatState) -> None:
        if chat.is_private and chat.id != self.id:
            raise ApiError(f"{self} cannot see the private chat of user {chat.id}")
        if chat.migrated_to is not None:
            raise ApiError(f"chat {chat.id} was upgraded to {chat.migrated_to}: history only")
        if not chat.is_private and chat.members.get(self.id) not in PRESENT:
            raise ApiError(f"{self} is not a member of chat {chat.id}")

    def _find_button(
        self, chat: ChatState, label: str, message: BotMessage | None
    ) -> tuple[BotMessage, dict[str, Any]]:
        if message is not None:
            live = chat.get(message.message_id)
            if live is None:
                raise AssertionError(f"message #{message.message_id} was deleted")
            candidates = [live]
        else:
            candidates = [m for m in reversed(chat.bot_visible()) if m.inline_keyboard]
        for candidate in candidates:
            found = _matching(label, candidate)
            if len(found) > 1:
                labels = [b["text"] for b in found]
                raise AssertionError(
                    f"label {label!r} is ambiguous in #{candidate.message_id}: {labels}"
                )
            if found:
                return candidate, found[0]
        shown = "; ".join(f"#{m.message_id}: {m.buttons}" for m in candidates[:3]) or "none"
        raise AssertionError(f"{self}: no inline button {label!r}; buttons available: {shown}")

    async def _callback(self, message: BotMessage, data: str, within: float) -> CallbackAnswer:
        chat = self.world.chats[message.chat_id]
        if not chat.bot_present:
            raise ApiError(f"the bot is no longer in chat {chat.id}")
        if not self.world.updates.wants("callback_query"):
            raise AssertionError("the bot's allowed_updates exclude callback_query")
        query_id = self.world.open_callback(self, message, data)
        answer = await self.world.callback_answer(query_id, within)
        if answer is None:
            raise AssertionError(
                f"{self} pressed {data!r} on message #{message.message_id}: the bot did not call "
                f"answerCallbackQuery within {within}s (the client would spin forever)"
            )
        return answer
