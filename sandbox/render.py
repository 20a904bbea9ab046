"""Messages as the page shows them: safe HTML from Telegram's text and entities, and JSON.

The bot's raw HTML never reaches the browser. The emulator parsed it the way Telegram does
into plain text plus entities (offsets in UTF-16 code units); this module writes HTML back
from those, escaping every character of text and allowing only a fixed set of tags, so
whatever a citizen typed (or the bot echoed) is shown, never run.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from emulator import BotMessage
from emulator.html import utf16_len

_SIMPLE_TAGS = {
    "bold": "b", "italic": "i", "underline": "u", "strikethrough": "s", "code": "code",
    "blockquote": "blockquote", "expandable_blockquote": "blockquote",
}  # fmt: skip
_SPAN_CLASSES = {
    "spoiler": "spoiler", "text_mention": "mention", "mention": "mention",
    "hashtag": "hashtag", "cashtag": "hashtag", "email": "link", "phone_number": "link",
}  # fmt: skip
_SAFE_SCHEMES = ("http", "https", "tg")
_AUTO = re.compile(
    r"(?<![\w/@.])/[A-Za-z][A-Za-z0-9_]{0,31}(?![\w/])|https?://[^\s<>\"]+[^\s<>\".,;:!?)]"
)


@dataclass
class _Span:
    entity: dict[str, Any]
    start: int
    end: int
    text: str
    open: str = field(init=False)
    close: str = field(init=False)

    def __post_init__(self) -> None:
        self.open, self.close = _tags(self.entity, self.text)


def _tags(entity: dict[str, Any], text: str) -> tuple[str, str]:
    """Opening and closing tag for one entity (``text`` is the text it covers)."""
    kind = entity.get("type", "")
    if kind in _SIMPLE_TAGS:
        return f"<{_SIMPLE_TAGS[kind]}>", f"</{_SIMPLE_TAGS[kind]}>"
    if kind == "pre":
        return '<code class="pre">', "</code>"
    if kind in ("text_link", "url"):
        href = safe_url(entity.get("url") if kind == "text_link" else text)
        if href is not None:
            return (
                f'<a href="{html.escape(href)}" target="_blank" rel="noopener noreferrer">',
                "</a>",
            )
        return '<span class="link">', "</span>"
    if kind == "bot_command":
        return f'<span class="command" data-command="{html.escape(text)}">', "</span>"
    return f'<span class="{_SPAN_CLASSES.get(kind, "entity")}">', "</span>"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) or tg link (a bare domain gets http://), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if not scheme:
        return f"http://{url}"
    return url if scheme in _SAFE_SCHEMES else None


def _detected(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Commands and bare links in ``text`` outside the given entities, as Telegram's
    clients find them (the page makes commands clickable)."""
    taken = [(e.get("offset", 0), e.get("offset", 0) + e.get("length", 0)) for e in entities]
    found = []
    for match in _AUTO.finditer(text):
        start = utf16_len(text[: match.start()])
        end = start + utf16_len(match.group(0))
        if any(start < b and a < end for a, b in taken):
            continue
        kind = "bot_command" if match.group(0).startswith("/") else "url"
        found.append({"type": kind, "offset": start, "length": end - start})
    return found


def entities_html(text: str, entities: list[dict[str, Any]]) -> str:
    """HTML for ``text`` with ``entities`` (UTF-16 offsets), properly nested even when
    entities overlap; every character of ``text`` is escaped."""
    entities = [*entities, *_detected(text, entities)]
    units = text.encode("utf-16-le")

    def piece(start: int, end: int) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le", errors="replace")

    total = len(units) // 2
    spans = []
    for entity in entities:
        start = max(0, int(entity.get("offset", 0)))
        end = min(total, start + max(0, int(entity.get("length", 0))))
        if end > start:
            spans.append(_Span(entity, start, end, piece(start, end)))
    starting: dict[int, list[_Span]] = defaultdict(list)
    for span in spans:
        starting[span.start].append(span)
    bounds = sorted({0, total, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    for position, following in zip(bounds, [*bounds[1:], total], strict=True):
        _close_ended(stack, position, out)
        for span in sorted(starting.get(position, []), key=lambda s: -(s.end - s.start)):
            out.append(span.open)
            stack.append(span)
        out.append(html.escape(piece(position, following)))
    _close_ended(stack, total, out)
    return "".join(out)


def _close_ended(stack: list[_Span], position: int, out: list[str]) -> None:
    """Close the spans that end at ``position``; spans opened inside them that go on are
    closed and reopened, so tags always nest."""
    if not any(span.end <= position for span in stack):
        return
    reopen: list[_Span] = []
    while any(span.end <= position for span in stack):
        span = stack.pop()
        out.append(span.close)
        if span.end > position:
            reopen.append(span)
    for span in reversed(reopen):
        out.append(span.open)
        stack.append(span)


# ------------------------------------------------------------------------------- JSON


def file_url(file_id: str) -> str:
    return f"/api/files/{file_id}"


def message_json(
    message: BotMessage,
    *,
    zone: ZoneInfo,
    name_of: Callable[[int], str],
    replied: BotMessage | None,
) -> dict[str, Any]:
    """What the page needs to draw one message (its current version)."""
    text, entities = (
        (message.text, message.entities)
        if message.text is not None
        else (message.caption or "", message.caption_entities)
    )
    result: dict[str, Any] = {
        "id": message.message_id,
        "chat": message.chat_id,
        "version": message.version,
        "deleted": message.deleted,
        "from_bot": message.from_bot,
        "sender": message.sender_id,
        "sender_name": name_of(message.sender_id),
        "time": datetime.fromtimestamp(message.date, zone).strftime("%d/%m %H.%M"),
        "kind": message.kind,
        "html": entities_html(text, entities) if text else "",
        "edited": message.edited,
        "force_reply": message.force_reply,
        "mentions": [
            e["user"]["id"] for e in entities if e.get("type") == "text_mention" and "user" in e
        ],
        "buttons": [[_button(b) for b in row] for row in message.inline_keyboard],
        "thread": message.message_thread_id,
    }
    if message.photo:
        result["photo"] = file_url(message.photo[-1]["file_id"])
    if message.document:
        result["document"] = {
            "name": message.document.get("file_name") or "file",
            "url": file_url(message.document["file_id"]),
            "size": message.document.get("file_size"),
        }
    if message.location:
        result["location"] = {
            "latitude": message.location["latitude"],
            "longitude": message.location["longitude"],
        }
    if message.kind == "service":
        result["service"] = sorted(message.extra)
    if replied is not None:
        result["reply_to"] = {
            "id": replied.message_id,
            "name": name_of(replied.sender_id),
            "snippet": _snippet(replied),
        }
    return result


def _button(button: dict[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {"text": button.get("text", "")}
    if "callback_data" in button:
        shown["data"] = button["callback_data"]
    url = safe_url(button.get("url"))
    if url is not None:
        shown["url"] = url
    return shown


def _snippet(message: BotMessage) -> str:
    body = message.body.replace("\n", " ").strip()
    if not body:
        body = {"photo": "🖼", "document": "📄", "location": "📍"}.get(message.kind, "…")
    return body[:90] + ("…" if len(body) > 90 else "")
