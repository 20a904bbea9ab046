"""Steps of the SKM survey, written the way a citizen does them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.emulator import BotMessage, FakeUser

KEYS = tuple(f"U{n}" for n in range(1, 10))


async def answer_unsur(citizen: FakeUser, scores: Mapping[str, int]) -> None:
    """Answer the nine questions in the order asked, pressing the button that starts with
    the score ("4 · ..."), and check each question is the expected unsur."""
    for n, key in enumerate(KEYS, start=1):
        question = await citizen.wait_for(f"Pertanyaan {n}/9")
        score = scores[key]
        label = next(b for row in question.buttons for b in row if b.startswith(f"{score} · "))
        await citizen.press(label, message=question)


async def answer_profile(citizen: FakeUser, choices: Sequence[str | None]) -> None:
    """The four optional profile questions; None presses "Lewati"."""
    for choice in choices:
        question = await citizen.wait_for("(opsional)")
        await citizen.press(choice or "Lewati", message=question)


async def finish(citizen: FakeUser, suggestion: str | None) -> BotMessage:
    """Suggestion (or Lewati), then "Kirim" on the summary; returns the thank-you."""
    prompt = await citizen.wait_for("Ada saran")
    if suggestion is None:
        await citizen.press("Lewati", message=prompt)
    else:
        await citizen.send(suggestion)
    summary = await citizen.wait_for("Periksa jawaban Anda")
    await citizen.press("Kirim", message=summary)
    return await citizen.wait_for("Terima kasih! Survei untuk")


async def complete_survey(citizen: FakeUser, service: str, scores: Mapping[str, int],
                          profile: Sequence[str | None] = (None, None, None, None),
                          suggestion: str | None = None) -> BotMessage:
    """/survei, choose ``service`` by its label, answer everything, send."""
    await citizen.send("/survei")
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.press(service, message=intro)
    await answer_unsur(citizen, scores)
    await answer_profile(citizen, profile)
    return await finish(citizen, suggestion)


def same(score: int) -> dict[str, int]:
    return dict.fromkeys(KEYS, score)
