"""Turning a ``text``/``caption`` parameter into what Telegram stores: plain text + entities.

Telegram applies the parse mode, then trims surrounding whitespace, then checks the length in
UTF-16 code units (4096 for texts, 1024 for captions). The order matters: ``"<b> </b>"`` is an
empty message, and a 4096-character text with tags is fine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import bad_request
from .html import HtmlError, parse_html, utf16_len

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
_TRIM = " \t\r\n"
ENTITY_TYPES = frozenset(
    {
        "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number",
        "bold", "italic", "underline", "strikethrough", "spoiler", "blockquote",
        "expandable_blockquote", "code", "pre", "text_link", "text_mention", "custom_emoji",
        "date_time",
    }
)  # fmt: skip

UserLookup = Callable[[int], dict[str, Any] | None]


def parse(
    raw: str,
    parse_mode: str | None,
    entities: list[dict[str, Any]] | None,
    *,
    strict_html: bool,
    user_lookup: UserLookup,
) -> tuple[str, list[dict[str, Any]]]:
    """Apply the parse mode (or explicit entities) and trim, without length checks."""
    _check_utf8(raw)
    if entities is not None:
        text, found = raw, _checked_entities(raw, entities)
    elif not parse_mode:
        text, found = raw, []
    elif parse_mode.lower() == "html":
        try:
            text, found = parse_html(raw, strict=strict_html)
        except HtmlError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
    elif parse_mode.lower() in ("markdown", "markdownv2"):
        raise bad_request(f'parse_mode "{parse_mode}" is not supported by the emulator (use HTML)')
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r}")
    return _trim(text, _resolve_mentions(found, user_lookup))


def message_text(
    raw: str | None,
    parse_mode: str | None,
    entities: list[dict[str, Any]] | None,
    *,
    strict_html: bool,
    user_lookup: UserLookup,
) -> tuple[str, list[dict[str, Any]]]:
    """A message text: 1-4096 UTF-16 units after parsing, else Telegram's error."""
    if not raw:
        raise bad_request("message text is empty")
    text, found = parse(raw, parse_mode, entities, strict_html=strict_html, user_lookup=user_lookup)
    if not text:
        raise bad_request("message text is empty")
    if utf16_len(text) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return text, found


def caption(
    raw: str | None,
    parse_mode: str | None,
    entities: list[dict[str, Any]] | None,
    *,
    strict_html: bool,
    user_lookup: UserLookup,
) -> tuple[str | None, list[dict[str, Any]]]:
    """A media caption: 0-1024 UTF-16 units after parsing; empty means no caption."""
    if not raw:
        return None, []
    text, found = parse(raw, parse_mode, entities, strict_html=strict_html, user_lookup=user_lookup)
    if utf16_len(text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return (text or None), found


def _check_utf8(raw: str) -> None:
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise bad_request("text must be encoded in UTF-8") from None


def _checked_entities(text: str, entities: list[Any]) -> list[dict[str, Any]]:
    """Explicit ``entities``: known types, integer spans inside the text (Telegram drops
    empty ones and clips nothing else, so an out-of-range span is an error here)."""
    size = utf16_len(text)
    result = []
    for entity in entities:
        if not isinstance(entity, dict) or entity.get("type") not in ENTITY_TYPES:
            raise bad_request("can't parse entities: Unsupported entity type")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
            raise bad_request("can't parse entities: Wrong entity offset or length")
        if length <= 0:
            continue
        if offset + length > size:
            raise bad_request("can't parse entities: entity ends after the end of the text")
        result.append(dict(entity))
    return result


def _resolve_mentions(
    entities: list[dict[str, Any]], user_lookup: UserLookup
) -> list[dict[str, Any]]:
    """``tg://user?id=N`` links become text_mention entities only for users the bot knows."""
    resolved = []
    for entity in entities:
        if entity["type"] == "text_mention":
            user = user_lookup(int(entity["user"]["id"]))
            if user is None:
                continue
            entity = {**entity, "user": user}
        resolved.append(entity)
    return resolved


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip surrounding whitespace and move/clip entities accordingly (UTF-16 units)."""
    stripped = text.strip(_TRIM)
    if stripped == text:
        return text, entities
    start = len(text) - len(text.lstrip(_TRIM))  # trimmed chars are all 1 UTF-16 unit
    end = start + utf16_len(stripped)
    result = []
    for entity in entities:
        lo = max(entity["offset"], start)
        hi = min(entity["offset"] + entity["length"], end)
        if hi > lo:
            result.append({**entity, "offset": lo - start, "length": hi - lo})
    return stripped, result
