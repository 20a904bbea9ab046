"""The office file: who the office is, its units, kelurahan, complaint categories, services.

A kecamatan changes its structure more often than its software; all of that is data in a
TOML file, validated here once at start. Errors name the offending key, e.g.
``categories[2].unit: unknown unit 'PEMBX'``.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.complaints.area import Box, far_outside, km_outside

Code = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{0,19}$")]


class OfficeConfigError(Exception):
    """The office file is unusable; the message names the key."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OfficeHours(_Model):
    start: time = time(8, 0)
    end: time = time(16, 0)

    @model_validator(mode="after")
    def _ordered(self) -> OfficeHours:
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class OfficeArea(_Model):
    """The kecamatan's bounding box (degrees, WGS 84) and how far outside it a location
    pin may lie before the citizen is asked to confirm it."""

    south: float = Field(ge=-90, le=90)
    north: float = Field(ge=-90, le=90)
    west: float = Field(ge=-180, le=180)
    east: float = Field(ge=-180, le=180)
    margin_km: float = Field(default=3, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> OfficeArea:
        if self.north <= self.south:
            raise ValueError("north must be greater than south")
        if self.east <= self.west:
            raise ValueError("east must be greater than west")
        return self

    def far_outside(self, latitude: float, longitude: float) -> float | None:
        """Km outside the box when beyond the margin (ask the citizen), else None."""
        box = Box(self.south, self.north, self.west, self.east)
        return (
            km_outside(box, latitude, longitude)
            if far_outside(box, self.margin_km, latitude, longitude)
            else None
        )


class OfficeInfo(_Model):
    name: str
    name_en: str | None = None
    district: str
    city: str
    province: str
    region_code: str | None = None
    tracking_prefix: str = Field(default="MRL", pattern=r"^[A-Z]{2,5}$")
    address: str | None = None
    hours: OfficeHours = OfficeHours()
    area: OfficeArea | None = None  # without it, every location pin is accepted as sent


class Kelurahan(_Model):
    code: Code
    name: str


class Unit(_Model):
    code: Code
    name: str
    name_en: str | None = None

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class Category(_Model):
    code: Code
    name: str
    name_en: str
    unit: Code
    acknowledge_days: float = Field(default=1, gt=0, le=60)
    resolve_days: float = Field(default=5, gt=0, le=120)
    conduct: bool = False
    # The complaint is about a service: closing it invites the reporter to the SKM survey,
    # straight to ``survey_service`` when set, otherwise to the service picker.
    survey: bool = False
    survey_service: Code | None = None

    def label(self, language: str) -> str:
        return self.name_en if language == "en" else self.name

    @property
    def invites_to_survey(self) -> bool:
        return self.survey or self.survey_service is not None


class RoutingRule(_Model):
    category: Code
    kelurahan: Code
    unit: Code


class Service(_Model):
    code: Code
    name: str
    name_en: str | None = None
    unit: Code
    population: int | None = Field(default=None, ge=1)

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class ComplaintRules(_Model):
    close_after_days: int = Field(default=10, ge=1)
    reopen_within_days: int = Field(default=10, ge=1)


class SurveyRules(_Model):
    weight: Literal["exact", "rounded"] = "exact"


class TrainingRules(_Model):
    budget_rupiah: int = Field(default=0, ge=0)
    jp_target: int = Field(default=20, ge=1)
    #: Days after an activity's end during which its saved attendance may be corrected.
    attendance_correction_days: int = Field(default=30, ge=0)


class Publication(_Model):
    """What the office publishes in its public channel and on its public page. On by
    default: aggregate figures; off: the list of resolved complaints (it names numbers,
    categories and kelurahan). A unit or service with fewer than ``min_count`` complaints
    or respondents in a period is shown without percentages, medians or index."""

    aggregates: bool = True
    resolved_list: bool = False
    resolved_list_days: int = Field(default=30, ge=1, le=366)
    min_count: int = Field(default=5, ge=1)
    #: Minutes after the supervisors' digest (DIGEST_SCHEDULE) that the public post follows.
    delay_minutes: int = Field(default=60, ge=1, le=720)
    page_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    #: A link to the channel when it has no public username (e.g. an invite link).
    channel_url: str | None = Field(default=None, pattern=r"^https?://\S+$")


class Office(_Model):
    office: OfficeInfo
    non_working_dates: list[date] = []
    complaints: ComplaintRules = ComplaintRules()
    kelurahan: list[Kelurahan] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)
    categories: list[Category] = Field(min_length=1)
    routing: list[RoutingRule] = []
    services: list[Service] = []
    survey: SurveyRules = SurveyRules()
    training: TrainingRules = TrainingRules()
    publication: Publication = Publication()

    @model_validator(mode="after")
    def _references_resolve(self) -> Office:
        _unique("units", [u.code for u in self.units])
        _unique("kelurahan", [k.code for k in self.kelurahan])
        _unique("categories", [c.code for c in self.categories])
        _unique("services", [s.code for s in self.services])
        units = {u.code for u in self.units}
        if "SEKRET" not in units:
            raise ValueError("units: the Sekretariat (code SEKRET) is required")
        for i, category in enumerate(self.categories):
            _known(f"categories[{i}].unit", category.unit, units, "unit")
        for i, service in enumerate(self.services):
            _known(f"services[{i}].unit", service.unit, units, "unit")
        services = {s.code for s in self.services}
        for i, category in enumerate(self.categories):
            if category.survey_service is not None:
                _known(
                    f"categories[{i}].survey_service", category.survey_service, services, "service"
                )
        kelurahan = {k.code for k in self.kelurahan}
        categories = {c.code for c in self.categories}
        for i, rule in enumerate(self.routing):
            _known(f"routing[{i}].category", rule.category, categories, "category")
            _known(f"routing[{i}].kelurahan", rule.kelurahan, kelurahan, "kelurahan")
            _known(f"routing[{i}].unit", rule.unit, units, "unit")
        return self

    # Lookups used everywhere; the lists are short, so linear scans stay simple.
    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units if u.code == code), None)

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)

    def kelurahan_by_code(self, code: str) -> Kelurahan | None:
        return next((k for k in self.kelurahan if k.code == code), None)

    def service(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)

    # Display names, with the code itself when a row left the office file.
    def unit_label(self, code: str | None, language: str) -> str:
        unit = self.unit(code) if code else None
        return unit.label(language) if unit else (code or "—")

    def category_label(self, code: str, language: str) -> str:
        category = self.category(code)
        return category.label(language) if category else code

    def kelurahan_name(self, code: str | None) -> str | None:
        found = self.kelurahan_by_code(code) if code else None
        return found.name if found else None


def _unique(key: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValueError(f"{key}: code {code!r} appears twice")
        seen.add(code)


def _known(key: str, code: str, known: set[str], what: str) -> None:
    if code not in known:
        raise ValueError(f"{key}: unknown {what} {code!r}")


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def bundled_office_path() -> Path:
    return Path(str(resources.files("bot") / "data" / "medan_marelan.toml"))


def read_toml(path: Path, kind: str, error: type[Exception]) -> dict[str, Any]:
    """A configuration file's contents; ``error`` with one line naming the ``kind`` of file
    ("Office file", "City file") when it is missing or not TOML."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{kind} {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{kind} {path}: {exc}") from None


def load_office(path: Path | None = None) -> Office:
    """Parse and validate the office file (the bundled Medan Marelan one by default)."""
    source = path or bundled_office_path()
    data = read_toml(source, "Office file", OfficeConfigError)
    try:
        return Office.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _location(tuple(first["loc"]))
        message = re.sub(r"^Value error, ", "", first["msg"])
        if where and not message.startswith(where.split("[")[0]):
            message = f"{where}: {message}"
        raise OfficeConfigError(f"Office file {source}: {message}") from None
