"""Runtime settings, read once from the environment and ``.env`` and validated at start.

A wrong value stops the bot before it talks to anyone: :func:`load_settings` raises
:class:`SettingsError` with one line per problem, naming the variable and what it expects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from storage.core.db import in_schema
from storage.core.namespace import schema_problem, split_schema

TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
OFFSET_PATTERN = re.compile(r"^(\d+)([dhm])$")

#: What each variable expects, in the words used in error messages and the README.
EXPECTATIONS: dict[str, str] = {
    "BOT_TOKEN": "the token from @BotFather, like 123456789:AAE...",
    "TELEGRAM_API_BASE_URL": "an http(s) URL such as https://api.telegram.org",
    "DATABASE_PATH": "a file path for the SQLite database",
    "DATABASE_URL": "a PostgreSQL URL like postgresql://user:password@host:5432/marelan",
    "DATABASE_SCHEMA": "the office's PostgreSQL schema when several offices share "
    "DATABASE_URL: a lowercase name of a-z, 0-9 and _ (not a digit first, at most 63), "
    "e.g. kec_medan_marelan",
    "ADMIN_IDS": "comma-separated numeric Telegram user ids, e.g. 12345,67890",
    "TIMEZONE": "an IANA time zone such as Asia/Jakarta",
    "DEFAULT_LANGUAGE": "'id' or 'en'",
    "OFFICE_CONFIG": "the path of an existing office TOML file",
    "CITY_CONFIG": "the path of an existing city TOML file (the city-level bot)",
    "LOG_LEVEL": "one of DEBUG, INFO, WARNING, ERROR",
    "WEBHOOK_URL": "the public https URL Telegram should call",
    "WEBHOOK_LISTEN": "the address to listen on, e.g. 127.0.0.1",
    "WEBHOOK_PORT": "a TCP port number",
    "WEBHOOK_SECRET": "1-256 characters of A-Z, a-z, 0-9, _ and -",
    "COMPLAINTS_PER_DAY": "a whole number of at least 1",
    "ACTIVITY_REMINDERS": "comma-separated offsets like 3d,1d,2h,30m",
    "SURVEY_INTERVAL_DAYS": "a whole number of days, at least 1",
    "DIGEST_SCHEDULE": "a weekday and time like 'mon 07:30'",
    "OUTBOX_RETENTION_DAYS": "a whole number of days, at least 1",
    "BOT_USERNAME": "the bot's @username without the @, e.g. marelan_bot",
    "PUBLIC_SITE_DIR": "a folder the nightly public page is written to",
    "BACKUP_DIR": "a folder for the nightly database copies",
    "BACKUP_KEEP": "how many nightly copies to keep, at least 1",
    "FLOOD_MESSAGES_PER_MINUTE": "messages one person may send per minute, at least 1",
    "FLOOD_MUTE_MINUTES": "minutes a person who sent too fast is not answered, at least 1",
    "RETENTION_MONTHS": "months after closing that a complaint keeps personal data, at least 1",
}
USERNAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


class SettingsError(Exception):
    """Configuration is unusable; the message is meant for the operator as is."""


def parse_offsets(value: str) -> list[int]:
    """``"3d,1d,2h"`` -> offsets in minutes, largest first."""
    minutes: list[int] = []
    for part in (p.strip().lower() for p in value.split(",")):
        match = OFFSET_PATTERN.match(part)
        if not match or int(match.group(1)) == 0:
            raise ValueError(f"bad offset {part!r}")
        amount, unit = int(match.group(1)), match.group(2)
        minutes.append(amount * {"d": 1440, "h": 60, "m": 1}[unit])
    return sorted(set(minutes), reverse=True)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org"
    database_path: Path = Path("data/marelan.db")
    database_url: SecretStr | None = None  # PostgreSQL instead of the SQLite file
    database_schema: str | None = None  # the office's schema there (None: public)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    timezone: str = "Asia/Jakarta"
    default_language: Literal["id", "en"] = "id"
    office_config: Path | None = None
    city_config: Path | None = None  # set: this process is the city-level bot (bot/city)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    complaints_per_day: int = Field(default=5, ge=1)
    activity_reminders: str = "3d,1d,2h"
    survey_interval_days: int = Field(default=30, ge=1)
    digest_schedule: str = "mon 07:30"
    outbox_retention_days: int = Field(default=30, ge=1)
    bot_username: str | None = None  # for printed links (marelan-bot qr); else getMe
    public_site_dir: Path | None = None  # the public page is written there every night
    backup_dir: Path | None = None  # nightly copies; None: DATABASE_PATH's folder/backups
    backup_keep: int = Field(default=7, ge=1)
    flood_messages_per_minute: int = Field(default=20, ge=1)
    flood_mute_minutes: int = Field(default=10, ge=1)
    retention_months: int = Field(default=24, ge=1)

    @field_validator(
        "bot_token",
        "database_url",
        "database_schema",
        "webhook_secret",
        "webhook_url",
        "office_config",
        "city_config",
        "bot_username",
        "public_site_dir",
        "backup_dir",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.match(value.get_secret_value().strip()):
            raise ValueError("malformed token")
        return SecretStr(value.get_secret_value().strip()) if value is not None else None

    @field_validator("bot_username")
    @classmethod
    def _username_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().removeprefix("@")
        if not USERNAME_PATTERN.match(value):
            raise ValueError("malformed username")
        return value

    @field_validator("database_url")
    @classmethod
    def _postgresql_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.match(
            r"^postgres(ql)?://\S+$", value.get_secret_value().strip()
        ):
            raise ValueError("not a postgresql:// URL")
        if value is not None:
            split_schema(value.get_secret_value().strip())  # a schema it names must be valid
        return SecretStr(value.get_secret_value().strip()) if value is not None else None

    @field_validator("database_schema")
    @classmethod
    def _schema_name(cls, value: str | None) -> str | None:
        if value is not None and schema_problem(value.strip()) is not None:
            raise ValueError("not a schema name")
        return value.strip() if value is not None else None

    @field_validator("telegram_api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("not an http(s) URL")
        return value.rstrip("/") if value else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(re.fullmatch(r"\d+", p) for p in parts):
                raise ValueError("not a list of numeric ids")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("unknown time zone") from exc
        return value

    @field_validator("office_config", "city_config")
    @classmethod
    def _office_file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError("file not found")
        return value

    @field_validator("activity_reminders")
    @classmethod
    def _offsets(cls, value: str) -> str:
        parse_offsets(value)
        return value

    @field_validator("digest_schedule")
    @classmethod
    def _weekly(cls, value: str) -> str:
        from bot.core.periods import parse_weekly_schedule

        parse_weekly_schedule(value)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_secret is not None and not WEBHOOK_SECRET_PATTERN.match(
            self.webhook_secret.get_secret_value()
        ):
            raise ValueError("WEBHOOK_SECRET: expected " + EXPECTATIONS["WEBHOOK_SECRET"])
        return self

    @model_validator(mode="after")
    def _schema_needs_postgresql(self) -> Settings:
        if self.database_schema is not None and self.database_url is None:
            raise ValueError(
                "DATABASE_SCHEMA is set but DATABASE_URL is not: a schema is a part of a "
                "PostgreSQL database (an office on SQLite has a file of its own, DATABASE_PATH)"
            )
        return self

    @property
    def database(self) -> Path | str:
        """Where the data lives: the PostgreSQL URL when DATABASE_URL is set (naming the
        office's schema when DATABASE_SCHEMA is set, see :func:`storage.core.db.in_schema`),
        else the SQLite file DATABASE_PATH."""
        if self.database_url is not None:
            url = self.database_url.get_secret_value()
            return in_schema(url, self.database_schema) if self.database_schema else url
        return self.database_path

    @property
    def secrets(self) -> tuple[str, ...]:
        """What logs must never show: the token, the database password."""
        found = [self.bot_token.get_secret_value()] if self.bot_token else []
        if self.database_url is not None:
            password = urlsplit(self.database_url.get_secret_value()).password
            found += [password] if password else []
        return tuple(found)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def backups(self) -> Path:
        """Where the nightly copies go."""
        return self.backup_dir or Path(self.database_path).parent / "backups"

    @property
    def reminder_offsets_minutes(self) -> list[int]:
        return parse_offsets(self.activity_reminders)

    def require_token(self) -> str:
        if self.bot_token is None:
            raise SettingsError(
                "Configuration error: BOT_TOKEN is not set; expected " + EXPECTATIONS["BOT_TOKEN"]
            )
        return self.bot_token.get_secret_value()


def _describe(error: ErrorDetails) -> str:
    location = error.get("loc") or ()
    variable = str(location[0]).upper() if location else ""
    if variable in EXPECTATIONS:
        return f"{variable}: expected {EXPECTATIONS[variable]}"
    return str(error.get("msg", "invalid value")).removeprefix("Value error, ")


def load_settings(env_file: Path | None = None, **overrides: object) -> Settings:
    """Read and validate settings; raise :class:`SettingsError` with a one-line explanation."""
    try:
        if env_file is not None:
            if not env_file.is_file():
                raise SettingsError(f"Configuration error: env file {env_file} not found")
            # Overrides are raw values (tests, tools) that pydantic validates and converts,
            # as it does the environment's strings; the checker sees only the field types.
            return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg,arg-type]
        return Settings(**overrides)  # type: ignore[arg-type]  # as above
    except ValidationError as exc:
        problems = "; ".join(_describe(e) for e in exc.errors())
        raise SettingsError(f"Configuration error: {problems}") from None
