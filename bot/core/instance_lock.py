"""One running bot per database.

Two ``marelan-bot run`` on the same database (a manual start next to the systemd
service, say) would both ask Telegram for updates, which Telegram refuses with "Conflict"
over and over, and both would work the same queues. The second one stops at once with a
clear line instead. The lock is an OS file lock next to the database, so it disappears
with the process, even after a crash or a power cut: nothing stale to clean up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no lock (the office runs the bot on Linux)
    fcntl = None  # type: ignore[assignment]


class AlreadyRunning(Exception):
    def __init__(self, database: Path) -> None:
        super().__init__(
            f"Another marelan-bot is already running with DATABASE_PATH={database}; "
            "stop it first (e.g. systemctl stop marelan-bot)."
        )


@contextmanager
def single_instance(database: Path) -> Iterator[None]:
    if fcntl is None or str(database) == ":memory:":
        yield
        return
    database.parent.mkdir(parents=True, exist_ok=True)
    with open(database.with_name(database.name + ".lock"), "a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(database) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
