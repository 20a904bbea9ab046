"""How the reports read: summary, scorecard, ranking and overdue list as catalog text, and
the chart's labels. Pure rendering from the service results; no I/O."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.complaints import callbacks as cb
from bot.complaints.rules import Status
from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.clock import from_epoch
from bot.core.keyboards import button
from bot.core.office import Office
from bot.core.periods import Period
from bot.core.workcalendar import WorkCalendar
from bot.reports.callbacks import ALL_UNITS, ShowOverdue
from bot.reports.charts import Stack, WeeklyChart
from bot.reports.rules import SCORE_WEIGHTS, Trend, hours, share, trend
from bot.reports.summary import Chart, Figures, OverdueList, Ranking, Summary

BUTTONS_PER_ROW = 3


def short_day(language: str, day: date) -> str:
    return f"{day.day} {formatting.MONTHS[language][day.month - 1]} {day.year}"


def period_label(language: str, period: Period) -> str:
    last = period.end - timedelta(days=1)
    if period.label.startswith("month:"):
        month = formatting.MONTHS[language][period.start.month - 1]
        return str(t(language, "period.month", month=month, year=period.start.year))
    if period.label.startswith("year:"):
        return str(t(language, "period.year", year=period.start.year))
    if period.days == 1:
        return str(t(language, "period.day", date=formatting.day(language, period.start)))
    if period.days == 7 and period.start.weekday() == 0:
        return str(
            t(
                language,
                "period.week",
                first=short_day(language, period.start),
                last=short_day(language, last),
            )
        )
    return str(
        t(
            language,
            "period.range",
            first=short_day(language, period.start),
            last=short_day(language, last),
        )
    )


def plain(markup: str) -> str:
    """Catalog text for places that are not HTML (chart labels)."""
    return html.unescape(str(markup))


class ReportRenderer:
    def __init__(self, office: Office, calendar: WorkCalendar) -> None:
        self.office = office
        self.calendar = calendar

    # --- names --------------------------------------------------------------------------

    def unit(self, language: str, code: str | None) -> str:
        return self.office.unit_label(code, language)

    def category(self, language: str, code: str) -> str:
        return self.office.category_label(code, language)

    def kelurahan(self, language: str, code: str | None) -> str:
        return self.office.kelurahan_name(code) or str(t(language, "summary.unknown_kelurahan"))

    # --- numbers ------------------------------------------------------------------------

    @staticmethod
    def _trend(language: str, change: Trend | None, amount: Callable[[float], str]) -> Markup:
        if change is None:
            return Markup("")
        if change.direction == "same":
            return t(language, "trend.same")
        return t(language, f"trend.{change.direction}", difference=amount(change.difference))

    def _hours(self, language: str, seconds: int | None) -> str:
        value = hours(seconds)
        return "—" if value is None else formatting.number(language, value, 1)

    # --- the summary ----------------------------------------------------------------------

    def figures_lines(
        self, language: str, now: Figures, before: Figures, *, times: bool = True
    ) -> list[Markup]:
        """The figures of a period against the previous one; without ``times`` the
        lines of working hours are left out (a city's totals have no single median)."""

        def points(value: float) -> str:
            amount = formatting.number(language, value * 100, 1)
            return str(t(language, "trend.points", value=amount))

        def hour_amount(value: float) -> str:
            return str(
                t(language, "trend.hours", value=formatting.number(language, value / 3600, 1))
            )

        def count_amount(value: float) -> str:
            return formatting.integer(language, round(value))

        lines = [
            t(
                language,
                "summary.received",
                count=formatting.integer(language, now.tally.received),
                trend=self._trend(
                    language, trend(now.tally.received, before.tally.received), count_amount
                ),
            ),
            t(
                language,
                "summary.ack_share",
                share=formatting.percent(language, now.ack_share),
                trend=self._trend(language, trend(now.ack_share, before.ack_share), points),
            ),
            t(
                language,
                "summary.resolve_share",
                share=formatting.percent(language, now.resolve_share),
                trend=self._trend(language, trend(now.resolve_share, before.resolve_share), points),
            ),
            t(
                language,
                "summary.reopen",
                share=formatting.percent(language, now.reopen_rate),
                trend=self._trend(language, trend(now.reopen_rate, before.reopen_rate), points),
            ),
        ]
        if times:
            lines[3:3] = [
                t(
                    language,
                    key,
                    median=self._hours(language, median),
                    p90=self._hours(language, p90),
                    trend=self._trend(language, trend(median, earlier), hour_amount),
                )
                for key, median, p90, earlier in (
                    ("summary.ack_hours", now.ack_median, now.ack_p90, before.ack_median),
                    (
                        "summary.resolve_hours",
                        now.resolve_median,
                        now.resolve_p90,
                        before.resolve_median,
                    ),
                )
            ]
        if now.rating is None:
            lines.append(t(language, "summary.rating_none"))
        else:
            lines.append(
                t(
                    language,
                    "summary.rating",
                    rating=formatting.number(language, now.rating, 1),
                    count=formatting.integer(language, now.tally.rated),
                    trend=self._trend(
                        language,
                        trend(now.rating, before.rating),
                        lambda v: formatting.number(language, v, 1),
                    ),
                )
            )
        return lines

    def _breakdown(
        self, language: str, header: str, counts: dict, name: Callable[[str], str]
    ) -> list[Markup]:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], name(kv[0])))
        return [t(language, header)] + [
            t(language, "summary.item", name=name(key), count=formatting.integer(language, n))
            for key, n in items
            if n
        ]

    def summary(
        self, language: str, summary: Summary, sections: list[Markup], *, digest: bool = False
    ) -> Markup:
        period = period_label(language, summary.period)
        if summary.unit_code is not None:
            title = t(
                language,
                "scorecard.title",
                unit=self.unit(language, summary.unit_code),
                period=period,
            )
        else:
            title = t(
                language, "summary.digest_title" if digest else "summary.title", period=period
            )
        lines: list[str] = [title, ""]
        empty = summary.current.tally.received == 0
        if empty:  # one line instead of a column of "—"
            before = summary.previous.tally.received
            lines.append(
                t(
                    language,
                    "summary.empty_before",
                    count=formatting.integer(language, before),
                    previous=period_label(language, summary.period.previous()),
                )
                if before
                else t(language, "summary.empty")
            )
        else:
            lines += self.figures_lines(language, summary.current, summary.previous)
        statuses = [
            t(
                language,
                "summary.status_item",
                status=t(language, f"status.name.{status}"),
                count=formatting.integer(language, summary.by_status[status]),
            )
            for status in Status
            if summary.by_status.get(status)
        ]
        if statuses:
            lines.append(t(language, "summary.statuses", items=join(statuses, " · ")))
        if summary.adoption is not None:
            adoption = summary.adoption
            lines.append(
                t(
                    language,
                    "scorecard.adoption",
                    active=adoption.active,
                    registered=adoption.registered,
                    share=formatting.percent(language, share(adoption.active, adoption.registered)),
                )
            )
        lines += sections
        lines.append(
            t(language, "summary.overdue", count=summary.overdue)
            if summary.overdue
            else t(language, "summary.no_overdue")
        )
        if summary.unit_code is None and summary.by_unit:
            lines += [
                "",
                *self._breakdown(
                    language, "summary.by_unit", summary.by_unit, lambda c: self.unit(language, c)
                ),
            ]
        if summary.by_category:
            lines += [
                "",
                *self._breakdown(
                    language,
                    "summary.by_category",
                    summary.by_category,
                    lambda c: self.category(language, c),
                ),
            ]
        if summary.by_kelurahan:
            lines += [
                "",
                *self._breakdown(
                    language,
                    "summary.by_kelurahan",
                    summary.by_kelurahan,
                    lambda c: self.kelurahan(language, c),
                ),
            ]
        if not empty:
            lines += [
                "",
                t(
                    language,
                    "summary.compared",
                    previous=period_label(language, summary.period.previous()),
                ),
            ]
        return join(lines)

    def overdue_keyboard(
        self, language: str, count: int, unit_code: str | None
    ) -> InlineKeyboardMarkup | None:
        if not count:
            return None
        return InlineKeyboardMarkup(
            [[button(language, "btn.overdue", ShowOverdue(unit_code or ALL_UNITS), count=count)]]
        )

    # --- the ranking ----------------------------------------------------------------------

    def ranking(
        self, language: str, ranking: Ranking, extras: dict[str, list[Markup]] | None = None
    ) -> Markup:
        """``extras``: unit code -> the items other features add (one more line)."""
        lines = [t(language, "ranking.title", period=period_label(language, ranking.period)), ""]
        for position, standing in enumerate(ranking.standings, start=1):
            figures = standing.figures
            lines.append(
                t(
                    language,
                    "ranking.line",
                    position=position,
                    unit=self.unit(language, standing.unit_code),
                    score=(
                        "—"
                        if standing.score is None
                        else formatting.number(language, standing.score, 0)
                    ),
                    received=formatting.integer(language, figures.tally.received),
                    share=formatting.percent(language, figures.resolve_share),
                    median=(
                        str(
                            t(
                                language,
                                "trend.hours",
                                value=self._hours(language, figures.resolve_median),
                            )
                        )
                        if figures.resolve_median is not None
                        else "—"
                    ),
                    rating=(
                        "—"
                        if figures.rating is None
                        else formatting.number(language, figures.rating, 1)
                    ),
                    overdue=standing.overdue,
                    active=standing.adoption.active,
                    registered=standing.adoption.registered,
                )
            )
            items = (extras or {}).get(standing.unit_code)
            if items:
                lines.append(t(language, "ranking.extra", items=join(items, " · ")))
        codes = ", ".join(u.code for u in self.office.units)
        lines += [
            "",
            t(
                language,
                "ranking.footer",
                codes=codes,
                **{f"w_{name}": weight for name, weight in SCORE_WEIGHTS.items()},
            ),
        ]
        return join(lines)

    # --- overdue ---------------------------------------------------------------------------

    def overdue(
        self, language: str, found: OverdueList, late: Callable[[int], timedelta]
    ) -> tuple[Markup, InlineKeyboardMarkup | None]:
        """``late(index)`` gives the working time by which item ``index`` is late."""
        if not found.total:
            return t(language, "late.none"), None
        now = formatting.moment(language, from_epoch(found.now), self.calendar.zone)
        if found.unit_code is None:
            lines = [t(language, "late.title", count=found.total, now=now)]
        else:
            lines = [
                t(
                    language,
                    "late.title_unit",
                    count=found.total,
                    now=now,
                    unit=self.unit(language, found.unit_code),
                )
            ]
        for index, item in enumerate(found.shown):
            span = late(index)
            amount = (
                formatting.working_duration(language, span, self.calendar.day_length)
                if span > timedelta(0)
                else str(t(language, "late.just_now"))
            )
            lines.append(
                t(
                    language,
                    "late.line",
                    index=index + 1,
                    number=item.number,
                    unit=self.unit(language, item.unit_code),
                    assignee=item.assignee_name or t(language, "late.nobody"),
                    deadline=t(language, f"late.deadline.{item.missed}"),
                    late=amount,
                )
            )
        if found.total > len(found.shown):
            lines.append(
                t(
                    language,
                    "late.more",
                    count=found.total - len(found.shown),
                    shown=len(found.shown),
                )
            )
        buttons = [
            InlineKeyboardButton(item.number, callback_data=cb.OpenTicket(item.id).encode())
            for item in found.shown
        ]
        keyboard = InlineKeyboardMarkup(
            [buttons[i : i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)]
        )
        return join(lines), keyboard

    # --- the chart --------------------------------------------------------------------------

    def chart(self, language: str, chart: Chart, subtitle: str) -> WeeklyChart:
        units = list(dict.fromkeys(cell.unit_code for cell in chart.cells))
        counts = {(c.week, c.unit_code): c for c in chart.cells}
        stacks = [
            Stack(
                self.short_unit(language, code),
                [counts[(i, code)].received for i in range(len(chart.weeks))],
            )
            for code in units
        ]
        on_time = []
        for i in range(len(chart.weeks)):
            resolved = sum(counts[(i, code)].resolved for code in units)
            on_time.append(
                share(sum(counts[(i, code)].resolved_on_time for code in units), resolved)
            )

        def label(key: str) -> str:
            return plain(t(language, key))

        return WeeklyChart(
            language=language,
            title=label("chart.title"),
            subtitle=subtitle,
            weeks=[w.monday for w in chart.weeks],
            stacks=stacks,
            on_time=on_time,
            y_count=label("chart.y_count"),
            y_share=label("chart.y_share"),
            on_time_label=label("chart.on_time"),
            other_label=label("chart.other"),
            x_label=label("chart.x"),
        )

    def short_unit(self, language: str, code: str) -> str:
        """'Seksi Pembangunan' -> 'Pembangunan': the legend must fit a phone."""
        name = self.unit(language, code)
        for prefix in ("Seksi ", "Section "):
            name = name.removeprefix(prefix)
        return name
