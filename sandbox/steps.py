"""Scripted people: what the seeding and the scenarios make people do, step by step.

A script acts like a person on the page: it writes, presses a button by its label, replies
to a message. Between steps it waits for what the bot answers, found through the world's
message journal: only messages that appeared or changed since the person's previous step
count, so a script never presses a stale button of an earlier conversation.

Labels come from the bot's own catalog (:func:`label`) wherever the bot takes them from
there, so a reworded button does not break the scripts; the office's own names
(categories, kelurahan, units) come from the office file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.core.catalog import CATALOG, placeholders, t
from emulator import BotMessage, CallbackAnswer, FakeGroup
from emulator.chats import ChatState
from emulator.html import parse_html

if TYPE_CHECKING:
    from sandbox.office import Person, SandboxOffice

#: Scripts speak the catalog's default language, as the seeded people do.
LANGUAGE = "id"
#: Seconds a step waits for the bot (generous: the machine may be busy).
STEP_TIMEOUT = 30.0
NUMBER = re.compile(r"[A-Z]{2,5}-\d{4}-\d{4,}")
_MARK = "\x00"


class ScriptError(AssertionError):
    """The bot did not answer a scripted step as expected."""


def label(key: str, **values: object) -> str:
    """A button label as the bot writes it: the catalog text in the scripts' language."""
    return html.unescape(str(t(LANGUAGE, key, **values)))


def fragment(key: str) -> str:
    """The longest run of fixed text of a catalog entry (between its placeholders),
    without markup: what a message built from ``key`` surely contains, whatever the
    values."""
    values = dict.fromkeys(placeholders(CATALOG[LANGUAGE][key]), _MARK)
    text, _entities = parse_html(str(t(LANGUAGE, key, **values)))
    return max((part.strip() for part in text.split(_MARK)), key=len)


def _buttons(message: BotMessage) -> list[dict[str, Any]]:
    return [b for row in message.inline_keyboard for b in row]


def find_button(message: BotMessage, wanted: str) -> dict[str, Any] | None:
    """The button labelled ``wanted`` (exactly, else the only one containing it)."""
    buttons = _buttons(message)
    exact = [b for b in buttons if b.get("text") == wanted]
    if exact:
        return exact[0]
    near = [b for b in buttons if wanted.lower() in str(b.get("text", "")).lower()]
    return near[0] if len(near) == 1 else None


@dataclass
class Actor:
    """One person acting in one chat (their private chat, or a group they are in)."""

    office: SandboxOffice
    person: Person
    group: FakeGroup | None = None
    mark: int = field(default=0)

    def __post_init__(self) -> None:
        self.mark = self.office.world.journal.cursor

    @property
    def chat(self) -> ChatState:
        return self.group.chat if self.group is not None else self.office.world.chat(self.person.id)

    def in_group(self, group: FakeGroup) -> Actor:
        return Actor(self.office, self.person, group)

    def _step(self) -> None:
        self.mark = self.office.world.journal.cursor

    # ---------------------------------------------------------------------- acting

    async def send(self, text: str, *, reply_to: BotMessage | None = None) -> BotMessage:
        self._step()
        if self.group is not None:
            return await self.group.send(self.person.user, text, reply_to=reply_to)
        return await self.person.user.send(text, reply_to=reply_to)

    async def photo(
        self,
        caption: str | None = None,
        content: bytes | None = None,
        *,
        reply_to: BotMessage | None = None,
    ) -> BotMessage:
        self._step()
        return await self.person.user.send_photo(
            caption, reply_to=reply_to, chat=self.group, content=content
        )

    async def location(self, latitude: float, longitude: float) -> BotMessage:
        self._step()
        return await self.person.user.send_location(latitude, longitude, chat=self.group)

    async def press(self, wanted: str, *, message: BotMessage | None = None) -> CallbackAnswer:
        """Wait for a button labelled ``wanted`` (on ``message``, else on any bot message
        new or changed since this person's previous step) and press it."""
        if message is not None:
            target = await self._live(message, wanted)
        else:
            target = await self._wait(
                lambda m: find_button(m, wanted) is not None, f"button {wanted!r}"
            )
        button = find_button(target, wanted)
        assert button is not None
        self._step()
        try:
            return await self.person.user.press_data(
                button["callback_data"], message=target, timeout=STEP_TIMEOUT
            )
        except AssertionError as exc:
            raise ScriptError(str(exc)) from None

    # --------------------------------------------------------------------- reading

    async def expect(self, text: str | re.Pattern[str], *, since: int | None = None) -> BotMessage:
        """The newest bot message containing ``text`` (or matching it), new or changed
        since this person's previous step (or since journal position ``since``; 0: any
        message of the chat)."""
        if isinstance(text, str):
            return await self._wait(
                lambda m: text in m.body, f"a message with {text!r}", since=since
            )
        return await self._wait(
            lambda m: text.search(m.body) is not None,
            f"a message matching {text.pattern!r}",
            since=since,
        )

    async def expect_where(
        self, matches: Callable[[BotMessage], bool], wanted: str, *, since: int | None = None
    ) -> BotMessage:
        """The newest bot message satisfying ``matches`` (see :meth:`expect`)."""
        return await self._wait(matches, wanted, since=since)

    async def expect_prompt(self) -> BotMessage:
        """The bot's ForceReply question addressed to this person in the group."""

        def mine(message: BotMessage) -> bool:
            mentioned = [
                e.get("user", {}).get("id")
                for e in message.entities
                if e.get("type") == "text_mention"
            ]
            return message.force_reply and self.person.id in mentioned

        return await self._wait(mine, "a reply prompt")

    async def _live(self, message: BotMessage, wanted: str) -> BotMessage:
        """The current version of ``message`` once it shows the button ``wanted``."""
        chat = self.office.world.chat(message.chat_id)

        def live() -> BotMessage | None:
            current = chat.get(message.message_id)
            return current if current is not None and find_button(current, wanted) else None

        found = await chat.signal.wait_for(live, STEP_TIMEOUT)
        if found is None:
            current = chat.get(message.message_id)
            raise ScriptError(
                f"no button {wanted!r} on #{message.message_id} within "
                f"{STEP_TIMEOUT:.0f}s: {current.buttons if current else 'deleted'}"
            )
        return found

    async def _wait(
        self, matches: Callable[[BotMessage], bool], wanted: str, since: int | None = None
    ) -> BotMessage:
        journal = self.office.world.journal
        chat = self.chat
        start = self.mark if since is None else since

        def candidates() -> list[BotMessage]:
            if start == 0:  # anything in the chat, newest first
                return list(reversed(chat.bot_visible()))
            changed, _ = journal.since(start)
            found = (
                chat.get(message_id)
                for chat_id, message_id in reversed(changed)
                if chat_id == chat.id
            )
            return [m for m in found if m is not None and m.from_bot]

        def find() -> BotMessage | None:
            return next((m for m in candidates() if matches(m)), None)

        found = await journal.signal.wait_for(find, STEP_TIMEOUT)
        if found is None:
            recent = [m.body[:70] for m in chat.bot_visible()[-3:]]
            raise ScriptError(
                f"{self.person.user.full_name}: no {wanted} from the bot within "
                f"{STEP_TIMEOUT:.0f}s; last bot messages: {recent}"
            )
        return found


def tracking_number(message: BotMessage) -> str:
    found = NUMBER.search(message.body)
    if found is None:
        raise ScriptError(f"no tracking number in {message.body[:80]!r}")
    return found.group(0)
