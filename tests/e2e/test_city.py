"""The city-level bot end to end: two kecamatan offices serve their citizens with bots of
their own; the city's Inspektorat asks its own bot for the city's figures, the ranking of
the kecamatan, one office's report and a workbook spanning both. Nobody else gets
anything from it, and it changes nothing in the offices' data."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest_asyncio

from bot.city.app import build_city_application
from bot.city.reports import CITY_KEY, CityReports
from bot.core.inprocess import InProcessBot
from bot.core.settings import Settings
from emulator import FakeTelegram, FakeUser
from storage.core.db import read_only
from storage.core.namespace import split_schema
from tests.database import fresh_offices
from tests.e2e import report_steps as steps
from tests.e2e.harness import OfficeEnv, start_office
from tests.e2e.test_report_export import every_cell

LABUHAN = Path(__file__).parents[1] / "offices" / "medan_labuhan.toml"
BUNDLED = Path(__file__).parents[2] / "bot" / "data" / "medan_marelan.toml"


@dataclass
class CityEnv:
    marelan: OfficeEnv
    labuhan: OfficeEnv
    inspektur: FakeUser
    stranger: FakeUser
    bot: InProcessBot
    city_file: Path


def city_file(folder: Path, offices: dict[str, tuple[Path, Path | str]]) -> Path:
    """A city file naming each office's file and where its data lives: its SQLite file,
    or its schema on the city's PostgreSQL database."""
    lines = ['[city]\nname = "Pemerintah Kota Medan"\n']
    for code, (office_file, database) in offices.items():
        where = (
            f'database_path = "{database}"'
            if isinstance(database, Path)
            else f'schema = "{split_schema(database)[1]}"'
        )
        lines.append(f'[[offices]]\ncode = "{code}"\noffice_file = "{office_file}"\n{where}\n')
    path = folder / "city.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def database_url(target: Path | str) -> str | None:
    """The city's DATABASE_URL: the offices' database without a schema (PostgreSQL)."""
    return None if isinstance(target, Path) else split_schema(target)[0]


async def start_city(
    telegram: FakeTelegram, marelan: OfficeEnv, file: Path, url: str | None
) -> CityEnv:
    world = telegram.add_bot(username="medan_kota_bot", first_name="Kota Medan")
    inspektur = world.user("Inspektur", username="inspektorat_medan")
    stranger = world.user("Warga")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=world.token,
        telegram_api_base_url=world.root,
        city_config=file,
        database_url=url,
        admin_ids=frozenset({inspektur.id}),
    )
    bot = InProcessBot(settings, marelan.clock, factory=build_city_application)
    await bot.start()
    return CityEnv(marelan, marelan, inspektur, stranger, bot, file)


@pytest_asyncio.fixture
async def city(telegram: FakeTelegram, tmp_path: Path) -> AsyncIterator[CityEnv]:
    marelan_db, labuhan_db = await fresh_offices(tmp_path, ["marelan", "labuhan"])
    marelan = await start_office(telegram, marelan_db)
    labuhan = await start_office(telegram, labuhan_db, office_config=LABUHAN)
    file = city_file(tmp_path, {"MRL": (BUNDLED, marelan_db), "MLB": (LABUHAN, labuhan_db)})
    env = await start_city(telegram, marelan, file, database_url(marelan_db))
    env.labuhan = labuhan
    try:
        yield env
    finally:
        await env.bot.stop()
        await labuhan.bot.stop()
        await marelan.bot.stop()


async def seed(city: CityEnv) -> None:
    """Marelan: three complaints, two resolved on time and rated 5. Labuhan: two, one
    resolved and reopened by its reporter (a confidential one stays open)."""
    marelan, labuhan = city.marelan, city.labuhan
    camat = await steps.officer(marelan, "CamatMarelan", "supervisor")
    siti = await steps.citizen(marelan, "Siti", last_name="Rahmawati")
    road = await steps.file(marelan, siti, "INFRA", "TRJ")
    waste = await steps.file(marelan, siti, "SAMPAH", "PYP")
    await steps.file(marelan, siti, "BANSOS", "LBD")
    steps.tick(marelan, hours=1)
    for complaint in (road, waste):
        await steps.accept(marelan, camat, complaint)
        await steps.resolve(marelan, camat, complaint)
        await steps.rate(marelan, siti, complaint, 5)

    sekcam = await steps.officer(labuhan, "CamatLabuhan", "supervisor")
    budi = await steps.citizen(labuhan, "Budiman", last_name="Santoso")
    drain = await steps.file(labuhan, budi, "INFRA", "MTB")
    await steps.file(
        labuhan,
        budi,
        "PERILAKU",
        None,
        confidential=True,
        description="Petugas meminta uang tambahan.",
    )
    steps.tick(labuhan, hours=1)
    await steps.accept(labuhan, sekcam, drain)
    await steps.resolve(labuhan, sekcam, drain)
    await steps.reopen(labuhan, budi, drain)
    await marelan.world.settle()
    await labuhan.world.settle()


async def test_the_inspektorat_reads_the_city_and_its_ranking(city: CityEnv) -> None:
    await seed(city)
    inspektur = city.inspektur

    await inspektur.send("/start")
    help_text = (await inspektur.next_message()).text
    assert "Pemerintah Kota Medan" in help_text and "2 kecamatan" in help_text
    assert "MRL, MLB" in help_text

    await inspektur.send("/ringkasan")
    summary = (await inspektur.wait_for("Ringkasan pengaduan Pemerintah Kota Medan")).text
    assert "Pengaduan masuk: 5" in summary
    assert "Peringkat kecamatan" in summary
    marelan_line = summary.index("1. Kecamatan Medan Marelan")
    labuhan_line = summary.index("2. Kecamatan Medan Labuhan")
    assert marelan_line < labuhan_line
    assert "3 pengaduan" in summary[marelan_line:labuhan_line]
    assert "2 pengaduan" in summary[labuhan_line:]
    # Nobody is named at the city level.
    for name in ("Siti", "Rahmawati", "Budiman", "Santoso"):
        assert name not in summary

    await inspektur.send("/kinerja")
    ranking = (await inspektur.wait_for("Peringkat kecamatan")).text
    assert "1. Kecamatan Medan Marelan (MRL)" in ranking
    assert "2. Kecamatan Medan Labuhan (MLB)" in ranking
    # Marelan: both resolutions on time and rated 5; Labuhan: its only resolution reopened.
    marelan_part = ranking[ranking.index("(MRL)") : ranking.index("(MLB)")]
    assert "selesai tepat waktu 100,0%" in marelan_part and "⭐ 5,0" in marelan_part
    assert "dibuka kembali 100,0%" in ranking[ranking.index("(MLB)") :]

    await inspektur.send("/kinerja MLB")
    office = (await inspektur.wait_for("Ringkasan pengaduan")).text
    assert office.startswith("🏛️ Kecamatan Medan Labuhan (MLB)")
    assert "Pengaduan masuk: 2" in office
    assert "Kelurahan Martubung" in office or "Martubung" in office

    await inspektur.send("/kinerja XYZ")
    assert "tidak dikenal" in (await inspektur.next_message()).text


async def test_the_city_workbook_spans_the_offices_without_personal_data(city: CityEnv) -> None:
    await seed(city)
    await city.inspektur.send("/ekspor")
    message = await city.inspektur.wait_for("dari 2 kecamatan")
    book = _workbook(city, message)
    offices = list(book["Kecamatan"].iter_rows(values_only=True))
    assert [row[1] for row in offices[1:]] == ["MRL", "MLB"]
    assert [row[4] for row in offices[1:]] == [3, 2]
    complaints = list(book["Pengaduan"].iter_rows(values_only=True))[1:]
    assert sorted(row[0] for row in complaints) == ["MLB", "MLB", "MRL", "MRL", "MRL"]
    numbers = [row[1] for row in complaints]
    assert all(n.startswith(("MRL-", "MLB-")) for n in numbers)
    assert all(n.startswith(row[0]) for n, row in zip(numbers, complaints, strict=True))
    cells = every_cell(book)
    for name in ("Siti", "Rahmawati", "Budiman", "Santoso"):
        assert name not in cells


def _workbook(city: CityEnv, message):
    import io

    from openpyxl import load_workbook

    assert message.document is not None, message
    data = city.inspektur.world.file_bytes(message.document["file_id"])
    return load_workbook(io.BytesIO(data), read_only=True)


async def test_only_the_city_supervisors_get_anything(city: CityEnv) -> None:
    await seed(city)
    # An office's own supervisor, the same Telegram account in the city bot: their rights
    # are the office's, not the city's.
    camat = city.marelan.admin
    same_camat = city.inspektur.world.user("Camat", user_id=camat.id)
    for person in (city.stranger, same_camat):
        for command in ("/start", "/ringkasan", "/kinerja MRL", "/ekspor", "halo"):
            await person.send(command)
            refusal = await person.next_message()
            assert "hanya untuk pengawas tingkat kota" in refusal.text, refusal
            assert refusal.document is None
        await city.inspektur.world.settle()
        last = person.last_message
        assert last is not None and "hanya untuk pengawas tingkat kota" in last.text


async def test_the_city_changes_nothing_and_names_an_office_it_cannot_read(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    marelan_db, labuhan_db = await fresh_offices(tmp_path, ["marelan", "labuhan"])
    marelan = await start_office(telegram, marelan_db)
    # Labuhan's bot has not started yet: its database (file or schema) does not exist.
    file = city_file(tmp_path, {"MRL": (BUNDLED, marelan_db), "MLB": (LABUHAN, labuhan_db)})
    env = await start_city(telegram, marelan, file, database_url(marelan_db))
    try:
        siti = await steps.citizen(marelan, "Siti")
        await steps.file(marelan, siti, "INFRA", "TRJ")
        before = await _counts(marelan)
        await env.inspektur.send("/ringkasan")
        summary = (await env.inspektur.wait_for("Ringkasan pengaduan")).text
        assert "Pengaduan masuk: 1" in summary
        assert "tidak dapat dibaca" in summary and "MLB" in summary
        await env.inspektur.send("/kinerja MLB")
        assert "tidak dapat dibaca" in (await env.inspektur.next_message()).text
        assert not await _exists(labuhan_db)  # looking did not create it
        assert await _counts(marelan) == before
    finally:
        await env.bot.stop()
        await marelan.bot.stop()


async def _exists(target: Path | str) -> bool:
    if isinstance(target, Path):
        return await asyncio.to_thread(target.exists)
    url, schema = split_schema(target)
    async with read_only(url) as db:
        found = await db.fetchval(
            "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", (schema,)
        )
    return bool(found)


async def _counts(office: OfficeEnv) -> tuple[int, ...]:
    db = office.db
    return tuple(
        [
            await db.fetchval(f"SELECT COUNT(*) FROM {table}")
            for table in ("complaints", "complaint_events", "audit_log", "outbox")
        ]
    )


async def test_each_office_speaks_of_its_own_numbers(city: CityEnv) -> None:
    """Texts that show an example number use the office's own prefix, and /status
    without a number lists the person's own complaints (each a button to its status)."""
    labuhan = city.labuhan
    budi = await steps.citizen(labuhan, "Budiman")
    await budi.user.press("🔎 Cek Status")
    asked = await budi.user.wait_for("nomor pengaduan Anda")
    assert "MLB-2611-0001" in asked.text and "MRL" not in asked.text
    await budi.user.send("/status")
    await budi.user.wait_for("belum pernah menyampaikan pengaduan")
    filed = await steps.file(labuhan, budi, "INFRA", "MTB")
    await budi.user.send("/status")
    listing = await budi.user.wait_for(filed.number, predicate=lambda m: bool(m.buttons))
    assert filed.number.startswith("MLB-") and [filed.number] in listing.buttons
    await budi.user.press(filed.number, message=listing)
    card = await budi.user.wait_for(f"Pengaduan {filed.number}")
    assert "Status" in card.text


async def test_a_late_change_to_a_month_that_is_over_reaches_the_city(city: CityEnv) -> None:
    """The city remembers the figures of past months (bot/city/settled.py): a complaint of
    November resolved and rated in December moves November's figures in the next report."""
    marelan, inspektur = city.marelan, city.inspektur
    camat = await steps.officer(marelan, "CamatMarelan", "supervisor")
    siti = await steps.citizen(marelan, "Siti")
    road = await steps.file(marelan, siti, "INFRA", "TRJ")  # 25 November
    steps.tick(marelan, days=7)  # 2 December: November is over
    await marelan.world.settle()

    async def marelan_line() -> str:
        await inspektur.send("/kinerja 2026")
        ranking = (await inspektur.wait_for("Peringkat kecamatan")).text
        return ranking[ranking.index("(MRL)") : ranking.index("(MLB)")]

    before = await marelan_line()
    assert "1 pengaduan" in before and "⭐ —" in before and "selesai tepat waktu —" in before
    await steps.accept(marelan, camat, road)
    await steps.resolve(marelan, camat, road)
    await steps.rate(marelan, siti, road, 4)
    await marelan.world.settle()
    after = await marelan_line()
    assert "1 pengaduan" in after and "⭐ 4,0" in after
    assert "selesai tepat waktu 100,0%" in after and "lewat tenggat 0 dari 0 terbuka" in after


async def test_the_city_bot_reads_the_past_months_ahead(city: CityEnv) -> None:
    """Before any supervisor asks, the city bot's job has read this year's and last year's
    past months of every office (what a year's report then does not read again)."""
    reports: CityReports = city.bot.application.bot_data[CITY_KEY]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    offices = [reports.settled.office(code) for code in ("MRL", "MLB")]
    # 25 November 2026: January to October, and all of 2025.
    while not all(len(o.surveys) == 10 + 12 and not o.lock.locked() for o in offices):
        assert loop.time() < deadline, "the warm-up job did not run"
        await asyncio.sleep(0.1)  # the job runs on PTB's real-time job queue
    assert all(len(o.tallies) == 10 + 12 for o in offices)
    assert sorted(offices[0].tallies)[0] == date(2025, 1, 1)
