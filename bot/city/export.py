"""/ekspor of the city bot: one workbook spanning the offices, without personal data.

**Kecamatan** holds one row per office (the figures and the rank of ``/kinerja``);
**Pengaduan** every complaint of the period from every office, with the office's code in
front and the columns of an office's own export as its supervisors get it (no names,
accounts, Telegram ids or texts the reporter wrote after filing; coordinates rounded: see
:mod:`bot.reports.sheets`). Offices are read one after the other, page by page, and the
rows go to openpyxl in the report thread, so memory stays flat.
"""

from __future__ import annotations

import html
import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.city.reports import CityReport, CityReports, OfficeFigures
from bot.core.catalog import t
from bot.core.periods import Period
from bot.reports import worker as report_worker
from bot.reports.export import MAX_COMPLAINTS, ExportFile, NothingToExport, TooMany
from bot.reports.rules import hours, instants
from bot.reports.sheets import COMPLAINTS_SHEET, ExportContext, header
from bot.reports.xlsx import WorkbookWriter

__all__ = ["MAX_COMPLAINTS", "NothingToExport", "TooMany", "export"]

log = logging.getLogger(__name__)

OFFICE_COLUMNS = [
    "rank",
    "code",
    "name",
    "score",
    "received",
    "ack_share",
    "resolve_share",
    "resolve_median_hours",
    "reopen_rate",
    "rating",
    "ikm",
    "respondents",
    "open_now",
    "late_now",
]


def file_name(period: Period) -> str:
    last = period.end - timedelta(days=1)
    return f"pengaduan_kota_{period.start:%Y-%m-%d}_{last:%Y-%m-%d}.xlsx"


def _cell(language: str, key: str) -> str:
    return html.unescape(t(language, key))


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def office_row(rank: int, office: OfficeFigures) -> list[Any]:
    figures = office.current
    ikm = office.ikm
    resolve_hours = hours(figures.resolve_median)
    return [
        rank,
        office.code,
        office.name,
        None if office.score is None else round(office.score, 1),
        figures.tally.received,
        _percent(figures.ack_share),
        _percent(figures.resolve_share),
        None if resolve_hours is None else round(resolve_hours, 1),
        _percent(figures.reopen_rate),
        None if figures.rating is None else round(figures.rating, 2),
        None if ikm is None or ikm.converted is None else float(ikm.converted),
        office.survey.respondents,
        office.open_now,
        office.late_now,
    ]


async def export(
    reports: CityReports, telegram_id: int, period: Period, language: str
) -> tuple[ExportFile, CityReport]:
    """The city's workbook of a period, and the report it was made from (for the caption):
    raises NothingToExport without a complaint anywhere, TooMany above an office export's
    limit (the same memory budget)."""
    report = await reports.report(telegram_id, period)
    count = report.total.received
    if count == 0:
        raise NothingToExport
    if count > MAX_COMPLAINTS:
        raise TooMany(count)
    writer = await report_worker.run(WorkbookWriter)
    offices = await report_worker.run(
        writer.add_sheet,
        "Kecamatan",
        [_cell(language, f"xl.kecamatan.{c}") for c in OFFICE_COLUMNS],
    )
    rows = [office_row(rank, o) for rank, o in enumerate(report.offices, start=1)]
    await report_worker.run(writer.append, offices, rows)
    complaints = await _complaints(reports, writer, report, period, language)
    handle, name = tempfile.mkstemp(prefix="marelan-city-export-", suffix=".xlsx")
    os.close(handle)
    path = Path(name)
    await report_worker.run_heavy(writer.save, path)
    log.info(
        "city export by %s: %s..%s, %d complaints of %d offices",
        telegram_id,
        period.start,
        period.end,
        complaints,
        len(report.offices),
    )
    sheet_rows = {"Kecamatan": len(rows), "Pengaduan": complaints}
    return ExportFile(path, file_name(period), sheet_rows, personal_data=False), report


async def _complaints(
    reports: CityReports,
    writer: WorkbookWriter,
    report: CityReport,
    period: Period,
    language: str,
) -> int:
    sheet = COMPLAINTS_SHEET
    written = 0
    target = None
    for office in report.offices:  # those whose data could be read, in rank order
        async with reports.office_runtime(office.code) as runtime:
            start, end = instants(period, runtime.settings.zone)
            context = ExportContext(
                runtime, runtime.db, period, start, end, personal_data=False, language=language
            )
            if target is None:
                headers = [_cell(language, "xl.kecamatan.office")] + [
                    header(language, sheet.title, field) for field in sheet.columns(context)
                ]
                target = await report_worker.run(writer.add_sheet, sheet.title, headers)
            async for batch in sheet.rows(context):
                rows = [[office.code, *row] for row in batch]
                await report_worker.run(writer.append, target, rows)
                written += len(rows)
    return written
