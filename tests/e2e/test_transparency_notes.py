"""/catatan_publik in a unit group: only that unit's resolved complaints, kept in the
timeline; /bantuan lists the transparency commands per role; the counter's QR code of
the public page."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image

from bot.core.cli import EXIT_CONFIG, main
from bot.core.office import bundled_office_path
from storage.complaints import records as complaints
from storage.transparency import notes
from tests.e2e import report_steps as steps
from tests.e2e.complaint_steps import unit_with_group
from tests.e2e.harness import OfficeEnv

NOTE = "Saluran drainase sudah dibersihkan oleh petugas kebersihan."


async def test_a_unit_writes_the_public_note_in_its_group(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    kesos = await unit_with_group(office, "KESOS", "Seksi Kesejahteraan Sosial")
    siti = await steps.citizen(office, "Siti")
    staff = await steps.actor(office, pemb.staff)
    complaint = await steps.file(office, siti, "INFRA", "TRJ")

    await pemb.staff.say(pemb.group, f"/catatan_publik {complaint.number} {NOTE}")
    await pemb.group.wait_for("belum selesai")
    await steps.accept(office, steps.Person(pemb.staff, staff), complaint)
    await steps.resolve(office, steps.Person(pemb.staff, staff), complaint)
    await kesos.staff.say(kesos.group, f"/catatan_publik {complaint.number} {NOTE}")
    await kesos.group.wait_for("tidak ditemukan")
    await pemb.staff.say(pemb.group, f"/catatan_publik {complaint.number} pendek")
    await pemb.group.wait_for("harus 10–300 karakter")
    await pemb.staff.say(pemb.group, f"/catatan_publik {complaint.number.lower()} {NOTE}")
    saved = await pemb.group.wait_for(f"Catatan publik untuk {complaint.number} disimpan")
    assert "tidak diterbitkan (berkas kantor: resolved_list = false)" in saved.text
    assert await notes.get(office.db, complaint.id) == NOTE

    await pemb.staff.say(pemb.group, f"/tiket {complaint.number}")
    ticket = await pemb.group.wait_for("Riwayat lengkap")
    assert f"menulis catatan publik: {NOTE}" in ticket.text
    stored = await complaints.get(office.db, complaint.id)
    assert stored.resolution_note != NOTE  # the citizen's note stays the citizen's


async def test_help_lists_the_transparency_commands_per_role(office: OfficeEnv) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    bagus = await steps.officer(office, "Bagus", "staf", "PEMB")
    siti = await steps.citizen(office, "Siti")
    expected = {
        office.admin: {
            "/transparansi",
            "/kanal_publik",
            "/pratinjau_publik",
            "/tahan_publik",
            "/tindak_lanjut",
            "/catatan_publik",
        },
        camat.user: {
            "/transparansi",
            "/pratinjau_publik",
            "/tahan_publik",
            "/tindak_lanjut",
            "/catatan_publik",
        },
        bagus.user: {"/transparansi", "/catatan_publik"},
        siti.user: {"/transparansi"},
    }
    every = set().union(*expected.values())
    for person, commands in expected.items():
        await person.send("/bantuan")
        shown = (await person.wait_for("/transparansi —")).text
        listed = {c for c in every if f"{c} —" in shown}
        assert listed == commands, person


def test_the_counter_qr_points_to_the_public_page(tmp_path: Path) -> None:
    png = tmp_path / "loket.png"
    bare = tmp_path / "bare.env"
    bare.write_text("")
    assert main(["--env-file", str(bare), "qr-page", str(png)]) == EXIT_CONFIG
    assert not png.exists()
    office = tmp_path / "office.toml"
    office.write_text(
        bundled_office_path()
        .read_text(encoding="utf-8")
        .replace(
            '# page_url = "https://medanmarelan.example.go.id/kinerja/"',
            'page_url = "https://medanmarelan.example.go.id/kinerja/"',
        ),
        encoding="utf-8",
    )
    settings = tmp_path / "test.env"
    settings.write_text(f"OFFICE_CONFIG={office}\n")
    assert main(["--env-file", str(settings), "qr-page", str(png)]) == 0
    with Image.open(png) as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [
            "https://medanmarelan.example.go.id/kinerja/"
        ]
