"""Logs never hold personal data, at any level: a whole complaint, from /lapor to the
rating, run by the real process at LOG_LEVEL=DEBUG leaves names, usernames and texts out
of the log, which still tells an operator what happened by ids (issue 10, breach 6)."""

from __future__ import annotations

import re

from tests.e2e.bot_process import ProcessOffice
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group

DESCRIPTION = "Saluran air di Gang Kenanga tersumbat sampah, rumah warga kebanjiran."
ANSWER = "Petugas kebersihan dijadwalkan membersihkan saluran besok pagi."
NOTE = "#catatan koordinasi dengan kepala lingkungan Gang Kenanga"
RESOLUTION = "Saluran sudah dibersihkan dan air kembali mengalir lancar."
COMMENT = "Terima kasih, cepat sekali ditangani Pak Lurah."


async def test_a_debug_log_of_a_whole_complaint_names_nobody(process_office: ProcessOffice) -> None:
    office = process_office
    office.env["LOG_LEVEL"] = "DEBUG"
    await office.start()
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Zulkarnaen", last_name="Situmorang", username="zul_situmorang77")
    number = await file_complaint(
        citizen, description=DESCRIPTION, photos=1, location=(3.712345, 98.645678)
    )
    alert = await alert_for(pemb.group, number)
    assert "Zulkarnaen" in alert.text
    await pemb.staff.say(pemb.group, ANSWER, reply_to=alert)
    answer = await citizen.wait_for("Petugas kebersihan")
    await pemb.staff.say(pemb.group, NOTE, reply_to=alert)
    await pemb.group.wait_for("Catatan internal")
    await citizen.send("Baik, saya tunggu besok pagi di rumah.", reply_to=answer)
    await pemb.group.wait_for("saya tunggu besok")
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, RESOLUTION, reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("4", message=resolved)
    await citizen.wait_for("Terima kasih atas penilaian")
    await citizen.send(COMMENT)
    await citizen.wait_for("Komentar Anda tersimpan")
    await citizen.send(f"/status {number}")
    await citizen.wait_for(number)
    logs = await office.stop()

    personal = [
        "Zulkarnaen",
        "Situmorang",
        "zul_situmorang77",
        "StafPEMB",
        "staf_pemb",
        "KasiPEMB",
        "Gang Kenanga",
        "Petugas kebersihan",
        "saya tunggu besok",
        "Saluran sudah dibersihkan",
        "cepat sekali",
        "3.712345",
        "98.645678",
    ]
    assert [word for word in personal if word in logs] == []
    # What an operator needs is still there, by ids: each update and each Bot API call.
    assert re.search(rf"update \d+: callback_query chat={citizen.id} user={citizen.id}", logs)
    assert re.search(rf"Bot API sendMessage chat={pemb.group.id}\b", logs)
    assert "Traceback" not in logs
