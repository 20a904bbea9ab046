"""``--scenario demo``: the lived-in office and the story, played to the end without an
error and without a single request the emulator rejected."""

from __future__ import annotations

from pathlib import Path

from bot.complaints.rules import Status
from sandbox import roster
from sandbox.demo import Demo
from sandbox.scenario import first
from tests.sandbox.conftest import close_sandbox, open_sandbox


async def test_the_demo_plays_to_the_end_with_nothing_rejected(tmp_path: Path) -> None:
    demo = Demo(pause=0)
    page = await open_sandbox(tmp_path / "demo.db", demo)
    try:
        office = page.office
        db = office.runtime.db
        assert office.now() == office.today  # three weeks lived, the clock stands "today"
        statuses = {row["status"] for row in await db.fetchall("SELECT status FROM complaints")}
        assert statuses == {s.value for s in Status}  # a complaint in every status
        assert await db.fetchval("SELECT COUNT(*) FROM survey_responses") == 5
        assert await db.fetchval("SELECT COUNT(*) FROM complaints WHERE rating <= 2") == 1
        held, coming = await db.fetchall("SELECT * FROM activities ORDER BY starts_at")
        assert held["starts_at"] < office.runtime.now() < coming["starts_at"]
        credited = await db.fetchval("SELECT COUNT(*) FROM jp_credits")
        assert credited == 5  # four who came as they said, one who came after all
        camat = first(office, roster.SUPERVISOR)
        digests = [m for m in office.world.bot_messages(camat.id) if m.kind == "photo"]
        assert digests, "a Monday digest with its chart reached the Camat during the history"

        before = len(office.world.bot_messages(camat.id))
        await demo.play(page)
        assert demo.played
        story = await db.fetchone("SELECT * FROM complaints ORDER BY id DESC LIMIT 1")
        assert (story["status"], story["rating"]) == ("ditutup", 5)
        await office.world.settle()
        answer = office.world.bot_messages(camat.id)[before:]
        assert any(m.kind == "photo" for m in answer)  # /ringkasan with its chart
        narrated = [data["key"] for kind, data in page.feed.since(0)[0] if kind == "narration"]
        assert narrated[-1] == "story.done" and len(narrated) == 8
        assert [kind for kind, _data in page.feed.since(0)[0] if kind == "failure"] == []
        # Not even a harmless "message is not modified": the dispatcher sends a queued
        # edit as it claimed it (not as it read it before a change rewrote it), and an
        # alert edit that would repeat the one in flight is not queued.
        rejected = [
            (c.method, c.status, c.result_or_error) for c in office.world.requests if not c.ok
        ]
        assert rejected == []
    finally:
        await close_sandbox(page)
