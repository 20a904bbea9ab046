"""The weekly digest: sent once at the scheduled time, across restarts, and at start when
it fell due while the bot was down."""

from __future__ import annotations

from datetime import datetime

from bot.people.directory import set_language
from emulator import FakeUser
from storage.reports import digest as digests
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv

FRIDAY = datetime(2026, 11, 27, 10, 0, tzinfo=WIB)
OFFICE_START = FRIDAY  # read by the office fixture (tests/e2e/conftest.py)


def digests_in(user: FakeUser, title: str) -> list:
    return [m for m in user.inbox if title in m.body]


def charts_in(user: FakeUser) -> list:
    return [m for m in user.inbox if m.photo is not None]


async def test_weekly_digest_is_sent_once_on_schedule_and_after_downtime(
    office: OfficeEnv,
) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    sekcam = await steps.officer(office, "Sekcam", "supervisor")
    await set_language(office.runtime, sekcam.actor, "en")
    siti = await steps.citizen(office, "Siti")
    for category in ("INFRA", "BANSOS"):
        await steps.file(office, siti, category, "TRJ")

    await office.at(datetime(2026, 11, 30, 7, 29, tzinfo=WIB))
    assert digests_in(camat.user, "Ringkasan mingguan") == []

    await office.at(datetime(2026, 11, 30, 7, 30, tzinfo=WIB))
    digest = await camat.user.wait_for("Ringkasan mingguan — minggu 23 November 2026")
    assert "Pengaduan masuk: 2 (▲ 2)" in digest.text
    assert "Tidak ada yang lewat tenggat saat ini" in digest.text  # due Monday 10:00
    chart = await camat.user.wait_for(predicate=lambda m: m.photo is not None)
    assert "Pengaduan per minggu" in chart.caption
    assert office.world.file_bytes(chart.photo[-1]["file_id"]).startswith(b"\x89PNG")
    english = await sekcam.user.wait_for("Weekly summary — week 23 November 2026")
    assert "Complaints received: 2" in english.text
    english_chart = await sekcam.user.wait_for(predicate=lambda m: m.photo is not None)
    assert "Complaints per week by unit" in english_chart.caption
    # the chart itself is drawn in the reader's language: different labels, other pixels
    assert office.world.file_bytes(english_chart.photo[-1]["file_id"]) != office.world.file_bytes(
        chart.photo[-1]["file_id"]
    )

    runs = await digests.runs(office.db, "weekly")
    assert [(r.period_key, r.state) for r in runs] == [
        ("2026-11-23", "sent"),
        ("2026-11-30", "pending"),
    ]

    await office.bot.stop()  # down over the next Monday morning
    office.clock.set(datetime(2026, 12, 7, 10, 15, tzinfo=WIB))
    await office.bot.start()
    await office.world.settle()
    late = await camat.user.wait_for("Ringkasan mingguan — minggu 30 November 2026")
    assert (
        "Belum ada pengaduan yang masuk pada periode ini (minggu 23 November 2026 – "
        "29 November 2026: 2)." in late.text
    )
    await office.restart()  # and once more: nothing is sent twice
    await office.at(datetime(2026, 12, 7, 11, 0, tzinfo=WIB))
    for person, title in ((camat.user, "Ringkasan mingguan"), (sekcam.user, "Weekly summary")):
        assert len(digests_in(person, title)) == 2
        assert len(charts_in(person)) == 2
    runs = await digests.runs(office.db, "weekly")
    assert [(r.period_key, r.state) for r in runs] == [
        ("2026-11-23", "sent"),
        ("2026-11-30", "sent"),
        ("2026-12-07", "pending"),
    ]
