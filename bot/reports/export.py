"""/ekspor: the complaints of a period as an XLSX workbook, written to the audit log.

Rows are read page by page and handed to openpyxl in the report thread
(:mod:`bot.report_worker`), so a large export neither fills the memory nor stops the bot
from answering others. The workbook is written
to a temporary file that the caller sends and then deletes.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.periods import Period
from bot.people.directory import Actor
from bot.people.roles import Permission
from bot.reports import worker as report_worker
from bot.reports.rules import instants
from bot.reports.sheets import (
    SHEETS,
    ExportContext,
    dictionary_columns,
    dictionary_rows,
    dictionary_title,
    header,
)
from bot.reports.summary import require_office
from bot.reports.xlsx import WorkbookWriter
from storage.core import audit
from storage.reports import summary as reports

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

#: One file at most: a month of a very busy office (35,000 in the benchmark) fits in the
#: memory budget, a year of it does not (choose a shorter period).
MAX_COMPLAINTS = 40_000


class TooMany(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class NothingToExport(Exception):
    pass


@dataclass(frozen=True)
class ExportFile:
    path: Path
    file_name: str
    rows: dict[str, int]  # sheet title -> data rows
    personal_data: bool

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def file_name(period: Period) -> str:
    last = period.end - timedelta(days=1)
    return f"pengaduan_{period.start:%Y-%m-%d}_{last:%Y-%m-%d}.xlsx"


async def export(runtime: Runtime, actor: Actor, period: Period) -> ExportFile:
    """The workbook of a period: raises NothingToExport when no sheet has a record in it
    (no complaint, survey response or activity), TooMany over MAX_COMPLAINTS."""
    require_office(actor)
    start, end = instants(period, runtime.settings.zone)
    async with runtime.db.snapshot() as db:
        context = ExportContext(
            runtime,
            db,
            period,
            start,
            end,
            personal_data=actor.can(Permission.PERSONAL_DATA),
            language=actor.language,
            withheld=actor.unit_code,
        )
        count = (await reports.totals(db, start, end)).received
        if count > MAX_COMPLAINTS:
            raise TooMany(count)
        sheets = runtime.extensions[SHEETS]
        if not any([await sheet.count(context) for sheet in sheets if sheet.count is not None]):
            raise NothingToExport
        writer = await report_worker.run(WorkbookWriter)
        rows = await _fill(writer, context)
    handle, name = tempfile.mkstemp(prefix="marelan-export-", suffix=".xlsx")
    os.close(handle)
    path = Path(name)
    await report_worker.run_heavy(writer.save, path)
    async with runtime.db.transaction() as tx:
        await audit.record(
            tx,
            runtime.now(),
            actor.telegram_id,
            "report.exported",
            "period",
            f"{period.start.isoformat()}..{period.end.isoformat()}",
            rows=rows,
            personal_data=context.personal_data,
        )
    return ExportFile(path, file_name(period), rows, context.personal_data)


async def _fill(writer: WorkbookWriter, context: ExportContext) -> dict[str, int]:
    """Every sheet, page by page, then the data dictionary of their columns; returns the
    data rows per sheet title."""
    rows: dict[str, int] = {}
    language = context.language
    described: list[list[object]] = []
    for sheet in context.runtime.extensions[SHEETS]:
        fields = sheet.columns(context)
        headers = [header(language, sheet.title, field) for field in fields]
        target = await report_worker.run(writer.add_sheet, sheet.title, headers)
        described += dictionary_rows(language, sheet.title, fields)
        rows[sheet.title] = 0
        async for batch in sheet.rows(context):
            await report_worker.run(writer.append, target, batch)
            rows[sheet.title] += len(batch)
    dictionary = await report_worker.run(
        writer.add_sheet, dictionary_title(language), dictionary_columns(language)
    )
    await report_worker.run(writer.append, dictionary, described)
    return rows
