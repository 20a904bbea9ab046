"""The "Kegiatan" sheet of the XLSX export: the activities (trainings, citizen forums)
starting in the period, cancelled ones included, with their audience figures and the JP
credited (:func:`storage.jp.with_attendance`).

Privacy: counts for everyone; the attendees' names (staff at a training, citizens at a
forum) only for admins (``PERSONAL_DATA``). ``attended`` stays empty while the organiser
has not saved the attendance.
"""

from __future__ import annotations

from typing import Any

from bot.activities.rules import shown_status
from bot.reports.sheets import ExportContext, Rows, SheetWriter, full_name, when
from storage.activities import jp
from storage.activities.jp import ActivityAttendance
from storage.reports import sheets as report_sheets
from storage.reports.sheets import Attendee

TITLE = "Kegiatan"
BATCH = 200  # activities per batch of attendees read (a year holds a few dozen)
COLUMNS = [
    "activity_id",
    "kind",
    "title",
    "start_datetime",
    "end_datetime",
    "duration_minutes",
    "place",
    "jp_per_attendee",
    "cost_rupiah",
    "status",
    "invited",
    "accepted",
    "declined",
    "attended",
    "jp_credited",
]
PERSONAL_COLUMNS = ["attendees"]


def columns(context: ExportContext) -> list[str]:
    return COLUMNS + (PERSONAL_COLUMNS if context.personal_data else [])


def row(
    context: ExportContext, activity: ActivityAttendance, present: list[Attendee] | None
) -> list[Any]:
    values: list[Any] = [
        activity.id,
        activity.kind,
        activity.title,
        when(context, activity.starts_at),
        when(context, activity.starts_at + activity.minutes * 60),
        activity.minutes,
        activity.place,
        activity.jp,
        activity.cost_rupiah,
        shown_status(activity.status, activity.starts_at, activity.minutes, context.runtime.now()),
        activity.invited,
        activity.accepted,
        activity.declined,
        activity.attended,
        activity.jp_credited,
    ]
    if context.personal_data:
        names = [full_name(a.first_name, a.last_name) or "" for a in present or []]
        values.append(", ".join(names) or None)
    return values


async def rows(context: ExportContext) -> Rows:
    found = await jp.with_attendance(context.db, context.start, context.end)
    for first in range(0, len(found), BATCH):
        batch = found[first : first + BATCH]
        present: dict[int, list[Attendee]] = {}
        if context.personal_data:
            present = await report_sheets.attendees(context.db, [a.id for a in batch])
        yield [row(context, activity, present.get(activity.id)) for activity in batch]


async def count(context: ExportContext) -> int:
    return await report_sheets.count_activities(context.db, context.start, context.end)


SHEET = SheetWriter(TITLE, columns, rows, count)
