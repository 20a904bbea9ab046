"""/ekspor with the Survei and Kegiatan sheets, read back with openpyxl: one row per SKM
response with its scores by unsur key, the activities with their attendance and JP;
profile answers, suggestions and attendee names only for an admin."""

from __future__ import annotations

from datetime import datetime

from bot.activities import create as activity_create
from bot.core.clock import to_epoch
from emulator import FakeUser
from storage.core import audit
from tests.e2e import report_steps as steps
from tests.e2e.activity_steps import member, new_activity
from tests.e2e.harness import WIB, OfficeEnv
from tests.e2e.report_ikm_steps import MIXED, submit_survey
from tests.e2e.survey_steps import KEYS, answer_profile, answer_unsur, finish

SCORES = dict(zip(KEYS, [4, 4, 3, 4, 3, 4, 4, 2, 3], strict=True))
SUGGESTION = "Tambah kursi di ruang tunggu; hubungi saya di 0812-3333-4444."
PERSONAL = ("Wulandari", "Hartono", "0812-3333-4444", "kursi", "WIRASWASTA", "30_39")


async def survey_with_buttons(office: OfficeEnv) -> None:
    """Siti answers for KTP-el with the buttons, her profile and a suggestion."""
    siti = office.user("Siti")
    await siti.send("/start skm_KTP")
    card = await siti.wait_for("Pertanyaan 1/9")
    card = await answer_unsur(siti, card, SCORES)
    card = await answer_profile(siti, card, ["Perempuan", "30–39 tahun", "SMA/SMK", "Wiraswasta"])
    await finish(siti, card, SUGGESTION)


async def training_attended(
    office: OfficeEnv, organiser: FakeUser, ani: FakeUser, budi: FakeUser
) -> None:
    """A 3-hour training for Seksi Pemerintahan: Ani comes, Budi declines; saved."""
    await new_activity(
        organiser,
        title="Pelatihan Excel Dasar",
        when="besok 13:00",
        duration="3 jam",
        audience=("Seksi Pemerintahan",),
    )  # 4 JP
    await ani.press("Hadir", message=await ani.wait_for("Undangan pelatihan"))
    await budi.press("Tidak bisa", message=await budi.wait_for("Undangan pelatihan"))
    await office.advance(days=1, hours=7)  # Thursday 16:00: ended
    checklist = await organiser.wait_for("Daftar hadir")
    await organiser.press("Simpan", message=checklist)
    await ani.wait_for("JP ditambahkan")


async def planned_training(office: OfficeEnv, organiser: FakeUser) -> None:
    """Saved through the service the "Simpan" button calls: for all staff, not held yet."""
    draft = activity_create.Draft(
        kind="pelatihan",
        title="Pelatihan Layanan Digital",
        minutes=240,
        jp=5,
        starts_at=to_epoch(datetime(2026, 11, 30, 9, 0, tzinfo=WIB)),
        place="Aula",
        all_staff=True,
        cost=0,
    )
    await activity_create.save(
        office.runtime, await steps.actor(office, organiser), draft, confirmed=False
    )


async def seed(office: OfficeEnv) -> FakeUser:
    camat = await member(office, "Camat", "supervisor")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM", last_name="Wulandari")
    budi = await member(office, "Budi", "staf", "PEM", last_name="Hartono")
    await training_attended(office, kasi, ani, budi)
    await planned_training(office, camat)
    await survey_with_buttons(office)
    await submit_survey(office, "Joko", "KK", MIXED)
    await office.world.settle()
    return camat


def every_cell(book) -> str:
    return " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


async def test_survey_and_activity_sheets_without_personal_data(office: OfficeEnv) -> None:
    camat = await seed(office)
    await camat.send("/ekspor")
    sent = await camat.wait_for(predicate=lambda m: m.document is not None)
    assert "0 pengaduan, 0 kejadian, 2 respons survei, 2 kegiatan" in sent.caption
    assert "Data pribadi tidak disertakan" in sent.caption
    book = steps.workbook_of(office, sent)
    assert book.sheetnames == ["Pengaduan", "Linimasa", "Survei", "Kegiatan", "Kamus Data"]

    responses = steps.sheet_rows(book, "Survei")
    assert list(responses[0]) == [
        "response_id",
        "submitted_datetime",
        "service_code",
        "service_name",
        "agency_responsible",
        "source",
        *KEYS,
    ]
    assert [(r["service_code"], r["source"]) for r in responses] == [
        ("KTP", "link"),
        ("KK", "link"),
    ]
    first, second = responses
    assert {k: first[k] for k in KEYS} == SCORES and {k: second[k] for k in KEYS} == MIXED
    assert first["service_name"] == "Rekomendasi KTP-el"
    assert first["agency_responsible"] == "Seksi Pelayanan Umum (PATEN)"
    assert first["submitted_datetime"] == "2026-11-26T16:00:00+07:00"

    activities = steps.sheet_rows(book, "Kegiatan")
    assert "attendees" not in activities[0]
    assert [
        (
            a["title"],
            a["kind"],
            a["invited"],
            a["accepted"],
            a["declined"],
            a["attended"],
            a["jp_per_attendee"],
            a["jp_credited"],
            a["duration_minutes"],
        )
        for a in activities
    ] == [
        ("Pelatihan Excel Dasar", "pelatihan", 2, 1, 1, 1, 4, 4, 180),
        ("Pelatihan Layanan Digital", "pelatihan", 3, 0, 0, None, 5, 0, 240),
    ]
    assert activities[0]["start_datetime"] == "2026-11-26T13:00:00+07:00"
    assert activities[0]["end_datetime"] == "2026-11-26T16:00:00+07:00"
    text = every_cell(book)
    for personal in (*PERSONAL, "Siti", "Joko", "Ani"):
        assert personal not in text, personal

    entries = await audit.entries(office.db, "report.exported")
    assert entries[0].details["rows"] == {"Pengaduan": 0, "Linimasa": 0, "Survei": 2, "Kegiatan": 2}


async def test_admin_gets_profiles_suggestions_and_attendees(office: OfficeEnv) -> None:
    await seed(office)
    admin = office.admin
    await admin.send("/ekspor 2026-11")
    sent = await admin.wait_for(predicate=lambda m: m.document is not None)
    assert "profil dan saran responden survei" in sent.caption
    book = steps.workbook_of(office, sent)
    first, second = steps.sheet_rows(book, "Survei")
    assert (
        first["gender"],
        first["age_range"],
        first["education"],
        first["occupation"],
        first["suggestion"],
    ) == ("P", "30_39", "SMA", "WIRASWASTA", SUGGESTION)
    assert (second["gender"], second["suggestion"]) == (None, None)
    held, upcoming = steps.sheet_rows(book, "Kegiatan")
    assert held["attendees"] == "Ani Wulandari" and upcoming["attendees"] is None
    assert "Hartono" not in every_cell(book)  # declined: not an attendee
    assert "Siti" not in every_cell(book)  # respondents stay anonymous, even here

    await admin.send("/ekspor 2026-10")
    await admin.wait_for(
        "Tidak ada pengaduan, respons survei, maupun kegiatan pada periode Oktober 2026"
    )
