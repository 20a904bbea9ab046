"""Creating an activity: the draft of the guided flow, the budget check, saving with
invitations and reminders in one transaction."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from bot.activities import callbacks as acb
from bot.activities.common import load, send_invitations
from bot.activities.input import InputError
from bot.activities.reminders import plan
from bot.activities.rules import Budget, auto_jp, local_year, would_exceed, year_bounds
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from bot.people.roles import Permission
from domain.activities import EventKind as ActivityEvent
from domain.activities import Kind
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities.records import Activity, NewActivity

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


@dataclass
class Draft:
    """What the organiser entered so far; lives in ``user_data`` (persisted)."""

    id: str = field(default_factory=lambda: secrets.token_hex(4))
    kind: str | None = None
    title: str | None = None
    starts_at: int | None = None
    minutes: int | None = None
    place: str | None = None
    jp: int | None = None
    all_staff: bool = False
    units: list[str] = field(default_factory=list)
    public: bool = False
    cost: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def is_training(self) -> bool:
        return self.kind == Kind.PELATIHAN

    @property
    def auto_jp(self) -> int:
        return auto_jp(self.minutes or 0)

    def choose_kind(self, kind: str) -> None:
        """Only a citizen forum can be public: any other kind loses the public audience."""
        self.kind = kind
        if kind != Kind.FORUM:
            self.public = False

    def has_audience(self) -> bool:
        return self.all_staff or bool(self.units) or self.public

    def complete(self) -> bool:
        needed = (self.kind, self.title, self.starts_at, self.minutes, self.place, self.cost)
        return (
            all(v is not None for v in needed)
            and self.has_audience()
            and (self.jp is not None or not self.is_training)
        )

    def as_new(self, organiser_id: int, draft_key: str) -> NewActivity:
        """The activity this draft describes; ValueError while it is incomplete."""
        kind, title, starts_at, minutes, place = (
            self.kind,
            self.title,
            self.starts_at,
            self.minutes,
            self.place,
        )
        if (
            kind is None
            or title is None
            or starts_at is None
            or minutes is None
            or place is None
            or not self.complete()
        ):
            raise ValueError("incomplete draft")
        return NewActivity(
            kind=Kind(kind),
            title=title,
            starts_at=starts_at,
            minutes=minutes,
            place=place,
            jp=(self.jp or 0) if self.is_training else 0,
            cost_rupiah=self.cost or 0,
            all_staff=self.all_staff,
            public=self.public and kind == Kind.FORUM,
            organiser_id=organiser_id,
            draft_key=draft_key,
        )

    def toggle_audience(self, choice: str, known_units: set[str]) -> None:
        """ "Semua staf" replaces unit choices and the reverse; "Publik" is independent."""
        if choice == acb.ALL_STAFF:
            self.all_staff = not self.all_staff
            if self.all_staff:
                self.units = []
        elif choice == acb.PUBLIC:
            if self.kind != Kind.FORUM:
                raise ValueError(choice)
            self.public = not self.public
        elif choice in known_units:
            self.units = (
                [u for u in self.units if u != choice]
                if choice in self.units
                else [*self.units, choice]
            )
            self.all_staff = False
        else:
            raise ValueError(choice)


class OverBudget(Exception):
    """Saving would exceed the year's training budget; the organiser must confirm."""

    def __init__(self, year: int, budget: Budget, cost: int) -> None:
        super().__init__(year)
        self.year = year
        self.budget = budget
        self.cost = cost


@dataclass(frozen=True)
class Saved:
    activity: Activity
    invited: int
    already: bool = False


def require_organiser(actor: Actor) -> None:
    if not actor.can(Permission.UNIT_REPORTS):
        raise NotAllowed("kegiatan_baru")


async def check_budget(runtime: Runtime, new: NewActivity) -> None:
    """Raise :class:`OverBudget` when the activity's cost exceeds the year's remaining budget."""
    zone = runtime.settings.zone
    year = local_year(new.starts_at, zone)
    committed = await activities.committed_cost(runtime.db, *year_bounds(year, zone))
    total = runtime.office.training.budget_rupiah
    if would_exceed(total, committed, new.cost_rupiah):
        raise OverBudget(year, Budget(total, committed, 0), new.cost_rupiah)


async def save(runtime: Runtime, actor: Actor, draft: Draft, *, confirmed: bool) -> Saved:
    """Save the activity, invite its audience and plan its reminders, in one transaction.

    Idempotent per draft: pressing "Simpan" twice returns the activity saved first."""
    require_organiser(actor)
    key = f"{actor.telegram_id}:{draft.id}"
    new = draft.as_new(actor.telegram_id, key)
    if new.starts_at <= runtime.now():
        raise InputError("when.past")
    existing = await activities.id_for_draft(runtime.db, key)
    if existing is not None:
        return Saved((await load(runtime.db, existing)).activity, 0, already=True)
    if not confirmed:
        await check_budget(runtime, new)
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        won = await activities.id_for_draft(tx, key)
        if won is not None:  # a concurrent press won
            return Saved((await load(tx, won)).activity, 0, already=True)
        units = [u for u in draft.units if runtime.office.unit(u) is not None]
        activity_id = await activities.insert(tx, new, units, now)
        audience = await activity_invitations.audience(
            tx, all_staff=new.all_staff, units=units, public=new.public, exclude=actor.telegram_id
        )
        await activity_invitations.invite(tx, activity_id, audience, now)
        invited = await send_invitations(runtime, tx, activity_id, audience)
        await plan(runtime, tx, activity_id)
        await activities.add_event(
            tx,
            activity_id,
            now,
            actor.telegram_id,
            ActivityEvent.CREATED,
            invited=invited,
            over_budget_confirmed=confirmed,
        )
        activity = await activities.existing(tx, activity_id)
    return Saved(activity, invited)
