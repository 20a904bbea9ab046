"""Implementations of the Bot API methods, registered by name in :data:`HANDLERS`."""

from . import botinfo, chats, media, messages, updates
from .registry import HANDLERS, Call

__all__ = ["HANDLERS", "Call", "botinfo", "chats", "media", "messages", "updates"]
