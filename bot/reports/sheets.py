"""The sheets of the XLSX export, and where other features add theirs.

Built in: **Pengaduan** (one row per complaint received in the period, Open311 GeoReport
v2 columns first, then our deadlines and rating) and **Linimasa** (their timelines).
Columns are declared by field name (Open311's where one exists); the file shows headers
in the reader's language (Indonesian by default) and ends with **Kamus Data**, the data
dictionary from header to field name, for the systems that read the file.
Features with their own data (satisfaction surveys, activities) add a :class:`SheetWriter`
to :data:`SHEETS` (in the application factory); each sheet receives the same
:class:`ExportContext` and yields rows in batches.

Privacy (UU 27/2022; Perpres 76/2013 for confidential reports):
- Everyone but admins (``PERSONAL_DATA``): no names, usernames or Telegram ids of anyone,
  no texts the reporter wrote after filing (answers, messages, rating comments), and
  coordinates rounded to 3 decimals (about 100 m: the street, not the house). The
  complaint's description stays: it is the matter being handled and supervisors read it
  in the bot anyway.
- Admins: the reporter's name, username and id, exact coordinates and every text, except
  for confidential reports: their reporter's identity, the texts they wrote after filing
  and their exact coordinates stay out even for admins. A file leaves the bot's access
  control (it is forwarded, kept on laptops), while the reporter asked the office to keep
  their identity from everyone who handles the case; a legal need for it (e.g. a court
  order) is served from the database by the operator, not by a spreadsheet.
"""

from __future__ import annotations

import html
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.complaints.rules import OPEN, Status, shown_status
from bot.core.catalog import t
from bot.core.extensions import Point
from bot.core.periods import Period
from bot.survey.rules import UNSUR_KEYS
from storage.core.db import Reader, Row
from storage.reports import export as report_export
from storage.reports import summary as reports

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

COORDINATE_DECIMALS_PUBLIC = 3
REPORTER_TEXTS = frozenset({"citizen_answer", "citizen_message", "rating_comment"})
HIDDEN = "(dirahasiakan)"
REPORTER = "pelapor"
SYSTEM = "sistem"
OFFICER = "petugas"
STAFF_ROLES = frozenset({"staf", "kepala", "supervisor", "admin"})


@dataclass(frozen=True)
class ExportContext:
    runtime: Runtime
    db: Reader  # the export's own snapshot (storage.db.Database.snapshot)
    period: Period
    start: int
    end: int
    personal_data: bool  # admins only
    language: str
    #: The exporter's unit: conduct complaints about it stay out of the file.
    withheld: str | None = None


Rows = AsyncIterator[list[list[Any]]]


@dataclass(frozen=True)
class SheetWriter:
    title: str
    columns: Callable[[ExportContext], list[str]]
    rows: Callable[[ExportContext], Rows]
    #: How many records of the period the sheet holds (one SQL count); a period where
    #: every sheet with a count has none is not exported. None: the sheet only adds
    #: detail to another one (the timeline of the complaints).
    count: Callable[[ExportContext], Awaitable[int]] | None = None


#: The sheets of the workbook, in order (see :mod:`bot.core.extensions`).
SHEETS = Point[SheetWriter]("sheets of the /ekspor workbook")


# --- headers and the data dictionary -----------------------------------------------------

#: Fields of Open311 GeoReport v2 (requests), as systems that read the file expect them.
OPEN311_FIELDS = frozenset(
    {
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "agency_responsible",
        "service_notice",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "lat",
        "long",
        "media_url",
    }
)


def _catalog(language: str, sheet: str, field: str, suffix: str = "") -> str:
    """A header (or, with ``suffix=".about"``, its meaning) as plain text for a cell."""
    slug = sheet.lower()
    if field in UNSUR_KEYS:
        text = t(
            language, f"xl.{slug}.unsur{suffix}", key=field, name=t(language, f"skm.{field}.name")
        )
    else:
        text = t(language, f"xl.{slug}.{field}{suffix}")
    return html.unescape(text)


def header(language: str, sheet: str, field: str) -> str:
    return _catalog(language, sheet, field)


def dictionary_title(language: str) -> str:
    return html.unescape(t(language, "xl.dictionary"))


def dictionary_columns(language: str) -> list[str]:
    return [
        html.unescape(t(language, f"xl.dict.{name}"))
        for name in ("sheet", "header", "field", "open311", "about")
    ]


def dictionary_rows(language: str, sheet: str, fields: list[str]) -> list[list[Any]]:
    """One row per column of a sheet: its header, field name, Open311 or not, meaning."""
    yes = html.unescape(t(language, "xl.dict.yes"))
    return [
        [
            sheet,
            header(language, sheet, field),
            field,
            yes if sheet == "Pengaduan" and field in OPEN311_FIELDS else None,
            _catalog(language, sheet, field, ".about"),
        ]
        for field in fields
    ]


# --- helpers ---------------------------------------------------------------------------


def when(context: ExportContext, epoch: int | None) -> str | None:
    """ISO 8601 with the office's offset, as Open311 writes datetimes."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, context.runtime.settings.zone).isoformat()


def work_hours(seconds: int | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


def yes_no(value: int | None) -> str | None:
    return None if value is None else ("ya" if value else "tidak")


def coordinate(context: ExportContext, value: float | None, confidential: bool) -> float | None:
    if value is None:
        return None
    if context.personal_data and not confidential:
        return value
    return round(value, COORDINATE_DECIMALS_PUBLIC)


def reporter_visible(context: ExportContext, row: Row) -> bool:
    """May this file carry what identifies the reporter (or what they wrote)?"""
    return context.personal_data and not row["confidential"]


def full_name(first: str | None, last: str | None) -> str | None:
    if first is None:
        return None
    return f"{first} {last}" if last else first


# --- Pengaduan -------------------------------------------------------------------------

COMPLAINT_COLUMNS = [
    "service_request_id",
    "status",
    "service_code",
    "service_name",
    "description",
    "agency_responsible",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "kelurahan",
    "lat",
    "long",
    "status_detail",
    "ack_due_datetime",
    "acknowledged_datetime",
    "ack_on_time",
    "ack_work_hours",
    "resolve_due_datetime",
    "resolved_datetime",
    "resolve_on_time",
    "resolve_work_hours",
    "closed_datetime",
    "reopen_count",
    "rating",
    "confidential",
]
PERSONAL_COMPLAINT_COLUMNS = [
    "reporter_name",
    "reporter_username",
    "reporter_telegram_id",
    "rating_comment",
]


def complaint_columns(context: ExportContext) -> list[str]:
    return COMPLAINT_COLUMNS + (PERSONAL_COMPLAINT_COLUMNS if context.personal_data else [])


def complaint_row(context: ExportContext, row: Row) -> list[Any]:
    office = context.runtime.office
    category = office.category(row["category_code"])
    unit = office.unit(row["unit_code"])
    kelurahan = office.kelurahan_by_code(row["kelurahan_code"]) if row["kelurahan_code"] else None
    confidential = bool(row["confidential"])
    values = [
        row["number"],
        "open" if Status(row["status"]) in OPEN else "closed",
        row["category_code"],
        category.name if category else row["category_code"],
        row["description"],
        unit.name if unit else row["unit_code"],
        when(context, row["created_at"]),
        when(context, row["updated_at"]),
        when(context, row["resolve_due_at"]),
        kelurahan.name if kelurahan else None,
        coordinate(context, row["latitude"], confidential),
        coordinate(context, row["longitude"], confidential),
        shown_status(row["status"], row["withdrawn_at"]),
        when(context, row["ack_due_at"]),
        when(context, row["acknowledged_at"]),
        yes_no(row["ack_on_time"]),
        work_hours(row["ack_work_seconds"]),
        when(context, row["resolve_due_at"]),
        when(context, row["resolved_at"]),
        yes_no(row["resolve_on_time"]),
        work_hours(row["resolve_work_seconds"]),
        when(context, row["closed_at"]),
        row["reopen_count"],
        row["rating"],
        yes_no(row["confidential"]),
    ]
    if context.personal_data:
        if confidential:
            values += [HIDDEN, None, None, None]
        else:
            values += [
                full_name(row["reporter_first_name"], row["reporter_last_name"]),
                row["reporter_username"],
                row["reporter_id"],
                row["rating_comment"],
            ]
    return values


async def complaint_rows(context: ExportContext) -> Rows:
    async for page in report_export.complaint_pages(
        context.db, context.start, context.end, withheld=context.withheld
    ):
        yield [complaint_row(context, row) for row in page]


# --- Linimasa --------------------------------------------------------------------------

EVENT_COLUMNS = [
    "service_request_id",
    "datetime",
    "event",
    "from_status",
    "to_status",
    "agency_responsible",
    "actor",
    "public",
    "text",
    "details",
]
PERSONAL_EVENT_COLUMNS = ["actor_name", "actor_telegram_id"]


def event_columns(context: ExportContext) -> list[str]:
    return EVENT_COLUMNS + (PERSONAL_EVENT_COLUMNS if context.personal_data else [])


def event_row(context: ExportContext, row: Row) -> list[Any]:
    office = context.runtime.office
    unit = office.unit(row["unit_code"]) if row["unit_code"] else None
    by_reporter = row["actor_id"] is not None and row["actor_id"] == row["reporter_id"]
    if row["actor_id"] is None:
        actor = SYSTEM
    elif by_reporter:
        actor = REPORTER
    else:  # an officer; "petugas" when their role has since been revoked
        actor = row["actor_role"] if row["actor_role"] in STAFF_ROLES else OFFICER
    text = row["body"]
    if by_reporter and row["kind"] in REPORTER_TEXTS and not reporter_visible(context, row):
        text = None
    details = json.loads(row["data"]) if row["data"] else {}
    values = [
        row["number"],
        when(context, row["at"]),
        row["kind"],
        row["from_status"],
        row["to_status"],
        unit.name if unit else row["unit_code"],
        actor,
        yes_no(row["public"]),
        text,
        ", ".join(f"{k}={v}" for k, v in sorted(details.items())) or None,
    ]
    if context.personal_data:
        if row["actor_id"] is None:
            values += [None, None]
        elif by_reporter and row["confidential"]:
            values += [HIDDEN, None]
        else:
            values += [full_name(row["actor_first_name"], row["actor_last_name"]), row["actor_id"]]
    return values


async def event_rows(context: ExportContext) -> Rows:
    async for page in report_export.complaint_pages(
        context.db, context.start, context.end, withheld=context.withheld
    ):
        events = await report_export.events_of(context.db, [r["id"] for r in page])
        yield [event_row(context, row) for row in events]


async def complaint_count(context: ExportContext) -> int:
    return (await reports.totals(context.db, context.start, context.end)).received


COMPLAINTS_SHEET = SheetWriter("Pengaduan", complaint_columns, complaint_rows, complaint_count)
TIMELINE_SHEET = SheetWriter("Linimasa", event_columns, event_rows)
