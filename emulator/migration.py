"""A basic group upgraded to a supergroup, as Telegram does it.

Telegram upgrades a basic group when an admin turns on topics, makes the history visible to
new members, or the group grows. The supergroup is a *new chat*: a new ``-100...`` id and
its own message ids, starting at 1 (the old group's message ids mean nothing there). The
old group is deactivated: every Bot API call naming it answers 400 "group chat was upgraded
to a supergroup chat" with ``parameters.migrate_to_chat_id``, and people can no longer
write or press buttons in it.

The bot learns it from updates, in this order: a service message in the old group with
``migrate_to_chat_id`` (sent by the person who upgraded), a my_chat_member update for the
supergroup (the bot "joins" it; no "left" update comes for the old group, see
tdlib/telegram-bot-api#266), and message 1 of the supergroup with ``migrate_from_chat_id``,
sent by GroupAnonymousBot on behalf of the chat. A bot must not rely on that order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .chats import SUPERGROUP, ChatState
from .posting import post
from .serialize import GROUP_ANONYMOUS_BOT_ID, chat_json, status_update

if TYPE_CHECKING:
    from .groups import FakeGroup
    from .world import BotWorld


async def upgrade(world: BotWorld, group: ChatState, actor_id: int, *, forum: bool) -> FakeGroup:
    """Make the supergroup (same title, members and bot rights), deactivate ``group`` and
    tell the bot. The state changes before the first ``await``: an update the bot has not
    processed yet meets the upgraded world, as it can on Telegram."""
    chat = ChatState(
        world.new_group_id(),
        SUPERGROUP,
        title=group.title,
        is_forum=forum,
        privacy_mode=group.privacy_mode,
        bot_status=group.bot_status,
        members=dict(group.members),
    )
    upgraded = world.add_group(chat)
    group.migrated_to = chat.id
    await _announce(world, group, chat, actor_id)
    return upgraded


async def _announce(world: BotWorld, old: ChatState, new: ChatState, actor_id: int) -> None:
    await post(world, old, actor_id, {"kind": "service", "extra": {"migrate_to_chat_id": new.id}})
    if new.bot_present:
        joined = status_update(world, new, actor_id, world.bot_id, "left", new.bot_status)
        world.emit("my_chat_member", joined)
    extra = {"sender_chat": chat_json(world, new), "migrate_from_chat_id": old.id}
    await post(world, new, GROUP_ANONYMOUS_BOT_ID, {"kind": "service", "extra": extra})
