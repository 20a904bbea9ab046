"""Pure complaint rules: transitions, numbers, deadlines, checks, routing, access."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.complaints.render import heads_alert
from bot.complaints.rules import (
    Action,
    InvalidTransition,
    Status,
    can_act,
    can_view,
    check,
    check_times,
    current_due,
    heading_number,
    is_brief,
    overdue_by,
    parse_tracking_number,
    reassign_targets,
    resumed_due,
    route,
    status_after_citizen_answer,
    status_after_reply,
    tracking_number,
    warn_time,
)
from bot.core.office import load_office
from bot.core.workcalendar import WorkCalendar
from bot.people.roles import Role
from storage.complaints.records import COLUMNS, Complaint

WIB = ZoneInfo("Asia/Jakarta")
CAL = WorkCalendar(WIB, time(8), time(16))
DAY = CAL.day_length


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


@pytest.mark.parametrize(
    ("text", "brief"),
    [
        ("👍", True),
        ("👍👍🙏", True),
        ("ok", True),
        ("Siap!", True),
        ("siap pak", True),
        ("...", True),
        ("ok_sip", True),
        ("Segera kami cek", False),
        ("Petugas kami menuju lokasi siang ini.", False),
        ("Lampu 3 tiang diganti", False),
    ],
)
def test_a_reply_of_emoji_or_fewer_than_three_words_is_brief(text: str, brief: bool) -> None:
    assert is_brief(text) is brief


def test_transitions() -> None:
    check(Action.ACCEPT, Status.BARU)
    check(Action.REOPEN, Status.SELESAI)
    for action, status in [
        (Action.ACCEPT, Status.DIPROSES),
        (Action.REOPEN, Status.DITUTUP),
        (Action.ACCEPT, Status.DIBUKA_KEMBALI),
        (Action.ASK_INFO, Status.MENUNGGU_WARGA),
        (Action.RESOLVE, Status.SELESAI),
        (Action.REASSIGN, Status.DITUTUP),
    ]:
        with pytest.raises(InvalidTransition):
            check(action, status)
    assert status_after_reply(Status.BARU) is Status.DIPROSES
    assert status_after_reply(Status.MENUNGGU_WARGA) is Status.MENUNGGU_WARGA
    assert status_after_citizen_answer(Status.MENUNGGU_WARGA, Status.DITERIMA) is Status.DITERIMA
    assert status_after_citizen_answer(Status.MENUNGGU_WARGA, Status.BARU) is Status.DIPROSES


def test_tracking_number() -> None:
    assert tracking_number("MRL", wib(2026, 11, 25, 9), 1) == "MRL-2611-0001"
    assert tracking_number("MRL", wib(2027, 1, 2, 9), 12345) == "MRL-2701-12345"


def test_pause_keeps_the_remaining_working_time() -> None:
    due = wib(2026, 11, 27, 12)  # Friday noon
    paused, resumed = wib(2026, 11, 26, 12), wib(2026, 11, 30, 10)  # Thu noon -> Mon 10:00
    # 8 working hours were left at the pause (Thu 12-16, Fri 8-12): Mon 10:00 + 8 h.
    assert resumed_due(CAL, due, paused, resumed) == wib(2026, 12, 1, 10)


def test_warning_at_three_quarters_of_the_working_span() -> None:
    start = wib(2026, 11, 25, 9)  # Wednesday
    due = CAL.add_working_days(start, 1)  # Thursday 09:00
    assert warn_time(CAL, start, due, DAY) == wib(2026, 11, 25, 15)
    late = wib(2026, 11, 26, 8, 30)  # only 30 minutes left: warn now
    assert warn_time(CAL, late, due, DAY) == late
    times = check_times(
        CAL, start, ack=(due, DAY), resolve=(CAL.add_working_days(start, 5), 5 * DAY)
    )
    assert times["ack_breach"] == due
    assert times["resolve_warn"] == CAL.add_working_time(start, DAY * 3.75)
    assert "ack_warn" not in check_times(CAL, start, ack=None, resolve=(due, DAY))


def test_the_deadline_that_counts_is_acknowledging_then_resolving() -> None:
    assert current_due(None, ack_due_at=100, resolve_due_at=500) == 100
    assert current_due(150, ack_due_at=100, resolve_due_at=500) == 500


@pytest.mark.parametrize("status", [s for s in Status if s is not Status.MENUNGGU_WARGA])
def test_a_complaint_past_its_deadline_is_overdue_by_the_working_time(status: Status) -> None:
    due = wib(2026, 11, 26, 12)  # Thursday noon
    assert overdue_by(CAL, status, due, wib(2026, 11, 27, 10)) == timedelta(hours=6)
    assert overdue_by(CAL, status, due, wib(2026, 11, 26, 11)) == timedelta(0)


def test_a_complaint_waiting_for_the_citizen_is_never_overdue() -> None:
    due = wib(2026, 11, 26, 12)
    assert overdue_by(CAL, Status.MENUNGGU_WARGA, due, wib(2026, 11, 30, 10)) == timedelta(0)
    assert overdue_by(CAL, "menunggu_warga", due, wib(2026, 11, 30, 10)) == timedelta(0)


def test_routing() -> None:
    office = load_office()
    assert route(office, "INFRA", "LBD").unit_code == "PEMB"
    assert route(office, "SAMPAH", "TRJ").unit_code == "TRANTIB"  # office-file override
    assert route(office, "SAMPAH", "LBD").unit_code == "PEMB"
    conduct = route(office, "PERILAKU", None)
    assert conduct.unit_code == "SEKRET" and conduct.also_supervisors
    assert "PELAYANAN" not in reassign_targets(office, "SEKRET", "PELAYANAN")
    assert "SEKRET" not in reassign_targets(office, "SEKRET", None)


def _complaint(**fields) -> Complaint:
    base = dict.fromkeys(COLUMNS, 0)
    base.update(
        number="MRL-2611-0001",
        status="baru",
        unit_code="PEMB",
        named_unit_code=None,
        reporter_id=7,
        confidential=False,
        category_code="INFRA",
        kelurahan_code=None,
        description="x",
        latitude=None,
        longitude=None,
        status_before_wait=None,
        assignee_id=None,
        paused_at=None,
        acknowledged_at=None,
        first_response_at=None,
        resolved_at=None,
        closed_at=None,
        ack_work_seconds=None,
        resolve_work_seconds=None,
        ack_on_time=None,
        resolve_on_time=None,
        resolution_note=None,
        rating=None,
        rating_comment=None,
        rated_at=None,
    )
    base.update(fields)
    return Complaint(**base)


def test_access() -> None:
    complaint = _complaint()
    assert can_act(Role.STAF, "PEMB", complaint) and can_act(Role.SUPERVISOR, None, complaint)
    assert not can_act(Role.STAF, "PEM", complaint) and not can_act(Role.CITIZEN, None, complaint)
    assert can_view(Role.CITIZEN, 7, None, complaint) and not can_view(
        Role.CITIZEN, 8, None, complaint
    )
    conduct = replace(complaint, unit_code="SEKRET", named_unit_code="SEKRET")
    assert not can_act(Role.KEPALA, "SEKRET", conduct)  # never the officer's own unit
    assert can_act(Role.SUPERVISOR, None, conduct)


def test_durations_are_whole_working_days() -> None:
    assert CAL.working_time_between(wib(2026, 11, 27, 15), wib(2026, 11, 30, 9)) == timedelta(
        hours=2
    )


@pytest.mark.parametrize(
    "typed",
    [
        "MRL-2611-0001",
        "mrl-2611-0001",
        " MRL-2611-0001. ",
        "#MRL-2611-0001",
        "MRL 2611 0001",
        "mrl-2611-1",
        "MRL26110001",
        "MRL-2611-0001)",
    ],
)
def test_a_loosely_typed_tracking_number_is_understood(typed: str) -> None:
    assert parse_tracking_number(typed, "MRL") == "MRL-2611-0001"


@pytest.mark.parametrize(
    "typed",
    [
        "Blok 1234 5",
        "MRL-26-0001",
        "MRL-2611-",
        "foo bar",
        "MRL-2611-0001 tolong dicek",
        "MRL-2611-99999999999999999999",
        "",
    ],
)
def test_other_text_is_not_a_tracking_number(typed: str) -> None:
    assert parse_tracking_number(typed, "MRL") is None


def test_sequences_past_four_digits_keep_their_digits() -> None:
    assert parse_tracking_number("mrl-2611-12345", "MRL") == "MRL-2611-12345"


def test_the_number_heading_a_bot_message() -> None:
    assert heading_number("🆕 Pengaduan MRL-2611-0001\nLanjutan MRL-2611-0002") == "MRL-2611-0001"
    assert heading_number("\n📌 Complaint MRL-2611-0012") == "MRL-2611-0012"
    assert heading_number("Antrian: MRL-2611-0001, MRL-2611-0002") is None
    assert heading_number("Antrian PEMB\nMRL-2611-0001") is None
    assert heading_number("") is None


def test_only_an_alert_heading_stands_for_its_complaint() -> None:
    number = "MRL-2611-0001"
    assert heads_alert("🆕 Pengaduan MRL-2611-0001", number)
    assert heads_alert("✅ Complaint MRL-2611-0001 ", number)
    assert heads_alert("📄 Uraian lengkap MRL-2611-0001", number)
    assert not heads_alert("🆕 Pengaduan MRL-2611-0002", number)
    assert not heads_alert("✉️ Jawaban MRL-2611-0001 terkirim ke warga.", number)
