"""/tiket and /antrian are staff-only views: typed in a group, they answer only in the group
bound to the complaint's unit, and never for a conduct complaint in the group of the unit
it is about; anywhere else the bot points to the private chat and reveals nothing
(issue 10, breach 2)."""

from __future__ import annotations

from emulator import FakeGroup, FakeUser
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

ROAD = "Antrean KTP-el di loket penuh sejak pagi, nomor antrean tidak dibagikan."
CONDUCT = "Petugas loket PATEN meminta uang tambahan untuk surat keterangan domisili."
NOTE = "pelapor tinggal di Gang Melati nomor 4"


async def _pointer(user: FakeUser, group: FakeGroup, command: str) -> str:
    """What the group sees after ``command``: the pointer to the private chat."""
    await user.say(group, command)
    answer = await group.wait_for("chat pribadi")
    assert answer.button_urls == {"💬 Buka chat dengan bot": "https://t.me/marelan_test_bot"}
    return answer.text


async def test_staff_views_answer_only_where_the_complaint_belongs(office: OfficeEnv) -> None:
    pem = await unit_with_group(office, "PEM", "Seksi Pemerintahan")
    paten = await unit_with_group(office, "PELAYANAN", "PATEN")
    sekret = await unit_with_group(office, "SEKRET", "Sekretariat")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti", last_name="Pelapor", username="siti_pelapor")
    road = await file_complaint(citizen, category="Administrasi Kependudukan", description=ROAD)
    conduct = await file_complaint(
        citizen,
        category="Perilaku Petugas/ASN",
        conduct_unit="Seksi Pelayanan Umum (PATEN)",
        description=CONDUCT,
    )
    alert = await alert_for(pem.group, road)
    await pem.staff.say(pem.group, f"#catatan {NOTE}", reply_to=alert)
    await pem.group.wait_for("Catatan internal")
    for group in (paten.group, sekret.group):
        await group.add_member(camat)
    await pem.group.add_member(camat)
    await paten.group.add_member(pem.staff)
    neighbours = office.world.group("Warga Terjun", members=[pem.staff, camat, citizen])

    # An unbound group: neither view, whoever asks.
    pointers = [
        await _pointer(pem.staff, neighbours, f"/tiket {road}"),
        await _pointer(pem.staff, neighbours, "/antrian"),
        await _pointer(camat, neighbours, f"/tiket {conduct}"),
        await _pointer(camat, neighbours, "/tiket MRL-2611-9999"),
    ]
    # Another unit's group: PEM's complaint is not shown in the PATEN group.
    pointers += [
        await _pointer(camat, paten.group, f"/tiket {road}"),
        await _pointer(pem.staff, paten.group, f"/tiket {road}"),
        await _pointer(pem.staff, paten.group, "/antrian"),
    ]
    # The accused unit's group: a supervisor's /tiket of the conduct complaint.
    pointers += [await _pointer(camat, paten.group, f"/tiket {conduct}")]
    assert (
        len(
            {
                p.replace(road, "N").replace(conduct, "N").replace("MRL-2611-9999", "N")
                for p in pointers
            }
        )
        == 2
    )  # one text for /tiket, one for /antrian
    await camat.say(paten.group, "/antrian")
    queue = await paten.group.wait_for("pengaduan terbuka")
    assert conduct not in queue.text and road not in queue.text

    await office.world.settle()
    for group in (neighbours, paten.group):
        shown = " ".join(m.body for m in group.bot_messages)
        for secret in ("Siti", "siti_pelapor", ROAD[:30], CONDUCT[:30], NOTE):
            assert secret not in shown, (group, secret)

    # Where they belong, the views answer: the unit's own group, the handling unit's group,
    # and the private chat.
    await pem.staff.say(pem.group, f"/tiket {road}")
    assert NOTE in (await pem.group.wait_for("Riwayat lengkap")).text
    await camat.say(sekret.group, f"/tiket {conduct}")
    assert CONDUCT[:30] in (await sekret.group.wait_for("Riwayat lengkap")).text
    await pem.staff.say(pem.group, "/antrian")
    assert road in (await pem.group.wait_for("Antrean")).text
    await camat.send(f"/tiket {conduct}")
    assert CONDUCT[:30] in (await camat.wait_for("Riwayat lengkap")).text
