"""Whether the update being handled has changed something already.

Every state change records an event (invariant 4), and every event touches the
:data:`storage.core.audit.CHANGE` topic, so a commit listener learns which updates
committed a change. The error handler reads it: after a change committed, "something went
wrong, try again" would be false and trying again would do it twice, so the person is
told their change was saved instead.

Each update is handled in its own task, so the flag (a context variable) is the update's
own: cleared when its handling starts (:func:`begin`; a task inherits the values of the
one that created it), set by the commit, read by the error handler in the same task.
"""

from __future__ import annotations

from contextvars import ContextVar

from storage.core.audit import CHANGE

_committed: ContextVar[bool] = ContextVar("committed_change", default=False)


def note_commit(topics: set[str]) -> None:
    """Commit listener (:meth:`storage.core.db.Database.add_commit_listener`)."""
    if CHANGE in topics:
        _committed.set(True)


def begin() -> None:
    """An update's handling starts: nothing committed yet."""
    _committed.set(False)


def committed() -> bool:
    """True once the current update committed a change."""
    return _committed.get()
