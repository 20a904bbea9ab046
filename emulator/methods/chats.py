"""Questions about chats and their members, and forum topics."""

from __future__ import annotations

from typing import Any

from ..chats import ChatState
from ..errors import CHAT_NOT_FOUND, MEMBERS_INACCESSIBLE, bad_request
from ..serialize import channel_rights, chat_full_info, member_json
from .common import check_access, resolve_chat, writable_chat
from .registry import Call, method

TOPIC_COLORS = (7322096, 16766590, 13338331, 9367192, 16749490, 16478047)


def _readable_chat(call: Call) -> ChatState:
    """A chat the bot may ask about. A public channel (with a username) can be looked at
    from outside; a private one only while the bot is one of its administrators."""
    chat = resolve_chat(call, call.get("chat_id"))
    if chat.is_channel:
        if not chat.bot_present and not chat.username:
            raise bad_request(CHAT_NOT_FOUND)
    elif not chat.is_private:
        check_access(call, chat)
    return chat


@method("getChat")
def get_chat(call: Call) -> dict[str, Any]:
    return chat_full_info(call.world, _readable_chat(call))


@method("getChatMember")
def get_chat_member(call: Call) -> dict[str, Any]:
    chat = _readable_chat(call)
    world, user_id = call.world, call.get("user_id")
    if user_id != world.bot_id and user_id not in world.users:
        raise bad_request("user not found")
    if chat.is_private:
        if user_id not in (chat.id, world.bot_id):
            raise bad_request("user not found")
        return member_json(world, user_id, "member")
    if user_id == world.bot_id:
        return member_json(world, user_id, chat.bot_status, channel_rights(world, chat, user_id))
    if chat.is_channel and not chat.bot_is_admin:
        raise bad_request(MEMBERS_INACCESSIBLE)
    status = chat.members.get(user_id, "left")
    return member_json(world, user_id, status, channel_rights(world, chat, user_id))


@method("getChatAdministrators")
def get_chat_administrators(call: Call) -> list[dict[str, Any]]:
    chat = _readable_chat(call)
    if chat.is_private:
        raise bad_request("there are no administrators in the private chat")
    if chat.is_channel and not chat.bot_is_admin:
        raise bad_request(MEMBERS_INACCESSIBLE)
    world = call.world
    admins = [
        member_json(world, user_id, status, channel_rights(world, chat, user_id))
        for user_id, status in chat.members.items()
        if status in ("creator", "administrator")
    ]
    if chat.bot_is_admin:
        admins.append(
            member_json(
                world, world.bot_id, "administrator", channel_rights(world, chat, world.bot_id)
            )
        )
    return admins


@method("createForumTopic")
def create_forum_topic(call: Call) -> dict[str, Any]:
    chat = writable_chat(call)
    if chat.is_private or not chat.is_forum:
        raise bad_request("the chat is not a forum")
    if not chat.bot_is_admin:
        raise bad_request("not enough rights to create a topic")
    name = call.get("name")
    if not 1 <= len(name) <= 128:
        raise bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_TOO_LONG")
    color = call.get("icon_color", TOPIC_COLORS[len(chat.topics) % len(TOPIC_COLORS)])
    if color not in TOPIC_COLORS:
        raise bad_request("TOPIC_COLOR_INVALID")
    created = {"name": name, "icon_color": color}
    thread_id = chat.next_message_id  # a topic is identified by its creation message
    call.world.add_message(
        chat,
        from_bot=True,
        sender_id=call.world.bot_id,
        kind="service",
        message_thread_id=thread_id,
        extra={"forum_topic_created": created},
    )
    chat.topics[thread_id] = name
    topic = {"message_thread_id": thread_id, **created}
    if call.get("icon_custom_emoji_id"):
        topic["icon_custom_emoji_id"] = call.get("icon_custom_emoji_id")
    return topic
