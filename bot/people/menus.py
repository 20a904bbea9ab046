"""Publishing command menus (``setMyCommands``) per audience and language.

Citizens see the default menu (in Telegram's app language when it is English); staff get a
menu for their own chat, in the language they chose, listing what their role may do.
Menus go through the outbox like any other call, so a Telegram hiccup at start is retried.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.core.catalog import LANGUAGES, t
from bot.core.commands import TABLE, Where, for_role
from bot.people.roles import Role, effective_role
from storage.core import outbox
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_BULK
from storage.people import directory as people

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


def command_list(
    runtime: Runtime, role: Role, language: str, where: Where = Where.PRIVATE
) -> list[dict[str, str]]:
    return [
        {"command": c.name, "description": str(t(language, f"cmd.{c.name}"))}
        for c in for_role(runtime.extensions[TABLE], role, where)
    ]


async def _queue(tx: Tx, chat_id: int, params: dict[str, Any], now: int) -> None:
    await outbox.enqueue(tx, chat_id, "setMyCommands", params, now, priority=PRIORITY_BULK)


async def publish_all(runtime: Runtime) -> None:
    """At start: default menus per language, the group menu, and every staff member's."""
    default = runtime.settings.default_language
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        for language in LANGUAGES:
            # The default language's menu has no language code: it applies to everyone.
            code = {} if language == default else {"language_code": language}
            await _queue(
                tx,
                0,
                {
                    "commands": command_list(runtime, Role.CITIZEN, language),
                    "scope": {"type": "all_private_chats"},
                    **code,
                },
                now,
            )
            await _queue(
                tx,
                0,
                {
                    "commands": command_list(runtime, Role.ADMIN, language, Where.GROUP),
                    "scope": {"type": "all_group_chats"},
                    **code,
                },
                now,
            )
        for person in await people.staff(tx):
            await _queue_person(runtime, tx, person.telegram_id, now)
        for admin_id in runtime.settings.admin_ids:
            await _queue_person(runtime, tx, admin_id, now)


async def _queue_person(runtime: Runtime, tx: Tx, telegram_id: int, now: int) -> None:
    person = await people.get(tx, telegram_id)
    if person is None or not person.reachable or person.started_at is None:
        return
    role = effective_role(person.role, person.telegram_id, runtime.settings.admin_ids)
    await _queue(
        tx,
        telegram_id,
        {
            "commands": command_list(runtime, role, person.language),
            "scope": {"type": "chat", "chat_id": telegram_id},
        },
        now,
    )


async def refresh_person_commands(runtime: Runtime, telegram_id: int, tx: Tx | None = None) -> None:
    """After a role or language change, that person's menu follows."""
    if tx is not None:
        await _queue_person(runtime, tx, telegram_id, runtime.now())
        return
    async with runtime.db.transaction() as new_tx:
        await _queue_person(runtime, new_tx, telegram_id, runtime.now())
