"""Synthetic complaints for the benchmark: each one lives the life the services give it.

Filed, maybe sent to the wrong unit and reassigned, acknowledged, maybe asked for more
information (the clock stops), answered, resolved, maybe reopened, rated or closed
automatically, on the real working calendar; the steps that happened before the end of
the data are played onto the row, so its maintained columns (``acknowledged_at``,
``ack_work_seconds``, ``ack_on_time``, ``resolve_*``, ``reopen_count``, ``rating``,
``status``...) are what the complaint services would have written. Used by
:mod:`bench.seed`.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Any
from zoneinfo import ZoneInfo

from bot.complaints.rules import route
from bot.core.clock import from_epoch, to_epoch
from bot.core.office import Office
from bot.core.workcalendar import WorkCalendar

ZONE = ZoneInfo("Asia/Jakarta")
CITIZEN_BASE = 500_000_000
STAFF_BASE = 7_000_000
#: How many officers each unit has (kepala included); some never use the bot.
STAFF_PER_UNIT = {"SEKRET": 6, "PEM": 8, "TRANTIB": 6, "PEMB": 9, "KESOS": 5, "PELAYANAN": 10}
CATEGORY_WEIGHTS = {
    "ADMINDUK": 22,
    "PATEN": 18,
    "INFRA": 20,
    "SAMPAH": 14,
    "TRANTIB": 10,
    "BANSOS": 9,
    "PERILAKU": 2,
    "LAINNYA": 5,
}
KELURAHAN_WEIGHTS = {"LBD": 24, "PYP": 18, "RGP": 20, "TER": 22, "TRJ": 16}
RATING_WEIGHTS = (4, 6, 15, 35, 40)
DESCRIPTIONS = {
    "ADMINDUK": "KTP-el saya belum jadi padahal sudah rekam sejak dua bulan lalu.",
    "PATEN": "Surat keterangan domisili usaha belum selesai setelah seminggu.",
    "INFRA": "Lampu jalan di lingkungan kami mati sejak seminggu, gelap sekali.",
    "SAMPAH": "Sampah menumpuk di pinggir jalan dan tidak diangkut tiga hari.",
    "TRANTIB": "Ada pedagang yang menutup trotoar setiap sore sampai malam.",
    "BANSOS": "Nama ibu saya hilang dari daftar penerima bantuan sosial.",
    "PERILAKU": "Petugas loket meminta biaya tambahan yang tidak ada aturannya.",
    "LAINNYA": "Mohon informasi jam pelayanan kantor camat pada hari Sabtu.",
}
COLUMNS = (
    "id",
    "number",
    "draft_key",
    "reporter_id",
    "confidential",
    "category_code",
    "kelurahan_code",
    "unit_code",
    "named_unit_code",
    "description",
    "latitude",
    "longitude",
    "status",
    "status_before_wait",
    "assignee_id",
    "created_at",
    "updated_at",
    "ack_started_at",
    "ack_span",
    "ack_due_at",
    "resolve_started_at",
    "resolve_span",
    "resolve_due_at",
    "paused_at",
    "paused_work_seconds",
    "acknowledged_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "ack_work_seconds",
    "resolve_work_seconds",
    "ack_on_time",
    "resolve_on_time",
    "reopen_count",
    "cycle",
    "resolution_note",
    "rating",
    "rating_comment",
    "rated_at",
)
EVENT_SQL = """INSERT INTO complaint_events (complaint_id, at, actor_id, kind, from_status,
               to_status, unit_code, public, body, data) VALUES (?,?,?,?,?,?,?,?,?,?)"""


class FastCalendar(WorkCalendar):
    """The office calendar with day lookups memoised (the holiday table is slow to ask a
    million times); the arithmetic is the bot's own."""

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance per run
    def is_working_day(self, day: date) -> bool:
        return super().is_working_day(day)


@dataclass
class Step:
    at: int
    actor: int | None
    kind: str
    to_status: str | None
    public: bool
    body: str | None = None
    data: dict[str, Any] | None = None
    changes: dict[str, Any] = field(default_factory=dict)


class Generator:
    def __init__(
        self, office: Office, calendar: FastCalendar, end: datetime, years: int, rng: random.Random
    ) -> None:
        self.office = office
        self.cal = calendar
        self.rng = rng
        self.end = end
        self.start = end - timedelta(days=round(365.25 * years))
        self.day = int(calendar.day_length.total_seconds())
        self.staff = {
            code: [STAFF_BASE + i * 100 + n for n in range(count)]
            for i, (code, count) in enumerate(STAFF_PER_UNIT.items())
        }
        # about one officer in six never acts through the bot
        self.active = {
            code: ids[: max(1, round(len(ids) * 0.83))] for code, ids in self.staff.items()
        }
        self.categories = list(CATEGORY_WEIGHTS)
        self.category_weights = list(accumulate(CATEGORY_WEIGHTS.values()))
        self.kelurahan = list(KELURAHAN_WEIGHTS)
        self.kelurahan_weights = list(accumulate(KELURAHAN_WEIGHTS.values()))
        self.routes = {
            (c.code, k): route(office, c.code, k).unit_code
            for c in office.categories
            for k in [*self.kelurahan, None]
        }
        self.counters: dict[str, int] = {}

    # --- random pieces ------------------------------------------------------------------

    def created_times(self, count: int) -> list[int]:
        """Filing instants: growing use over the years, mostly on working days and in
        office hours, sorted (ids grow with time, as in the bot)."""
        span = (self.end - self.start).total_seconds()
        out: list[int] = []
        rng = self.rng
        last = to_epoch(self.end)
        while len(out) < count:
            fraction = math.sqrt(rng.random() * 0.75 + 0.25) * 2 - 1  # ramps up over time
            moment = self.start + timedelta(seconds=span * fraction)
            local = moment.astimezone(ZONE)
            working = self.cal.is_working_day(local.date())
            if not working and rng.random() > 0.3:
                continue
            hour = rng.choices(HOURS, cum_weights=HOUR_CUMULATIVE)[0]
            local = local.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
            if to_epoch(local) < last:
                out.append(to_epoch(local))
        out.sort()
        return out

    def work(self, start: int, seconds: float) -> int:
        return to_epoch(self.cal.add_working_time(from_epoch(start), timedelta(seconds=seconds)))

    def worked(self, start: int, end: int) -> int:
        return int(
            self.cal.working_time_between(from_epoch(start), from_epoch(end)).total_seconds()
        )

    def officer(self, unit: str) -> int:
        return self.rng.choice(self.active[unit])

    def number(self, created: int) -> str:
        period = from_epoch(created).astimezone(ZONE).strftime("%y%m")
        self.counters[period] = self.counters.get(period, 0) + 1
        return f"MRL-{period}-{self.counters[period]:04d}"

    # --- one complaint ------------------------------------------------------------------

    def complaint(
        self, complaint_id: int, created: int, reporter: int
    ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
        rng = self.rng
        category = rng.choices(self.categories, cum_weights=self.category_weights)[0]
        kelurahan = (
            rng.choices(self.kelurahan, cum_weights=self.kelurahan_weights)[0]
            if rng.random() > 0.08
            else None
        )
        unit = self.routes[(category, kelurahan)]
        spec = self.office.category(category)
        named = rng.choice(["PEM", "PELAYANAN", "PEMB"]) if spec.conduct else None
        ack_span, resolve_span = (
            int(self.day * spec.acknowledge_days),
            int(self.day * spec.resolve_days),
        )
        located = rng.random() < 0.3
        row: dict[str, Any] = {
            "id": complaint_id,
            "number": self.number(created),
            "draft_key": f"{reporter}:seed{complaint_id}",
            "reporter_id": reporter,
            "confidential": int(rng.random() < 0.15),
            "category_code": category,
            "kelurahan_code": kelurahan,
            "unit_code": unit,
            "named_unit_code": named,
            "description": DESCRIPTIONS[category],
            "latitude": round(3.70 + rng.uniform(-0.04, 0.04), 6) if located else None,
            "longitude": round(98.64 + rng.uniform(-0.04, 0.04), 6) if located else None,
            "status": "baru",
            "status_before_wait": None,
            "assignee_id": None,
            "created_at": created,
            "updated_at": created,
            "ack_started_at": created,
            "ack_span": ack_span,
            "ack_due_at": self.work(created, ack_span),
            "resolve_started_at": created,
            "resolve_span": resolve_span,
            "resolve_due_at": self.work(created, resolve_span),
            "paused_at": None,
            "paused_work_seconds": 0,
            "acknowledged_at": None,
            "first_response_at": None,
            "resolved_at": None,
            "closed_at": None,
            "ack_work_seconds": None,
            "resolve_work_seconds": None,
            "ack_on_time": None,
            "resolve_on_time": None,
            "reopen_count": 0,
            "cycle": 0,
            "resolution_note": None,
            "rating": None,
            "rating_comment": None,
            "rated_at": None,
        }
        steps = [Step(created, reporter, "created", "baru", True, data={"category": category})]
        if rng.random() > 0.0006:  # a handful are never handled at all
            steps += self.handling(row, reporter)
        return self.apply(row, steps)

    def handling(self, row: dict[str, Any], reporter: int) -> list[Step]:
        rng = self.rng
        steps: list[Step] = []
        unit, clock = row["unit_code"], row["created_at"]
        ack_started, ack_due = row["ack_started_at"], row["ack_due_at"]
        if rng.random() < 0.04:  # sent to the wrong unit first
            clock = self.work(clock, rng.uniform(600, 0.6 * self.day))
            target = rng.choice([u for u in STAFF_PER_UNIT if u != unit])
            ack_due = self.work(clock, row["ack_span"])
            steps.append(
                Step(
                    clock,
                    self.officer(unit),
                    "reassigned",
                    "baru",
                    True,
                    body="Bukan kewenangan unit kami.",
                    data={"from_unit": unit},
                    changes={
                        "unit_code": target,
                        "ack_started_at": clock,
                        "ack_due_at": ack_due,
                        "assignee_id": None,
                    },
                )
            )
            unit, ack_started = target, clock
        officer = self.officer(unit)
        ack_at = self.work(ack_started, min(rng.lognormvariate(math.log(7000), 1.1), 8 * self.day))
        ack_work = self.worked(ack_started, ack_at)
        steps.append(
            Step(
                ack_at,
                officer,
                "accepted",
                "diterima",
                True,
                changes={
                    "assignee_id": officer,
                    "acknowledged_at": ack_at,
                    "ack_work_seconds": ack_work,
                    "ack_on_time": int(ack_at <= ack_due),
                },
            )
        )
        if ack_at > ack_due:
            steps.insert(
                -1, Step(ack_due, None, "escalated", None, False, data={"check": "ack_breach"})
            )
        clock, paused = ack_at, 0
        if rng.random() < 0.10:  # the unit needs more information from the reporter
            asked = self.work(clock, rng.uniform(300, 0.5 * self.day))
            paused = int(rng.uniform(0.1, 3.0) * self.day)
            answered = self.work(asked, paused)
            steps.append(
                Step(
                    asked,
                    officer,
                    "info_requested",
                    "menunggu_warga",
                    True,
                    body="Mohon kirim nomor registrasi dan foto lokasi.",
                    changes={
                        "status_before_wait": "diterima",
                        "paused_at": asked,
                        "first_response_at": asked,
                    },
                )
            )
            resolve_due = self.work(row["created_at"], row["resolve_span"] + paused)
            steps.append(
                Step(
                    answered,
                    reporter,
                    "citizen_answer",
                    "diterima",
                    True,
                    body="Nomor registrasi 1234, foto menyusul.",
                    data={"file": False},
                    changes={
                        "status_before_wait": None,
                        "paused_at": None,
                        "paused_work_seconds": paused,
                        "ack_due_at": self.work(answered, 0),
                        "resolve_due_at": resolve_due,
                    },
                )
            )
            clock = answered
        resolve_due = self.work(row["created_at"], row["resolve_span"] + paused)
        resolve_work = min(
            rng.lognormvariate(math.log(0.42 * row["resolve_span"]), 0.75), 12 * row["resolve_span"]
        )
        resolved_at = max(self.work(row["created_at"], resolve_work + paused), clock + 60)
        if rng.random() < 0.5:
            replied = (clock + resolved_at) // 2
            steps.append(
                Step(
                    replied,
                    officer,
                    "public_reply",
                    "diproses",
                    True,
                    body="Sedang kami tindak lanjuti bersama kelurahan.",
                    changes={} if paused else {"first_response_at": replied},
                )
            )
        if rng.random() < 0.15:
            steps.append(
                Step(
                    (clock + resolved_at) // 2 + 1,
                    officer,
                    "internal_note",
                    None,
                    False,
                    body="Koordinasi dengan kepala lingkungan.",
                )
            )
        if resolved_at > resolve_due:
            steps.append(
                Step(resolve_due, None, "escalated", None, False, data={"check": "resolve_breach"})
            )
        steps.append(
            Step(
                resolved_at,
                officer,
                "resolved",
                "selesai",
                True,
                body="Sudah ditindaklanjuti dan selesai di lapangan.",
                changes={
                    "resolved_at": resolved_at,
                    "resolution_note": "Selesai.",
                    "resolve_work_seconds": self.worked(row["created_at"], resolved_at) - paused,
                    "resolve_on_time": int(resolved_at <= resolve_due),
                },
            )
        )
        return steps + self.after_resolution(row, reporter, officer, resolved_at)

    def after_resolution(
        self, row: dict[str, Any], reporter: int, officer: int, resolved_at: int
    ) -> list[Step]:
        rng = self.rng
        steps: list[Step] = []
        if rng.random() < 0.04:  # "belum selesai"
            reopened = self.work(resolved_at, rng.uniform(0.2, 4) * self.day)
            due = self.work(reopened, row["resolve_span"])
            again = self.work(reopened, rng.uniform(0.2, 1.2) * row["resolve_span"])
            steps.append(
                Step(
                    reopened,
                    reporter,
                    "reopened",
                    "dibuka_kembali",
                    True,
                    changes={
                        "reopen_count": 1,
                        "cycle": 1,
                        "resolved_at": None,
                        "resolve_started_at": reopened,
                        "resolve_due_at": due,
                    },
                )
            )
            steps.append(Step(self.work(reopened, 1800), officer, "accepted", "diterima", True))
            steps.append(
                Step(
                    again,
                    officer,
                    "resolved",
                    "selesai",
                    True,
                    body="Sudah kami perbaiki ulang.",
                    changes={"resolved_at": again},
                )
            )
            resolved_at = again
        if rng.random() < 0.55:
            rated = self.work(resolved_at, rng.uniform(0.05, 3) * self.day)
            rating = rng.choices(range(1, 6), weights=RATING_WEIGHTS)[0]
            steps.append(
                Step(
                    rated,
                    reporter,
                    "rated",
                    None,
                    True,
                    data={"rating": rating, "changed": False},
                    changes={"rating": rating, "rated_at": rated},
                )
            )
            steps.append(
                Step(rated, reporter, "closed", "ditutup", True, changes={"closed_at": rated})
            )
        else:
            closes = self.work(resolved_at, self.office.complaints.close_after_days * self.day)
            steps.append(
                Step(closes, None, "closed", "ditutup", True, changes={"closed_at": closes})
            )
        return steps

    def apply(
        self, row: dict[str, Any], steps: list[Step]
    ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
        """Play the steps that happened before the end of the data: the row as the
        services would have left it, and its timeline."""
        now = to_epoch(self.end)
        events = []
        for step in sorted(steps, key=lambda s: s.at):
            if step.at > now:
                break
            before = row["status"]
            row.update(step.changes)
            if step.to_status is not None:
                row["status"] = step.to_status
            row["updated_at"] = step.at
            events.append(
                (
                    row["id"],
                    step.at,
                    step.actor,
                    step.kind,
                    before if step.to_status else None,
                    step.to_status,
                    row["unit_code"],
                    int(step.public),
                    step.body,
                    json.dumps(step.data) if step.data else None,
                )
            )
        return tuple(row[c] for c in COLUMNS), events


HOURS = range(24)
HOUR_CUMULATIVE = list(
    accumulate([1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 10, 12, 13, 11, 8, 6, 6, 6, 5, 4, 3, 2])
)
