"""The weekly chart as a PNG: complaints per week stacked by unit, with the share
resolved on time as a line.

Matplotlib draws with the Agg backend on a figure of its own (no pyplot, no global
state), so :func:`render_weekly` may run in a worker thread while the event loop keeps
answering others; callers use ``await report_worker.run(render_weekly, chart)``. Made for a
phone screen: large fonts, a legend under the plot, at most eight colours (the
colour-blind-safe Okabe-Ito palette; beyond seven units the smallest are summed up).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

MAX_COLOURS = 8
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
LINE_COLOUR = "#000000"
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


@dataclass(frozen=True)
class Stack:
    label: str
    counts: list[int]  # one per week


@dataclass(frozen=True)
class WeeklyChart:
    """Plain-text labels (not HTML) and the numbers to draw."""

    language: str
    title: str
    subtitle: str
    weeks: list[date]  # Mondays
    stacks: list[Stack]
    on_time: list[float | None]  # share resolved on time per week, None: nothing resolved
    y_count: str
    y_share: str
    on_time_label: str
    other_label: str
    x_label: str


def limit_stacks(stacks: list[Stack], other_label: str, colours: int = MAX_COLOURS) -> list[Stack]:
    """At most ``colours`` stacks: the biggest keep their colour, the rest become one."""
    if len(stacks) <= colours:
        return stacks
    ranked = sorted(stacks, key=lambda s: -sum(s.counts))
    kept, rest = ranked[: colours - 1], ranked[colours - 1 :]
    other = Stack(
        other_label, [sum(values) for values in zip(*(s.counts for s in rest), strict=True)]
    )
    return [s for s in stacks if s in kept] + [other]


def week_label(language: str, monday: date) -> str:
    return f"{monday.day} {MONTHS_SHORT[language][monday.month - 1]}"


def _ticks(count: int) -> list[int]:
    """Label every week while they fit, else every n-th (about ten labels)."""
    step = max(1, -(-count // 10))
    return list(range(0, count, step))


def render_weekly(chart: WeeklyChart) -> bytes:
    """Draw the chart; returns PNG bytes. CPU-bound: call it in a worker thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    stacks = limit_stacks(chart.stacks, chart.other_label)
    figure = Figure(figsize=(10, 10), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(chart.weeks)))
    bottom = [0] * len(positions)
    for colour, stack in zip(PALETTE, stacks, strict=False):
        axes.bar(positions, stack.counts, bottom=bottom, width=0.8, color=colour, label=stack.label)
        bottom = [b + c for b, c in zip(bottom, stack.counts, strict=True)]
    axes.set_ylabel(chart.y_count, fontsize=20)
    axes.set_xlabel(chart.x_label, fontsize=18)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if not any(bottom):
        axes.set_ylim(0, 1)
    ticks = _ticks(len(positions))
    axes.set_xticks(
        ticks, [week_label(chart.language, chart.weeks[i]) for i in ticks], rotation=45, ha="right"
    )
    axes.tick_params(labelsize=17)
    share_axes = axes.twinx()
    points = [(x, s * 100) for x, s in zip(positions, chart.on_time, strict=True) if s is not None]
    share_axes.plot(
        [p[0] for p in points],
        [p[1] for p in points],
        color=LINE_COLOUR,
        linewidth=3.5,
        marker="o",
        markersize=8,
        label=chart.on_time_label,
    )
    share_axes.set_ylim(0, 105)
    share_axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    share_axes.set_ylabel(chart.y_share, fontsize=20)
    share_axes.tick_params(labelsize=17)
    axes.set_xlim(-0.6, len(positions) - 0.4)
    figure.suptitle(chart.title, fontsize=28, fontweight="bold")
    axes.set_title(chart.subtitle, fontsize=20)
    handles, labels = axes.get_legend_handles_labels()
    line_handles, line_labels = share_axes.get_legend_handles_labels()
    figure.legend(
        handles + line_handles,
        labels + line_labels,
        loc="outside lower center",
        ncols=2,
        fontsize=17,
        frameon=False,
    )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
