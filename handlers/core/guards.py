"""Server-side authorisation for commands and button presses.

Callback data can be forged and commands typed by anyone, so every entry point that needs
a role says so with :func:`requires`; the check uses the role stored on the server.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TypeVar

from telegram import Update
from telegram.ext import ConversationHandler

from bot.core.context import BotContext
from bot.people.roles import Permission
from handlers.core.replies import refuse
from handlers.core.updates import Callback

log = logging.getLogger(__name__)

R = TypeVar("R")


def requires(permission: Permission) -> Callable[[Callback[R]], Callback[R | int]]:
    """Refuse the handler to whoever lacks ``permission`` (a conversation entry then ends:
    :attr:`ConversationHandler.END`)."""

    def decorate(handler: Callback[R]) -> Callback[R | int]:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BotContext) -> R | int:
            if not context.has_actor or not context.actor.can(permission):
                log.info(
                    "refused %s to user %s",
                    handler.__name__,
                    context.actor.telegram_id if context.has_actor else None,
                )
                await refuse(update, context)
                return ConversationHandler.END
            return await handler(update, context)

        return guarded

    return decorate
