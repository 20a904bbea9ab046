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
        """INSERT OR REPLACE INTO prompts (chat_id, message_id, subject_kind, subject_id,
                                           action, argument, actor_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
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
    a supergroup: replies there can never point at the old messages). A question not
    posted yet stays: it is being posted where the group is now."""
    questions = await tx.changes(
        "DELETE FROM reply_prompts WHERE chat_id = ? AND message_id IS NOT NULL", (chat_id,)
    )
    return questions + await tx.changes("DELETE FROM prompts WHERE chat_id = ?", (chat_id,))


# --- questions the bot asks with a ForceReply: recorded before they are posted ----------


async def intend(tx: Tx, prompt: Prompt, now: int) -> int:
    """Record a question before it is posted (``prompt.message_id`` is ignored); returns
    its id for :func:`posted`."""
    return await tx.execute(
        """INSERT INTO reply_prompts (chat_id, subject_kind, subject_id, action, argument,
                                      actor_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (
            prompt.chat_id,
            prompt.subject_kind,
            prompt.subject_id,
            prompt.action,
            prompt.argument,
            prompt.actor_id,
            now,
        ),
    )


async def posted(tx: Tx, prompt_id: int, chat_id: int, message_id: int) -> None:
    """The question is on the screen as ``message_id`` (in ``chat_id``: a group may have
    become a supergroup meanwhile)."""
    await tx.execute(
        "UPDATE reply_prompts SET chat_id = ?, message_id = ? WHERE id = ?",
        (chat_id, message_id, prompt_id),
    )


async def question(db: Reader, chat_id: int, message_id: int) -> Prompt | None:
    row = await db.fetchone(
        """SELECT chat_id, message_id, subject_kind, subject_id, action, argument, actor_id
           FROM reply_prompts WHERE chat_id = ? AND message_id = ?""",
        (chat_id, message_id),
    )
    return Prompt(*row) if row else None


async def unposted(db: Reader, chat_id: int, actor_id: int, since: int) -> list[tuple[int, Prompt]]:
    """Questions to ``actor_id`` in the chat whose message id was never saved (a crash
    between posting and saving), newest first, with their ids."""
    rows = await db.fetchall(
        """SELECT id, chat_id, 0, subject_kind, subject_id, action, argument, actor_id
           FROM reply_prompts
           WHERE chat_id = ? AND actor_id = ? AND message_id IS NULL AND created_at >= ?
           ORDER BY id DESC""",
        (chat_id, actor_id, since),
    )
    return [(row[0], Prompt(*row[1:])) for row in rows]


async def answered(tx: Tx, chat_id: int, message_id: int) -> None:
    await tx.execute(
        "DELETE FROM reply_prompts WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
    )
