"""FakeChannel: a Telegram channel, seen from the test's side.

A bot can only be in a channel as an administrator, and posts there only with the
``can_post_messages`` right; its posts carry the channel as ``sender_chat`` and no
``from``. A public channel has a username and can be looked up (``getChat("@name")``)
even by a bot that is not in it; a private one is invisible to a bot outside it. Adding,
removing or restricting the bot sends a ``my_chat_member`` update naming the person who
did it, as Telegram does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ApiError
from .models import BotMessage
from .reading import SharedChat
from .serialize import message_json, status_update

if TYPE_CHECKING:
    from .people import FakeUser


class FakeChannel(SharedChat):
    """A channel in one world, owned by the people given as its administrators."""

    @property
    def username(self) -> str | None:
        return self.chat.username

    @property
    def bot_status(self) -> str:
        """``administrator``, ``left`` or ``kicked``."""
        return self.chat.bot_status

    @property
    def posts(self) -> list[BotMessage]:
        """What the bot published here, oldest first (deleted posts left out)."""
        return self.chat.bot_visible()

    async def publish(self, by: FakeUser, text: str) -> BotMessage:
        """An administrator posts ``text``: a bot that is an administrator receives it as
        a ``channel_post`` (on behalf of the channel, no ``from``)."""
        self._check_admin(by)
        message = self.world.add_message(
            self.chat, from_bot=False, sender_id=by.id, kind="text", text=text
        )
        if self.chat.bot_status == "administrator":
            self.world.emit("channel_post", message_json(self.world, message))
        return message

    async def add_bot(self, by: FakeUser, *, can_post: bool = True) -> None:
        """``by`` (an administrator of the channel) makes the bot an administrator."""
        self._check_admin(by)
        if self.chat.bot_status == "administrator":
            raise ApiError(f"the bot is already an administrator of {self}")
        old = self.chat.bot_status
        self.chat.bot_status, self.chat.bot_can_post = "administrator", can_post
        self._tell_bot(by, old, "administrator", old_can_post=None)

    async def set_bot_rights(self, by: FakeUser, *, can_post: bool) -> None:
        """``by`` changes the bot's right to post (it stays an administrator)."""
        self._check_admin(by)
        if self.chat.bot_status != "administrator":
            raise ApiError(f"the bot is not an administrator of {self}")
        before = self.chat.bot_can_post
        self.chat.bot_can_post = can_post
        self._tell_bot(by, "administrator", "administrator", old_can_post=before)

    async def remove_bot(self, by: FakeUser) -> None:
        """``by`` removes the bot from the channel; later posts get 403."""
        self._check_admin(by)
        if self.chat.bot_status != "administrator":
            raise ApiError(f"the bot is not in {self}")
        before = self.chat.bot_can_post
        self.chat.bot_status = "kicked"
        self._tell_bot(by, "administrator", "kicked", old_can_post=before)

    def _check_admin(self, person: FakeUser) -> None:
        if self.chat.members.get(person.id) not in ("creator", "administrator"):
            raise ApiError(f"{person} is not an administrator of {self}")

    def _tell_bot(self, by: FakeUser, old: str, new: str, *, old_can_post: bool | None) -> None:
        payload = status_update(
            self.world, self.chat, by.id, self.world.bot_id, old, new, old_can_post=old_can_post
        )
        self.world.emit("my_chat_member", payload)
