"""Synthetic activities for the benchmark: ASN trainings with invitations, answers,
attendance and JP credits, and citizen forums.

About a training a month (one in five for all staff, the others for one unit), organised by
a unit head or a supervisor, from a two-hour coaching to a two-day course (JP = 45-minute
lesson hours, as "Otomatis" credits them); invitees answer yes (65 %), no (20 %) or not at
all, and once the training is over the organiser saves the attendance and every attendee
is credited its JP in the training's year. About one citizen forum a month for subscribed
citizens. A few activities are cancelled; those after the end of the data are still
planned. Rows are what the activity services write (``activities``, ``activity_units``,
``activity_invitations``, ``activity_events``, ``jp_credits``). Used by :mod:`bench.seed`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from bench.synthetic import ZONE, FastCalendar
from bot.activities.rules import auto_jp
from bot.core.clock import to_epoch

TRAININGS = (
    ("Pelatihan Pelayanan Prima", 240),
    ("Pelatihan Excel untuk Administrasi", 180),
    ("Bimtek Aplikasi SP4N-LAPOR!", 480),
    ("Diklat Teknis Administrasi Kependudukan", 900),
    ("Coaching Penyusunan SKP", 120),
    ("Workshop Survei Kepuasan Masyarakat", 360),
    ("Pelatihan Kearsipan Digital", 480),
    ("Seminar Etika ASN", 180),
)
FORUMS = (
    "Musrenbang Kelurahan",
    "Forum Warga: Kebersihan Lingkungan",
    "Forum Warga: Keamanan dan Ketertiban",
    "Sosialisasi Layanan PATEN",
)
PLACES = ("Aula Kantor Camat Medan Marelan", "Ruang Rapat Sekretariat", "Aula Kelurahan")
ANSWERS = (("yes", 65), ("no", 20), ("none", 15))
ATTENDS = {"yes": 0.9, "none": 0.3, "no": 0.02}
CANCELLED = 0.04

ACTIVITY_SQL = """INSERT INTO activities (id, kind, title, starts_at, minutes, place, jp,
    cost_rupiah, all_staff, public, organiser_id, status, revision, draft_key, created_at,
    updated_at, cancelled_at, attendance_saved_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"""
UNIT_SQL = "INSERT INTO activity_units (activity_id, unit_code) VALUES (?, ?)"
INVITATION_SQL = """INSERT INTO activity_invitations (activity_id, person_id, invited_at,
    response, responded_at, checked, attended) VALUES (?, ?, ?, ?, ?, ?, ?)"""
EVENT_SQL = """INSERT INTO activity_events (activity_id, at, actor_id, kind, data)
    VALUES (?, ?, ?, ?, ?)"""
CREDIT_SQL = """INSERT INTO jp_credits (person_id, activity_id, year, jp, credited_at)
    VALUES (?, ?, ?, ?, ?)"""


@dataclass
class ActivityRows:
    activities: list[tuple[Any, ...]] = field(default_factory=list)
    units: list[tuple[Any, ...]] = field(default_factory=list)
    invitations: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    credits: list[tuple[Any, ...]] = field(default_factory=list)


class ActivityGenerator:
    def __init__(
        self,
        calendar: FastCalendar,
        start: datetime,
        end: datetime,
        rng: random.Random,
        staff: dict[str, list[int]],
        supervisors: list[int],
        citizens: list[int],
    ) -> None:
        self.cal = calendar
        self.start = start
        self.end = end
        self.rng = rng
        self.staff = staff
        self.supervisors = supervisors
        self.citizens = citizens
        self.rows = ActivityRows()
        self.now = to_epoch(end)

    def working_morning(self, day: datetime) -> int:
        local = self.cal.next_working_day(day.astimezone(ZONE).date())
        return to_epoch(datetime.combine(local, time(self.rng.choice((8, 9, 13))), ZONE))

    def generate(self) -> ActivityRows:
        """A training (sometimes two) and a forum a month, up to a month after the end of
        the data. Staff end up with ~20 JP a year on average: some well above the target,
        many below it (trainings outside the office are not recorded here)."""
        day = self.start
        activity_id = 1
        while day < self.end + timedelta(days=30):
            offsets = [self.rng.randrange(3, 12)]
            if self.rng.random() < 0.4:
                offsets.append(self.rng.randrange(15, 25))
            for offset in offsets:
                self.training(activity_id, self.working_morning(day + timedelta(days=offset)))
                activity_id += 1
            self.forum(
                activity_id, self.working_morning(day + timedelta(days=self.rng.randrange(5, 25)))
            )
            activity_id += 1
            day += timedelta(days=30)
        return self.rows

    def training(self, activity_id: int, starts_at: int) -> None:
        rng = self.rng
        title, minutes = rng.choice(TRAININGS)
        all_staff = rng.random() < 0.2
        unit = rng.choice(list(self.staff))
        organiser = rng.choice(self.supervisors) if all_staff else self.staff[unit][0]
        audience = (
            [p for ids in self.staff.values() for p in ids] + self.supervisors
            if all_staff
            else self.staff[unit]
        )
        jp = 20 if minutes >= 900 else auto_jp(minutes)
        cost = rng.randrange(3, 16) * 100_000
        self.activity(
            activity_id,
            "pelatihan",
            title,
            starts_at,
            minutes,
            jp,
            cost,
            all_staff,
            False,
            organiser,
            [] if all_staff else [unit],
            [p for p in audience if p != organiser],
        )

    def forum(self, activity_id: int, starts_at: int) -> None:
        invited = self.rng.sample(
            self.citizens, k=min(len(self.citizens), self.rng.randrange(30, 200))
        )
        self.activity(
            activity_id,
            "forum",
            self.rng.choice(FORUMS),
            starts_at,
            120,
            0,
            self.rng.randrange(0, 6) * 100_000,
            False,
            True,
            self.rng.choice(self.supervisors),
            [],
            invited,
        )

    def activity(
        self,
        activity_id: int,
        kind: str,
        title: str,
        starts_at: int,
        minutes: int,
        jp: int,
        cost: int,
        all_staff: bool,
        public: bool,
        organiser: int,
        units: list[str],
        invited: list[int],
    ) -> None:
        rng, rows = self.rng, self.rows
        created = starts_at - rng.randrange(7, 21) * 86_400
        if created >= self.now:
            return  # not planned yet at the end of the data
        ends_at = starts_at + minutes * 60
        cancelled = rng.random() < CANCELLED
        cancelled_at = created + (starts_at - created) // 2 if cancelled else None
        saved_at = ends_at + rng.randrange(600, 86_400) if not cancelled else None
        if saved_at is not None and saved_at >= self.now:
            saved_at = None  # the organiser has not saved the attendance yet
        if cancelled_at is not None and cancelled_at >= self.now:
            cancelled, cancelled_at = False, None
        rows.activities.append(
            (
                activity_id,
                kind,
                title,
                starts_at,
                minutes,
                rng.choice(PLACES),
                jp,
                cost,
                int(all_staff),
                int(public),
                organiser,
                "dibatalkan" if cancelled else "terjadwal",
                f"bench:{activity_id}",
                created,
                cancelled_at or saved_at or created,
                cancelled_at,
                saved_at,
            )
        )
        rows.units += [(activity_id, unit) for unit in units]
        rows.events.append(
            (activity_id, created, organiser, "created", f'{{"invited": {len(invited)}}}')
        )
        year = datetime.fromtimestamp(starts_at, ZONE).year
        attendees = 0
        for person in invited:
            answer = rng.choices(*zip(*ANSWERS, strict=True))[0]
            answered = min(self.now - 1, created + rng.randrange(3600, starts_at - created))
            if answer == "none" or answered <= created:
                answer, answered = "none", None
            attended = None
            if saved_at is not None:
                attended = int(rng.random() < ATTENDS[answer])
                if attended and jp:
                    rows.credits.append((person, activity_id, year, jp, saved_at))
                attendees += attended
            rows.invitations.append(
                (activity_id, person, created, answer, answered, attended or 0, attended)
            )
        if cancelled_at is not None:
            rows.events.append((activity_id, cancelled_at, organiser, "cancelled", None))
        if saved_at is not None:
            rows.events.append(
                (activity_id, saved_at, organiser, "attendance", f'{{"attended": {attendees}}}')
            )
