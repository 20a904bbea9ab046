from datetime import date, datetime, time
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from bot.core.periods import Period, parse_period
from bot.core.workcalendar import WorkCalendar
from bot.reports.charts import Stack, WeeklyChart, limit_stacks, render_weekly, week_label
from bot.reports.render import period_label
from bot.reports.rules import (
    UnitStanding,
    as_of,
    chart_weeks,
    digest_week,
    instants,
    month_before,
    monthly_due,
    rank_offset,
    ranking,
    score,
    score_parts,
    share,
    trend,
)

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("count", "fraction", "offset"),
    [
        (1, 0.5, 0),
        (2, 0.5, 0),
        (3, 0.5, 1),
        (4, 0.5, 1),
        (5, 0.5, 2),
        (10, 0.9, 8),
        (11, 0.9, 9),
        (4, 0.9, 3),
        (1, 0.9, 0),
        (100, 0.9, 89),
    ],
)
def test_nearest_rank_offsets(count: int, fraction: float, offset: int) -> None:
    assert rank_offset(count, fraction) == offset


def test_rank_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        rank_offset(0, 0.5)


def test_shares_and_trends() -> None:
    assert share(3, 4) == 0.75 and share(0, 0) is None
    assert trend(5, 2).direction == "up" and trend(5, 2).difference == 3
    assert trend(0.5, 0.75).direction == "down" and trend(0.5, 0.75).difference == 0.25
    assert trend(1.0, 1.0).direction == "same"
    assert trend(None, 1.0) is None and trend(1.0, None) is None


def test_instants_follow_local_midnight() -> None:
    start, end = instants(parse_period("2026-11", TODAY), WIB)
    assert datetime.fromtimestamp(start, WIB) == datetime(2026, 11, 1, tzinfo=WIB)
    assert datetime.fromtimestamp(end, WIB) == datetime(2026, 12, 1, tzinfo=WIB)


def test_chart_weeks_cover_the_period_and_at_least_eight_weeks() -> None:
    month = chart_weeks(parse_period("2026-10", TODAY), TODAY, WIB)
    assert month[0].monday == date(2026, 9, 7) and month[-1].monday == date(2026, 10, 26)
    year = chart_weeks(parse_period("tahun", TODAY), TODAY, WIB)
    assert year[0].monday == date(2025, 12, 29) and year[-1].monday == date(2026, 11, 23)
    assert len(year) == 48  # not beyond today
    day = chart_weeks(parse_period("hari", TODAY), TODAY, WIB)
    assert len(day) == 8 and day[-1].monday == date(2026, 11, 23)
    assert all(b.start == a.end for a, b in pairwise(day))
    assert datetime.fromtimestamp(day[-1].end, WIB) == datetime(2026, 11, 30, tzinfo=WIB)


def test_ranking_order() -> None:
    """The field trial's case: 100 % on time but every complaint reopened and rated 1 is
    not first; units without a result come last, the one with complaints before the empty
    one."""
    units = [
        UnitStanding("EMPTY", 0, 0, None, None, None, 0, 0),
        UnitStanding("REOPENED", 1, 10, 1.0, 1.0, 1.0, 0, 0),
        UnitStanding("STEADY", 2, 10, 0.8, 0.0, 4.5, 2, 0),
        UnitStanding("BEHIND", 3, 3, None, None, None, 3, 3),
        UnitStanding("BUSIER", 4, 20, 0.8, 0.0, 4.5, 0, 0),
    ]
    assert score(units[0]) is None
    assert score(units[1]) == pytest.approx(100 * (0.4 * 1 + 0.2 * 0 + 0.2 * 0 + 0.2 * 1))
    assert score(units[2]) == pytest.approx(100 * (0.4 * 0.8 + 0.2 + 0.2 * 0.875 + 0.2))
    assert score(units[3]) is None  # only received (and late) complaints: no result yet
    assert [u.unit_code for u in ranking(units)] == [
        "BUSIER",
        "STEADY",
        "REOPENED",
        "BEHIND",
        "EMPTY",
    ]


def test_a_part_without_data_is_left_out_of_the_score() -> None:
    unrated = UnitStanding("A", 0, 4, 0.5, 0.0, None, 0, 0)
    assert score_parts(unrated) == {"on_time": 0.5, "not_reopened": 1.0, "no_backlog": 1.0}
    assert score(unrated) == pytest.approx(100 * (40 * 0.5 + 20 + 20) / 80)


def test_digest_covers_the_week_before() -> None:
    monday = datetime(2026, 11, 30, 7, 30, tzinfo=WIB)
    assert digest_week(monday, WIB) == Period(date(2026, 11, 23), date(2026, 11, 30), "week")
    friday = datetime(2026, 12, 4, 16, 0, tzinfo=WIB)
    assert digest_week(friday, WIB).start == date(2026, 11, 23)


def test_period_labels() -> None:
    assert period_label("id", parse_period("2026-11", TODAY)) == "November 2026"
    assert period_label("en", parse_period("tahun", TODAY)) == "year 2026"
    assert period_label("id", parse_period("hari", TODAY)) == "Rabu, 25 November 2026"
    week = parse_period("minggu", TODAY)
    assert period_label("id", week) == "minggu 23 November 2026 – 29 November 2026"
    assert period_label("id", week.previous()).startswith("minggu 16 November")
    assert (
        period_label("id", parse_period("2026-11-01..2026-11-15", TODAY))
        == "1 November 2026 – 15 November 2026"
    )


def test_chart_keeps_at_most_eight_colours_and_draws_a_png() -> None:
    stacks = [Stack(f"Unit {i}", [i, i + 1]) for i in range(10)]
    limited = limit_stacks(stacks, "Lainnya")
    assert len(limited) == 8 and limited[-1].label == "Lainnya"
    assert limited[-1].counts == [0 + 1 + 2, 1 + 2 + 3]  # the three smallest, summed
    assert sum(sum(s.counts) for s in limited) == sum(sum(s.counts) for s in stacks)
    chart = WeeklyChart(
        "id",
        "Pengaduan per minggu",
        "November 2026",
        [date(2026, 11, 2), date(2026, 11, 9)],
        stacks,
        [0.5, None],
        "Jumlah",
        "Tepat waktu (%)",
        "Tepat waktu",
        "Lainnya",
        "Minggu mulai",
    )
    png = render_weekly(chart)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1000, 1000)
    assert week_label("id", date(2026, 8, 17)) == "17 Agu"


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


@pytest.mark.parametrize(
    ("after", "due"),
    [
        (wib(2026, 11, 27, 10), wib(2026, 12, 1, 7, 30)),  # 1 December 2026 is a Tuesday
        (wib(2026, 12, 1, 7, 29), wib(2026, 12, 1, 7, 30)),
        (wib(2026, 12, 1, 7, 30), wib(2027, 1, 4, 7, 30)),  # strictly after; 1 Jan a holiday
        (wib(2027, 1, 1, 8), wib(2027, 1, 4, 7, 30)),
        (wib(2027, 1, 4, 7, 30), wib(2027, 2, 1, 7, 30)),  # Monday 1 February
        (wib(2026, 7, 15), wib(2026, 8, 3, 7, 30)),  # 1–2 August 2026: a weekend
    ],
)
def test_the_monthly_digest_is_due_on_the_first_working_day(after: datetime, due: datetime) -> None:
    calendar = WorkCalendar(WIB, time(8), time(16))
    assert monthly_due(calendar, after, time(7, 30)) == due


def test_the_monthly_digest_reports_on_the_month_before() -> None:
    assert month_before(wib(2027, 1, 4, 7, 30), WIB) == parse_period("2026-12", TODAY)
    assert month_before(wib(2026, 12, 1, 7, 30), WIB) == parse_period("2026-11", TODAY)
    assert month_before(datetime(2026, 12, 1, 0, 30, tzinfo=ZoneInfo("UTC")), WIB) == parse_period(
        "2026-11", TODAY
    )  # 07:30 WIB is still 1 December


def test_standing_figures_are_read_at_the_end_of_a_past_period_or_now() -> None:
    now = wib(2026, 11, 25, 9)
    assert as_of(parse_period("2026-10", TODAY), now, WIB) == wib(2026, 10, 31, 23, 59, 59)
    assert as_of(parse_period("2026-11", TODAY), now, WIB) == now
    assert as_of(parse_period("2027", TODAY), now, WIB) == now


def test_periods_far_from_today_are_typing_errors() -> None:
    from bot.core.periods import PeriodError

    for text in (
        "1900",
        "1999-12",
        "2999",
        "2028-01",
        "2026-11-01..2030-01-01",
        "9999",  # its end (10000-01-01) is past the calendar: "year 10000 is out of range"
        "9999-12",
        "9999-12-31..9999-12-31",
    ):
        with pytest.raises(PeriodError):
            parse_period(text, TODAY)
    assert parse_period("2000", TODAY).start.year == 2000
    assert parse_period("2027-12", TODAY).start.month == 12  # next year: plans


def test_a_period_splits_into_the_months_that_are_over_and_the_rest() -> None:
    from bot.core.periods import split_settled

    def shown(text: str, today: date) -> tuple[list[str], list[tuple[date, date]]]:
        settled, rest = split_settled(parse_period(text, today), today)
        assert all(p.label.startswith("month:") for p in settled)
        return [p.label[6:] for p in settled], [(p.start, p.end) for p in rest]

    today = date(2026, 12, 3)
    months = [f"2026-{m:02d}" for m in range(1, 12)]
    assert shown("tahun", today) == (months, [(date(2026, 12, 1), date(2027, 1, 1))])
    last_year = [f"2025-{m:02d}" for m in range(1, 13)]
    assert shown("2025", today) == (last_year, [])
    assert shown("bulan", today) == ([], [(date(2026, 12, 1), date(2027, 1, 1))])
    assert shown("2026-11", today) == (["2026-11"], [])
    # A range: the part months at both ends are read as they are.
    assert shown("2026-09-15..2026-11-10", today) == (
        ["2026-10"],
        [(date(2026, 9, 15), date(2026, 10, 1)), (date(2026, 11, 1), date(2026, 11, 11))],
    )
    # On the first day of a month the month before is over.
    assert shown("2026-11", date(2026, 12, 1)) == (["2026-11"], [])
    assert shown("2026-11", date(2026, 11, 30)) == ([], [(date(2026, 11, 1), date(2026, 12, 1))])
    assert shown("2027", today) == ([], [(date(2027, 1, 1), date(2028, 1, 1))])
