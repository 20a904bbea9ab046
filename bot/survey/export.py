"""The "Survei" sheet of the XLSX export: one row per SKM response submitted in the
period, with the nine scores by unsur key (never by position: questionnaires differ in
the order of U8 and U9).

Privacy: the profile answers (gender, age, education, occupation) and the suggestion text
(free text, it may name people) are personal data: only admins (``PERSONAL_DATA``) get
them. Nobody gets who answered: the SKM is anonymous, and the IKM never needs it.
"""

from __future__ import annotations

from typing import Any

from bot.reports.sheets import ExportContext, Rows, SheetWriter, when
from bot.survey.rules import UNSUR_KEYS
from storage.reports import sheets as report_sheets
from storage.reports.sheets import SurveyRow

TITLE = "Survei"
COLUMNS = [
    "response_id",
    "submitted_datetime",
    "service_code",
    "service_name",
    "agency_responsible",
    "source",
    *UNSUR_KEYS,
]
PERSONAL_COLUMNS = ["gender", "age_range", "education", "occupation", "suggestion"]


def columns(context: ExportContext) -> list[str]:
    return COLUMNS + (PERSONAL_COLUMNS if context.personal_data else [])


def row(context: ExportContext, response: SurveyRow) -> list[Any]:
    office = context.runtime.office
    service = office.service(response.service_code)
    unit = office.unit(response.unit_code)
    values: list[Any] = [
        response.id,
        when(context, response.submitted_at),
        response.service_code,
        service.name if service else response.service_code,
        unit.name if unit else response.unit_code,
        response.source,
        *(response.answers.get(key) for key in UNSUR_KEYS),
    ]
    if context.personal_data:
        values += [
            response.gender,
            response.age_range,
            response.education,
            response.occupation,
            response.suggestion,
        ]
    return values


async def rows(context: ExportContext) -> Rows:
    async for page in report_sheets.survey_pages(context.db, context.start, context.end):
        yield [row(context, response) for response in page]


async def count(context: ExportContext) -> int:
    return await report_sheets.count_responses(context.db, context.start, context.end)


SHEET = SheetWriter(TITLE, columns, rows, count)
