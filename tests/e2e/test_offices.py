"""A city: several offices served side by side, each with its own bot (token), office file
and data. On PostgreSQL they share one database, a schema each (``DATABASE_SCHEMA``); on
SQLite each has its file. Whatever people do in one office stays in it: its numbers, its
staff's rights, its alerts, its deadline checks.

Office A is the bundled Kantor Camat Medan Marelan (numbers MRL-...), office B Kantor
Camat Medan Labuhan (tests/offices/medan_labuhan.toml, numbers MLB-...).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from emulator import FakeTelegram
from tests.database import POSTGRESQL, fresh_offices
from tests.e2e.complaint_steps import Unit, alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv, start_office

ROOT = Path(__file__).resolve().parents[2]
LABUHAN = ROOT / "tests" / "offices" / "medan_labuhan.toml"


@pytest_asyncio.fixture
async def city(
    telegram: FakeTelegram, tmp_path: Path
) -> AsyncIterator[tuple[OfficeEnv, OfficeEnv]]:
    marelan_data, labuhan_data = await fresh_offices(
        tmp_path, ["kec_medan_marelan", "kec_medan_labuhan"]
    )
    marelan = await start_office(telegram, marelan_data, username="marelan_test_bot")
    try:
        labuhan = await start_office(
            telegram, labuhan_data, username="labuhan_test_bot", office_config=LABUHAN
        )
        try:
            yield marelan, labuhan
        finally:
            await labuhan.bot.stop()
    finally:
        await marelan.bot.stop()


def _mentions(unit: Unit, text: str) -> bool:
    return any(text in m.body for m in unit.group.bot_messages)


async def test_two_offices_side_by_side_stay_apart(city: tuple[OfficeEnv, OfficeEnv]) -> None:
    marelan, labuhan = city
    if POSTGRESQL:  # one database, two schemas
        assert marelan.settings.database_url == labuhan.settings.database_url
        assert (marelan.settings.database_schema, labuhan.settings.database_schema) == (
            "kec_medan_marelan",
            "kec_medan_labuhan",
        )
    pemb_a = await unit_with_group(marelan, "PEMB", "Seksi Pembangunan Marelan")
    pemb_b = await unit_with_group(labuhan, "PEMB", "Seksi Pembangunan Labuhan")

    # One citizen files in each office: each number carries its office's prefix.
    siti = marelan.user("Siti")
    number_a = await file_complaint(siti)
    siti_in_b = labuhan.user("Siti", user_id=siti.id)  # the same Telegram account
    number_b = await file_complaint(
        siti_in_b, kelurahan="Besar", description="Drainase di Jl. Yos Sudarso tersumbat sampah."
    )
    assert number_a.startswith("MRL-") and number_b.startswith("MLB-")
    await alert_for(pemb_a.group, number_a)
    await alert_for(pemb_b.group, number_b)

    # A's staff, invited in A and working in A's bound group, cannot see B's complaint.
    await pemb_a.staff.send(f"/tiket {number_b}")
    assert "tidak ditemukan" in (await pemb_a.staff.wait_for(number_b)).text
    await pemb_a.staff.send(f"/tiket {number_a}")
    assert "tidak ditemukan" not in (await pemb_a.staff.wait_for(number_a)).text
    await marelan.world.settle()
    assert not any(
        number_b in m.body for m in pemb_a.staff.inbox if "tidak ditemukan" not in m.body
    )

    # The same person writing to B's bot is a citizen there, without staff rights.
    staff_in_b = labuhan.user(pemb_a.staff.first_name, user_id=pemb_a.staff.id)
    await staff_in_b.send("/start")
    assert "Kantor Camat Medan Labuhan" in (await staff_in_b.next_message()).text
    await staff_in_b.send(f"/tiket {number_b}")
    assert "bukan wewenang Anda" in (await staff_in_b.next_message()).text
    await staff_in_b.send("/antrian")
    assert "bukan wewenang Anda" in (await staff_in_b.next_message()).text
    await labuhan.world.settle()
    assert not any(number_b in m.body for m in staff_in_b.inbox)

    # Each citizen's list in each bot holds that office's complaints only.
    await siti.send("/riwayat")
    page_a = await siti.wait_for("Pengaduan Anda")
    assert number_a in page_a.text and number_b not in page_a.text
    await siti_in_b.send("/riwayat")
    page_b = await siti_in_b.wait_for("Pengaduan Anda")
    assert number_b in page_b.text and number_a not in page_b.text

    # Each office's deadline check fires (acknowledge within a day) and tells its own.
    await marelan.advance(hours=24, minutes=1)
    await labuhan.advance(hours=24, minutes=1)
    assert number_a in (await pemb_a.group.wait_for("Pengingat")).text
    assert number_b in (await pemb_b.group.wait_for("Pengingat")).text
    await marelan.world.settle()
    await labuhan.world.settle()
    assert not _mentions(pemb_a, number_b) and not _mentions(pemb_b, number_a)
    assert sum("Pengingat" in m.body for m in pemb_a.group.bot_messages) == 1
    assert sum("Pengingat" in m.body for m in pemb_b.group.bot_messages) == 1


async def test_each_office_keeps_its_own_people(city: tuple[OfficeEnv, OfficeEnv]) -> None:
    """A supervisor of A is nobody in B: B's escalation goes to B's supervisor only."""
    marelan, labuhan = city
    pemb_a = await unit_with_group(marelan, "PEMB", "Seksi Pembangunan Marelan")
    pemb_b = await unit_with_group(labuhan, "PEMB", "Seksi Pembangunan Labuhan")
    camat_a = marelan.user("CamatMarelan")
    await marelan.invite(camat_a, "supervisor")
    camat_b = labuhan.user("CamatLabuhan")
    await labuhan.invite(camat_b, "supervisor")
    # A's camat also writes to B's bot, as a citizen there.
    camat_a_in_b = labuhan.user("CamatMarelan", user_id=camat_a.id)
    await camat_a_in_b.send("/start")
    await camat_a_in_b.next_message()
    await camat_a_in_b.send("/ringkasan")
    assert "bukan wewenang Anda" in (await camat_a_in_b.next_message()).text

    number_b = await file_complaint(labuhan.user("Budi"), kelurahan="Besar")
    await alert_for(pemb_b.group, number_b)
    await labuhan.advance(hours=24, minutes=1)  # B's acknowledge deadline passes
    escalation = await camat_b.wait_for("Eskalasi")
    assert number_b in escalation.text
    await marelan.advance(hours=24, minutes=1)  # nothing is due in A
    await labuhan.world.settle()
    assert not any(number_b in m.body for m in camat_a_in_b.inbox)
    assert not any(number_b in m.body for m in camat_a.inbox)
    assert not _mentions(pemb_a, "Pengingat") and not _mentions(pemb_a, number_b)
