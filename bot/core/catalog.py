"""The message catalog: every user-facing text, in Indonesian (default) and English.

Texts are HTML (Telegram's subset). Values passed to :func:`t` are escaped unless wrapped
in :class:`Markup`, so a citizen named ``<b>&`` can never break a message or inject markup.
Each feature keeps its texts in its own package (``bot/<feature>/texts*.py``, listed in
:data:`MODULES` by their dotted path) with two dicts, ``ID`` and ``EN``; this module merges
them and a unit test checks both languages carry the same keys and placeholders.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Mapping
from importlib import import_module

LANGUAGES = ("id", "en")
MODULES = (
    "bot.core.texts",
    "bot.people.texts",
    "bot.core.texts_delivery",
    "bot.complaints.texts_intake",
    "bot.complaints.texts_followup",
    "bot.complaints.texts_staff",
    "bot.activities.texts",
    "bot.activities.texts_create",
    "bot.activities.texts_jp",
    "bot.activities.texts_corrections",
    "bot.survey.texts",
    "bot.survey.texts_ikm",
    "bot.reports.texts",
    "bot.reports.texts_sections",
    "bot.survey.texts_suggestions",
    "bot.privacy.texts",
    "bot.reports.texts_export",
    "bot.transparency.texts",
    "bot.city.texts",
)
MAX_MESSAGE = 4096
MAX_CAPTION = 1024


class Markup(str):
    """Text that is already safe HTML (built from the catalog); :func:`t` inserts it as is."""


def escape(value: object) -> str:
    return value if isinstance(value, Markup) else html.escape(str(value), quote=False)


def _load() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for name in MODULES:
        module = import_module(name)
        for language, texts in (("id", module.ID), ("en", module.EN)):
            overlap = catalog[language].keys() & texts.keys()
            if overlap:
                raise RuntimeError(f"text keys defined twice: {sorted(overlap)}")
            catalog[language].update(texts)
    return catalog


CATALOG: dict[str, dict[str, str]] = _load()


class _EscapingFormatter(string.Formatter):
    """Escapes every value, and picks a word by a count: ``{n:|complaint|complaints}``
    gives "complaint" when ``n`` is 1 and "complaints" otherwise (for English; Indonesian
    nouns do not change). Counts may arrive formatted ("1,234")."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("|"):
            singular, _, plural = format_spec[1:].partition("|")
            return html.escape(singular if _count(value) == 1 else plural, quote=False)
        if isinstance(value, Markup):
            return format(value, format_spec)
        return html.escape(format(value, format_spec), quote=False)


def _count(value: object) -> int | None:
    digits = re.sub(r"\D", "", str(value))
    return int(digits) if digits else None


_formatter = _EscapingFormatter()


def t(language: str, key: str, /, **values: object) -> Markup:
    """Render ``key`` in ``language`` (falling back to Indonesian) with escaped values."""
    template = CATALOG.get(language, CATALOG["id"]).get(key) or CATALOG["id"][key]
    return Markup(_formatter.vformat(template, (), values))


def join(parts: Iterable[str], separator: str = "\n") -> Markup:
    """Join catalog texts (already safe) with a plain separator."""
    return Markup(separator.join(parts))


def chosen(question: str, choice: str) -> Markup:
    """A question (safe HTML) with the choice made under it, as a pressed button leaves it:
    "✓ Infrastruktur", but a label with its own symbol keeps only that ("✅ Setuju", not
    "✓ ✅ Setuju")."""
    mark = "" if choice[:1] and not choice[:1].isalnum() else "✓ "
    return Markup(f"{question}\n{mark}<b>{escape(choice)}</b>")


#: The record of a guided step's earlier choices, above its current question.
RECORD_OPEN, RECORD_CLOSE = "<blockquote expandable>", "</blockquote>"


def recorded(pressed: str, choice: str, following: str, limit: int = MAX_MESSAGE) -> Markup:
    """The text a guided step's message takes when its button is pressed: the record of
    the choices made on it (an expandable quote: each question's first line, then the
    choice under it, as :func:`chosen` marks it) and the step that follows.

    ``pressed`` is the message's HTML as Telegram gives it back (its record, then the
    question); ``following`` is the next question. The oldest choices leave the record
    when the message would exceed Telegram's limit."""
    lines: list[str] = []
    question = pressed
    if pressed.startswith(RECORD_OPEN) and RECORD_CLOSE in pressed:
        inside, _, question = pressed[len(RECORD_OPEN) :].partition(RECORD_CLOSE)
        lines = inside.split("\n")
    asked = _strip_tags(question.strip("\n").split("\n", 1)[0]).strip()
    lines += [*([asked] if asked else []), chosen("", choice).lstrip("\n")]
    while lines:
        text = f"{RECORD_OPEN}{chr(10).join(lines)}{RECORD_CLOSE}\n{following}"
        if visible_length(text) <= limit:
            return Markup(text)
        lines = lines[2:]
    return Markup(following)


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[Markup]:
    """Split a long HTML text at line breaks so each part fits one Telegram message.

    Sizes are measured the way Telegram measures them: the text after the HTML is parsed,
    in UTF-16 code units. Counting the HTML instead would split a description full of
    ``&`` (five characters each once escaped) for nothing, and counting characters would
    let emoji (two units each) overflow the limit. Lines are never cut in the middle (a
    tag could be torn apart); a single line longer than the limit loses its tags and is
    truncated with an ellipsis, never inside an escaped character.
    """
    parts: list[str] = []
    current, size = "", 0
    for line in text.split("\n"):
        length = visible_length(line)
        if length > limit:
            line, length = _truncate(line, limit), limit
        if current and size + 1 + length > limit:
            parts.append(current)
            current, size = line, length
        elif current:
            current, size = f"{current}\n{line}", size + 1 + length
        else:
            current, size = line, length
    if current or not parts:
        parts.append(current)
    return [Markup(p) for p in parts]


def fit_message(text: str, limit: int = MAX_MESSAGE) -> Markup:
    """A text that must stay one message (an edit, a caption): as is when it fits,
    otherwise its first part (measured like :func:`split_message`) and an ellipsis."""
    if visible_length(text) <= limit:
        return Markup(text)
    return Markup(split_message(text, limit - 2)[0] + "\n…")


def shorten(value: str, units: int) -> str:
    """Plain text (a value, escaped later by :func:`t`) cut to ``units`` UTF-16 units,
    ellipsis included, for a value that must leave room in a message of fixed size."""
    if _utf16_length(value) <= units:
        return value
    kept, size = [], 0
    for char in value:
        size += _utf16_length(char)
        if size > units - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def plain_text(html_text: str) -> str:
    """The text Telegram shows for ``html_text`` (tags dropped, entities decoded)."""
    return html.unescape(_strip_tags(html_text))


def visible_length(html_text: str) -> int:
    """The length Telegram checks against its limits: UTF-16 units of the parsed text."""
    return _utf16_length(html.unescape(_strip_tags(html_text)))


def _utf16_length(plain: str) -> int:
    return len(plain.encode("utf-16-le")) // 2


def _truncate(line: str, limit: int) -> str:
    """The line's text without tags, cut to ``limit`` units including the ellipsis."""
    kept, size = [], 0
    for char in html.unescape(_strip_tags(line)):
        size += _utf16_length(char)
        if size > limit - 1:
            break
        kept.append(char)
    return html.escape("".join(kept), quote=False) + "…"


def _strip_tags(line: str) -> str:
    out, inside = [], False
    for char in line:
        if char == "<":
            inside = True
        elif char == ">" and inside:
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def catalog_keys(language: str) -> Mapping[str, str]:
    return CATALOG[language]
