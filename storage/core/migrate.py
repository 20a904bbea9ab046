"""Numbered schema migrations tracked by ``PRAGMA user_version``.

``storage/core/migrations/NNNN_name.sql`` is applied once, in order, each in its own
transaction together with the version bump, at start and by ``marelan-bot migrate``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

from storage.core.db import Database

log = logging.getLogger(__name__)
NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    folder = resources.files("storage.core") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, got {versions}")
    return found


async def current_version(db: Database) -> int:
    return int(await db.fetchval("PRAGMA user_version"))


async def migrate(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    version = await current_version(db)
    applied = []
    for migration in available():
        if migration.version <= version:
            continue
        await db.run_script(
            f"BEGIN IMMEDIATE;\n{migration.sql}\n;PRAGMA user_version={migration.version};\nCOMMIT;"
        )
        log.info("applied migration %s", migration.name)
        applied.append(migration.name)
    return applied
