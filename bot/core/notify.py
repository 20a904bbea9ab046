"""Turning "tell this person X" into outbox rows, inside the caller's transaction.

Everything another person must learn about is queued here, in the same transaction as the
change, rendered from the catalog in the recipient's language. The dispatcher
(:mod:`bot.delivery`) sends it later; a crash in between loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from telegram import ForceReply, InlineKeyboardMarkup

from bot.core.catalog import MAX_CAPTION, Markup, fit_message, split_message, t
from storage.core import outbox
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_NORMAL
from storage.people import directory as people

ReplyMarkup = InlineKeyboardMarkup | ForceReply | None


@dataclass(frozen=True)
class Ref:
    """An object a sent message stands for, e.g. ``Ref("complaint_alert", 12)``."""

    kind: str
    id: int

    def as_param(self) -> list[Any]:
        return [self.kind, self.id]


def message_params(text: str, markup: ReplyMarkup = None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": {"is_disabled": True},
    }
    if markup is not None:
        params["reply_markup"] = markup.to_dict()
    return params


async def send_text(
    tx: Tx,
    chat_id: int,
    text: Markup,
    now: int,
    *,
    markup: ReplyMarkup = None,
    priority: int = PRIORITY_NORMAL,
    ref: Ref | None = None,
    reply_to: Ref | None = None,
    thread: Ref | None = None,
    quote: int | None = None,
    thread_id: int | None = None,
) -> None:
    """Queue a text; long texts are split, the keyboard and ref go with the last part.
    ``reply_to``/``thread`` name objects whose messages are known once sent; ``quote``
    and ``thread_id`` are a message and a forum topic already known (e.g. answering a
    person's message in a group)."""
    parts = split_message(text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        params = message_params(part, markup if last else None)
        if reply_to is not None and index == 0:
            params["reply_to_ref"] = reply_to.as_param()
        if quote is not None and index == 0:
            params["reply_parameters"] = {"message_id": quote, "allow_sending_without_reply": True}
        if thread is not None:
            params["thread_ref"] = thread.as_param()
        if thread_id is not None:
            params["message_thread_id"] = thread_id
        await outbox.enqueue(
            tx,
            chat_id,
            "sendMessage",
            params,
            now,
            priority=priority,
            ref_kind=ref.kind if ref and last else None,
            ref_id=ref.id if ref and last else None,
        )


async def language_of(tx: Tx, telegram_id: int, default: str) -> str:
    person = await people.get(tx, telegram_id)
    return person.language if person else default


async def tell(
    tx: Tx,
    telegram_id: int,
    key: str,
    now: int,
    *,
    default_language: str = "id",
    markup_for: Any = None,
    priority: int = PRIORITY_NORMAL,
    ref: Ref | None = None,
    **values: object,
) -> bool:
    """Queue catalog text ``key`` for a person in their language. ``markup_for`` is a
    callable ``language -> markup`` so buttons are labelled in that language too.
    Returns False (and queues nothing) when the person cannot be reached."""
    person = await people.get(tx, telegram_id)
    if person is not None and not person.reachable:
        return False
    language = person.language if person else default_language
    markup = markup_for(language) if markup_for is not None else None
    await send_text(
        tx, telegram_id, t(language, key, **values), now, markup=markup, priority=priority, ref=ref
    )
    return True


async def tell_many(tx: Tx, telegram_ids: Iterable[int], key: str, now: int, **kwargs: Any) -> int:
    sent = 0
    for telegram_id in dict.fromkeys(telegram_ids):
        sent += await tell(tx, telegram_id, key, now, **kwargs)
    return sent


async def edit_text(
    tx: Tx,
    chat_id: int,
    message: Ref,
    text: Markup,
    now: int,
    *,
    markup: ReplyMarkup = None,
    priority: int = PRIORITY_NORMAL,
    repost_if_gone: bool = False,
) -> None:
    """Queue an edit of the message that stands for ``message`` in ``chat_id``.

    With ``repost_if_gone``, when that message is not there (deleted, or left behind in a
    group that became a supergroup) the new text is posted as a new message that stands
    for ``message`` from then on; otherwise the edit is dropped."""
    params = message_params(text, markup)
    if await _rewrite_queued(tx, chat_id, message, params):
        return
    if await _landing_already(tx, chat_id, message, params, repost_if_gone=repost_if_gone):
        return
    params["message_ref"] = message.as_param()
    ref: dict[str, Any] = {}
    if repost_if_gone:
        params["repost_if_gone"] = True
        ref = {"ref_kind": message.kind, "ref_id": message.id}
    await outbox.enqueue(tx, chat_id, "editMessageText", params, now, priority=priority, **ref)


def _same_content(shown: dict[str, Any], content: dict[str, Any]) -> bool:
    return all(shown.get(key) == content.get(key) for key in ("text", "reply_markup"))


async def _rewrite_queued(tx: Tx, chat_id: int, message: Ref, content: dict[str, Any]) -> bool:
    """Give the new content to what is still queued for ``message`` in ``chat_id`` (its
    send, or earlier edits), and say whether there was any: then no edit is needed.
    The old content never goes out, which matters when it named someone who has since
    been made anonymous (an alert waiting in a rate-limited group at an erasure)."""
    queued = await outbox.queued_content(tx, chat_id, message.kind, message.id)
    if not queued:
        return False
    sends = [row for row in queued if row.method == "sendMessage"]
    # The send still waiting carries the new content; with none, the newest edit does
    # (its flags are the latest), and the edits before it would only repeat it. When the
    # message already shows the new content (the waiting edits were of a state that has
    # passed meanwhile), none is needed: Telegram would refuse it as "not modified".
    keep = sends if sends else [queued[-1]]
    if not sends and not any(row.params.get("repost_if_gone") for row in queued):
        shown = await outbox.last_delivered(tx, chat_id, message.kind, message.id)
        if shown is not None and _same_content(shown, content):
            keep = []
    for row in queued:
        if row in keep:
            params = {key: value for key, value in row.params.items() if key != "reply_markup"}
            await outbox.replace_params(tx, row.id, params | content)
        else:
            await outbox.drop_pending(tx, row.id)
    return True


async def _landing_already(
    tx: Tx, chat_id: int, message: Ref, content: dict[str, Any], *, repost_if_gone: bool
) -> bool:
    """Whether the text being handed to Telegram for ``message`` right now (the send or
    edit in flight while this change was computed) is this very content: it lands after
    anything the message showed before, so an edit behind it would only repeat it (and
    Telegram refuses it as "not modified"). Not when only this edit would post the text
    anew if the message is gone. The outbox's memory of what was delivered earlier is not
    used: a handler's direct edit may have changed the message since."""
    landing = await outbox.in_flight(tx, chat_id, message.kind, message.id)
    if landing is None or not _same_content(landing, content):
        return False
    return not repost_if_gone or "message_ref" not in landing or bool(landing.get("repost_if_gone"))


async def copy(
    tx: Tx,
    chat_id: int,
    from_chat_id: int,
    message_id: int,
    now: int,
    *,
    reply_to: Ref | None = None,
    thread: Ref | None = None,
    priority: int = PRIORITY_NORMAL,
    caption: Markup | None = None,
    ref: Ref | None = None,
) -> None:
    """Queue a copy (no "forwarded from": the sender stays unknown); ``caption`` replaces
    a photo's or document's own caption."""
    params: dict[str, Any] = {"from_chat_id": from_chat_id, "message_id": message_id}
    if caption is not None:
        params |= {"caption": str(fit_message(caption, MAX_CAPTION)), "parse_mode": "HTML"}
    if reply_to is not None:
        params["reply_to_ref"] = reply_to.as_param()
    if thread is not None:
        params["thread_ref"] = thread.as_param()
    await outbox.enqueue(
        tx,
        chat_id,
        "copyMessage",
        params,
        now,
        priority=priority,
        ref_kind=ref.kind if ref else None,
        ref_id=ref.id if ref else None,
    )
