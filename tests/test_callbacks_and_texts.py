import pytest

from bot.core.callbacks import BadCallback, SetLanguage, parse_any, records
from bot.core.catalog import CATALOG, Markup, placeholders, split_message, t, visible_length


def test_callback_round_trip_and_strictness() -> None:
    data = SetLanguage("en").encode()
    assert parse_any(data) == SetLanguage("en")
    for bad in (
        "",
        "v1:lang:set",
        "v1:lang:set:en:x",
        "v2:lang:set:en",
        "v1:lang:set:<b>",
        "v1:lang:set:" + "e" * 70,
    ):
        with pytest.raises(BadCallback):
            SetLanguage.parse(bad)


def test_every_registered_callback_fits_64_bytes() -> None:
    import bot.core.app  # noqa: F401  (the application imports every feature's records)

    declared = records()
    assert {("lp", "send"), ("c", "acc"), ("s", "ans")} <= declared.keys()
    for record in declared.values():
        assert len(record.prefix().encode()) + 2 * 19 <= 64, record


def test_catalog_languages_agree() -> None:
    assert CATALOG["id"].keys() == CATALOG["en"].keys()
    for key, template in CATALOG["id"].items():
        assert placeholders(template) == placeholders(CATALOG["en"][key]), key


def test_values_are_escaped_but_markup_is_not() -> None:
    text = t("id", "users.line", name="<b>&", role=Markup("<i>Staf</i>"), id=1, unreachable="")
    assert "&lt;b&gt;&amp;" in text and "<i>Staf</i>" in text


def test_split_message_respects_the_limit() -> None:
    text = "\n".join(f"<b>baris</b> {i} " + "x" * 50 for i in range(200))
    parts = split_message(text)
    assert len(parts) > 1 and all(visible_length(p) <= 4096 for p in parts)
    assert "\n".join(parts) == text
    huge = split_message("y" * 5000)
    assert len(huge) == 1 and len(huge[0]) == 4096


def test_split_message_measures_what_telegram_measures() -> None:
    """Telegram counts the parsed text in UTF-16 units, not the HTML or the characters."""
    escaped = "&amp;" * 3000  # 15000 characters of HTML, 3000 visible
    assert split_message(escaped) == [escaped]
    emoji = "😀" * 2100  # 2100 characters, 4200 UTF-16 units
    parts = split_message(f"<b>Uraian:</b>\n{emoji}")
    assert all(visible_length(p) <= 4096 for p in parts)
    assert parts[-1].endswith("…") and "\ud83d" not in parts[-1]
    cut = split_message("&amp;" * 5000)
    assert len(cut) == 1 and cut[0] == "&amp;" * 4095 + "…"


def test_english_counts_choose_singular_or_plural() -> None:
    from bot.core.catalog import t

    assert "1 open complaint" in t("en", "queue.title", scope="PEM", count=1)
    assert t("en", "queue.title", scope="PEM", count=1).endswith("complaint")
    assert t("en", "queue.title", scope="PEM", count="1,234").endswith("1,234 open complaints")
    assert t("en", "queue.title", scope="PEM", count=0).endswith("0 open complaints")


def test_one_form_of_address_in_indonesian() -> None:
    """ "Anda" everywhere: the official SKM questions' "Saudara" too (one voice per bot)."""
    import re

    from bot.survey.texts import UNSUR_ID

    texts = [str(text) for text in CATALOG["id"].values()]
    texts += [question for _name, question, _labels in UNSUR_ID.values()]
    for text in texts:
        assert not re.search(r"\b(Saudara|saudara|Bapak/Ibu|kamu)\b", text), text


def test_a_pressed_choice_gets_one_mark() -> None:
    from bot.core.catalog import chosen

    assert chosen("Kategori?", "Infrastruktur") == "Kategori?\n✓ <b>Infrastruktur</b>"
    assert chosen("Setuju?", "✅ Setuju") == "Setuju?\n<b>✅ Setuju</b>"
    assert chosen("Unit?", "4 · Sangat sesuai") == "Unit?\n✓ <b>4 · Sangat sesuai</b>"
    assert chosen("Q", "Jl. <b>&") == "Q\n✓ <b>Jl. &lt;b&gt;&amp;</b>"  # escaped
