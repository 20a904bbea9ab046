"""FakeGroup: a group or supergroup (optionally a forum) with members, seen from the test's
side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chats import ACTIVE_BOT, GROUP
from .errors import ApiError
from .migration import upgrade
from .models import BotMessage
from .posting import post, text_fields
from .reading import SharedChat
from .serialize import GROUP_ANONYMOUS_BOT_ID, chat_json, status_update, user_json

if TYPE_CHECKING:
    from .people import FakeUser

PRESENT = ("member", "administrator", "creator")


class FakeGroup(SharedChat):
    """A group in one world. The bot is a member from the start (silently)."""

    @property
    def is_forum(self) -> bool:
        return self.chat.is_forum

    @property
    def is_basic(self) -> bool:
        """A basic group (type "group"), which Telegram may upgrade to a supergroup."""
        return self.chat.type == GROUP

    @property
    def migrated_to(self) -> FakeGroup | None:
        """The supergroup this basic group became, once upgraded."""
        if self.chat.migrated_to is None:
            return None
        return self.world.groups[self.chat.migrated_to]

    @property
    def privacy_mode(self) -> bool:
        return self.chat.privacy_mode

    @property
    def members(self) -> list[FakeUser]:
        return [
            self.world.users[uid] for uid, status in self.chat.members.items() if status in PRESENT
        ]

    @property
    def topics(self) -> dict[int, str]:
        """Forum topics created by the bot: message_thread_id -> name."""
        return dict(self.chat.topics)

    @property
    def messages(self) -> list[BotMessage]:
        return self.chat.visible()

    @property
    def bot_messages(self) -> list[BotMessage]:
        return self.chat.bot_visible()

    def is_member(self, user: FakeUser) -> bool:
        return self.chat.members.get(user.id) in PRESENT

    async def send(
        self,
        user: FakeUser,
        text: str,
        *,
        reply_to: BotMessage | int | None = None,
        message_thread_id: int | None = None,
    ) -> BotMessage:
        """``user`` writes ``text`` here; the bot sees it only if privacy mode allows."""
        return await self.post_as(
            user, text_fields(text), reply_to=reply_to, message_thread_id=message_thread_id
        )

    async def post_as(
        self,
        user: FakeUser,
        fields: dict[str, Any],
        *,
        reply_to: BotMessage | int | None = None,
        message_thread_id: int | None = None,
    ) -> BotMessage:
        self._check_active()
        if not self.is_member(user):
            raise ApiError(f"{user} is not a member of {self}")
        return await post(
            self.world,
            self.chat,
            user.id,
            fields,
            reply_to=reply_to,
            message_thread_id=message_thread_id,
        )

    async def send_anonymously(
        self,
        admin: FakeUser,
        text: str,
        *,
        reply_to: BotMessage | int | None = None,
    ) -> BotMessage:
        """``admin`` writes with "Remain anonymous" on: Telegram shows the group as the
        sender (``sender_chat``) and GroupAnonymousBot as ``from``; who wrote it is hidden
        from bots too. Only a supergroup's administrators can do this."""
        self._check_active()
        if self.is_basic or self.chat.members.get(admin.id) not in ("administrator", "creator"):
            raise ApiError(f"{admin} cannot post anonymously in {self}")
        fields = {**text_fields(text), "extra": {"sender_chat": chat_json(self.world, self.chat)}}
        return await post(self.world, self.chat, GROUP_ANONYMOUS_BOT_ID, fields, reply_to=reply_to)

    async def add_member(self, user: FakeUser) -> BotMessage:
        """``user`` joins: a new_chat_members service message (delivered to the bot)."""
        self._check_active()
        if self.is_member(user):
            raise ApiError(f"{user} is already a member of {self}")
        old = self.chat.members.get(user.id, "left")
        self.chat.members[user.id] = "member"
        self._member_update(user.id, user.id, old, "member")
        extra = {"new_chat_members": [user_json(self.world, user.id)]}
        return await post(self.world, self.chat, user.id, {"kind": "service", "extra": extra})

    async def remove_member(self, user: FakeUser) -> BotMessage:
        """``user`` leaves: a left_chat_member service message."""
        self._check_active()
        if not self.is_member(user):
            raise ApiError(f"{user} is not a member of {self}")
        old = self.chat.members[user.id]
        self.chat.members[user.id] = "left"
        self._member_update(user.id, user.id, old, "left")
        extra = {"left_chat_member": user_json(self.world, user.id)}
        return await post(self.world, self.chat, user.id, {"kind": "service", "extra": extra})

    def promote(self, user: FakeUser, *, admin: bool = True) -> None:
        """Make ``user`` an administrator (or a plain member again); no update is sent."""
        self._check_active()
        if not self.is_member(user):
            raise ApiError(f"{user} is not a member of {self}")
        self.chat.members[user.id] = "administrator" if admin else "member"

    async def remove_bot(self, by: FakeUser | None = None) -> None:
        """An admin kicks the bot: a my_chat_member update; later sends get 403."""
        self._check_active()
        if self.chat.bot_status not in ACTIVE_BOT:
            raise ApiError(f"the bot is not in {self}")
        old = self.chat.bot_status
        self.chat.bot_status = "kicked"
        actor = self._actor(by)
        payload = status_update(self.world, self.chat, actor, self.world.bot_id, old, "kicked")
        self.world.emit("my_chat_member", payload)

    async def add_bot(self, by: FakeUser | None = None, *, admin: bool = False) -> BotMessage:
        """The bot is (re-)added: a my_chat_member update and a new_chat_members message."""
        self._check_active()
        if self.chat.bot_status in ACTIVE_BOT:
            raise ApiError(f"the bot is already in {self}")
        old, new = self.chat.bot_status, ("administrator" if admin else "member")
        self.chat.bot_status = new
        actor = self._actor(by)
        payload = status_update(self.world, self.chat, actor, self.world.bot_id, old, new)
        self.world.emit("my_chat_member", payload)
        extra = {"new_chat_members": [user_json(self.world, self.world.bot_id)]}
        return await post(self.world, self.chat, actor, {"kind": "service", "extra": extra})

    async def upgrade_to_supergroup(
        self, by: FakeUser | None = None, *, forum: bool = False
    ) -> FakeGroup:
        """An admin upgrades this basic group (e.g. turns on topics: ``forum=True``). Returns
        the supergroup: same title, members and bot rights, a new id; this group is then
        read-only history and every Bot API call naming it answers 400 with
        ``migrate_to_chat_id``. The bot gets the updates Telegram sends (see
        :mod:`emulator.migration`)."""
        self._check_active()
        if not self.is_basic:
            raise ApiError(f"{self} is already a supergroup")
        if by is not None and not self.is_member(by):
            raise ApiError(f"{by} is not a member of {self}")
        return await upgrade(self.world, self.chat, self._actor(by), forum=forum)

    def _check_active(self) -> None:
        if self.chat.migrated_to is not None:
            raise ApiError(
                f"{self} was upgraded to the supergroup {self.chat.migrated_to}; act in the "
                "group upgrade_to_supergroup() returned"
            )

    def _actor(self, by: FakeUser | None) -> int:
        if by is not None:
            return by.id
        admins = [uid for uid, s in self.chat.members.items() if s in ("administrator", "creator")]
        present = admins or [u.id for u in self.members]
        if not present:
            raise ApiError(f"{self} has no members; pass by=<user>")
        return present[0]

    def _member_update(self, actor: int, member: int, old: str, new: str) -> None:
        """chat_member updates reach only admin bots that opted in via allowed_updates."""
        if self.chat.bot_is_admin:
            payload = status_update(self.world, self.chat, actor, member, old, new)
            self.world.emit("chat_member", payload)
