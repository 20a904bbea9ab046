"""The public page: a self-contained static site (HTML, CSS and chart images, no
JavaScript) that the office hosts on its website.

``marelan-bot publish --out DIR`` writes it once; with ``PUBLIC_SITE_DIR`` set, the bot
writes it there every night at 02:30 WIB. It shows what the channel posts (last week,
last month), twelve months per unit, the IKM of last month per service with the weakest
unsur and the office's follow-up, the IKM history, and, when the office turns it on
(``[publication] resolved_list``), the recently resolved complaints with only what
:mod:`storage.transparency.figures` selects as publishable and the unit's public note.

Templates are Jinja2 with autoescaping (imported when a page is written, not with the
bot); every text comes from the catalog. Files are
replaced one by one atomically (written beside, then renamed), so a web server never
serves a half-written page; nothing else in ``DIR`` is touched.
"""

from __future__ import annotations

import html
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import markupsafe

from bot.core import formatting
from bot.core.catalog import t
from bot.core.periods import Period, month_period
from bot.core.scheduling import Nightly
from bot.reports import worker as report_worker
from bot.reports.charts import MONTHS_SHORT
from bot.reports.rules import digest_week, month_before
from bot.transparency.charts import IkmTrend, UnitTrend, render_ikm_trend, render_unit_trend
from bot.transparency.figures import (
    IkmMonth,
    PeriodFigures,
    ikm_history,
    ikm_month,
    last_months,
    period_figures,
    trend,
)
from bot.transparency.posts import style
from bot.transparency.render import Style
from storage.transparency import figures as public_figures
from storage.transparency import followups

if TYPE_CHECKING:
    from jinja2 import Environment

    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
RESOLVED_LIMIT = 200
NIGHTLY_AT = time(2, 30)
JOB_NAME = "public_site"
_TAGS = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Catalog HTML as plain text (for attributes and chart labels)."""
    return html.unescape(_TAGS.sub("", str(text)))


@dataclass(frozen=True)
class UnitTrendRows:
    code: str
    label: str
    image: str
    months: list[tuple[str, Any]]


@dataclass(frozen=True)
class SiteData:
    style: Style
    updated: datetime
    week: PeriodFigures | None
    month: PeriodFigures | None
    trend: list[PeriodFigures]
    ikm: IkmMonth | None
    history: list[IkmMonth]
    followup_lines: list[str]
    resolved: list[public_figures.ResolvedItem] | None
    bot_username: str | None


async def collect(
    runtime: Runtime, language: str | None = None, bot_username: str | None = None
) -> SiteData:
    """Everything the page shows, read now."""
    shown = style(runtime, language)
    now = runtime.clock.now()
    zone = runtime.settings.zone
    publication = runtime.office.publication
    months = last_months(now.astimezone(zone).date())
    week = month = ikm = None
    history: list[IkmMonth] = []
    rows: list[PeriodFigures] = []
    lines: list[str] = []
    if publication.aggregates:
        week = await period_figures(runtime, digest_week(now, zone))
        month = await period_figures(runtime, month_before(now, zone), compare=False)
        rows = await trend(runtime, months)
        ikm = await ikm_month(runtime, month_before(now, zone), followups_until=runtime.now())
        history = await ikm_history(runtime, months)
        lines = await _followup_lines(runtime, shown, months[0])
    resolved = None
    if publication.resolved_list:
        until = runtime.now()
        resolved = await public_figures.resolved_publicly(
            runtime.db, until - publication.resolved_list_days * 86400, until, RESOLVED_LIMIT
        )
    return SiteData(
        shown,
        now,
        week,
        month,
        rows,
        ikm,
        history,
        lines,
        resolved,
        bot_username or runtime.bot_username or None,
    )


async def _followup_lines(runtime: Runtime, shown: Style, since: Period) -> list[str]:
    lines = []
    for item in await followups.since(runtime.db, f"{since.start:%Y-%m}"):
        service = runtime.office.service(item.service_code)
        year, month = (int(part) for part in item.period_key.split("-"))
        unsur = (
            t(
                shown.language,
                "tp.followup.unsur",
                unsur=t(shown.language, f"skm.{item.unsur_key}.name"),
            )
            if item.unsur_key
            else ""
        )
        lines.append(
            plain(
                t(
                    shown.language,
                    "tp.page.followup_line",
                    service=service.label(shown.language) if service else item.service_code,
                    period=shown.period(month_period(year, month)),
                    unsur=unsur,
                    text=item.body,
                )
            )
        )
    return lines


def month_label(language: str, period: Period) -> str:
    return f"{MONTHS_SHORT[language][period.start.month - 1]} {period.start.year}"


# --- drawing and writing ------------------------------------------------------------------


def _unit_trends(data: SiteData) -> list[UnitTrendRows]:
    """Each unit's twelve months, with the chart file that draws them."""
    months = [month_label(data.style.language, f.period) for f in data.trend]
    units = []
    for code in [u.unit_code for u in data.trend[0].units] if data.trend else []:
        rows = [next(u.figures for u in f.units if u.unit_code == code) for f in data.trend]
        units.append(
            UnitTrendRows(
                code,
                data.style.unit(code),
                f"img/trend-{code.lower()}.png",
                list(zip(months, rows, strict=True)),
            )
        )
    return units


def _charts(data: SiteData) -> dict[str, bytes]:
    """Chart files by name: one per unit, one for the IKM (run in the report thread)."""
    lang = data.style.language
    received, resolved, on_time, count = (
        plain(t(lang, f"tp.chart.{k}")) for k in ("received", "resolved", "on_time", "count")
    )
    months = [month_label(lang, f.period) for f in data.trend]
    files = {}
    for unit in _unit_trends(data):
        rows = [figures for _, figures in unit.months]
        files[unit.image] = render_unit_trend(
            UnitTrend(
                unit.label,
                months,
                [r.received for r in rows],
                [r.resolved for r in rows],
                [r.resolve_share for r in rows],
                (received, resolved, on_time, count),
            )
        )
    if data.history:
        files["img/ikm.png"] = render_ikm_trend(
            IkmTrend(
                plain(t(lang, "tp.page.ikm_history")),
                months,
                [float(m.converted) if m.converted is not None else None for m in data.history],
                plain(t(lang, "tp.chart.ikm")),
            )
        )
    return files


def _environment(data: SiteData) -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("bot.transparency", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=False,
    )
    lang = data.style.language

    def text(key: str, **values: object) -> markupsafe.Markup:
        return markupsafe.Markup(str(t(lang, key, **values)))

    def signed(amount: int) -> str:
        return f"+{data.style.count(amount)}" if amount > 0 else data.style.count(amount)

    def points(amount: float | None) -> str:
        if amount is None:
            return "—"
        size = formatting.number(lang, amount, 0)
        return plain(t(lang, "tp.change.points", amount=f"+{size}" if amount > 0 else size))

    environment.globals.update(
        t=text,
        plain=lambda key, **values: plain(t(lang, key, **values)),
        s=data.style,
        signed=signed,
        points=points,
    )
    return environment


def render_page(data: SiteData) -> str:
    lang = data.style.language
    months = [month_label(lang, f.period) for f in data.trend]
    units = _unit_trends(data)
    history = list(zip(months, data.history, strict=True)) if data.history else []
    zone: ZoneInfo = data.style.zone
    return (
        _environment(data)
        .get_template("index.html")
        .render(
            office_name=data.style.office.office.name,
            updated=formatting.moment(lang, data.updated, zone),
            week=data.week,
            month=data.month,
            trend_units=units,
            ikm=data.ikm,
            ikm_history=history,
            ikm_image="img/ikm.png",
            followups=data.followup_lines,
            first_month=months[0] if months else "",
            last_month=months[-1] if months else "",
            resolved=data.resolved,
            resolved_days=data.style.office.publication.resolved_list_days,
            bot_link=f"https://t.me/{data.bot_username}" if data.bot_username else None,
            bot_name=f"@{data.bot_username}" if data.bot_username else "",
        )
    )


def _stylesheet() -> bytes:
    from jinja2 import Environment, PackageLoader

    loader = PackageLoader("bot.transparency", "templates")
    source, _, _ = loader.get_source(Environment(), "style.css")
    return source.encode("utf-8")


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_all(out: Path, files: dict[str, bytes]) -> list[Path]:
    for name, content in files.items():
        _write_atomically(out / name, content)
    return [out / name for name in files]


async def write_site(
    runtime: Runtime, out: Path, language: str | None = None, bot_username: str | None = None
) -> list[Path]:
    """Write the page into ``out``; returns the files written."""
    data = await collect(runtime, language, bot_username)
    charts = await report_worker.run_heavy(_charts, data)
    files = {"index.html": render_page(data).encode("utf-8"), "style.css": _stylesheet(), **charts}
    written = await report_worker.run(_write_all, out, files)
    log.info("public page written to %s (%d files)", out, len(written))
    return written


# --- the nightly job ----------------------------------------------------------------------


async def _nightly(runtime: Runtime) -> None:
    """Nightly, when ``PUBLIC_SITE_DIR`` is set. Rewriting later loses nothing, so a night
    missed while the bot was down is simply done the next night."""
    assert runtime.settings.public_site_dir is not None
    try:
        await write_site(runtime, runtime.settings.public_site_dir)
    except Exception:  # a full disk must not stop the next nights
        log.exception("writing the public page failed")


def _wanted(runtime: Runtime) -> bool:
    return runtime.settings.public_site_dir is not None


NIGHTLY = Nightly(JOB_NAME, NIGHTLY_AT, _nightly, enabled=_wanted)
on_start = NIGHTLY.on_start
