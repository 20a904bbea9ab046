"""The callback context our handlers receive: PTB's, plus the runtime and the actor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

if TYPE_CHECKING:
    from bot.core.runtime import Runtime
    from bot.people.directory import Actor

RUNTIME_KEY = "runtime"


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """``context.runtime`` gives the services; ``context.actor`` is the person acting,
    resolved once per update (with their role) before any handler runs."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self._actor: Actor | None = None
        #: The button pressed in a guided step, to record above the step's next question
        #: (``handlers.core.replies.choose``/``ask``), and notes to show with that question.
        self.choice: str | None = None
        self.notes: list[str] = []

    @property
    def runtime(self) -> Runtime:
        return self.application.bot_data[RUNTIME_KEY]

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("no actor: the update has no user")
        return self._actor

    @actor.setter
    def actor(self, value: Actor) -> None:
        self._actor = value

    @property
    def has_actor(self) -> bool:
        return self._actor is not None
