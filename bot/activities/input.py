"""Reading what organisers type in the guided flows: dates and times, durations, Rupiah.

Pure functions (no Telegram, no storage) so every accepted and refused form is unit-tested.
Each parser raises :class:`InputError` with a ``reason`` that names a catalog text, so the
flow can explain what was wrong and ask again without losing the draft.

Dates: ``2026-12-05 09:00``, ``5/12 09.00``, ``5/12/2026 9:00``, ``5 Des 09:00``,
``Sabtu, 5 Desember 2026 pukul 09.00 WIB``, ``Dec 5 9:00``, ``besok 09:00``. A date
without a year is this year's, and refused as past when that has gone by (the organiser
mistyped, or thinks of last week); only a date more than a month past is taken as next
year's, and the flow then says which year it took. Durations: ``90``, ``90m``, ``90 menit``, ``2j``,
``2 jam``, ``2h``, ``1,5 jam``, ``2j30``. Rupiah: ``1.500.000``, ``1500000``,
``Rp 1.500.000,00``, ``Rp 1,5 juta``, ``750rb``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "jan", "january"),
        ("februari", "feb", "peb", "pebruari", "february"),
        ("maret", "mar", "march"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "agus", "aug", "august"),
        ("september", "sep", "sept"),
        ("oktober", "okt", "oct", "october"),
        ("november", "nov", "nop", "nopember"),
        ("desember", "des", "dec", "december"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAY_WORDS = (
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "sen",
    "sel",
    "rab",
    "kam",
    "jum",
    "sab",
    "min",
)
RELATIVE_DAYS = {"hari ini": 0, "today": 0, "besok": 1, "tomorrow": 1, "lusa": 2}
FILLER = re.compile(r"\b(pukul|jam|pkl|at|tanggal|tgl|on)\b\.?")
TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
DATE_FORMS = (
    re.compile(rf"^(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?:t|\s+){TIME}$"),
    re.compile(
        rf"^(?P<day>\d{{1,2}})[/\-](?P<month>\d{{1,2}})(?:[/\-](?P<year>\d{{2}}|\d{{4}}))?\s+{TIME}$"
    ),
    re.compile(
        rf"^(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})(?:\.(?P<year>\d{{2}}|\d{{4}}))?\s+{TIME}$"
    ),
    re.compile(rf"^(?P<day>\d{{1,2}})\s*(?P<name>[a-z]+)\.?\s*(?P<year>\d{{4}})?\s+{TIME}$"),
    re.compile(
        rf"^(?P<name>[a-z]+)\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<year>\d{{4}}))?"
        rf"\s+{TIME}$"
    ),
)
#: How far ahead an activity may be planned; further is almost always a typo in the year.
MAX_AHEAD = timedelta(days=2 * 366)
#: A date without a year that passed less than this long ago is a mistake, not next year.
RECENT_PAST = timedelta(days=31)

MIN_MINUTES = 15
MAX_MINUTES = 3 * 24 * 60
MAX_RUPIAH = 100_000_000_000
MAX_JP = 200


@dataclass
class InputError(ValueError):
    """Unusable input. ``reason`` picks the explanation (``when.format``, ``when.past``...);
    ``values`` fill its placeholders."""

    reason: str
    values: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.reason


# --- dates and times ---------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"\bwib\b\.?$", "", text).strip()
    for word in sorted(WEEKDAY_WORDS, key=len, reverse=True):
        if re.match(rf"^{re.escape(word)}\b[,.]?\s+", text):
            text = re.sub(rf"^{re.escape(word)}\b[,.]?\s+", "", text)
            break
    text = FILLER.sub(" ", text)
    text = text.replace(",", " ")
    return re.sub(r"\s+", " ", text).strip()


def _clock_time(hour: str, minute: str) -> time:
    h, m = int(hour), int(minute)
    if h > 23 or m > 59:
        raise InputError("when.time", {"time": f"{hour}:{minute}"})
    return time(h, m)


def _relative(text: str, now: datetime) -> tuple[date, time] | None:
    for word, days in RELATIVE_DAYS.items():
        match = re.fullmatch(rf"{word}\s+{TIME}", text)
        if match:
            return now.date() + timedelta(days=days), _clock_time(
                match.group("hour"), match.group("minute")
            )
    return None


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _month(match: re.Match[str]) -> int:
    name = match.groupdict().get("name")
    if name is not None:
        if name not in MONTHS:
            raise InputError("when.month", {"word": name})
        return MONTHS[name]
    return int(match.group("month"))


def _candidate(year: int, month: int, day: int, at: time, zone: ZoneInfo) -> datetime | None:
    try:
        return datetime.combine(date(year, month, day), at, zone)
    except ValueError:
        return None


@dataclass(frozen=True)
class When:
    """A start time read from what an organiser typed."""

    moment: datetime  # aware, in the office zone
    assumed_year: int | None = None  # set when the year was not typed and we chose it


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> When:
    """A future local date and time (aware, in ``zone``) from what an organiser typed.

    Without a year, this year is meant; a date that passed at most :data:`RECENT_PAST`
    ago is refused as past (``9 Des`` typed on 10 December is a mistake, not next
    December), one that passed longer ago is next year's (``5 Jan`` typed in December),
    reported in ``assumed_year``. Raises :class:`InputError` saying what was wrong."""
    local_now = now.astimezone(zone)
    cleaned = _normalise(text)
    relative = _relative(cleaned, local_now)
    if relative is not None:
        on, at = relative
        return When(_check_future(datetime.combine(on, at, zone), local_now))
    for form in DATE_FORMS:
        match = form.fullmatch(cleaned)
        if match:
            break
    else:
        raise InputError("when.format")
    at = _clock_time(match.group("hour"), match.group("minute"))
    month, day = _month(match), int(match.group("day"))
    if not 1 <= month <= 12:
        raise InputError("when.date")
    year = _year(match.group("year"))
    if year is not None:
        moment = _candidate(year, month, day, at, zone)
        if moment is None:
            raise InputError("when.date")
        return When(_check_future(moment, local_now))
    return _without_year(month, day, at, local_now, zone)


def _without_year(month: int, day: int, at: time, now: datetime, zone: ZoneInfo) -> When:
    this_year = _candidate(now.year, month, day, at, zone)
    if this_year is not None and (this_year > now or now - this_year <= RECENT_PAST):
        return When(_check_future(this_year, now))
    for offset in range(1, 5):  # 29 February may be four years away
        moment = _candidate(now.year + offset, month, day, at, zone)
        if moment is not None:
            return When(_check_future(moment, now), assumed_year=moment.year)
    raise InputError("when.date")


def _check_future(moment: datetime, now: datetime) -> datetime:
    if moment <= now:
        raise InputError("when.past", {"when": moment})
    if moment - now > MAX_AHEAD:
        raise InputError("when.too_far")
    return moment


# --- durations ---------------------------------------------------------------------------

_HOURS = r"(?:j|jam|h|hr|hrs|hour|hours)"
_MINUTES = r"(?:m|mnt|menit|min|mins|minute|minutes)"
DURATION = re.compile(
    rf"^(?:(?P<hours>\d+(?:[.,]\d+)?)\s*{_HOURS})?\s*(?:(?P<minutes>\d+)\s*(?P<unit>{_MINUTES})?)?$"
)


def parse_duration(text: str) -> int:
    """Minutes from ``90``, ``90m``, ``2j``, ``2 jam``, ``2h``, ``1,5 jam``, ``2j30``."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    match = DURATION.fullmatch(cleaned)
    if not cleaned or match is None or not (match.group("hours") or match.group("minutes")):
        raise InputError("duration.format")
    if match.group("hours") is None and match.group("minutes") is not None:
        total = float(match.group("minutes"))
    else:
        total = float(match.group("hours").replace(",", ".")) * 60
        total += float(match.group("minutes") or 0)
    minutes = round(total)
    if minutes < MIN_MINUTES or minutes > MAX_MINUTES:
        raise InputError("duration.range", {"min": MIN_MINUTES, "max": MAX_MINUTES // 60})
    return minutes


# --- money and JP ------------------------------------------------------------------------

_MULTIPLIERS = {"juta": 1_000_000, "jt": 1_000_000, "ribu": 1_000, "rb": 1_000, "k": 1_000}
_GROUPED = re.compile(r"^\d{1,3}(?:(?P<sep>[.,])\d{3})(?:(?P=sep)\d{3})*$")


def _plain_amount(number: str) -> int:
    """``1500000``, ``1.500.000``, ``1,500,000``, ``1.500.000,00`` -> whole Rupiah."""
    cents = re.fullmatch(r"(.+?)[.,](\d{2})", number)
    if cents and not _GROUPED.fullmatch(number):
        if int(cents.group(2)) != 0:
            raise InputError("rupiah.format")
        number = cents.group(1)
    if re.fullmatch(r"\d+", number):
        return int(number)
    if _GROUPED.fullmatch(number):
        return int(re.sub(r"[.,]", "", number))
    raise InputError("rupiah.format")


def parse_rupiah(text: str) -> int:
    """Whole Rupiah from ``1.500.000``, ``1500000``, ``Rp 1,5 juta``, ``750rb``."""
    cleaned = re.sub(r"\s+", "", text.strip().lower())
    cleaned = re.sub(r"^rp\.?", "", cleaned).removesuffix(",-").removesuffix(".-")
    multiplier = 1
    for word, factor in _MULTIPLIERS.items():
        if cleaned.endswith(word) and cleaned[: -len(word)]:
            cleaned, multiplier = cleaned[: -len(word)], factor
            break
    if not cleaned:
        raise InputError("rupiah.format")
    if multiplier == 1:
        amount = _plain_amount(cleaned)
    else:
        if not re.fullmatch(r"\d+(?:[.,]\d+)?", cleaned):
            raise InputError("rupiah.format")
        amount = round(float(cleaned.replace(",", ".")) * multiplier)
    if amount > MAX_RUPIAH:
        raise InputError("rupiah.range")
    return amount


def parse_jp(text: str) -> int:
    """A whole number of JP (``6`` or ``6 JP``)."""
    match = re.fullmatch(r"(\d{1,3})\s*(?:jp)?", text.strip().lower())
    if match is None:
        raise InputError("jp.format")
    value = int(match.group(1))
    if value > MAX_JP:
        raise InputError("jp.range", {"max": MAX_JP})
    return value


TITLE_MIN, TITLE_MAX = 5, 120
PLACE_MIN, PLACE_MAX = 3, 200


def clean_title(text: str) -> str:
    title = re.sub(r"\s+", " ", text.strip())
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise InputError("title.length", {"min": TITLE_MIN, "max": TITLE_MAX})
    return title


def clean_place(text: str) -> str:
    place = re.sub(r"\s+", " ", text.strip())
    if not PLACE_MIN <= len(place) <= PLACE_MAX:
        raise InputError("place.length", {"min": PLACE_MIN, "max": PLACE_MAX})
    return place
