"""Callback records of scheduled activities (domain ``a``).

Every press is authorised on the server: the records only say what was pressed.
"""

from __future__ import annotations

from bot.core.callbacks import Callback, callback

DOMAIN = "a"


@callback(DOMAIN, "menu")
class MenuForum(Callback):
    """Main-menu entry: upcoming public forums (as /forum)."""


# --- the guided creation flow ------------------------------------------------------------


@callback(DOMAIN, "kind")
class NewKind(Callback):
    kind: str  # "pelatihan" | "forum"


@callback(DOMAIN, "jpa")
class JpAuto(Callback):
    pass


@callback(DOMAIN, "aud")
class AudienceToggle(Callback):
    choice: str  # a unit code, ALL_STAFF or PUBLIC


ALL_STAFF = "-all"
PUBLIC = "-pub"


@callback(DOMAIN, "audok")
class AudienceDone(Callback):
    pass


@callback(DOMAIN, "nocost")
class SkipCost(Callback):
    pass


@callback(DOMAIN, "save")
class Save(Callback):
    draft: str


@callback(DOMAIN, "force")
class SaveOverBudget(Callback):
    draft: str


@callback(DOMAIN, "drop")
class Discard(Callback):
    pass


# --- invitations and RSVP ----------------------------------------------------------------


@callback(DOMAIN, "rsvp")
class Rsvp(Callback):
    activity_id: int
    going: int  # 1 "Hadir", 0 "Tidak bisa"
    view: str  # which message was pressed: VIEW_*


VIEW_INVITATION = "i"
VIEW_CARD = "c"
VIEW_FORUM = "f"


@callback(DOMAIN, "sub")
class ToggleSubscription(Callback):
    pass


# --- managing an activity ----------------------------------------------------------------


@callback(DOMAIN, "ppl")
class Participants(Callback):
    activity_id: int


@callback(DOMAIN, "time")
class ChangeTime(Callback):
    activity_id: int


@callback(DOMAIN, "place")
class ChangePlace(Callback):
    activity_id: int


@callback(DOMAIN, "cnl")
class CancelAsk(Callback):
    activity_id: int


@callback(DOMAIN, "cnly")
class CancelConfirm(Callback):
    activity_id: int


@callback(DOMAIN, "cnln")
class CancelKeep(Callback):
    activity_id: int


# --- attendance checklist ----------------------------------------------------------------


@callback(DOMAIN, "att")
class AttendToggle(Callback):
    activity_id: int
    person_id: int
    page: int


@callback(DOMAIN, "atp")
class AttendPage(Callback):
    activity_id: int
    page: int


@callback(DOMAIN, "ats")
class AttendSave(Callback):
    activity_id: int


# --- reopening the checklist of a finished activity; correcting saved attendance ---------


@callback(DOMAIN, "pres")
class AttendOpen(Callback):
    """ "Presensi" on a finished activity (``/kegiatan selesai``)."""

    activity_id: int


@callback(DOMAIN, "fxt")
class FixToggle(Callback):
    activity_id: int
    person_id: int
    page: int


@callback(DOMAIN, "fxp")
class FixPage(Callback):
    activity_id: int
    page: int


@callback(DOMAIN, "fxs")
class FixSave(Callback):
    activity_id: int
