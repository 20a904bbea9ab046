"""Citizens at the edges: unusual input and habits that once lost or broke something."""

from __future__ import annotations

from storage.complaints import records as complaints
from tests.e2e.complaint_steps import (
    NUMBER,
    alert_for,
    begin_complaint,
    file_complaint,
    reply_to_prompt,
    unit_with_group,
)
from tests.e2e.harness import OfficeEnv


async def test_descriptions_that_grow_when_escaped_or_counted_by_telegram_arrive_whole(
    office: OfficeEnv,
) -> None:
    """2000 ``&`` are 10000 characters of HTML and 2000 emoji are 4000 of Telegram's units:
    the summary, the confirmation and the unit's alert still carry every character."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    for description in ("Jalan rusak " + "&" * 1988, "🕳" + "😡" * 1999):
        await begin_complaint(citizen, description=description)
        await citizen.press("Lewati")
        await citizen.wait_for("identitas")
        await citizen.press("Tampilkan nama saya")
        await citizen.wait_for("Periksa pengaduan")
        await office.world.settle()
        shown = "".join(m.text for m in citizen.inbox[-2:])
        assert description in shown
        await citizen.press("Kirim")
        number = NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)
        assert (await complaints.by_number(office.db, number)).description == description
        await alert_for(pemb.group, number)
        await office.world.settle()
        assert description in "".join(m.text for m in pemb.group.bot_messages[-2:])


async def test_after_the_answer_a_citizen_is_told_what_happened_to_each_message(
    office: OfficeEnv,
) -> None:
    """A sticker sent as an answer, "not solved yet" pressed after rating, and a reply
    about a closed complaint each get an explanation that fits (once: the intake's
    "press Done", and "the time has passed" although it had not)."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Minta Info", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Di depan rumah nomor berapa?")
    await citizen.wait_for("memerlukan informasi tambahan")
    await citizen.send_sticker()
    unsupported = await citizen.next_message()
    assert "tidak dapat diteruskan ke petugas" in unsupported.text
    assert "Selesai" not in unsupported.text
    await citizen.send("Nomor 12, di depan masjid.")
    await citizen.wait_for("jawaban Anda untuk")

    await pemb.staff.say(pemb.group, "Terima kasih, kami periksa besok.", reply_to=alert)
    unit_answer = await citizen.wait_for("Jawaban untuk pengaduan")
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Lampu sudah diganti dan menyala.")
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("2", message=resolved)
    await citizen.wait_for("Terima kasih atas penilaian")
    await citizen.press("Belum selesai", message=resolved)
    refused = await citizen.next_message()
    assert "ditutup saat Anda memberi penilaian" in refused.text and "lewat" not in refused.text
    assert (await complaints.by_number(office.db, number)).status == "ditutup"

    await citizen.send("Lampunya mati lagi malam ini.", reply_to=unit_answer)
    closed = await citizen.next_message()
    assert f"Pengaduan {number} sudah ditutup" in closed.text
    assert "tidak diteruskan" in closed.text


async def test_a_reply_to_the_confirmation_reaches_the_unit(office: OfficeEnv) -> None:
    """The confirmation (and /datasaya) invite corrections as a reply to the bot's message
    about the complaint; a reply to the confirmation itself was turned away."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    number = await file_complaint(citizen)
    confirmation = citizen.inbox[-1]
    assert "Balas (reply) pesan ini" in confirmation.text
    await alert_for(pemb.group, number)
    await citizen.send(
        "Koreksi: lampunya di Jl. Kapten Rahmad, bukan Marelan Raya.", reply_to=confirmation
    )
    passed = await citizen.next_message()
    assert f"Pesan Anda untuk {number} sudah diteruskan ke Seksi Pembangunan" in passed.text
    relayed = await pemb.group.wait_for("Jl. Kapten Rahmad")
    assert number in relayed.text
    await citizen.send("Satu lagi tanpa reply.")
    assert "/lapor" in (await citizen.next_message()).text  # free text is not relayed


async def test_a_number_typed_loosely_still_finds_the_complaint(office: OfficeEnv) -> None:
    """Citizens copy the number out of a sentence, type it in lower case, with spaces or
    without the zeros; all of these found nothing."""
    citizen = office.user("Ani")
    number = await file_complaint(citizen)
    sequence = int(number.rsplit("-", 1)[1])
    loose = number.lower().replace("-", " ").rsplit(" ", 1)[0] + f" {sequence}"
    for typed in (f"/status {number}.", f"/status #{number}", f"/status {loose}", loose):
        await citizen.send(typed)
        card = await citizen.next_message()
        assert card.text.startswith(f"Pengaduan {number}\nStatus: Baru"), (typed, card.text)
    await citizen.send("/status MRL-2611-9999.")
    assert "MRL-2611-9999 tidak ditemukan" in (await citizen.next_message()).text


async def test_a_photo_or_pin_sent_before_the_description_is_kept(office: OfficeEnv) -> None:
    citizen = office.user("Dewi")
    await citizen.send("/lapor")
    await citizen.wait_for("data pribadi")
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.press("Infrastruktur")
    await citizen.wait_for("Di kelurahan mana")
    await citizen.press("Terjun")
    await citizen.wait_for("Ceritakan masalahnya")

    await citizen.send_location(3.71, 98.65)
    await citizen.wait_for("Lokasi disimpan")
    await citizen.send_photo()  # no caption: kept, text still asked for
    await citizen.wait_for("Foto/berkas disimpan untuk lampiran")
    await citizen.send_photo("Jembatan kayu di Lorong Damai patah sebagian, berbahaya.")
    used = await citizen.wait_for("keterangannya dipakai sebagai uraian")
    assert "Lampiran" in used.text  # the next question, in the same message
    await citizen.press("Selesai")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "Lampiran: 2 berkas dan lokasi" in summary.text
    assert "Jembatan kayu di Lorong Damai" in summary.text
