"""An activity as the organiser's guided flow leaves it, saved by the create service."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.activities import create
from bot.activities.rules import Kind
from bot.core.clock import to_epoch
from bot.people.directory import Actor
from storage.activities.records import Activity
from tests.services.office import WIB, ServiceOffice

#: Monday 30 November 2026, 09:00 WIB: five days after the offices' default start.
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=WIB)


def draft(
    *,
    kind: str = Kind.PELATIHAN,
    title: str = "Pelatihan Pelayanan Prima",
    starts: datetime = MONDAY,
    minutes: int = 180,
    units: list[str] | None = None,
    all_staff: bool = False,
    jp: int | None = 4,
    cost: int = 2_000_000,
    **more: Any,
) -> create.Draft:
    """A finished draft: a three-hour training for the given units (default: PEMB)."""
    return create.Draft(
        kind=kind,
        title=title,
        starts_at=to_epoch(starts),
        minutes=minutes,
        place="Aula Kantor Camat",
        jp=jp if kind == Kind.PELATIHAN else None,
        all_staff=all_staff,
        units=units if units is not None else ([] if all_staff else ["PEMB"]),
        cost=cost,
        **more,
    )


async def saved(
    office: ServiceOffice, organiser: Actor, *, confirmed: bool = False, **kwargs: Any
) -> Activity:
    result = await create.save(office.runtime, organiser, draft(**kwargs), confirmed=confirmed)
    assert not result.already
    return result.activity
