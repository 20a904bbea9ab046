"""Typed writes of complaints on a real SQLite file: a change writes exactly the columns it
sets, and what is read back carries the domain's enums."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest_asyncio

from domain.complaints import CheckKind, EventKind, Status
from storage.complaints import records
from storage.complaints.records import COLUMNS, ComplaintUpdate, NewComplaint
from storage.core.db import Database


@pytest_asyncio.fixture
async def db(db: Database) -> Database:
    """The fresh database, with the unit, category and people a complaint refers to."""
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO units (code, name) VALUES ('PEMB', 'Pembangunan')")
        await tx.execute(
            """INSERT INTO categories (code, name, name_en, unit_code, acknowledge_days,
                                       resolve_days)
               VALUES ('INFRA', 'Jalan', 'Roads', 'PEMB', 1, 5)"""
        )
        await tx.execute(
            "INSERT INTO people (telegram_id, first_name, created_at, updated_at) "
            "VALUES (7, 'Ani', 0, 0), (42, 'Budi', 0, 0)"
        )
    return db


def _new(draft_key: str = "7:abc") -> NewComplaint:
    return NewComplaint(
        draft_key=draft_key,
        number="MRL-2611-0001",
        reporter_id=7,
        confidential=True,
        category_code="INFRA",
        kelurahan_code=None,
        unit_code="PEMB",
        named_unit_code=None,
        description="Lampu jalan mati sejak seminggu",
        latitude=None,
        longitude=None,
        status=Status.BARU,
        created_at=100,
        updated_at=100,
        ack_started_at=100,
        ack_span=28800,
        ack_due_at=200,
        resolve_started_at=100,
        resolve_span=144000,
        resolve_due_at=900,
    )


async def test_a_change_writes_the_columns_it_sets_and_only_those(db: Database) -> None:
    async with db.transaction() as tx:
        complaint_id = await records.insert(tx, _new())
        filed = await records.existing(tx, complaint_id)
        await records.update(
            tx,
            complaint_id,
            ComplaintUpdate(
                status=Status.MENUNGGU_WARGA,
                status_before_wait=filed.status,
                paused_at=150,
                assignee_id=42,
            ),
        )
        waiting = await records.existing(tx, complaint_id)
        await records.update(
            tx,
            complaint_id,
            ComplaintUpdate(status=Status.DIPROSES, status_before_wait=None, paused_at=None),
        )
        resumed = await records.existing(tx, complaint_id)

    assert filed.status is Status.BARU and filed.confidential is True
    assert waiting.status is Status.MENUNGGU_WARGA and waiting.status_before_wait is Status.BARU
    assert (waiting.paused_at, waiting.assignee_id, waiting.updated_at) == (150, 42, 100)
    assert resumed.status is Status.DIPROSES
    assert (resumed.status_before_wait, resumed.paused_at) == (None, None)  # None writes NULL
    assert resumed.assignee_id == 42  # UNSET leaves the column alone
    assert (resumed.description, resumed.number) == (filed.description, filed.number)


async def test_an_empty_change_writes_nothing(db: Database) -> None:
    async with db.transaction() as tx:
        complaint_id = await records.insert(tx, _new())
        before = await records.existing(tx, complaint_id)
        await records.update(tx, complaint_id, ComplaintUpdate())
        assert await records.existing(tx, complaint_id) == before
    assert ComplaintUpdate().assignments() == {}


def test_a_change_can_name_only_columns_a_change_may_set() -> None:
    updatable = {f.name for f in fields(ComplaintUpdate)}
    assert updatable <= set(COLUMNS)
    assert not updatable & {"id", "number", "reporter_id", "created_at", "description"}


async def test_event_details_are_stored_as_given_and_read_back_typed(db: Database) -> None:
    async with db.transaction() as tx:
        complaint_id = await records.insert(tx, _new())
        await records.add_event(
            tx,
            complaint_id,
            120,
            None,
            EventKind.REMINDER,
            unit_code="PEMB",
            check=CheckKind.ACK_WARN,
        )
        await records.add_event(
            tx,
            complaint_id,
            130,
            7,
            EventKind.CITIZEN_ANSWER,
            from_status=Status.MENUNGGU_WARGA,
            to_status=Status.DIPROSES,
            public=True,
            body="Di depan masjid",
            file=False,
        )
        stored = await tx.fetchall(
            "SELECT data FROM complaint_events WHERE complaint_id = ? ORDER BY id",
            (complaint_id,),
        )
    assert [json.loads(r["data"]) for r in stored] == [{"check": "ack_warn"}, {"file": False}]
    reminder, answer = await records.timeline(db, complaint_id, public_only=False)
    assert reminder.kind is EventKind.REMINDER and reminder.data["check"] is CheckKind.ACK_WARN
    assert answer.kind is EventKind.CITIZEN_ANSWER
    assert (answer.from_status, answer.to_status) == (Status.MENUNGGU_WARGA, Status.DIPROSES)
    assert answer.to_status is Status.DIPROSES and answer.data == {"file": False}
    assert await records.count_events(db, complaint_id, EventKind.REMINDER) == 1
