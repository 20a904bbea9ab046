"""Callback records of the personal-data rights (domain ``pd``).

The confirmation names whose erasure it confirms and when it was offered: a press by
anyone else (forged data) is refused, and an old button asks for /hapusdata again.
"""

from __future__ import annotations

from bot.core.callbacks import Callback, callback


@callback("pd", "erase")
class ConfirmErasure(Callback):
    person_id: int
    asked_at: int  # Unix seconds, when the explanation was shown


@callback("pd", "keep")
class CancelErasure(Callback):
    person_id: int
