"""SKM survey responses, the per-unsur sums the IKM is computed from, and the citizens'
suggestions (the free "saran" answer) for the people who must act on them.

The aggregation runs in SQL (``SUM``/``COUNT`` grouped by unsur), so a report over a year
of responses reads nine rows, not every answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.survey import Source
from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class NewResponse:
    draft_key: str
    respondent_id: int
    service_code: str
    unit_code: str
    submitted_at: int
    source: Source
    complaint_id: int | None
    answers: Mapping[str, int]  # by unsur key: {"U1": 4, ...}
    gender: str | None = None
    age_range: str | None = None
    education: str | None = None
    occupation: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Aggregate:
    """Respondents in scope and, per unsur key, (sum of scores, respondents who answered)."""

    respondents: int
    per_unsur: dict[str, tuple[int, int]]

    def __add__(self, other: Aggregate) -> Aggregate:
        """Both sets of responses together (disjoint periods or offices)."""
        per_unsur = dict(self.per_unsur)
        for key, (total, answered) in other.per_unsur.items():
            before_total, before_answered = per_unsur.get(key, (0, 0))
            per_unsur[key] = (before_total + total, before_answered + answered)
        return Aggregate(self.respondents + other.respondents, per_unsur)


async def add(tx: Tx, response: NewResponse) -> int:
    response_id = await tx.fetchval(
        """INSERT INTO survey_responses (draft_key, respondent_id, service_code, unit_code,
               submitted_at, source, complaint_id, gender, age_range, education, occupation,
               suggestion)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            response.draft_key,
            response.respondent_id,
            response.service_code,
            response.unit_code,
            response.submitted_at,
            response.source,
            response.complaint_id,
            response.gender,
            response.age_range,
            response.education,
            response.occupation,
            response.suggestion,
        ),
    )
    await tx.executemany(
        "INSERT INTO survey_answers (response_id, unsur, score) VALUES (?, ?, ?)",
        [(response_id, key, score) for key, score in sorted(response.answers.items())],
    )
    return response_id


async def id_for_draft(db: Reader, draft_key: str) -> int | None:
    return await db.fetchval("SELECT id FROM survey_responses WHERE draft_key = ?", (draft_key,))


async def last_submitted(db: Reader, respondent_id: int, service_code: str) -> int | None:
    """When this person last answered for this service (Unix seconds), if ever."""
    return await db.fetchval(
        """SELECT MAX(submitted_at) FROM survey_responses
           WHERE respondent_id = ? AND service_code = ?""",
        (respondent_id, service_code),
    )


async def answers_of(db: Reader, response_id: int) -> dict[str, int]:
    rows = await db.fetchall(
        "SELECT unsur, score FROM survey_answers WHERE response_id = ?", (response_id,)
    )
    return {r["unsur"]: r["score"] for r in rows}


def _scope(
    start: int, end: int, service_code: str | None, unit_code: str | None
) -> tuple[str, list[object]]:
    where = "r.submitted_at >= ? AND r.submitted_at < ?"
    params: list[object] = [start, end]
    if service_code is not None:
        where += " AND r.service_code = ?"
        params.append(service_code)
    if unit_code is not None:
        where += " AND r.unit_code = ?"
        params.append(unit_code)
    return where, params


async def aggregate(
    db: Reader, start: int, end: int, service_code: str | None = None, unit_code: str | None = None
) -> Aggregate:
    """Sums per unsur for responses submitted in ``[start, end)``, optionally for one
    service or one unit."""
    where, params = _scope(start, end, service_code, unit_code)
    respondents = await db.fetchval(
        f"SELECT COUNT(*) FROM survey_responses r WHERE {where}", params
    )
    rows = await db.fetchall(
        f"""SELECT a.unsur, SUM(a.score) AS total, COUNT(*) AS answered
            FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
            WHERE {where} GROUP BY a.unsur""",
        params,
    )
    return Aggregate(
        int(respondents or 0), {r["unsur"]: (int(r["total"]), int(r["answered"])) for r in rows}
    )


async def newest_id(db: Reader) -> int:
    """The highest response id (0 without responses); responses are never changed in
    what they count, so a new id is the only way a period's sums move."""
    return int(await db.fetchval("SELECT COALESCE(MAX(id), 0) FROM survey_responses") or 0)


async def submitted_after(db: Reader, after_id: int) -> list[int]:
    """When the responses added after ``after_id`` were submitted (a paper form entered
    today may carry an earlier day)."""
    rows = await db.fetchall("SELECT submitted_at FROM survey_responses WHERE id > ?", (after_id,))
    return [r["submitted_at"] for r in rows]


async def aggregate_by_service(
    db: Reader, start: int, end: int, unit_code: str | None = None
) -> dict[str, Aggregate]:
    """The same sums for every service with responses in the period, in two queries."""
    where, params = _scope(start, end, None, unit_code)
    counts = await db.fetchall(
        f"""SELECT r.service_code, COUNT(*) AS n FROM survey_responses r WHERE {where}
            GROUP BY r.service_code""",
        params,
    )
    found = {r["service_code"]: Aggregate(int(r["n"]), {}) for r in counts}
    rows = await db.fetchall(
        f"""SELECT r.service_code, a.unsur, SUM(a.score) AS total, COUNT(*) AS answered
            FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
            WHERE {where} GROUP BY r.service_code, a.unsur""",
        params,
    )
    for r in rows:
        found[r["service_code"]].per_unsur[r["unsur"]] = (int(r["total"]), int(r["answered"]))
    return found


HAS_TEXT = "r.suggestion IS NOT NULL AND TRIM(r.suggestion) <> ''"


@dataclass(frozen=True)
class Suggestion:
    response_id: int
    submitted_at: int
    service_code: str
    text: str
    mean_score: float | None  # the respondent's average over the unsur they answered


async def count_suggestions(
    db: Reader, start: int, end: int, service_code: str | None = None, unit_code: str | None = None
) -> int:
    where, params = _scope(start, end, service_code, unit_code)
    return int(
        await db.fetchval(
            f"SELECT COUNT(*) FROM survey_responses r WHERE {where} AND {HAS_TEXT}", params
        )
        or 0
    )


async def suggestions(
    db: Reader,
    start: int,
    end: int,
    service_code: str | None,
    unit_code: str | None,
    offset: int,
    limit: int,
) -> list[Suggestion]:
    where, params = _scope(start, end, service_code, unit_code)
    rows = await db.fetchall(
        f"""SELECT r.id, r.submitted_at, r.service_code, r.suggestion,
                   (SELECT AVG(a.score) FROM survey_answers a WHERE a.response_id = r.id)
                       AS mean_score
            FROM survey_responses r INDEXED BY survey_responses_by_time
            WHERE {where} AND {HAS_TEXT}
            ORDER BY r.submitted_at DESC, r.id DESC LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return [
        Suggestion(r["id"], r["submitted_at"], r["service_code"], r["suggestion"], r["mean_score"])
        for r in rows
    ]
