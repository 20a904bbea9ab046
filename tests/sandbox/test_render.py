"""The page draws the bot's messages from text and entities, never from raw HTML."""

from __future__ import annotations

from emulator.html import parse_html
from sandbox.render import entities_html, safe_url


def rendered(source: str) -> str:
    return entities_html(*parse_html(source))


def test_formatting_survives_and_text_is_escaped() -> None:
    assert rendered("<b>Pengaduan</b> &lt;script&gt; <i>baru</i>") == (
        "<b>Pengaduan</b> &lt;script&gt; <i>baru</i>"
    )
    assert rendered('<a href="https://t.me/bot?start=skm_KTP">isi survei</a>') == (
        '<a href="https://t.me/bot?start=skm_KTP" target="_blank" rel="noopener noreferrer">'
        "isi survei</a>"
    )


def test_nested_and_overlapping_entities_always_nest() -> None:
    assert rendered("<b>tebal <i>miring</i></b>") == "<b>tebal <i>miring</i></b>"
    text = "abcdef"
    overlapping = [
        {"type": "bold", "offset": 0, "length": 4},
        {"type": "italic", "offset": 2, "length": 4},
    ]
    assert entities_html(text, overlapping) == "<b>ab<i>cd</i></b><i>ef</i>"


def test_offsets_count_utf16_units() -> None:
    text = "😀 Lampu mati"  # the emoji is two UTF-16 units
    assert entities_html(text, [{"type": "bold", "offset": 3, "length": 5}]) == (
        "😀 <b>Lampu</b> mati"
    )


def test_only_safe_links_become_links() -> None:
    evil = [{"type": "text_link", "offset": 0, "length": 4, "url": "javascript:alert(1)"}]
    assert entities_html("klik", evil) == '<span class="link">klik</span>'
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("example.org") == "http://example.org"
    quoted = [{"type": "text_link", "offset": 0, "length": 1, "url": 'https://x.org/"><b>'}]
    assert '"><b>' not in entities_html("x", quoted)


def test_commands_are_marked_for_the_page_to_send() -> None:
    assert rendered("Ketik /lapor untuk mulai") == (
        'Ketik <span class="command" data-command="/lapor">/lapor</span> untuk mulai'
    )
