"""Survey responses in SQLite: the IKM read functions aggregate in SQL, give the same
index as the raw answers, respect the period, service and unit, and use the index."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.survey.ikm import ikm_for, ikm_per_service, weakest_unsur
from bot.survey.ikm_rules import from_answers
from storage.core import reference
from storage.core.db import Database
from storage.core.migrate import migrate
from storage.people import directory as people
from storage.survey import responses as surveys
from storage.survey.responses import NewResponse
from tests.database import fresh_database

KEYS = [f"U{n}" for n in range(1, 10)]
DAY = 86_400


@pytest_asyncio.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(await fresh_database(tmp_path, "s.db"))
    await database.open()
    await migrate(database)
    async with database.transaction() as tx:
        await reference.sync(
            tx,
            [
                reference.UnitRow("SEKRET", "Sekretariat", None),
                reference.UnitRow("PELAYANAN", "Pelayanan", None),
                reference.UnitRow("PEM", "Pemerintahan", None),
            ],
            [],
            [],
            [
                reference.ServiceRow("KTP", "KTP", None, "PELAYANAN", 100),
                reference.ServiceRow("KK", "KK", None, "PELAYANAN", 100),
                reference.ServiceRow("NIKAH", "Nikah", None, "PEM", None),
            ],
        )
        for person in range(1, 20):
            await people.upsert_seen(tx, person, f"P{person}", None, None, "id", 0, True)
    yield database
    await database.close()


async def _add(
    db: Database, person: int, service: str, unit: str, at: int, answers: dict[str, int]
) -> None:
    async with db.transaction() as tx:
        await surveys.add(
            tx,
            NewResponse(
                draft_key=f"{person}:{service}:{at}",
                respondent_id=person,
                service_code=service,
                unit_code=unit,
                submitted_at=at,
                source="command",
                complaint_id=None,
                answers=answers,
            ),
        )


async def test_sql_aggregation_matches_the_raw_answers(db: Database) -> None:
    ktp = [
        dict.fromkeys(KEYS, 4),
        {k: 2 for k in KEYS if k != "U3"},
        {**{k: 3 for k in KEYS if k != "U9"}, "U3": 1},
    ]
    for person, answers in enumerate(ktp, start=1):
        await _add(db, person, "KTP", "PELAYANAN", 10 * DAY + person, answers)
    await _add(db, 4, "KK", "PELAYANAN", 10 * DAY, dict.fromkeys(KEYS, 1))
    await _add(db, 5, "NIKAH", "PEM", 10 * DAY, dict.fromkeys(KEYS, 2))
    await _add(db, 6, "KTP", "PELAYANAN", 20 * DAY, dict.fromkeys(KEYS, 1))  # next period

    period = (10 * DAY, 20 * DAY)  # [start, end): the response at 20 * DAY is outside
    found = await ikm_for(db, *period, service_code="KTP")
    assert found == from_answers(ktp)
    assert str(found.converted) == "73.61"
    unit = await ikm_for(db, *period, unit_code="PELAYANAN")
    assert unit == from_answers([*ktp, dict.fromkeys(KEYS, 1)])
    everything = await ikm_for(db, *period, weighting="rounded")
    assert everything == from_answers(
        [*ktp, dict.fromkeys(KEYS, 1), dict.fromkeys(KEYS, 2)], "rounded"
    )
    assert await ikm_for(db, 0, 10 * DAY) is None
    assert [u.key for u in weakest_unsur(found, 1)] == ["U3"]

    per_service = await ikm_per_service(db, *period)
    assert set(per_service) == {"KTP", "KK", "NIKAH"}
    assert per_service["KTP"] == found
    assert set(await ikm_per_service(db, *period, unit_code="PEM")) == {"NIKAH"}


@pytest.mark.sqlite_only("SQLite's query plan; PostgreSQL plans with statistics of its own")
async def test_the_aggregation_reads_through_the_time_index(db: Database) -> None:
    plan = await db.fetchall(
        """EXPLAIN QUERY PLAN
           SELECT a.unsur, SUM(a.score), COUNT(*)
           FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
           WHERE r.submitted_at >= 0 AND r.submitted_at < 1 GROUP BY a.unsur"""
    )
    details = " ".join(row["detail"] for row in plan)
    assert "survey_responses_by_time" in details, details


async def test_last_submission_per_person_and_service(db: Database) -> None:
    await _add(db, 1, "KTP", "PELAYANAN", 100, dict.fromkeys(KEYS, 4))
    await _add(db, 1, "KTP", "PELAYANAN", 500, dict.fromkeys(KEYS, 4))
    await _add(db, 1, "KK", "PELAYANAN", 900, dict.fromkeys(KEYS, 4))
    assert await surveys.last_submitted(db, 1, "KTP") == 500
    assert await surveys.last_submitted(db, 2, "KTP") is None
