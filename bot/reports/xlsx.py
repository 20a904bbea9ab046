"""Writing the export workbook with openpyxl in write-only mode.

Write-only worksheets stream their rows to temporary files, so memory stays flat however
many rows a sheet gets. Appending and saving are CPU work: the export service calls these
methods in the report thread (:mod:`bot.report_worker`), one call at a time. openpyxl
(and numpy, which it loads) is imported there, by the first export, not with the bot.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_TITLE_MAX = 31  # Excel's limit


class WorkbookWriter:
    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        self._book = Workbook(write_only=True)
        self._bold = Font(bold=True)

    def add_sheet(self, title: str, columns: list[str]) -> WriteOnlyWorksheet:
        from openpyxl.cell import WriteOnlyCell

        sheet = self._book.create_sheet(title[:SHEET_TITLE_MAX])
        sheet.freeze_panes = "A2"
        header = []
        for name in columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = self._bold
            header.append(cell)
        sheet.append(header)
        return sheet

    @staticmethod
    def append(sheet: WriteOnlyWorksheet, rows: Iterable[list[Any]]) -> None:
        for row in rows:
            sheet.append(row)

    def save(self, path: Path) -> None:
        self._book.save(path)
