"""The description and evidence steps of /lapor as citizens really fill them: a photo
first, pictures sent "as a file", voice notes and videos, a location pin far away."""

from __future__ import annotations

from emulator import BotMessage
from emulator.files import make_png
from storage.complaints import records as complaints
from tests.e2e.complaint_steps import NUMBER, alert_for, begin_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

#: Jl. Marelan Raya near the Situs Kota Cina (Paya Pasir), inside the kecamatan.
IN_MARELAN = (3.7166, 98.6450)
#: Monas, Jakarta: about 1,400 km away.
IN_JAKARTA = (-6.1754, 106.8272)


async def start_intake(citizen) -> None:
    """/lapor up to the description question (consenting), Infrastruktur in Terjun."""
    await begin_complaint(citizen, description=None)


async def to_summary(citizen) -> BotMessage:
    """From the evidence step to the summary."""
    await citizen.press("Selesai")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    return await citizen.wait_for("Periksa pengaduan")


async def finish(citizen) -> str:
    """From the evidence step to the tracking number."""
    await to_summary(citizen)
    await citizen.press("Kirim")
    return NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)


async def test_text_typed_after_a_captioned_photo_completes_the_description(
    office: OfficeEnv,
) -> None:
    """Photo first: its short caption became the whole description and the full story
    typed next was refused as an attachment. The text now completes the description."""
    await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    await start_intake(citizen)
    await citizen.send_photo("Jalan berlubang besar")
    used = await citizen.wait_for("dipakai sebagai uraian")
    assert "tulis" in used.text.lower()  # it says more text is welcome
    assert "Langkah 4 dari 6" in used.text  # the next question, in the same message
    await citizen.send("Di depan SD Negeri 060925, sudah dua minggu, motor sering jatuh.")
    added = await citizen.next_message()
    assert "tidak dapat dilampirkan" not in added.text
    assert "Uraian dilengkapi" in added.text
    await citizen.send("Mohon segera ditimbun sebelum musim hujan.")
    await citizen.wait_for("Uraian dilengkapi")
    summary = await to_summary(citizen)
    assert "Jalan berlubang besar" in summary.text
    assert "motor sering jatuh" in summary.text and "musim hujan" in summary.text
    await citizen.press("Kirim")
    number = NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)
    stored = await complaints.by_number(office.db, number)
    assert stored.description == (
        "Jalan berlubang besar\n\nDi depan SD Negeri 060925, sudah dua minggu, motor sering "
        "jatuh.\n\nMohon segera ditimbun sebelum musim hujan."
    )
    assert len(await complaints.attachments(office.db, stored.id)) == 1


async def test_text_at_the_evidence_step_after_a_typed_description_is_explained(
    office: OfficeEnv,
) -> None:
    """A description typed as text is complete; more text at the evidence step is not
    silently appended, and the citizen learns how to change the description."""
    citizen = office.user("Ani")
    await begin_complaint(citizen)
    await citizen.send("Oh ya, lampunya yang di tiang nomor 7.")
    told = await citizen.next_message()
    assert "Ubah" in told.text and "Uraian" in told.text


async def test_pictures_sent_as_files_are_accepted_like_photos(office: OfficeEnv) -> None:
    """A JPG or PNG sent "as a file" was refused ("Dokumen harus berformat PDF"): it is a
    picture like any photo, first as the description's picture, then as evidence, and the
    unit gets both files."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    await start_intake(citizen)
    await citizen.send_document("IMG_20261125.jpg", "image/jpeg", make_png(64, 48))
    await citizen.wait_for("disimpan untuk lampiran")
    await citizen.send("Lampu jalan di Jl. Marelan Raya mati sejak seminggu, gelap sekali.")
    await citizen.wait_for("Lampiran")
    await citizen.send_document("tiang.png", "image/png", make_png(48, 64))
    saved = await citizen.next_message()
    assert "PDF" not in saved.text and "Tersimpan: 2 lampiran" in saved.text
    await citizen.send_document(
        "catatan.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    )
    refused = await citizen.next_message()
    assert "gambar" in refused.text and "PDF" in refused.text
    number = await finish(citizen)
    await alert_for(pemb.group, number)
    await office.world.settle()
    files = [m for m in pemb.group.bot_messages if m.document is not None]
    assert [m.document["file_name"] for m in files] == ["IMG_20261125.jpg", "tiang.png"]


async def test_voice_notes_and_short_videos_reach_the_unit(office: OfficeEnv) -> None:
    """Citizens who cannot type much send a voice note or film the problem: both are kept
    as attachments and posted in the unit group with the alert."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    await begin_complaint(citizen)
    await citizen.send_voice(duration=25)
    assert "Tersimpan: 1 lampiran" in (await citizen.next_message()).text
    await citizen.send_video("airnya sampai lutut", duration=40)
    assert "Tersimpan: 2 lampiran" in (await citizen.next_message()).text
    number = await finish(citizen)
    alert = await alert_for(pemb.group, number)
    assert "2 berkas" in alert.text
    await office.world.settle()
    media = [m for m in pemb.group.bot_messages if m.kind in ("voice", "video")]
    assert [m.kind for m in media] == ["voice", "video"]
    assert media[0].reply_to_message_id == alert.message_id
    assert media[1].caption == f"{number} · 2/2"
    stored = await complaints.by_number(office.db, number)
    assert [a.kind for a in await complaints.attachments(office.db, stored.id)] == [
        "voice",
        "video",
    ]


async def test_a_location_far_outside_the_kecamatan_is_confirmed_first(office: OfficeEnv) -> None:
    """A pin in Jakarta was accepted silently. The citizen is asked whether it is right;
    "No" drops it, "Yes" keeps it; a pin inside the kecamatan is kept without asking."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    await begin_complaint(citizen)
    await citizen.send_location(*IN_JAKARTA)
    asked = await citizen.next_message()
    assert "di luar Kecamatan Medan Marelan" in asked.text and "km" in asked.text
    await citizen.press("Bukan", message=asked)
    dropped = await citizen.wait_for("tidak disimpan")  # the question, answered in place
    assert dropped.message_id == asked.message_id
    await citizen.send_location(*IN_JAKARTA)
    asked = await citizen.wait_for("di luar Kecamatan Medan Marelan")
    await citizen.press("Ya, lokasinya benar", message=asked)
    await citizen.wait_for("Tersimpan: 0 lampiran dan lokasi")
    number = await finish(citizen)
    stored = await complaints.by_number(office.db, number)
    assert (stored.latitude, stored.longitude) == IN_JAKARTA
    await alert_for(pemb.group, number)

    await begin_complaint(citizen)
    await citizen.send_location(*IN_MARELAN)
    assert "Tersimpan: 0 lampiran dan lokasi" in (await citizen.next_message()).text


async def test_a_far_location_sent_before_the_description_is_confirmed_too(
    office: OfficeEnv,
) -> None:
    citizen = office.user("Ani")
    await start_intake(citizen)
    await citizen.send_location(*IN_JAKARTA)
    asked = await citizen.wait_for("di luar Kecamatan Medan Marelan")
    await citizen.press("Ya, lokasinya benar", message=asked)
    await citizen.wait_for("Sekarang tuliskan uraian")


async def test_a_voice_note_answering_the_unit_reaches_the_group(office: OfficeEnv) -> None:
    """After filing, a voice note sent as the answer to the unit's question is relayed
    to the group like a photo (it was refused as "cannot be passed to the officers")."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    await begin_complaint(citizen)
    number = await finish(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Minta Info", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Tiang lampu yang mana, Bu?", reply_to=prompt)
    await citizen.wait_for("memerlukan informasi tambahan")
    await citizen.send_voice(duration=15)
    await citizen.wait_for("jawaban Anda untuk")
    await office.world.settle()
    assert [m.kind for m in pemb.group.bot_messages].count("voice") == 1


async def test_telegram_failing_when_the_evidence_step_ends_still_moves_on(
    office: OfficeEnv,
) -> None:
    """A 502 on the answer to "Lewati" and on the edit that turns the evidence step into
    the identity question is Telegram's trouble, not the citizen's: the press is
    answered, the identity question comes in that same message, and nobody is asked to
    try again."""
    citizen = office.user("Sari")
    await begin_complaint(citizen)
    evidence = next(m for m in reversed(citizen.inbox) if "Lampiran" in m.text)
    office.world.fail_next("answerCallbackQuery", status=502)
    office.world.fail_next("editMessageText", status=502)
    pressed = await citizen.press("Lewati", message=evidence)
    assert not pressed.show_alert, pressed.text
    step = await citizen.wait_for_edit(evidence)
    assert "identitas" in step.text and "Tampilkan nama saya" in str(step.buttons)
    await office.world.settle()
    assert not [m for m in citizen.inbox if "coba lagi" in m.text]
