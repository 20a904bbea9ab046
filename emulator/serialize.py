"""Bot API JSON for the world's objects: User, Chat, Message, ChatMember, ChatFullInfo.

Everything python-telegram-bot marks as required is present (for example ChatFullInfo's
``accent_color_id`` and ``accepted_gift_types``), so ``de_json`` works on every answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chats import ChatState
from .markup import inline_part
from .models import BotMessage

if TYPE_CHECKING:
    from .world import BotWorld

_ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
    "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
    "can_post_stories", "can_edit_stories", "can_delete_stories", "can_pin_messages",
    "can_manage_topics",
)  # fmt: skip


#: The sender Telegram shows for messages sent on behalf of a group (anonymous admins, the
#: first message of a supergroup made from a basic group).
GROUP_ANONYMOUS_BOT_ID = 1087968824
GROUP_ANONYMOUS_BOT: dict[str, Any] = {
    "id": GROUP_ANONYMOUS_BOT_ID, "is_bot": True, "first_name": "Group",
    "username": "GroupAnonymousBot",
}  # fmt: skip


def user_json(world: BotWorld, user_id: int) -> dict[str, Any]:
    """A User object for a person, for the bot itself or for GroupAnonymousBot."""
    if user_id == GROUP_ANONYMOUS_BOT_ID:
        return dict(GROUP_ANONYMOUS_BOT)
    if user_id == world.bot_id:
        return {
            "id": world.bot_id,
            "is_bot": True,
            "first_name": world.first_name,
            "username": world.username,
        }
    user = world.users[user_id]
    result: dict[str, Any] = {"id": user.id, "is_bot": user.is_bot, "first_name": user.first_name}
    if user.last_name:
        result["last_name"] = user.last_name
    if user.username:
        result["username"] = user.username
    if user.language_code:
        result["language_code"] = user.language_code
    return result


def me_json(world: BotWorld) -> dict[str, Any]:
    """getMe: the bot with its capability flags."""
    return {
        **user_json(world, world.bot_id),
        "can_join_groups": True,
        "can_read_all_group_messages": not world.privacy_mode,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
        "has_topics_enabled": False,
    }


def chat_json(world: BotWorld, chat: ChatState) -> dict[str, Any]:
    if chat.is_private:
        person = user_json(world, chat.id)
        result = {"id": chat.id, "type": "private", "first_name": person["first_name"]}
        for key in ("last_name", "username"):
            if key in person:
                result[key] = person[key]
        return result
    result = {"id": chat.id, "type": chat.type, "title": chat.title}
    if chat.username:
        result["username"] = chat.username
    if chat.is_forum:
        result["is_forum"] = True
    return result


def chat_full_info(world: BotWorld, chat: ChatState) -> dict[str, Any]:
    """getChat's ChatFullInfo."""
    return {
        **chat_json(world, chat),
        "accent_color_id": abs(chat.id) % 7,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


def member_json(
    world: BotWorld, user_id: int, status: str, can_post: bool | None = None
) -> dict[str, Any]:
    """A ChatMember of the given status with the fields its subtype requires. An
    administrator of a channel (``can_post`` given) carries the channel-only rights."""
    result: dict[str, Any] = {"status": status, "user": user_json(world, user_id)}
    if status == "creator":
        result["is_anonymous"] = False
    elif status == "administrator":
        result |= {"can_be_edited": False, "is_anonymous": False}
        result |= dict.fromkeys(_ADMIN_RIGHTS, True)
        if can_post is not None:
            result |= {"can_post_messages": can_post, "can_edit_messages": can_post}
            del result["can_manage_topics"]
    elif status == "kicked":
        result["until_date"] = 0
    return result


def channel_rights(world: BotWorld, chat: ChatState, user_id: int) -> bool | None:
    """``can_post`` for :func:`member_json`: None outside channels; the bot's own right in
    a channel; every other channel administrator may post."""
    if not chat.is_channel:
        return None
    return chat.bot_can_post if user_id == world.bot_id else True


def status_update(
    world: BotWorld,
    chat: ChatState,
    actor_id: int,
    member_id: int,
    old: str,
    new: str,
    *,
    old_can_post: bool | None = None,
) -> dict[str, Any]:
    """The ChatMemberUpdated payload of my_chat_member / chat_member updates. In a channel
    the new member carries its current right to post, the old one ``old_can_post``."""
    can_post = channel_rights(world, chat, member_id)
    return {
        "chat": chat_json(world, chat),
        "from": user_json(world, actor_id),
        "date": world.now(),
        "old_chat_member": member_json(
            world, member_id, old, can_post if old_can_post is None else old_can_post
        ),
        "new_chat_member": member_json(world, member_id, new, can_post),
    }


def message_json(world: BotWorld, message: BotMessage, *, nested: bool = True) -> dict[str, Any]:
    """A Message object; ``reply_to_message`` is included one level deep, as Telegram does."""
    chat = world.chats[message.chat_id]
    result: dict[str, Any] = {"message_id": message.message_id}
    if chat.is_channel:  # a channel post is sent on behalf of the channel: no "from"
        result["sender_chat"] = chat_json(world, chat)
    else:
        result["from"] = user_json(world, message.sender_id)
    result |= {"date": message.date, "chat": chat_json(world, chat)}
    if message.message_thread_id is not None:
        result["message_thread_id"] = message.message_thread_id
        if chat.is_forum:
            result["is_topic_message"] = True
    if message.forwarded_from:
        result["forward_origin"] = _forward_origin(world, message.forwarded_from)
    if nested and message.reply_to_message_id is not None:
        replied = chat.messages.get(message.reply_to_message_id)
        if replied is not None and not replied.deleted:
            result["reply_to_message"] = message_json(world, replied, nested=False)
    if message.edit_date is not None:
        result["edit_date"] = message.edit_date
    if message.media_group_id:
        result["media_group_id"] = message.media_group_id
    result |= _content(message)
    markup = inline_part(message.reply_markup)
    if markup:
        result["reply_markup"] = markup
    return result


def _content(message: BotMessage) -> dict[str, Any]:
    content: dict[str, Any] = {}
    if message.text is not None:
        content["text"] = message.text
        if message.entities:
            content["entities"] = message.entities
    for key in ("photo", "document", "location"):
        value = getattr(message, key)
        if value is not None:
            content[key] = value
    if message.caption is not None:
        content["caption"] = message.caption
        if message.caption_entities:
            content["caption_entities"] = message.caption_entities
    content |= message.extra
    return content


def _forward_origin(world: BotWorld, source: tuple[int, int]) -> dict[str, Any]:
    chat_id, message_id = source
    original = world.chats[chat_id].messages[message_id]
    return {
        "type": "user",
        "sender_user": user_json(world, original.sender_id),
        "date": original.date,
    }
