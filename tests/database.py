"""Which database engine the tests run on, and a throw-away PostgreSQL server for them.

``MARELAN_TEST_DATABASE=postgresql pytest`` runs the suite against PostgreSQL (the
default, ``sqlite``, against SQLite files in each test's temporary folder). The server is
Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``, or
``MARELAN_TEST_PG_BIN``), started once per test session in a temporary folder: its own
data directory, a unix socket there and no TCP port, no fsync (nothing here must survive
a power cut). PostgreSQL refuses to run as root, so as root it runs as the ``postgres``
system user (created with ``useradd`` when missing). Migrations are applied once to a
template database; every office a test opens is a fresh ``CREATE DATABASE ... TEMPLATE``
of it, so tests stay independent.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BACKEND = os.environ.get("MARELAN_TEST_DATABASE", "sqlite").lower()
if BACKEND not in ("sqlite", "postgresql"):
    raise RuntimeError(f"MARELAN_TEST_DATABASE: 'sqlite' or 'postgresql', not {BACKEND!r}")
POSTGRESQL = BACKEND == "postgresql"
TEMPLATE = "marelan_template"
ROLE = "marelan"
SERVICE_USER = "postgres"


def pg_bin() -> Path:
    configured = os.environ.get("MARELAN_TEST_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise RuntimeError(
            "MARELAN_TEST_DATABASE=postgresql needs PostgreSQL's server programs: "
            "apt-get install postgresql (or set MARELAN_TEST_PG_BIN)"
        )
    return found[-1].parent


@dataclass
class PostgresServer:
    """A PostgreSQL cluster of its own, for one test session."""

    folder: Path
    bin: Path
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str) -> str:
        return f"postgresql://{ROLE}@/{database}?host={self.socket_dir}"

    def _run(self, *command: str) -> None:
        prefix = [] if os.geteuid() != 0 else ["runuser", "-u", SERVICE_USER, "--"]
        subprocess.run(
            [*prefix, *command], check=True, capture_output=True, cwd=self.folder, timeout=120
        )

    def start(self) -> None:
        data = self.folder / "data"
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            _ensure_service_user()
            shutil.chown(self.folder, SERVICE_USER)
            shutil.chown(self.socket_dir, SERVICE_USER)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(data),
            "-U",
            ROLE,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        self._watch()
        asyncio.run(self._make_template())

    def _watch(self) -> None:
        """Stop the server and remove its folder when the test process goes away without
        its teardown (killed, timed out): no test run leaves a server behind."""
        prefix = [] if os.geteuid() != 0 else ["runuser", "-u", SERVICE_USER, "--"]
        script = (
            f"while [ -d /proc/{os.getpid()} ]; do sleep 2; done; "
            f"{self.bin / 'pg_ctl'} -D {self.folder / 'data'} -m immediate stop; "
            f"rm -rf {self.folder}"
        )
        subprocess.Popen(
            [*prefix, "sh", "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"
        )

    async def _make_template(self) -> None:
        from storage.core.db import Database
        from storage.core.migrate import migrate

        await self._admin(f"CREATE DATABASE {TEMPLATE}")
        database = Database(self.url(TEMPLATE))
        await database.open()
        try:
            await migrate(database)
        finally:
            await database.close()

    async def _admin(self, sql: str) -> None:
        import asyncpg

        connection = await asyncpg.connect(self.url("postgres"))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def fresh(self, *, empty: bool = False) -> str:
        """A new database, migrated (a copy of the template) unless ``empty``."""
        name = f"office_{next(self._numbers)}"
        template = "template0" if empty else TEMPLATE
        await self._admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)


def _ensure_service_user() -> None:
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    folder = Path(tempfile.mkdtemp(prefix="marelan-pg-"))
    server = PostgresServer(folder, pg_bin())
    try:
        server.start()
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


_server: PostgresServer | None = None


def use_server(server: PostgresServer | None) -> None:
    global _server
    _server = server


async def fresh_database(
    folder: Path, name: str = "marelan.db", *, empty: bool = False
) -> Path | str:
    """Where a test's office keeps its data: an SQLite file in ``folder``, or a new
    PostgreSQL database (migrated from the template unless ``empty``)."""
    if not POSTGRESQL:
        return folder / name
    if _server is None:
        raise RuntimeError("the PostgreSQL test server is not running (tests/conftest.py)")
    return await _server.fresh(empty=empty)


async def fresh_offices(folder: Path, schemas: Sequence[str]) -> list[Path | str]:
    """Several offices of one city, named by ``schemas``: on PostgreSQL the schemas of one
    new, empty database (each office's first migration creates its schema), on SQLite a
    file each in ``folder``."""
    if not POSTGRESQL:
        return [folder / f"{schema}.db" for schema in schemas]
    from storage.core.db import in_schema

    url = str(await fresh_database(folder, empty=True))
    return [in_schema(url, schema) for schema in schemas]
