"""The city file (``CITY_CONFIG``): which offices a city-level bot reports on.

A city (Kota Medan: 21 kecamatan) runs one bot per office, each with its own token, office
file and data (a PostgreSQL schema, or a SQLite file), and one more bot for the city's own
supervisors (Inspektorat, Bagian Organisasi) that reads every office's data and changes
none. The city file names the offices, where each one's data lives and its office file::

    [city]
    name = "Pemerintah Kota Medan"

    [[offices]]
    code = "MRL"                        # the office's tracking prefix
    office_file = "offices/medan_marelan.toml"
    schema = "marelan"                  # its DATABASE_SCHEMA on the city's DATABASE_URL
    # database_path = "/var/lib/marelan/marelan.db"   # or its SQLite file

Relative paths are read from the city file's folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.core.office import Office, OfficeConfigError, load_office, read_toml
from storage.core.namespace import schema_problem


class CityConfigError(Exception):
    """The city file is unusable; the message is meant for the operator as is."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CityInfo(_Model):
    name: str = Field(min_length=1)
    name_en: str | None = None


class OfficeEntry(_Model):
    code: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,9}$")
    office_file: Path
    schema_name: str | None = Field(default=None, alias="schema")
    database_path: Path | None = None

    @model_validator(mode="after")
    def _one_place(self) -> OfficeEntry:
        if (self.schema_name is None) == (self.database_path is None):
            raise ValueError(f"office {self.code}: give either schema or database_path")
        problem = None if self.schema_name is None else schema_problem(self.schema_name)
        if problem is not None:
            raise ValueError(f"office {self.code}: schema {self.schema_name!r} is {problem}")
        return self


class CityFile(_Model):
    city: CityInfo
    offices: list[OfficeEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self) -> CityFile:
        for what, values in (
            ("code", [o.code for o in self.offices]),
            ("schema", [o.schema_name for o in self.offices if o.schema_name]),
            ("database_path", [str(o.database_path) for o in self.offices if o.database_path]),
        ):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"offices: {what} {twice[0]!r} appears twice")
        return self


class CityOffice:
    """One office as the city sees it: its entry and its parsed office file."""

    def __init__(self, entry: OfficeEntry, office: Office) -> None:
        self.entry = entry
        self.office = office

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def name(self) -> str:
        return self.office.office.district


class City:
    def __init__(self, info: CityInfo, offices: list[CityOffice]) -> None:
        self.info = info
        self.offices = offices

    def office(self, code: str) -> CityOffice | None:
        return next((o for o in self.offices if o.code == code.upper()), None)

    @property
    def needs_url(self) -> bool:
        """Whether some office lives in a PostgreSQL schema (then DATABASE_URL is needed)."""
        return any(o.entry.schema_name is not None for o in self.offices)


def load_city(path: Path) -> City:
    """Parse the city file and every office file it names; one clear line on a problem."""
    data = read_toml(path, "City file", CityConfigError)
    try:
        parsed = CityFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = re.sub(r"^Value error, ", "", first["msg"])
        raise CityConfigError(
            f"City file {path}: {where}: {message}".replace(": : ", ": ")
        ) from None
    offices = []
    for entry in parsed.offices:
        entry = entry.model_copy(
            update={
                "office_file": _beside(path, entry.office_file),
                "database_path": entry.database_path and _beside(path, entry.database_path),
            }
        )
        try:
            office = load_office(entry.office_file)
        except OfficeConfigError as exc:
            raise CityConfigError(f"City file {path}, office {entry.code}: {exc}") from None
        if office.office.tracking_prefix != entry.code:
            raise CityConfigError(
                f"City file {path}: office {entry.code} has the tracking prefix "
                f"{office.office.tracking_prefix} in {entry.office_file}; use it as its code"
            )
        offices.append(CityOffice(entry, office))
    return City(parsed.city, offices)


def _beside(city_file: Path, path: Path) -> Path:
    return path if path.is_absolute() else city_file.parent / path
