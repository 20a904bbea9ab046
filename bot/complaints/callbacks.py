"""Callback records of complaints: the citizen's intake (``lp``) and the buttons on a
complaint (``c``) for its unit, its reporter and the supervisors. The wire format and
the parsing rules are in :mod:`bot.core.callbacks`."""

from __future__ import annotations

from bot.core.callbacks import Callback, callback


@callback("lp", "ok")
class IntakeConsent(Callback):
    pass


@callback("lp", "no")
class IntakeDecline(Callback):
    pass


@callback("lp", "cat")
class IntakeCategory(Callback):
    code: str


@callback("lp", "unit")
class IntakeConductUnit(Callback):
    code: str  # "-" when the citizen does not know


@callback("lp", "kel")
class IntakeKelurahan(Callback):
    code: str  # "-" when the citizen does not know


@callback("lp", "skip")
class IntakeSkipEvidence(Callback):
    pass


@callback("lp", "done")
class IntakeEvidenceDone(Callback):
    pass


@callback("lp", "locok")
class IntakeKeepFarLocation(Callback):
    """ "Yes, the location is right": a pin far outside the kecamatan is kept."""

    draft: str


@callback("lp", "locno")
class IntakeDropFarLocation(Callback):
    draft: str


@callback("lp", "ident")
class IntakeIdentity(Callback):
    confidential: int


@callback("lp", "send")
class IntakeSend(Callback):
    draft: str
    version: int  # of the draft the summary showed


@callback("lp", "edit")
class IntakeEdit(Callback):
    pass


@callback("lp", "field")
class IntakeEditField(Callback):
    field: str


@callback("lp", "back")
class IntakeBack(Callback):
    pass


@callback("lp", "cancel")
class IntakeCancel(Callback):
    pass


@callback("c", "acc")
class Accept(Callback):
    complaint_id: int


@callback("c", "ask")
class AskInfo(Callback):
    complaint_id: int


@callback("c", "mov")
class Reassign(Callback):
    complaint_id: int


@callback("c", "mvto")
class ReassignTo(Callback):
    complaint_id: int
    unit: str


@callback("c", "mvx")
class ReassignCancel(Callback):
    complaint_id: int


@callback("c", "res")
class Resolve(Callback):
    complaint_id: int


@callback("c", "bsend")
class SendBriefReply(Callback):
    """A brief reply held back ("👍"): send it to the citizen after all."""

    complaint_id: int
    message_id: int  # the officer's reply in that chat


@callback("c", "bnote")
class KeepBriefReply(Callback):
    """A brief reply held back: keep it as an internal note."""

    complaint_id: int
    message_id: int


@callback("c", "rate")
class Rate(Callback):
    complaint_id: int
    rating: int


@callback("c", "nfix")
class NotFixed(Callback):
    complaint_id: int


@callback("c", "nocm")
class SkipComment(Callback):
    complaint_id: int


@callback("c", "open")
class OpenTicket(Callback):
    complaint_id: int


@callback("c", "stat")
class ShowStatus(Callback):
    complaint_id: int


@callback("c", "hist")
class HistoryPage(Callback):
    page: int
