"""A complaint in a unit that has its group and its people, for the complaint services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.complaints import actions
from bot.people.directory import Actor
from storage.complaints import records
from storage.complaints.records import Complaint
from tests.services.office import ServiceOffice

RESOLUTION = "Lampu sudah diganti oleh petugas kemarin sore."


@dataclass
class Case:
    """Siti's complaint to Seksi Pembangunan (PEMB), whose group is bound; Budi is its
    staf, Rina its kepala, the Camat the supervisor; Tono is staf of another unit."""

    office: ServiceOffice
    complaint: Complaint
    citizen: Actor
    staf: Actor
    kepala: Actor
    camat: Actor
    outsider: Actor
    group: int

    async def now(self) -> Complaint:
        """The complaint as stored now."""
        found = await records.get(self.office.db, self.complaint.id)
        assert found is not None
        return found

    async def accepted(self) -> Complaint:
        return await actions.accept(self.office.runtime, self.staf, self.complaint.id)

    async def resolved(self) -> Complaint:
        await self.accepted()
        return await actions.resolve(self.office.runtime, self.staf, self.complaint.id, RESOLUTION)


async def open_case(office: ServiceOffice, *, delivered: bool = True, **complaint: Any) -> Case:
    """A filed complaint with everyone around it; its alert and confirmation sent, unless
    ``delivered`` is false (they still wait in the outbox)."""
    group = await office.bind_group("PEMB")
    staf = await office.staff("Budi", "staf", "PEMB")
    kepala = await office.staff("Rina", "kepala", "PEMB")
    camat = await office.staff("Camat", "supervisor")
    outsider = await office.staff("Tono", "staf", "TRANTIB")
    citizen = await office.citizen("Siti")
    filed = await office.file(citizen, **complaint)
    if delivered:
        await office.delivered()
    return Case(office, filed, citizen, staf, kepala, camat, outsider, group)
