"""Numbers, money, dates and durations the way each language writes them.

Indonesian: 91,48 · Rp 1.250.000 · Kamis, 26 November 2026 pukul 09.00 WIB.
English:    91.48 · Rp 1,250,000 · Thursday 26 November 2026, 09:00 WIB.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def number(language: str, value: float, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    if language == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def integer(language: str, value: int) -> str:
    return number(language, value, 0)


def rupiah(language: str, value: int) -> str:
    return f"Rp {integer(language, value)}"


def percent(language: str, share: float | None, decimals: int = 1) -> str:
    return "—" if share is None else f"{number(language, share * 100, decimals)}%"


def zone_label(zone: ZoneInfo) -> str:
    return ZONE_LABELS.get(zone.key, zone.key)


def day(language: str, value: date) -> str:
    weekday = DAYS[language][value.weekday()]
    month = MONTHS[language][value.month - 1]
    if language == "id":
        return f"{weekday}, {value.day} {month} {value.year}"
    return f"{weekday} {value.day} {month} {value.year}"


def moment(language: str, value: datetime, zone: ZoneInfo) -> str:
    local = value.astimezone(zone)
    if language == "id":
        return f"{day(language, local.date())} pukul {local:%H.%M} {zone_label(zone)}"
    return f"{day(language, local.date())}, {local:%H:%M} {zone_label(zone)}"


def short_moment(language: str, value: datetime, zone: ZoneInfo) -> str:
    """Compact form for lists and timelines: 26-11-2026 09.00."""
    local = value.astimezone(zone)
    return f"{local:%d-%m-%Y} {local:%H.%M}" if language == "id" else f"{local:%d-%m-%Y %H:%M}"


def working_duration(language: str, span: timedelta, day_length: timedelta) -> str:
    """'2 hari kerja 3 jam' / '2 working days 3 h' (hours rounded, minutes when short)."""
    days, rest = divmod(span, day_length)
    hours = round(rest.total_seconds() / 3600)
    if hours * 3600 >= day_length.total_seconds():
        days, hours = days + 1, 0
    parts = []
    if days:
        parts.append(
            f"{days} hari kerja"
            if language == "id"
            else f"{days} working day{'s' if days > 1 else ''}"
        )
    if hours or not days:
        if not days and span < timedelta(hours=1):
            minutes = max(1, round(span.total_seconds() / 60))
            parts.append(f"{minutes} menit" if language == "id" else f"{minutes} min")
        else:
            parts.append(f"{hours} jam" if language == "id" else f"{hours} h")
    return " ".join(parts)
