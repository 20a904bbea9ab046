"""The Telegram-HTML parser: plain text, entities in UTF-16 units, and Telegram's errors."""

from __future__ import annotations

import pytest

from emulator import formatting
from emulator.errors import Rejected
from emulator.html import HtmlError, parse_html, utf16_len


def spans(entities: list[dict]) -> list[tuple]:
    return [(e["type"], e["offset"], e["length"]) for e in entities]


@pytest.mark.parametrize(
    ("markup", "text", "expected"),
    [
        ("plain", "plain", []),
        ("<b>bold</b>", "bold", [("bold", 0, 4)]),
        (
            "<strong>a</strong><em>b</em><i>c</i>",
            "abc",
            [("bold", 0, 1), ("italic", 1, 1), ("italic", 2, 1)],
        ),
        ("<u>a</u><ins>b</ins>", "ab", [("underline", 0, 1), ("underline", 1, 1)]),
        (
            "<s>a</s><strike>b</strike><del>c</del>",
            "abc",
            [("strikethrough", 0, 1), ("strikethrough", 1, 1), ("strikethrough", 2, 1)],
        ),
        (
            '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
            "xy",
            [("spoiler", 0, 1), ("spoiler", 1, 1)],
        ),
        ("<b>a<i>b</i>c</b>", "abc", [("bold", 0, 3), ("italic", 1, 1)]),
        ("<b><i>x</i></b>", "x", [("bold", 0, 1), ("italic", 0, 1)]),
        ("<code>x &lt; y</code>", "x < y", [("code", 0, 5)]),
        ("<blockquote>q</blockquote>", "q", [("blockquote", 0, 1)]),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", 0, 1)]),
        ("<b></b>x", "x", []),
        ("<i>a</>b", "ab", [("italic", 0, 1)]),
    ],
)
def test_tags_become_entities(markup: str, text: str, expected: list[tuple]) -> None:
    parsed_text, entities = parse_html(markup)
    assert parsed_text == text
    assert spans(entities) == expected


def test_named_and_numeric_entities() -> None:
    text, entities = parse_html("&lt;b&gt;&amp;&quot; &#65;&#x42;&#128512; &lt")
    assert text == '<b>&" AB😀 <'
    assert entities == []


def test_offsets_are_utf16_code_units() -> None:
    text, entities = parse_html("😀 <b>Halo 👋</b> <i>x</i>")
    assert text == "😀 Halo 👋 x"
    assert spans(entities) == [("bold", 3, 7), ("italic", 11, 1)]
    assert utf16_len("😀") == 2
    assert utf16_len(text) == 12


def test_links_mentions_and_pre_code() -> None:
    _, entities = parse_html('<a href="https://example.org/x?a=1&amp;b=2">doc</a>')
    assert entities == [
        {"type": "text_link", "offset": 0, "length": 3, "url": "https://example.org/x?a=1&b=2"}
    ]
    _, entities = parse_html("<a href=example.org>e</a>")
    assert entities[0]["url"] == "http://example.org/"
    _, entities = parse_html('<a href="tg://user?id=42">Siti</a>')
    assert entities == [{"type": "text_mention", "offset": 0, "length": 4, "user": {"id": 42}}]
    _, entities = parse_html('<pre><code class="language-python">x = 1</code></pre>')
    assert entities == [{"type": "pre", "offset": 0, "length": 5, "language": "python"}]
    _, entities = parse_html("<pre><code>x</code></pre>")
    assert spans(entities) == [("pre", 0, 1), ("code", 0, 1)]
    _, entities = parse_html('<tg-time unix="1795838637" format="wDT">Rabu</tg-time>')
    assert entities == [
        {
            "type": "date_time",
            "offset": 0,
            "length": 4,
            "unix_time": 1795838637,
            "date_time_format": "wDT",
        }
    ]
    _, entities = parse_html('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>')
    assert entities[0]["custom_emoji_id"] == "5368324170671202286"
    assert entities[0]["length"] == 2  # one emoji, two UTF-16 code units


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ("a <p>b</p>", 'Unsupported start tag "p" at byte offset 2'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("x<br/>", 'Unsupported start tag "br/" at byte offset 1'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>x</B>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</B>"'),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("ab<b", "Unclosed start tag at byte offset 2"),
        ('<a href="x>y</a>', "Unclosed start tag at byte offset 0"),
        ("<a href=  ", 'Unclosed start tag "a" at byte offset 0'),
        ("<b =x>y</b>", 'Empty attribute name in the tag "b" at byte offset 0'),
        ("<a href=a,b>y</a>", "Unexpected end of name token at byte offset 8"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("😀<x>", 'Unsupported start tag "x" at byte offset 4'),
        (
            "&#xD800;",
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units",
        ),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier specified"),
        ('<tg-time unix="soon">x</tg-time>', "Invalid Unix time specified"),
        ('<tg-time unix="1795838637" format="rt">x</tg-time>', "Invalid date format used"),
    ],
)
def test_errors_match_telegram(markup: str, error: str) -> None:
    with pytest.raises(HtmlError) as raised:
        parse_html(markup, strict=False)
    assert str(raised.value) == error


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ("Tom & Jerry", 'Unescaped "&" (emulator strict mode) at byte offset 4'),
        ("a &ge; b", 'Unescaped "&" (emulator strict mode) at byte offset 2'),
        ("2 > 1", 'Unescaped ">" (emulator strict mode) at byte offset 2'),
    ],
)
def test_strict_mode_rejects_what_telegram_would_show_literally(markup: str, error: str) -> None:
    with pytest.raises(HtmlError) as raised:
        parse_html(markup)
    assert str(raised.value) == error
    text, _ = parse_html(markup, strict=False)
    assert text == markup


def _text(raw: str, parse_mode: str | None = "HTML") -> tuple[str, list[dict]]:
    return formatting.message_text(
        raw, parse_mode, None, strict_html=True, user_lookup=lambda _user_id: None
    )


def test_message_text_is_trimmed_and_measured_after_parsing() -> None:
    assert _text("  <b> hi </b>\n") == ("hi", [{"type": "bold", "offset": 0, "length": 2}])
    assert _text("<b>" + "x" * 4096 + "</b>")[0] == "x" * 4096
    assert _text("😀" * 2048)[0] == "😀" * 2048
    with pytest.raises(Rejected, match="message is too long"):
        _text("😀" * 2048 + "x")
    with pytest.raises(Rejected, match="message text is empty"):
        _text("<b> </b>")
    with pytest.raises(Rejected, match="can't parse entities: Unsupported start tag"):
        _text("<p>x</p>")
    with pytest.raises(Rejected, match="not supported by the emulator"):
        _text("*x*", "MarkdownV2")


def test_unknown_text_mentions_are_dropped() -> None:
    text, entities = _text('<a href="tg://user?id=5">Siti</a>')
    assert (text, entities) == ("Siti", [])


def test_caption_limit() -> None:
    def caption(raw: str) -> str | None:
        return formatting.caption(
            raw, "HTML", None, strict_html=True, user_lookup=lambda _user_id: None
        )[0]

    assert caption("<i>" + "x" * 1024 + "</i>") == "x" * 1024
    assert caption("") is None
    with pytest.raises(Rejected, match="message caption is too long"):
        caption("x" * 1025)
