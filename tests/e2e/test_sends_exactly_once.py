"""Exactly once around the staff's sends (issue 14): an answer after a committed action
that fails is retried and never turns into "try again"; a question is recorded before it
is posted; a reply to a bot message the bot does not recognise is explained; an alert
edit stays within Telegram's limits."""

from __future__ import annotations

from emulator import FakeUser
from storage.complaints import records as complaints
from tests.e2e.bot_process import ProcessOffice
from tests.e2e.complaint_steps import (
    NUMBER,
    alert_for,
    begin_complaint,
    file_complaint,
    labels,
    unit_with_group,
)
from tests.e2e.harness import OfficeEnv

ANSWER = "Lampu sudah kami ganti pagi ini, silakan dicek kembali."


async def test_a_502_on_the_confirmation_of_an_answer_is_retried_not_repeated(
    office: OfficeEnv,
) -> None:
    """The officer's answer committed; Telegram answers 502 to the group confirmation.
    The bot tries again, and the citizen gets the answer once."""
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(unit.group, number)
    in_group = lambda p: str(p.get("chat_id")) == str(unit.group.id)  # noqa: E731
    office.world.fail_next("sendMessage", status=502, when=in_group)
    await unit.staff.say(unit.group, ANSWER, reply_to=alert)
    confirmation = await unit.group.wait_for("terkirim")
    assert number in confirmation.text
    await citizen.wait_for("Lampu sudah kami ganti")
    await office.world.settle()
    assert not [m for m in unit.group.bot_messages if "coba lagi" in m.text]
    assert len([m for m in citizen.inbox if "Lampu sudah kami ganti" in m.text]) == 1


async def test_when_telegram_keeps_failing_the_officer_learns_the_action_was_saved(
    office: OfficeEnv,
) -> None:
    """Every try of the confirmation fails: the officer is told the answer was saved
    (not "try again", which would send it to the citizen twice)."""
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(unit.group, number)
    in_group = lambda p: str(p.get("chat_id")) == str(unit.group.id)  # noqa: E731
    office.world.fail_next("sendMessage", status=502, count=4, when=in_group)  # and 3 retries
    await unit.staff.say(unit.group, ANSWER, reply_to=alert)
    saved = await unit.group.wait_for("sudah tersimpan", timeout=30)
    assert "coba lagi" not in saved.text and "Tidak perlu diulang" in saved.text
    await citizen.wait_for("Lampu sudah kami ganti")
    await office.world.settle()
    assert len([m for m in citizen.inbox if "Lampu sudah kami ganti" in m.text]) == 1


async def test_before_anything_is_saved_a_failure_still_says_try_again(office: OfficeEnv) -> None:
    """A failure before the change (nothing saved) keeps the honest "try again"."""
    citizen = office.user("Budi")
    await citizen.send("/start")
    await citizen.next_message()
    office.world.fail_next("sendMessage", status=400, description="Bad Request: boom")
    await citizen.send("/riwayat")
    apology = await citizen.wait_for("coba lagi")
    assert "tersimpan" not in apology.text


async def test_a_reply_to_a_bot_message_that_waits_for_nothing_is_explained(
    office: OfficeEnv,
) -> None:
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    bound = next(m for m in unit.group.bot_messages if "sekarang menjadi kanal" in m.text)
    await unit.staff.say(unit.group, "Siap, terima kasih.", reply_to=bound)
    explained = await unit.group.wait_for("tidak diproses")
    assert "/tiket" in explained.text


async def test_a_reply_to_an_alert_copy_whose_record_was_lost_reaches_the_citizen(
    process_office: ProcessOffice,
) -> None:
    """The process died after Telegram showed the alert and before it saved the alert's
    message id: the alert goes out again, and the copy the bot kept no record of is
    still the complaint's, by the number in its heading. A reply to it reaches the
    citizen once; a group member without the right to act is refused, as on a recorded
    alert."""
    office = process_office
    await office.start()
    outsider = office.user("Tono")
    group = office.world.group("Seksi Pembangunan", members=[office.admin, outsider])
    await office.bind_group(group, "PEMB")
    citizen = office.user("Yusuf")
    held = office.world.hold_answer(
        "sendMessage",
        lambda p: str(p.get("chat_id")) == str(group.id) and "Pengaduan" in str(p["text"]),
    )
    number = await file_complaint(citizen)
    await held.wait()
    await office.kill()
    held.release()
    unrecorded = await alert_for(group, number)

    await office.start()
    await alert_for(group, number)  # sent again: its row was in flight
    await outsider.say(group, "Biar saya yang jawab, Pak.", reply_to=unrecorded)
    await group.wait_for("bukan wewenang")
    await office.admin.say(group, ANSWER, reply_to=unrecorded)
    sent = await group.wait_for("terkirim ke warga")
    assert number in sent.text
    await citizen.wait_for("Lampu sudah kami ganti")
    await office.world.settle()
    await office.stop()
    assert len([m for m in citizen.inbox if "Lampu sudah kami ganti" in m.text]) == 1
    assert not [m for m in citizen.inbox if "Biar saya" in m.text]


async def test_a_reply_to_a_bot_message_naming_a_complaint_is_not_taken_for_an_answer(
    office: OfficeEnv,
) -> None:
    """Only an alert stands for its complaint: a reply to another bot message that names
    one (here the group's confirmation of an answer, sent directly and not recorded) is
    explained, never sent to the citizen."""
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(unit.group, number)
    await unit.staff.say(unit.group, ANSWER, reply_to=alert)
    confirmation = await unit.group.wait_for("terkirim ke warga")
    await unit.staff.say(
        unit.group, "Baik, sudah dicek juga oleh kepala seksi.", reply_to=confirmation
    )
    explained = await unit.group.wait_for("tidak diproses")
    assert "/tiket" in explained.text
    await office.world.settle()
    assert not [m for m in citizen.inbox if "kepala seksi" in m.text]


async def test_an_alert_full_of_emoji_is_still_updated_after_terima(office: OfficeEnv) -> None:
    """2000 emoji are 4000 UTF-16 units: the alert must fit one message, or its edit after
    Terima is refused and the alert keeps offering Terima."""
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Rina")
    await begin_complaint(citizen, description="🚧" * 2000)
    await citizen.press("Lewati")
    await citizen.press("Tampilkan nama saya", message=await citizen.wait_for("identitas"))
    summary = await citizen.wait_for(predicate=lambda m: any("Kirim" in b for b in labels(m)))
    await citizen.press("Kirim", message=summary)
    number = NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)
    alert = await alert_for(unit.group, number)
    assert "✅ Terima" in labels(alert)
    await unit.staff.press("Terima", message=alert, chat=unit.group)
    updated = await unit.group.wait_for_edit(alert)
    assert "✅ Terima" not in labels(updated)
    assert updated.text.count("🚧") > 1500 and "…" in updated.text
    assert all(call.ok for call in office.world.calls("editMessageText"))
    stored = await complaints.by_number(office.db, number)
    assert stored is not None and stored.description == "🚧" * 2000  # nothing lost


async def test_a_question_whose_record_was_lost_in_a_crash_still_takes_the_answer(
    process_office: ProcessOffice,
) -> None:
    """ "Minta Info" was pressed and the question posted, but the process died before it
    saved the question's message id: the officer's reply still reaches the citizen."""
    office = process_office
    await office.start()
    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    citizen: FakeUser = office.user("Zul")
    number = await file_complaint(citizen)
    alert = await alert_for(group, number)
    held = office.world.hold_answer("sendMessage", lambda p: "balas pesan ini" in str(p["text"]))
    await office.admin.press("Minta Info", message=alert, chat=group)
    await held.wait()
    await office.kill()
    held.release()

    await office.start()
    question = await group.wait_for("balas pesan ini")
    await office.admin.say(group, "Di depan rumah nomor berapa, Pak?", reply_to=question)
    await group.wait_for("Pertanyaan")
    asked = await citizen.wait_for("nomor berapa")
    assert number in asked.text
    await office.stop()
