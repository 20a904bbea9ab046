"""ForceReply prompts waiting for an answer.

In groups the bot runs in privacy mode and sees only replies to its own messages, so a
question like "what is the resolution note?" is a ForceReply message; the answer arrives
as a reply to it, and this table says what the answer is for and who was asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class Prompt:
    chat_id: int
    message_id: int
    subject_kind: str
    subject_id: int
    action: str
    argument: str | None
    actor_id: int


async def create(tx: Tx, prompt: Prompt, now: int) -> None:
    await tx.execute(
        """INSERT INTO prompts (chat_id, message_id, subject_kind, subject_id, action,
                                argument, actor_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (chat_id, message_id) DO UPDATE SET subject_kind = excluded.subject_kind,
               subject_id = excluded.subject_id, action = excluded.action,
               argument = excluded.argument, actor_id = excluded.actor_id,
               created_at = excluded.created_at""",
        (
            prompt.chat_id,
            prompt.message_id,
            prompt.subject_kind,
            prompt.subject_id,
            prompt.action,
            prompt.argument,
            prompt.actor_id,
            now,
        ),
    )


async def get(db: Reader, chat_id: int, message_id: int) -> Prompt | None:
    row = await db.fetchone(
        """SELECT chat_id, message_id, subject_kind, subject_id, action, argument, actor_id
           FROM prompts WHERE chat_id = ? AND message_id = ?""",
        (chat_id, message_id),
    )
    return Prompt(*row) if row else None


async def delete(tx: Tx, chat_id: int, message_id: int) -> None:
    await tx.execute(
        "DELETE FROM prompts WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
    )


async def drop_chat(tx: Tx, chat_id: int) -> int:
    """Forget every prompt of a chat that cannot be answered any more (a group upgraded to
    a supergroup: replies there can never point at the old messages)."""
    return await tx.changes("DELETE FROM prompts WHERE chat_id = ?", (chat_id,))
