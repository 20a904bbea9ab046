"""The SQLite file itself: checked before the bot starts, copied while it runs, restored
while it does not.

Plain :mod:`sqlite3` connections, not the bot's :class:`~storage.core.db.Database`: a
check must not create, migrate or lock the file, and SQLite's online backup API copies a
live database page by page into a consistent snapshot while the bot keeps writing (WAL
mode lets the copy read while the writer writes).

- :func:`check_file` refuses what must never be started on: a file that is not a
  database or is damaged (``PRAGMA quick_check``), one written by a newer version of the
  program (schema version above the newest migration), and a write-ahead log without its
  main file (the main file was lost or moved: starting would begin an empty office).
- :func:`wait_for_write_lock` refuses a file another program keeps locked (a start
  would fail half-way, at its first write).
- :func:`copy_live` writes a verified copy (``PRAGMA integrity_check``) atomically.
- :func:`restore_into` puts a checked copy in place of the database, keeping what it
  replaces beside it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from storage.core.migrate import available
from storage.core.sqlite import BUSY_TIMEOUT_MS

#: Tables a database of this program has from its first migration on.
CORE_TABLES = ("outbox", "people", "audit_log")


POSTGRES_BACKUP = (
    "The database is PostgreSQL: back it up with pg_dump and restore it with pg_restore "
    "(README, Backups); marelan-bot backup and restore copy SQLite files."
)


def postgres_backup(schema: str | None) -> str:
    """What to tell an operator who asks ``marelan-bot backup`` on PostgreSQL; an office
    in a schema of its own (``DATABASE_SCHEMA``) is dumped and restored alone."""
    if schema is None or schema == "public":
        return POSTGRES_BACKUP
    return (
        f"The database is PostgreSQL and this office is its schema {schema}: back it up "
        f"with pg_dump --schema={schema} and restore it with pg_restore (README, A city); "
        "marelan-bot backup and restore copy SQLite files."
    )


def is_sqlite(database: str | Path) -> bool:
    """Whether the configured database is a SQLite file (not a PostgreSQL URL)."""
    return not str(database).startswith(("postgres://", "postgresql://"))


class DatabaseUnusable(Exception):
    """The file must not be used; the message says why, in one line, for the operator."""


class DatabaseLocked(DatabaseUnusable):
    """Another program holds the file's lock longer than the bot waits for it: nothing is
    wrong with the file; a start waits until that program lets go (``bot/core/cli.py``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Database {path} is locked by another program (it held the lock longer than "
            f"{BUSY_TIMEOUT_MS // 1000} s; an open sqlite3 shell, a script, a copy)"
        )


def is_locked(error: BaseException) -> bool:
    """Whether an SQLite error means another connection holds the lock."""
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def wait_for_write_lock(path: Path) -> None:
    """Take the file's write lock and let it go at once, waiting the busy timeout as any
    write would; :class:`DatabaseLocked` if another program keeps it. Run before a start,
    so that a lock is one clear line instead of a failure in the middle of starting."""
    if not path.exists():
        return
    try:
        with contextlib.closing(
            sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        ) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise DatabaseLocked(path) from exc
        raise


def newest_schema() -> int:
    return len(available())


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def check_file(path: Path, *, full: bool = False) -> None:
    """Raise :class:`DatabaseUnusable` unless ``path`` is a missing database (a new
    office) or a sound one of a schema this program knows. ``full`` runs the complete
    ``integrity_check`` instead of the quicker ``quick_check``."""
    wal = wal_of(path)
    if not path.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseUnusable(
                f"Database {path} is missing but its write-ahead log {wal.name} is there: "
                "the main file was lost or moved. Restore it (marelan-bot restore FILE) "
                "instead of starting an empty office."
            )
        return
    if path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        raise DatabaseUnusable(
            f"Database {path} is an empty file (0 bytes): it was truncated. Restore a "
            "backup (marelan-bot restore FILE) or remove the file to start a new office."
        )
    problem = _problem(path, full=full)
    if problem is not None:
        raise DatabaseUnusable(f"Database {path} is unusable ({problem}). {_RESTORE_HINT}")
    version = schema_version(path)
    if version > newest_schema():
        raise DatabaseUnusable(
            f"Database {path} is at schema version {version}, newer than this program "
            f"knows ({newest_schema()}): it was written by a newer marelan-bot. Install "
            "that version again instead of starting this one on it."
        )


_RESTORE_HINT = "Restore the latest backup with: marelan-bot restore FILE"


def _problem(path: Path, *, full: bool) -> str | None:
    """What is wrong with the file as SQLite sees it, or None."""
    try:
        with contextlib.closing(_open_read_only(path)) as connection:
            pragma = "integrity_check" if full else "quick_check"
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
    except sqlite3.DatabaseError as exc:
        if is_locked(exc):
            raise DatabaseLocked(path) from exc
        return str(exc)
    verdict = "; ".join(str(row[0]) for row in rows[:3])
    if verdict != "ok":
        return verdict
    if tables and not set(CORE_TABLES) <= tables:
        return "not a marelan-bot database: its tables are missing"
    return None


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def schema_version(path: Path) -> int:
    try:
        with contextlib.closing(_open_read_only(path)) as connection:
            return int(connection.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise DatabaseLocked(path) from exc
        raise


def verify(path: Path) -> None:
    """A backup copy must pass the full ``integrity_check`` and be of a known schema."""
    check_file(path, full=True)
    if not path.exists():
        raise DatabaseUnusable(f"{path} does not exist")


def copy_live(source: Path, target: Path) -> None:
    """Copy the database at ``source`` (the bot may be writing to it) into ``target``
    with SQLite's online backup API, verify the copy, and only then put it in place: a
    failed backup never leaves a half-written file under the target's name."""
    if not source.exists():
        raise DatabaseUnusable(f"Database {source} does not exist")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(source, timeout=30)) as live,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            live.backup(copy)  # one step: a consistent snapshot, even under writes
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        verify(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def restore_into(backup: Path, database: Path) -> Path | None:
    """Replace ``database`` by the checked copy ``backup`` (the bot must not be running).
    What was there (the file and its WAL) is kept as ``<name>.before-restore-<time>``;
    returns that path, or None when there was nothing."""
    verify(backup)
    database.parent.mkdir(parents=True, exist_ok=True)
    kept: Path | None = None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if database.exists():
        kept = database.with_name(f"{database.name}.before-restore-{stamp}")
        os.replace(database, kept)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            if kept is not None and suffix == "-wal":
                os.replace(side, kept.with_name(kept.name + suffix))
            else:
                side.unlink()
    partial = database.with_name(f".{database.name}.partial")
    with (
        contextlib.closing(_open_read_only(backup)) as source,
        contextlib.closing(sqlite3.connect(partial)) as target,
    ):
        source.backup(target)
    os.replace(partial, database)
    return kept
