"""How the satisfaction lines of the reports read: ties among the weakest unsur, the IKM
with its change and sample warning, and an incomplete index never shown as one."""

from bot.survey.ikm_rules import from_answers
from bot.survey.report_sections import PeriodIkm, lowest, render_ikm, render_weakest

KEYS = [f"U{n}" for n in range(1, 10)]


def answers(*scores: int) -> dict[str, int]:
    return dict(zip(KEYS, scores, strict=True))


def test_the_weakest_unsur_and_its_ties() -> None:
    one = from_answers([answers(4, 4, 2, 4, 4, 4, 4, 3, 4)])
    assert [u.key for u in lowest(one)] == ["U3"]
    assert render_weakest("id", one) == (
        "🔧 Unsur SKM terlemah: <b>U3 Waktu Penyelesaian</b> — NRR 2,00 (mutu D)"
    )
    tied = from_answers([answers(3, 3, 4, 3, 4, 4, 3, 4, 4)])
    assert [u.key for u in lowest(tied)] == ["U1", "U2", "U4", "U7"]
    text = render_weakest("en", tied)
    assert "<b>U1 Requirements, U2 " in text and "U4 Cost/fee and 1 more</b>" in text
    assert text.endswith("NRR 3.00 (grade C)")  # 3 × 25 = 75.00: C (65.00–76.60)


def test_the_ikm_line_with_change_and_sample() -> None:
    now = from_answers([answers(4, 4, 4, 4, 4, 4, 4, 4, 4), answers(3, 3, 3, 3, 3, 3, 3, 3, 3)])
    before = from_answers([answers(3, 3, 3, 3, 3, 3, 3, 3, 3)])
    text = render_ikm("id", PeriodIkm(now, before, minimum_sample=130))
    assert text == (
        "😊 IKM survei kepuasan: <b>87,50</b> (▲ 12,50) · mutu <b>B</b> (Baik)\n"
        "     dari 2 responden (▲ 1) · ⚠️ kurang dari sampel minimum 130"
    )
    english = render_ikm("en", PeriodIkm(before, None, minimum_sample=1))
    assert english == (
        "😊 Satisfaction index (IKM): <b>75.00</b> · grade <b>C</b> (Poor)\n"
        "     respondents: 1 (▲ 1)"
    )
    same = render_ikm("id", PeriodIkm(before, before, minimum_sample=None))
    assert "<b>75,00</b> (= tetap)" in same and "1 responden (= tetap)" in same


def test_an_incomplete_index_is_not_shown_as_one() -> None:
    partial = from_answers([{k: 4 for k in KEYS if k != "U9"}])
    text = render_ikm("id", PeriodIkm(partial, None, minimum_sample=None))
    assert "IKM survei kepuasan: — (ada unsur tanpa jawaban)" in text and "100" not in text


def test_every_export_column_has_a_header_and_a_meaning_in_both_languages() -> None:
    """A column added to a sheet without catalog texts would break the export."""
    from types import SimpleNamespace

    from bot.core.app import extend
    from bot.core.extensions import Extensions
    from bot.reports.sheets import SHEETS, dictionary_rows

    wired = Extensions()
    extend(wired)

    admin = SimpleNamespace(personal_data=True)
    for sheet in wired[SHEETS]:
        fields = sheet.columns(admin)
        for language in ("id", "en"):
            rows = dictionary_rows(language, sheet.title, fields)
            headers = [header for _sheet, header, *_ in rows]
            assert len(set(headers)) == len(headers), (sheet.title, language)
            assert all(about for *_, about in rows)
