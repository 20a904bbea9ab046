"""``--scenario latihan``: exercises for a trainee, checked off as they are done.

Citizens file four complaints through the bot, each prepared for one exercise: one to
accept and resolve, one too vague to act on (ask for information), one filed under the
wrong category (reassign it to the right unit), one to leave alone until the clock has
moved a working day (the reminder and the escalation). Replying to an alert so the
citizen gets the answer is a fifth. The page shows the list; each exercise is checked
from what the bot recorded in the complaint's timeline, never from what the page did.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox import flows, roster
from sandbox.office import SandboxOffice
from sandbox.scenario import FreePlay, first
from sandbox.seed import Progress
from sandbox.steps import label
from storage.complaints import records as complaints

if TYPE_CHECKING:
    from sandbox.web import SandboxPage

#: Seconds to let a burst of changes pass before checking the exercises again.
SETTLE = 0.3


@dataclass
class Exercise:
    key: str
    number: str
    unit: str
    done: bool = False


class Latihan(FreePlay):
    name = "latihan"

    def __init__(self) -> None:
        self.exercises: list[Exercise] = []
        self._office: SandboxOffice | None = None

    async def prepare(self, office: SandboxOffice, progress: Progress) -> None:
        self._office = office
        siti, budi = (p for p in office.people.values() if p.role == roster.CITIZEN)
        maimunah, ucok = office.new_citizen(), office.new_citizen()
        resolve = await flows.file_complaint(
            office,
            siti,
            "INFRA",
            "RGP",
            "Drainase di Jl. Marelan Raya Pasar V tersumbat "
            "lumpur, air menggenang di jalan setiap sore.",
        )
        ask = await flows.file_complaint(
            office, budi, "BANSOS", "PYP", "Bantuan saya belum datang, tolong dicek."
        )
        move = await flows.file_complaint(
            office,
            maimunah,
            "TRANTIB",
            "TER",
            "Tiga lampu jalan di Jl. Titi Papan mati, jalan gelap dan rawan begal.",
        )
        wait = await flows.file_complaint(
            office,
            ucok,
            "SAMPAH",
            "LBD",
            "Sampah rumah tangga dibuang ke parit di belakang pasar Labuhan Deli.",
        )
        unit = office.office.unit_label
        self.exercises = [
            Exercise("latihan.resolve", resolve.number, unit(resolve.unit, "id")),
            Exercise("latihan.ask", ask.number, unit(ask.unit, "id")),
            Exercise("latihan.move", move.number, unit("PEMB", "id")),
            Exercise("latihan.reply", resolve.number, unit(resolve.unit, "id")),
            Exercise("latihan.clock", wait.number, unit(wait.unit, "id")),
        ]
        progress(
            f"{len(self.exercises)} latihan siap: "
            + ", ".join(f"{e.key.split('.')[1]} {e.number}" for e in self.exercises)
        )

    def panes(self, office: SandboxOffice) -> list[dict[str, int]]:
        """The three unit groups the exercises happen in (as their staff), and a citizen."""
        panes = []
        for unit in ("PEMB", "KESOS", "TRANTIB"):
            staff = first(office, roster.STAFF, unit)
            if unit in office.groups and staff is not None:
                panes.append({"chat": office.groups[unit].id, "as": staff.id})
        citizen = first(office, roster.CITIZEN)
        if citizen is not None:
            panes.append({"chat": citizen.id, "as": citizen.id})
        return panes

    def state(self) -> dict[str, Any]:
        return {"exercises": self._listed()}

    def _listed(self) -> list[dict[str, Any]]:
        buttons = {name: label(f"btn.{name}") for name in ("accept", "ask", "move", "resolve")}
        return [
            {
                "key": e.key,
                "values": {"number": e.number, "unit": e.unit, **buttons},
                "done": e.done,
            }
            for e in self.exercises
        ]

    async def run(self, page: SandboxPage) -> None:
        """Check the exercises whenever anything happened; tell the page what changed."""
        journal = page.office.world.journal
        seen = -1
        while True:
            if journal.cursor == seen:  # nothing new since the last check: wait for it
                await journal.signal.wait(3600)
                await asyncio.sleep(SETTLE)
            seen = journal.cursor
            if await self.check(page.office):
                page.feed.publish("exercises", self._listed())

    async def check(self, office: SandboxOffice) -> bool:
        """Re-check every exercise not yet done; True when one got done."""
        newly = False
        for exercise in self.exercises:
            if not exercise.done and await self.is_done(office, exercise):
                exercise.done = newly = True
        return newly

    @staticmethod
    async def _replied(office: SandboxOffice, number: str) -> bool:
        found = await complaints.by_number(office.runtime.db, number)
        return (
            found is not None
            and await complaints.count_events(office.runtime.db, found.id, "public_reply") > 0
        )

    async def is_done(self, office: SandboxOffice, exercise: Exercise) -> bool:
        db = office.runtime.db
        found = await complaints.by_number(db, exercise.number)
        if found is None:
            return False

        async def happened(kind: str) -> bool:
            return await complaints.count_events(db, found.id, kind) > 0

        if exercise.key == "latihan.resolve":
            return await happened("accepted") and await happened("resolved")
        if exercise.key == "latihan.ask":
            return await happened("info_requested")
        if exercise.key == "latihan.move":
            return found.unit_code == "PEMB"
        if exercise.key == "latihan.reply":  # on any of the exercises' complaints
            return any([await self._replied(office, e.number) for e in self.exercises])
        return await happened("reminder") or await happened("escalated")
