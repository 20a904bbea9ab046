"""Steps of the SKM survey, written the way a citizen does them.

The questionnaire runs on one "card" message that the bot edits from question to
question, so the steps follow that message's versions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from emulator import BotMessage, FakeUser

KEYS = tuple(f"U{n}" for n in range(1, 10))


def score_button(card: BotMessage, score: int) -> str:
    """The label of the button for ``score`` ("4 · Sangat mudah")."""
    return next(b for row in card.buttons for b in row if b.startswith(f"{score} · "))


async def press_on_card(citizen: FakeUser, card: BotMessage, label: str) -> BotMessage:
    """Press a button of the card and return the card as the bot edited it."""
    await citizen.press(label, message=card)
    return await citizen.wait_for_edit(card)


async def answer_unsur(
    citizen: FakeUser, card: BotMessage, scores: Mapping[str, int], first: int = 1
) -> BotMessage:
    """Answer the questions from number ``first`` on, checking each is the expected one."""
    for n in range(first, 10):
        assert f"Pertanyaan {n}/9" in card.text, card.text
        card = await press_on_card(citizen, card, score_button(card, scores[KEYS[n - 1]]))
    return card


async def answer_profile(
    citizen: FakeUser, card: BotMessage, choices: Sequence[str | None]
) -> BotMessage:
    """The four optional profile questions; None presses "Lewati"."""
    for choice in choices:
        assert "(opsional)" in card.text, card.text
        card = await press_on_card(citizen, card, choice or "Lewati")
    return card


async def finish(citizen: FakeUser, card: BotMessage, suggestion: str | None) -> BotMessage:
    """Suggestion (or Lewati), then "Kirim" on the summary; returns the thank-you."""
    assert "Ada saran" in card.text, card.text
    if suggestion is None:
        summary = await press_on_card(citizen, card, "Lewati")
    else:
        await citizen.send(suggestion)
        summary = await citizen.wait_for("Periksa jawaban Anda")
    assert "Periksa jawaban Anda" in summary.text
    await citizen.press("Kirim", message=summary)
    return await citizen.wait_for("Terima kasih! Survei untuk")


async def complete_from_first_question(
    citizen: FakeUser,
    scores: Mapping[str, int],
    profile: Sequence[str | None] = (None,) * 4,
    suggestion: str | None = None,
) -> BotMessage:
    card = await citizen.wait_for("Pertanyaan 1/9")
    card = await answer_unsur(citizen, card, scores)
    card = await answer_profile(citizen, card, profile)
    return await finish(citizen, card, suggestion)


async def complete_survey(
    citizen: FakeUser,
    service: str,
    scores: Mapping[str, int],
    profile: Sequence[str | None] = (None,) * 4,
    suggestion: str | None = None,
) -> BotMessage:
    """/survei, choose ``service`` by its label, answer everything, send."""
    await citizen.send("/survei")
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.press(service, message=intro)
    return await complete_from_first_question(citizen, scores, profile, suggestion)


async def complete_by_link(citizen: FakeUser, code: str, scores: Mapping[str, int]) -> BotMessage:
    await citizen.send(f"/start skm_{code}")
    return await complete_from_first_question(citizen, scores)


def same(score: int) -> dict[str, int]:
    return dict.fromkeys(KEYS, score)
