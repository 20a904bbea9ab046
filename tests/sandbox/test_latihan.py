"""``--scenario latihan``: each exercise is checked off by what the bot recorded, only
when it is done, and the page is told."""

from __future__ import annotations

from pathlib import Path

from sandbox import flows, roster
from sandbox.flows import Filed
from sandbox.latihan import Latihan
from sandbox.office import Person
from sandbox.scenario import first
from sandbox.web import SandboxPage
from tests.sandbox.conftest import close_sandbox, open_sandbox


async def told_done(page: SandboxPage, key: str) -> None:
    """Wait until the page was told that exercise ``key`` is done."""

    def told() -> bool:
        items, _cursor, _lost = page.feed.since(0)
        return any(
            kind == "exercises" and any(e["key"] == key and e["done"] for e in data)
            for kind, data in items
        )

    assert await page.feed.signal.wait_for(told, 15), f"{key} was not checked off"


async def not_done(latihan: Latihan, page: SandboxPage, key: str) -> bool:
    exercise = next(e for e in latihan.exercises if e.key == key)
    return not await latihan.is_done(page.office, exercise)


async def test_exercises_are_checked_off_when_done_and_not_before(tmp_path: Path) -> None:
    latihan = Latihan()
    page = await open_sandbox(tmp_path / "latihan.db", latihan)
    office = page.office

    def staff(unit: str) -> Person:
        found = first(office, roster.STAFF, unit)
        assert found is not None
        return found

    try:
        number = {e.key: e.number for e in latihan.exercises}
        assert len(number) == 5
        assert [e["done"] for e in latihan.state()["exercises"]] == [False] * 5

        await flows.ask_info(
            office,
            staff("KESOS"),
            Filed(number["latihan.ask"], "KESOS"),
            "Bantuan apa yang belum datang, dan atas nama siapa?",
        )
        await told_done(page, "latihan.ask")

        await flows.reassign(
            office,
            staff("TRANTIB"),
            Filed(number["latihan.move"], "TRANTIB"),
            "PEMB",
            "Lampu jalan adalah urusan Seksi Pembangunan.",
        )
        await told_done(page, "latihan.move")

        drain = Filed(number["latihan.resolve"], "PEMB")
        await flows.accept(office, staff("PEMB"), drain)
        assert await not_done(latihan, page, "latihan.resolve")  # accepted is not resolved
        await flows.reply_to_citizen(office, staff("PEMB"), drain, "Tim datang besok pagi.")
        await told_done(page, "latihan.reply")
        await flows.resolve(office, staff("PEMB"), drain, "Lumpur sudah dikeruk, air surut.")
        await told_done(page, "latihan.resolve")

        assert await not_done(latihan, page, "latihan.clock")
        await office.advance(days=1)  # the untouched complaint gets its reminder
        await told_done(page, "latihan.clock")
        assert [e["done"] for e in latihan.state()["exercises"]] == [True] * 5
    finally:
        await close_sandbox(page)
