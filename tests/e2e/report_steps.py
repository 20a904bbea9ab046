"""Seeding complaints for the report tests through the real services, on the fake clock.

Filing a complaint through the whole conversation takes a dozen messages; the reports
need many complaints at chosen times, so these steps call the same services the handlers
call (``complaint_intake.submit``, ``complaint_actions.accept`` ...), as the person the
handler would have identified. People are registered by their real first ``/start``, and
staff by the real invitation flow.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from openpyxl import load_workbook

from bot.complaints import actions as complaint_actions
from bot.complaints import followup as complaint_reactions
from bot.complaints import intake as complaint_intake
from bot.complaints.intake import Draft
from bot.people.directory import Actor, actor_of
from emulator import BotMessage, FakeUser
from storage.complaints import records as complaints
from storage.complaints.records import Complaint
from storage.people import directory as people
from tests.e2e.harness import OfficeEnv


@dataclass
class Person:
    user: FakeUser
    actor: Actor


async def citizen(office: OfficeEnv, name: str, **kwargs: Any) -> Person:
    user = office.user(name, **kwargs)
    await user.send("/start")
    await user.wait_for("Halo")
    return Person(user, await actor(office, user))


async def officer(office: OfficeEnv, name: str, role: str, unit: str | None = None) -> Person:
    user = office.user(name)
    await office.invite(user, role, unit)
    return Person(user, await actor(office, user))


async def actor(office: OfficeEnv, user: FakeUser) -> Actor:
    person = await people.get(office.db, user.id)
    assert person is not None
    return actor_of(office.runtime, person)


async def file(
    office: OfficeEnv,
    reporter: Person,
    category: str,
    kelurahan: str | None,
    *,
    confidential: bool = False,
    description: str | None = None,
    location: tuple[float, float] | None = None,
) -> Complaint:
    draft = Draft(
        category=category,
        kelurahan=kelurahan,
        confidential=confidential,
        description=description or f"Keluhan {category} di {kelurahan}: mohon dibantu.",
        location=list(location) if location else None,
    )
    submitted = await complaint_intake.submit(office.runtime, reporter.actor, draft)
    return submitted.complaint


async def accept(office: OfficeEnv, staff: Person, complaint: Complaint) -> Complaint:
    return await complaint_actions.accept(office.runtime, staff.actor, complaint.id)


async def resolve(office: OfficeEnv, staff: Person, complaint: Complaint) -> Complaint:
    return await complaint_actions.resolve(
        office.runtime, staff.actor, complaint.id, "Sudah ditangani petugas di lapangan."
    )


async def rate(office: OfficeEnv, reporter: Person, complaint: Complaint, stars: int) -> Complaint:
    return await complaint_reactions.rate(office.runtime, reporter.actor, complaint.id, stars)


async def reopen(office: OfficeEnv, reporter: Person, complaint: Complaint) -> Complaint:
    return await complaint_reactions.reopen(office.runtime, reporter.actor, complaint.id)


async def ask(office: OfficeEnv, staff: Person, complaint: Complaint) -> Complaint:
    return await complaint_actions.ask_info(
        office.runtime, staff.actor, complaint.id, "Mohon kirim foto lokasinya."
    )


def tick(office: OfficeEnv, **delta: float) -> None:
    """Move the fake clock without waiting for the bot to be idle (jobs due meanwhile run
    concurrently; seeding does not depend on them)."""
    office.clock.advance(timedelta(**delta))


async def reload(office: OfficeEnv, complaint: Complaint) -> Complaint:
    found = await complaints.get(office.db, complaint.id)
    assert found is not None
    return found


# --- independent arithmetic for the assertions -------------------------------------------


def id_number(value: float, decimals: int = 1) -> str:
    """Indonesian decimal comma, written independently of bot.formatting."""
    return f"{value:.{decimals}f}".replace(".", ",")


def id_percent(part: int, whole: int) -> str:
    return f"{id_number(100 * part / whole)}%"


def nearest_rank(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[math.ceil(fraction * len(ordered)) - 1]


def hours_text(seconds: int) -> str:
    return id_number(seconds / 3600)


def workbook_of(office: OfficeEnv, message: BotMessage):
    assert message.document is not None, message
    data = office.world.file_bytes(message.document["file_id"])
    return load_workbook(io.BytesIO(data), read_only=True)


def field_names(book) -> dict[tuple[str, str], str]:
    """(sheet, header) -> field name, from the workbook's data dictionary ("Kamus Data"),
    as a system reading the file maps the office's headers to Open311 names."""
    rows = list(book["Kamus Data"].iter_rows(values_only=True))[1:]
    return {(sheet, header): field for sheet, header, field, *_ in rows}


def sheet_rows(book, title: str) -> list[dict[str, Any]]:
    """The data rows of a sheet as dicts keyed by field name (through the dictionary)."""
    rows = list(book[title].iter_rows(values_only=True))
    fields = field_names(book)
    header = tuple(fields[(title, shown)] for shown in rows[0])
    # read-only mode drops the empty cells at the end of a row
    return [
        dict(zip(header, row + (None,) * (len(header) - len(row)), strict=True)) for row in rows[1:]
    ]
