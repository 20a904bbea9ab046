"""One running bot per database.

Two ``marelan-bot run`` on the same database (a manual start next to the systemd
service, say) would both ask Telegram for updates, which Telegram refuses with "Conflict"
over and over, and both would work the same queues. The second one stops at once with a
clear line instead. The lock is an OS file lock next to the database, so it disappears
with the process, even after a crash or a power cut: nothing stale to clean up. It is
taken on the database's resolved path, so a second bot reaching the same file through a
symlink or another relative path is stopped too. ``marelan-bot restore`` takes the same
lock: it refuses while the bot runs, and the bot cannot start during a restore.
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
    def __init__(self, database: Path, purpose: str = "run") -> None:
        doing = "restore it" if purpose == "restore" else "start another one"
        super().__init__(
            f"Another marelan-bot is already running with DATABASE_PATH={database}; "
            f"stop it first (e.g. systemctl stop marelan-bot) to {doing}."
        )


@contextmanager
def single_instance(database: Path, purpose: str = "run") -> Iterator[None]:
    if fcntl is None or str(database) == ":memory:":
        yield
        return
    database.parent.mkdir(parents=True, exist_ok=True)
    resolved = database.resolve()
    with open(resolved.with_name(resolved.name + ".lock"), "a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(database, purpose) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
