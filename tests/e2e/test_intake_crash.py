"""A crash never files a complaint other than the one the citizen last saw (issue 10,
breach 1). The real ``marelan-bot run`` process is killed (SIGKILL: no shutdown code runs,
as with the out-of-memory killer or a power cut) at chosen moments of changing the
identity to "Rahasiakan identitas" on the summary, then started again; the citizen goes
on with what is on their screen. The complaint filed must be confidential, and the
summary it was sent from must say so.

The bot's answer to the call that shows the moment is held back by the emulator, so the
process dies exactly there: the citizen has seen it, the bot has not heard back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from emulator import BotMessage, FakeGroup, FakeUser
from storage.complaints import records as complaints
from storage.core.db import Database
from tests.e2e.bot_process import ProcessOffice
from tests.e2e.complaint_steps import NUMBER, alert_for, begin_complaint
from tests.e2e.harness import OfficeEnv

SUMMARY = "Periksa pengaduan"
HIDE = "Rahasiakan identitas"


def _text(params: dict[str, Any]) -> str:
    return str(params.get("text", ""))


def _new_summary(params: dict[str, Any]) -> bool:
    return SUMMARY in _text(params) and "dirahasiakan" in _text(params)


@dataclass(frozen=True)
class Moment:
    method: str  # the bot's call that shows the moment
    which: Callable[[dict[str, Any]], bool]
    before: bool = False  # killed before the call reached Telegram (nothing shown)
    answered: bool = False  # the citizen had pressed "Rahasiakan identitas"


# Each step edits the message whose button was pressed (the summary becomes the edit
# menu, then the identity question, then the summary again).
MOMENTS = {
    # "Identitas" chosen in the edit menu: the identity question is on the screen.
    "question shown": Moment("editMessageText", lambda p: HIDE in str(p.get("reply_markup"))),
    # "Rahasiakan identitas" pressed, the new summary on its way: the screen still shows
    # the question.
    "summary on its way": Moment("editMessageText", _new_summary, before=True, answered=True),
    # The new summary is on the screen: "Identitas: dirahasiakan".
    "summary shown": Moment("editMessageText", _new_summary, answered=True),
}


def _summaries(citizen: FakeUser) -> list[BotMessage]:
    """The summaries on the screen (a step's question edited into the summary included)."""
    return [m for m in citizen.inbox if any("Kirim" in label for label in m.button_data)]


async def _send_what_is_on_screen(citizen: FakeUser) -> tuple[BotMessage, str]:
    """Press Kirim on the newest summary; when the bot refuses it as outdated, it shows
    the current one, which the citizen reads and sends. Returns the summary accepted and
    the tracking number."""
    summary = _summaries(citizen)[-1]
    answer = await citizen.press("Kirim", message=summary)
    if answer.show_alert:
        assert "berubah" in answer.text
        summary = await citizen.wait_for(
            SUMMARY, predicate=lambda m: m.message_id > summary.message_id
        )
        await citizen.press("Kirim", message=summary)
    confirmation = await citizen.wait_for("tercatat")
    return summary, NUMBER.search(confirmation.text).group(0)


async def _at_a_named_summary(
    office: OfficeEnv | ProcessOffice,
) -> tuple[FakeGroup, FakeUser, BotMessage]:
    """A unit group, and a citizen whose draft is at the summary showing their name."""
    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    citizen = office.user("Zulkarnaen", username="zul_rahasia")
    await begin_complaint(citizen)
    await citizen.press("Lewati")
    await citizen.press("Tampilkan nama saya", message=await citizen.wait_for(HIDE))
    named = await citizen.wait_for(SUMMARY)
    assert "Zulkarnaen" in named.text
    return group, citizen, named


@pytest.mark.parametrize("moment", list(MOMENTS))
async def test_a_crash_during_the_identity_choice_files_what_the_citizen_saw(
    process_office: ProcessOffice, moment: str
) -> None:
    office = process_office
    await office.start()
    group, citizen, named = await _at_a_named_summary(office)

    chosen = MOMENTS[moment]
    held = office.world.hold_answer(chosen.method, chosen.which, before=chosen.before)
    await citizen.press("Ubah", message=named)
    await citizen.press("Identitas", message=await citizen.wait_for("Bagian mana"))
    question = await citizen.wait_for(HIDE)
    if chosen.answered:
        await citizen.press(HIDE, message=question)
    await held.wait()
    await office.kill()
    held.release()

    await office.start()
    if not chosen.answered or chosen.before:  # the screen shows the question: press it
        await citizen.press(HIDE, message=question)
        await citizen.wait_for("Identitas: dirahasiakan")
    sent_from, number = await _send_what_is_on_screen(citizen)
    alert = await alert_for(group, number)
    await office.stop()

    assert "Identitas: dirahasiakan" in sent_from.text
    assert "Zulkarnaen" not in alert.text and "zul_rahasia" not in alert.text
    database = Database(office.database)
    await database.open()
    try:
        assert (await complaints.by_number(database, number)).confidential == 1
    finally:
        await database.close()


async def test_kirim_on_an_outdated_summary_shows_the_current_one(office: OfficeEnv) -> None:
    """Without a crash too: the citizen changes the identity, then presses Kirim on the
    summary that still shows their name (another device of theirs, not yet refreshed,
    still shows it). That summary is not what would be filed, so it is refused and the
    current one shown."""
    group, citizen, named = await _at_a_named_summary(office)
    kirim = next(data for label, data in named.button_data.items() if "Kirim" in label)
    await citizen.press("Ubah", message=named)
    await citizen.press("Identitas", message=await citizen.wait_for("Bagian mana"))
    await citizen.press(HIDE, message=await citizen.wait_for(HIDE))
    await citizen.wait_for("Identitas: dirahasiakan")

    refusal = await citizen.press_data(kirim, message=named)
    assert refusal.show_alert and "berubah" in refusal.text
    current = await citizen.wait_for(SUMMARY)
    assert "Identitas: dirahasiakan" in current.text
    await office.world.settle()
    assert await office.db.fetchval("SELECT COUNT(*) FROM complaints") == 0

    await citizen.press("Kirim", message=current)
    number = NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)
    assert "Zulkarnaen" not in (await alert_for(group, number)).text
    assert (await complaints.by_number(office.db, number)).confidential == 1


async def test_a_crash_right_after_filing_still_gives_the_number_once(
    process_office: ProcessOffice,
) -> None:
    """Kirim was pressed and the complaint committed; the process dies before anything
    shows on the screen (the confirmation is held back and never arrives). The
    citizen still gets their number after the restart, exactly once, and files nothing
    twice (issue 14)."""
    office = process_office
    await office.start()
    group, citizen, named = await _at_a_named_summary(office)
    number_held = office.world.hold_answer(
        "sendMessage", lambda p: "tercatat" in _text(p), before=True
    )
    await citizen.press("Kirim", message=named)
    await number_held.wait()  # committed with the complaint, on its way: never arrives
    await office.kill()
    number_held.release()

    await office.start()
    confirmation = await citizen.wait_for("tercatat", timeout=30)
    number = NUMBER.search(confirmation.text).group(0)
    await alert_for(group, number)
    await office.world.settle()
    await office.stop()
    assert len([m for m in citizen.inbox if "tercatat" in m.text]) == 1
    database = Database(office.database)
    await database.open()
    try:
        assert await database.fetchval("SELECT COUNT(*) FROM complaints") == 1
    finally:
        await database.close()


async def test_a_citizen_whose_screen_fell_behind_is_shown_the_current_step(
    process_office: ProcessOffice,
) -> None:
    """The category was chosen and the next step stored, but the process died before
    the kelurahan question reached the screen: the category question still shows its
    buttons. After the restart, pressing one of them, or typing /lapor, shows the step the
    citizen is at, and they go on from there."""
    office = process_office
    await office.start()
    citizen = office.user("Rahmat")
    await citizen.send("/lapor")
    first = await citizen.next_message()
    if "data pribadi" in first.text:
        await citizen.press("Setuju")
    question = await citizen.wait_for("Pilih kategori")
    held = office.world.hold_answer(  # the pressed question becoming the next one
        "editMessageText", lambda p: "Di kelurahan mana" in _text(p), before=True
    )
    await citizen.press("Infrastruktur", message=question)
    await held.wait()
    await office.kill()
    held.release()

    await office.start()
    pressed = await citizen.press("Infrastruktur", message=question)
    assert pressed.show_alert and "sudah lewat" in pressed.text
    shown = await citizen.wait_for("Di kelurahan mana")
    assert shown.message_id != question.message_id  # shown anew, below
    await citizen.send("/lapor")
    again = await citizen.wait_for("Ini langkah Anda sekarang")
    assert "Di kelurahan mana" in again.text  # said and shown in one message
    await citizen.press("Terjun", message=again)
    await citizen.wait_for("Ceritakan masalahnya")
    await office.stop()
