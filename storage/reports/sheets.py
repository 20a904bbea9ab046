"""Rows for the "Survei" and "Kegiatan" sheets of the XLSX export.

Survey responses are read page by page (keyset pagination on ``(submitted_at, id)``, the
survey time index), each page with its answers by unsur key, so that a year of responses
never sits in memory at once. Activities are few (a few dozen a year); their attendees
are read per batch of activities.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from storage.core.db import Reader, Row

PAGE = 500


@dataclass(frozen=True)
class SurveyRow:
    id: int
    submitted_at: int
    service_code: str
    unit_code: str
    source: str
    answers: dict[str, int]  # by unsur key; a key is missing when it was not answered
    gender: str | None
    age_range: str | None
    education: str | None
    occupation: str | None
    suggestion: str | None


async def count_responses(db: Reader, start: int, end: int) -> int:
    return await db.fetchval(
        "SELECT COUNT(*) FROM survey_responses WHERE submitted_at >= ? AND submitted_at < ?",
        (start, end),
    )


async def count_activities(db: Reader, start: int, end: int) -> int:
    return await db.fetchval(
        "SELECT COUNT(*) FROM activities WHERE starts_at >= ? AND starts_at < ?", (start, end)
    )


async def _answers(db: Reader, response_ids: list[int]) -> dict[int, dict[str, int]]:
    rows = await db.fetchall(
        f"""SELECT a.response_id, a.unsur, a.score FROM {db.dialect.each("wanted")}
            JOIN survey_answers a ON a.response_id = wanted.value""",
        (db.dialect.array(response_ids),),
    )
    found: dict[int, dict[str, int]] = {i: {} for i in response_ids}
    for row in rows:
        found[row["response_id"]][row["unsur"]] = row["score"]
    return found


def _survey_row(row: Row, answers: dict[str, int]) -> SurveyRow:
    return SurveyRow(
        row["id"],
        row["submitted_at"],
        row["service_code"],
        row["unit_code"],
        row["source"],
        answers,
        row["gender"],
        row["age_range"],
        row["education"],
        row["occupation"],
        row["suggestion"],
    )


async def survey_pages(
    db: Reader, start: int, end: int, page: int = PAGE
) -> AsyncIterator[list[SurveyRow]]:
    """The responses submitted in ``[start, end)``, oldest first, ``page`` at a time."""
    after = (start - 1, 0)
    while True:
        rows = await db.fetchall(
            """SELECT id, submitted_at, service_code, unit_code, source, gender, age_range,
                      education, occupation, suggestion
               FROM survey_responses INDEXED BY survey_responses_by_time
               WHERE submitted_at >= ? AND submitted_at < ? AND (submitted_at, id) > (?, ?)
               ORDER BY submitted_at, id LIMIT ?""",
            (start, end, *after, page),
        )
        if not rows:
            return
        answers = await _answers(db, [r["id"] for r in rows])
        yield [_survey_row(r, answers[r["id"]]) for r in rows]
        after = (rows[-1]["submitted_at"], rows[-1]["id"])


@dataclass(frozen=True)
class Attendee:
    activity_id: int
    first_name: str
    last_name: str | None
    role: str


async def attendees(db: Reader, activity_ids: list[int]) -> dict[int, list[Attendee]]:
    """Who attended each of these activities (attendance saved), by name."""
    rows = await db.fetchall(
        f"""SELECT i.activity_id, p.first_name, p.last_name, p.role
           FROM {db.dialect.each("wanted")}
           JOIN activity_invitations i ON i.activity_id = wanted.value AND i.attended = 1
           JOIN people p ON p.telegram_id = i.person_id
           ORDER BY i.activity_id, p.first_name, p.last_name, p.telegram_id""",
        (db.dialect.array(activity_ids),),
    )
    found: dict[int, list[Attendee]] = {i: [] for i in activity_ids}
    for row in rows:
        found[row["activity_id"]].append(
            Attendee(row["activity_id"], row["first_name"], row["last_name"], row["role"])
        )
    return found
