"""The public page's charts as PNG: twelve months of one unit's complaints, and twelve
months of the office's IKM.

Drawn like :mod:`bot.charts` (Agg on a figure of its own, so it may run in the report
thread), with the colour-blind-safe Okabe-Ito colours and large type for phones. Every
chart repeats figures that the page also shows in a table, which is what screen readers
and people who cannot read charts use; a hidden value (small numbers) is simply not drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

RECEIVED, RESOLVED, LINE = "#0072B2", "#E69F00", "#000000"
GRADE_LINES = ((88.31, "A"), (76.61, "B"), (65.0, "C"))


@dataclass(frozen=True)
class UnitTrend:
    """Plain-text labels and the numbers of one unit's months."""

    title: str
    months: list[str]
    received: list[int]
    resolved: list[int]
    on_time: list[float | None]  # share resolved on time, None: hidden or no data
    labels: tuple[str, str, str, str]  # received, resolved, on time (%), y axis


@dataclass(frozen=True)
class IkmTrend:
    title: str
    months: list[str]
    values: list[float | None]  # converted IKM, None: hidden or no data
    y_label: str


def _figure(width: float = 6.4, height: float = 4.8) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def render_unit_trend(chart: UnitTrend) -> bytes:
    """Bars of received and resolved per month, the on-time share as a line."""
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    figure = _figure()
    axes = figure.add_subplot()
    positions = list(range(len(chart.months)))
    axes.bar(
        [p - 0.2 for p in positions],
        chart.received,
        width=0.4,
        color=RECEIVED,
        label=chart.labels[0],
    )
    axes.bar(
        [p + 0.2 for p in positions],
        chart.resolved,
        width=0.4,
        color=RESOLVED,
        label=chart.labels[1],
    )
    axes.set_ylabel(chart.labels[3], fontsize=15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if not any(chart.received) and not any(chart.resolved):
        axes.set_ylim(0, 1)
    axes.set_xticks(positions, chart.months, rotation=45, ha="right")
    axes.tick_params(labelsize=13)
    share_axes = axes.twinx()
    points = [(x, s * 100) for x, s in zip(positions, chart.on_time, strict=True) if s is not None]
    share_axes.plot(
        [p[0] for p in points],
        [p[1] for p in points],
        color=LINE,
        linewidth=2.5,
        marker="o",
        label=chart.labels[2],
    )
    share_axes.set_ylim(0, 105)
    share_axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    share_axes.tick_params(labelsize=13)
    figure.suptitle(chart.title, fontsize=18, fontweight="bold")
    handles, labels = axes.get_legend_handles_labels()
    line_handles, line_labels = share_axes.get_legend_handles_labels()
    figure.legend(
        handles + line_handles,
        labels + line_labels,
        loc="outside lower center",
        ncols=3,
        fontsize=13,
        frameon=False,
    )
    return _png(figure)


def render_ikm_trend(chart: IkmTrend) -> bytes:
    """The office's converted IKM per month, with the grade thresholds as dashed lines."""
    figure = _figure(6.4, 4.4)
    axes = figure.add_subplot()
    positions = list(range(len(chart.months)))
    points = [(x, v) for x, v in zip(positions, chart.values, strict=True) if v is not None]
    axes.plot(
        [p[0] for p in points], [p[1] for p in points], color=RECEIVED, linewidth=2.5, marker="o"
    )
    for value, letter in GRADE_LINES:
        axes.axhline(value, color="#999999", linewidth=1, linestyle="--")
        axes.text(-0.4, value + 0.8, letter, fontsize=13, color="#555555")
    axes.set_ylim(25, 100)
    axes.set_xlim(-0.5, len(positions) - 0.5)
    axes.set_xticks(positions, chart.months, rotation=45, ha="right")
    axes.set_ylabel(chart.y_label, fontsize=15)
    axes.tick_params(labelsize=13)
    figure.suptitle(chart.title, fontsize=18, fontweight="bold")
    return _png(figure)
