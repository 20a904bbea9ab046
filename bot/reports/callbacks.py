"""Callback records of the reports (domain ``r``)."""

from __future__ import annotations

from bot.core.callbacks import Callback, callback

ALL_UNITS = "-"


@callback("r", "late")
class ShowOverdue(Callback):
    """List the complaints past a deadline: of one unit, or all (``ALL_UNITS``)."""

    unit: str
