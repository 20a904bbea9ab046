"""Telegram's HTML ``parse_mode``, reimplemented to fail exactly where Telegram fails.

The algorithm follows TDLib's ``parse_html`` (``td/telegram/MessageEntity.cpp``), which is what
the Bot API server runs: a single left-to-right scan with a stack of open tags, valueless and
unknown attributes tolerated, ``</>`` closing the innermost tag, case-sensitive end-tag names,
numeric character references and only four named ones (``&lt; &gt; &amp; &quot;``; the ``;`` is
optional). Errors carry Telegram's wording and the UTF-8 *byte* offset of the offending tag;
entity offsets and lengths are counted in UTF-16 code units like the Bot API does.

One deliberate difference, on by default (``strict=True``): Telegram silently keeps a bare
``>`` or an ``&`` that starts no known entity (``Tom & Jerry``, ``&ge;``) as literal text. The
project promises that every interpolated value is escaped, so the emulator rejects those too,
with a reason marked "(emulator strict mode)". ``strict=False`` gives Telegram's exact behaviour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

_END = ""  # what the scanner sees past the last character (TDLib's terminating NUL)
_SPACES = frozenset({" ", "\t", "\r", "\n", "\v", "\f", _END})
_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "tg-time",
        "code",
        "pre",
        "blockquote",
    }
)
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# TDLib orders entities by offset, then longer first, then by this type priority.
_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "date_time": 50,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_SURROGATES = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)
_TIME_FORMAT = re.compile(r"r|[tTdDwW]*")


class HtmlError(Exception):
    """Telegram's reason text, e.g. ``Unsupported start tag "p" at byte offset 12``."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of every Bot API offset and limit."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def decode_entity(src: str, pos: int) -> tuple[str | None, int]:
    """Decode the character reference at ``src[pos] == "&"``; ``(None, pos)`` if there is none."""
    end, n = pos + 1, len(src)
    if end < n and src[end] == "#":
        end += 1
        hexadecimal = end < n and src[end] == "x"
        end += hexadecimal
        start = end
        digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        while end < n and src[end] in digits:
            end += 1
        code = int(src[start:end], 16 if hexadecimal else 10) if end > start else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None, pos
        value = chr(code)
    else:
        while end < n and src[end].isascii() and src[end].isalpha():
            end += 1
        named = _NAMED.get(src[pos + 1 : end])
        if named is None:
            return None, pos
        value = named
    if end < n and src[end] == ";":
        end += 1
    return value, end


def normalize_url(url: str) -> str | None:
    """TDLib-like ``check_url``: add ``http://`` and a root path, or None when unusable."""
    if not url or any(ch.isspace() for ch in url):
        return None
    if re.match(r"(tg|ton|tonsite):", url, re.IGNORECASE):
        return url
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ftp") or not parts.hostname:
        return None
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, parts.fragment)
    )


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's content starts
    chunk: int  # index in the output chunk list, to recover the inner text of <a>


@dataclass
class _Parser:
    src: str
    strict: bool
    out: list[str] = field(default_factory=list)
    utf16: int = 0
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def ch(self, i: int) -> str:
        return self.src[i] if i < len(self.src) else _END

    def fail(self, reason: str, pos: int) -> HtmlError:
        offset = len(self.src[:pos].encode("utf-8", "surrogatepass"))
        return HtmlError(f"{reason} at byte offset {offset}")

    def skip_spaces(self, i: int) -> int:
        while self.ch(i) != _END and self.ch(i) in _SPACES:
            i += 1
        return i

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.utf16 += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        i, n = 0, len(self.src)
        while i < n:
            c = self.src[i]
            if c == "&":
                i = self.ampersand(i)
            elif c == "<":
                i = self.end_tag(i) if self.ch(i + 1) == "/" else self.start_tag(i)
            elif c == ">" and self.strict:
                raise self.fail('Unescaped ">" (emulator strict mode)', i)
            else:
                self.emit(c)
                i += 1
        if self.stack:
            name = self.stack[-1].name
            raise HtmlError(f'Can\'t find end tag corresponding to start tag "{name}"')
        return "".join(self.out), _sorted(self.entities)

    def ampersand(self, i: int) -> int:
        value, end = decode_entity(self.src, i)
        if value is None:
            if self.strict:
                raise self.fail('Unescaped "&" (emulator strict mode)', i)
            self.emit("&")
            return i + 1
        if 0xD800 <= ord(value) <= 0xDFFF:
            raise HtmlError(_SURROGATES)
        self.emit(value)
        return end

    def start_tag(self, begin: int) -> int:
        i = begin + 1
        while self.ch(i) not in _SPACES and self.ch(i) != ">":
            i += 1
        if self.ch(i) == _END:
            raise self.fail("Unclosed start tag", begin)
        name = self.src[begin + 1 : i].lower()
        if name not in _TAGS:
            raise self.fail(f'Unsupported start tag "{name}"', begin)
        attrs: dict[str, str] = {}
        while self.ch(i) != ">":
            i = self.skip_spaces(i)
            if self.ch(i) == ">":
                break
            if self.ch(i) == _END:
                raise self.fail(f'Unclosed start tag "{name}"', begin)
            i, attr, value = self.attribute(i, name, begin)
            attrs.setdefault(attr, value)
        self.open(name, attrs, begin)
        return i + 1

    def attribute(self, i: int, tag: str, begin: int) -> tuple[int, str, str]:
        start = i
        while self.ch(i) not in _SPACES and self.ch(i) not in ("=", ">"):
            i += 1
        attr = self.src[start:i].lower()
        if not attr:
            raise self.fail(f'Empty attribute name in the tag "{tag}"', begin)
        i = self.skip_spaces(i)
        if self.ch(i) != "=":
            return i, attr, ""  # a valueless attribute such as <blockquote expandable>
        i = self.skip_spaces(i + 1)
        if self.ch(i) == _END:
            raise self.fail(f'Unclosed start tag "{tag}"', begin)
        if self.ch(i) in ("'", '"'):
            i, value = self.quoted(i)
        else:
            i, value = self.name_token(i)
        if self.ch(i) == _END:
            raise self.fail("Unclosed start tag", begin)
        return i, attr, value

    def name_token(self, i: int) -> tuple[int, str]:
        start = i
        while self.ch(i) != _END and (
            (self.ch(i).isascii() and self.ch(i).isalnum()) or self.ch(i) in (".", "-")
        ):
            i += 1
        if self.ch(i) not in _SPACES and self.ch(i) != ">":
            raise self.fail("Unexpected end of name token", start)
        return i, self.src[start:i].lower()

    def quoted(self, i: int) -> tuple[int, str]:
        quote, i, value = self.ch(i), i + 1, []
        while self.ch(i) not in (quote, _END):
            if self.ch(i) == "&":
                decoded, end = decode_entity(self.src, i)
                if decoded is not None:
                    value.append(decoded)
                    i = end
                    continue
                if self.strict:
                    raise self.fail('Unescaped "&" (emulator strict mode)', i)
            value.append(self.ch(i))
            i += 1
        if self.ch(i) == quote:
            i += 1
        return i, "".join(value)

    def open(self, name: str, attrs: dict[str, str], begin: int) -> None:
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail('Tag "span" must have class "tg-spoiler"', begin)
        if name == "tg-emoji" and not re.fullmatch(r"-?\d{1,19}", attrs.get("emoji-id", "")):
            raise HtmlError("Invalid custom emoji identifier specified")
        if name == "tg-time":
            if not re.fullmatch(r"\d{1,10}", attrs.get("unix", "")):
                raise HtmlError("Invalid Unix time specified")
            if not _TIME_FORMAT.fullmatch(attrs.get("format", "")):
                raise HtmlError("Invalid date format used")
        self.stack.append(_OpenTag(name, attrs, self.utf16, len(self.out)))

    def end_tag(self, begin: int) -> int:
        if not self.stack:
            raise self.fail("Unexpected end tag", begin)
        i = begin + 2
        while self.ch(i) not in _SPACES and self.ch(i) != ">":
            i += 1
        end_name = self.src[begin + 2 : i]
        i = self.skip_spaces(i)
        if self.ch(i) != ">":
            raise self.fail("Unclosed end tag", begin)
        tag = self.stack.pop()
        if end_name and end_name != tag.name:
            found = f'expected "</{tag.name}>", found "</{end_name}>"'
            raise HtmlError(f"{self.fail('Unmatched end tag', begin)}, {found}")
        if self.utf16 > tag.offset:
            self.close(tag)
        return i + 1

    def close(self, tag: _OpenTag) -> None:
        span = {"offset": tag.offset, "length": self.utf16 - tag.offset}
        if tag.name in _SIMPLE:
            self.entities.append({"type": _SIMPLE[tag.name], **span})
        elif tag.name == "a":
            url = tag.attrs.get("href") or "".join(self.out[tag.chunk :])
            link = _link_entity(url)
            if link:
                self.entities.append({**link, **span})
        elif tag.name in ("pre", "code"):
            self.close_code(tag, span)
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
            self.entities.append({"type": kind, **span})
        elif tag.name == "tg-emoji":
            emoji_id = tag.attrs["emoji-id"]
            self.entities.append({"type": "custom_emoji", **span, "custom_emoji_id": emoji_id})
        elif tag.name == "tg-time":
            entity = {"type": "date_time", **span, "unix_time": int(tag.attrs["unix"])}
            if tag.attrs.get("format"):
                entity["date_time_format"] = tag.attrs["format"]
            self.entities.append(entity)

    def close_code(self, tag: _OpenTag, span: dict[str, int]) -> None:
        """<pre> and <code class="language-x"> on the same span merge into one pre entity."""
        last = self.entities[-1] if self.entities else None
        same = last is not None and all(last[k] == v for k, v in span.items())
        language = ""
        css = tag.attrs.get("class", "")
        if tag.name == "code" and css.startswith("language-"):
            language = css[len("language-") :]
        if tag.name == "pre" and same and last and last["type"] == "code" and last.get("_lang"):
            last["type"] = "pre"
            last["language"] = last.pop("_lang")
        elif tag.name == "code" and same and last and last["type"] == "pre" and language:
            last["language"] = language
        elif tag.name == "pre":
            self.entities.append({"type": "pre", **span})
        else:
            self.entities.append(
                {"type": "code", **span, **({"_lang": language} if language else {})}
            )


def _link_entity(url: str) -> dict[str, Any] | None:
    mention = re.fullmatch(r"tg://user\?id=(\d{1,19})", url)
    if mention:
        return {"type": "text_mention", "user": {"id": int(mention[1])}}
    fixed = normalize_url(url)
    return {"type": "text_link", "url": fixed} if fixed else None


def _sorted(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = sorted(
        entities,
        key=lambda e: (e["offset"], -e["length"], _PRIORITY.get(e["type"], 50)),
    )
    head = ("type", "offset", "length")
    return [
        {
            **{k: e[k] for k in head},
            **{k: v for k, v in e.items() if k not in head and k != "_lang"},
        }
        for e in ordered
    ]


def parse_html(source: str, *, strict: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into ``(plain_text, entities)``; raise :class:`HtmlError` if invalid."""
    return _Parser(source, strict).run()
