"""How the public posts read in the channel, in plain Indonesian (or English): the week's
complaints per unit, the month's IKM per service. Catalog text only; the figures come
already filtered by the small-number rule, so a hidden value simply reads "—"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.clock import from_epoch
from bot.core.office import Office
from bot.core.periods import Period
from bot.survey.ikm_rules import UnsurResult
from bot.survey.render import period_label, plain_date
from bot.transparency.figures import IkmMonth, PeriodFigures, ServiceIndex
from bot.transparency.rules import Change


@dataclass(frozen=True)
class Style:
    """What every public text needs besides the figures."""

    language: str
    office: Office
    zone: ZoneInfo
    day_length: timedelta
    page_url: str | None

    @property
    def min_count(self) -> int:
        return self.office.publication.min_count

    def share(self, value: float | None) -> str:
        return formatting.percent(self.language, value, 0)

    def count(self, value: int) -> str:
        return formatting.integer(self.language, value)

    def duration(self, seconds: int | None) -> str:
        if seconds is None:
            return "—"
        return formatting.working_duration(
            self.language, timedelta(seconds=seconds), self.day_length
        )

    def unit(self, code: str) -> str:
        return self.office.unit_label(code, self.language)

    def day(self, epoch: int) -> str:
        return plain_date(self.language, from_epoch(epoch).astimezone(self.zone).date())

    def period(self, period: Period) -> str:
        if period.label == "week":
            last = period.end - timedelta(days=1)
            return f"{plain_date(self.language, period.start)} – {plain_date(self.language, last)}"
        return period_label(self.language, period)

    def decimal(self, value: object) -> str:
        return formatting.number(self.language, float(value), 2)  # type: ignore[arg-type]

    def unsur(self, unsur: UnsurResult) -> str:
        return str(t(self.language, f"skm.{unsur.key}.name"))


def difference(style: Style, amount: float | None, *, points: bool = False) -> Markup | str:
    """ " (▲ 3)" against the period before; nothing when there is nothing to compare."""
    if amount is None:
        return ""
    if abs(amount) < 1e-9:
        return t(style.language, "tp.change.same")
    size = (
        formatting.number(style.language, abs(amount), 0)
        if points
        else style.count(int(abs(amount)))
    )
    if points:
        size = str(t(style.language, "tp.change.points", amount=size))
    return t(style.language, "tp.change.up" if amount > 0 else "tp.change.down", amount=size)


def week_post(style: Style, found: PeriodFigures) -> Markup:
    lang, office = style.language, found.office
    moved = found.change or Change(0, 0, None, None)
    compare = found.change is not None
    lines = [
        t(
            lang,
            "tp.week.title",
            office=style.office.office.name,
            period=style.period(found.period),
        ),
        t(lang, "tp.week.intro"),
        "",
        t(
            lang,
            "tp.week.received",
            count=style.count(office.received),
            change=difference(style, moved.received) if compare else "",
        ),
        t(
            lang,
            "tp.week.resolved",
            count=style.count(office.resolved),
            change=difference(style, moved.resolved) if compare else "",
        ),
        t(lang, "tp.week.ack_share", share=style.share(office.ack_share)),
        t(
            lang,
            "tp.week.resolve_share",
            share=style.share(office.resolve_share),
            change=difference(style, moved.resolve_share_points, points=True),
        ),
        t(lang, "tp.week.median", duration=style.duration(office.median_seconds)),
        "",
        t(lang, "tp.week.units"),
    ]
    for row in found.units:
        lines.append(
            t(
                lang,
                "tp.week.unit_line",
                unit=style.unit(row.unit_code),
                received=style.count(row.figures.received),
                resolved=style.count(row.figures.resolved),
                share=style.share(row.figures.resolve_share),
            )
        )
    lines += ["", t(lang, "tp.small_note", min=style.min_count)]
    if style.page_url:
        lines.append(t(lang, "tp.week.page", url=style.page_url))
    return join(lines)


def _service_lines(style: Style, item: ServiceIndex) -> list[Markup]:
    lang = style.language
    name = item.service.label(lang)
    if not item.shown:
        return [
            t(lang, "tp.month.too_few", service=name, respondents=style.count(item.respondents))
        ]
    sample = (
        ""
        if item.minimum_sample is None
        else t(lang, "tp.month.sample", sample=style.count(item.minimum_sample))
    )
    lines = [
        t(
            lang,
            "tp.month.service",
            service=name,
            converted=style.decimal(item.converted) if item.converted is not None else "—",
            mutu=item.grade.mutu if item.grade else "—",
            respondents=style.count(item.respondents),
            sample=sample,
        )
    ]
    if item.weakest is not None and item.weakest.converted is not None:
        lines.append(
            t(
                lang,
                "tp.month.weakest",
                unsur=style.unsur(item.weakest),
                value=style.decimal(item.weakest.converted),
            )
        )
    if item.followup is None:
        lines.append(t(lang, "tp.month.no_followup"))
    else:
        lines.append(
            t(
                lang,
                "tp.month.followup",
                text=item.followup.body,
                date=style.day(item.followup.recorded_at),
            )
        )
    return lines


def month_post(style: Style, found: IkmMonth) -> Markup:
    lang = style.language
    lines: list[str] = [
        t(
            lang,
            "tp.month.title",
            office=style.office.office.name,
            period=style.period(found.period),
        ),
        "",
    ]
    answered = [s for s in found.services if s.respondents > 0]
    if not answered:
        lines.append(t(lang, "tp.month.empty"))
    else:
        lines.append(t(lang, "tp.month.intro"))
        for item in answered:
            lines += _service_lines(style, item)
        lines.append("")
        if found.converted is not None and found.grade is not None:
            lines.append(
                t(
                    lang,
                    "tp.month.total",
                    converted=style.decimal(found.converted),
                    mutu=found.grade.mutu,
                    kinerja=t(lang, f"ikm.kinerja.{found.grade.kinerja}"),
                    respondents=style.count(found.respondents),
                )
            )
        else:
            lines.append(t(lang, "tp.month.total_few", respondents=style.count(found.respondents)))
    missing = [s.service.label(lang) for s in found.services if s.respondents == 0]
    if missing and answered:
        lines.append(t(lang, "tp.month.missing", services=", ".join(missing)))
    lines.append(t(lang, "tp.month.grades"))
    if style.page_url:
        lines.append(t(lang, "tp.month.page", url=style.page_url))
    return join(lines)
