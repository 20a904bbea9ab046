"""``marelan-bot copy-db``: an office that ran on an SQLite file moves to another database
(PostgreSQL when the suite runs on it) without loss, and back again; the bot then runs on
the copy and carries on where the office was."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core.cli import main
from emulator import FakeTelegram
from storage.complaints import records as complaints
from storage.core import copy as copying
from storage.core.db import Database, in_schema, read_only
from tests.database import POSTGRESQL, fresh_database
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv, start_office
from tests.e2e.survey_steps import complete_survey, same


async def lived_in_office(telegram: FakeTelegram, path: Path) -> tuple[OfficeEnv, str]:
    """An office on an SQLite file with people, a handled complaint with a photo, a
    survey response, outbox rows and audit entries."""
    office = await start_office(telegram, path)
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti", last_name="Aminah", username="siti_a")
    number = await file_complaint(citizen, photos=1, location=(3.7, 98.65))
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    await citizen.wait_for("diterima")
    await complete_survey(office.user("Budi"), "Legalisasi", same(4), suggestion="Antre 'lama'")
    await office.world.settle()
    return office, number


async def copy_db(*args: str) -> int:
    return await asyncio.to_thread(lambda: main(["copy-db", *args]))


async def checks(source: Path | str, target: Path | str) -> list[copying.TableCheck]:
    first, second = Database(source), Database(target)
    await first.open()
    await second.open()
    try:
        names = await copying.tables(first)
        shape = {t: await copying.columns(first, t) for t in names}
        return await copying.compare(first, second, names, shape)
    finally:
        await first.close()
        await second.close()


async def test_copy_db_moves_an_office_without_loss_and_back(
    telegram: FakeTelegram, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "office.db"
    office, number = await lived_in_office(telegram, original)
    await office.bot.stop()

    target = await fresh_database(tmp_path, "copy.db", empty=True)
    assert await copy_db("--from", str(original), "--to", str(target)) == 0
    printed = capsys.readouterr().out
    assert "every count and checksum matches" in printed
    assert "complaints " in printed and "DIFFERENT" not in printed

    # Not into a database that already holds an office, unless told.
    assert await copy_db("--from", str(original), "--to", str(target)) == 2
    assert "already holds data" in capsys.readouterr().err
    assert await copy_db("--from", str(original), "--to", str(target), "--replace") == 0
    capsys.readouterr()

    back = tmp_path / "back.db"
    assert await copy_db("--from", str(target), "--to", str(back)) == 0
    capsys.readouterr()
    found = await checks(original, back)
    assert found and all(c.ok for c in found), [c for c in found if not c.ok]
    rows = {c.table: c.source_rows for c in found}
    assert rows["complaints"] == 1 and rows["complaint_attachments"] == 1
    assert rows["survey_answers"] == 9 and rows["outbox"] > 0 and rows["audit_log"] > 0

    # The bot runs on the copy: the complaint is there, and new rows get new ids.
    moved = await start_office(telegram, target)
    try:
        pemb = await unit_with_group(moved, "PEMB", "Seksi Pembangunan Baru")
        citizen = moved.user("Rina")
        second = await file_complaint(citizen)
        assert second != number
        await alert_for(pemb.group, second)
        ids = [r["id"] for r in await moved.db.fetchall("SELECT id FROM complaints ORDER BY id")]
        assert len(ids) == 2 and ids[0] < ids[1]
    finally:
        await moved.bot.stop()


async def test_copy_db_refuses_a_source_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await copy_db("--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "x")) == 2
    assert "no database at" in capsys.readouterr().err


@pytest.mark.skipif(not POSTGRESQL, reason="an office's schema is PostgreSQL's")
async def test_copy_db_moves_an_office_into_its_schema_and_back(
    telegram: FakeTelegram, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "office.db"
    office, number = await lived_in_office(telegram, original)
    await office.bot.stop()
    city = str(await fresh_database(tmp_path, "city", empty=True))
    schema = "kec_medan_marelan"
    assert await copy_db("--from", str(original), "--to", city, "--schema", schema) == 0
    assert "every count and checksum matches" in capsys.readouterr().out
    target = in_schema(city, schema)
    found = await checks(original, target)
    assert found and all(c.ok for c in found), [c for c in found if not c.ok]
    async with read_only(city) as public:  # the copy's tables vacuumed and analysed
        stale = await public.fetchall(
            """SELECT relname FROM pg_stat_user_tables WHERE schemaname = ?
                 AND (last_vacuum IS NULL OR last_analyze IS NULL)""",
            (schema,),
        )
    assert stale == [], stale
    async with read_only(city) as public:  # the office went into its schema, not public
        assert (
            await public.fetchval(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
            )
            == 0
        )

    back = tmp_path / "back.db"
    assert await copy_db("--from", city, "--from-schema", schema, "--to", str(back)) == 0
    capsys.readouterr()
    found = await checks(original, back)
    assert found and all(c.ok for c in found), [c for c in found if not c.ok]

    moved = await start_office(telegram, target)  # DATABASE_URL + DATABASE_SCHEMA
    try:
        assert (await complaints.by_number(moved.db, number)) is not None
    finally:
        await moved.bot.stop()

    assert await copy_db("--from", str(original), "--to", str(back), "--schema", schema) == 2
    assert "has no schemas" in capsys.readouterr().err
    assert await copy_db("--from", str(original), "--to", city, "--schema", "Kec-Marelan") == 2
    assert "--schema 'Kec-Marelan'" in capsys.readouterr().err
