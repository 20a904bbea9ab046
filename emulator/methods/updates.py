"""Receiving updates (long polling or webhook) and answering callback queries."""

from __future__ import annotations

import re
import time
from typing import Any

from ..errors import Rejected, bad_request
from ..models import CallbackAnswer
from ..updates import WebhookInfo
from .registry import Call, method

WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
OTHER_POLLER = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
ANSWER_TEXT_LIMIT = 200


@method("getUpdates")
async def get_updates(call: Call) -> list[dict[str, Any]]:
    """Confirm by offset, then answer at once or when the first update arrives (long poll)."""
    world, queue = call.world, call.world.updates
    if world.webhook.url:
        raise Rejected(409, WEBHOOK_ACTIVE)
    if call.get("allowed_updates") is not None:
        queue.allowed_updates = call.get("allowed_updates")
    offset = call.get("offset") or 0
    if offset < 0:
        queue.keep_last(-offset)
    elif offset > 0:
        queue.confirm_below(offset)
    limit = min(max(call.get("limit") or 100, 1), 100)
    generation = queue.new_poll()
    deadline = time.monotonic() + max(call.get("timeout") or 0, 0)
    while True:
        if queue.poll_generation != generation:
            if call.client_gone():
                return []
            raise Rejected(409, OTHER_POLLER)
        if world.webhook.url:
            raise Rejected(409, "Conflict: terminated by setWebhook request")
        batch = queue.batch(limit)
        remaining = deadline - time.monotonic()
        if batch or remaining <= 0 or call.client_gone() or world.closed:
            return batch
        await queue.signal.wait(remaining)


@method("setWebhook")
async def set_webhook(call: Call) -> bool:
    url = call.get("url") or ""
    if not url:
        await call.world.delete_webhook(drop_pending=bool(call.get("drop_pending_updates")))
        return True
    if not re.match(r"https?://[^/\s]+", url):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = call.get("secret_token")
    if secret is not None and not SECRET_TOKEN.fullmatch(secret):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    max_connections = call.get("max_connections") or 40
    if not 1 <= max_connections <= 100:
        raise bad_request("bad webhook: max_connections must be in 1-100")
    info = WebhookInfo(
        url=url,
        secret_token=secret,
        max_connections=max_connections,
        allowed_updates=call.get("allowed_updates"),
        ip_address=call.get("ip_address"),
    )
    await call.world.set_webhook(info, drop_pending=bool(call.get("drop_pending_updates")))
    return True


@method("deleteWebhook")
async def delete_webhook(call: Call) -> bool:
    await call.world.delete_webhook(drop_pending=bool(call.get("drop_pending_updates")))
    return True


@method("getWebhookInfo")
def get_webhook_info(call: Call) -> dict[str, Any]:
    return call.world.webhook.as_json(call.world.updates.pending)


@method("answerCallbackQuery")
def answer_callback_query(call: Call) -> bool:
    text = call.get("text")
    if text is not None and len(text) > ANSWER_TEXT_LIMIT:
        raise bad_request("MESSAGE_TOO_LONG")
    answer = CallbackAnswer(
        text=text or None, show_alert=bool(call.get("show_alert")), url=call.get("url")
    )
    call.world.answer_callback(call.get("callback_query_id"), answer)
    return True
