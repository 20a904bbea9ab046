"""The stored values and the ``domain`` enums name the same sets.

The enums are what the code writes and reads; the schema decides what a row may hold. A
member added without a migration (the INSERT would fail in production), a CHECK widened
without a member (a row the code cannot read), or a typo in a value written into SQL text
(a query that silently matches nothing) fails here, without a database of real data.
"""

from __future__ import annotations

import re
import sqlite3
from enum import StrEnum
from pathlib import Path

import pytest

from bot.core.catalog import CATALOG, LANGUAGES
from bot.survey.rules import UNSUR_KEYS
from domain import activities, complaints, core, people, reports, survey, transparency
from storage.core.migrate import available

ROOT = Path(__file__).resolve().parent.parent

#: Every column the schema restricts with ``CHECK (column IN (...))``, and its values.
CHECKED: dict[tuple[str, str], frozenset[str]] = {
    ("complaints", "status"): frozenset(complaints.Status),
    ("complaint_attachments", "kind"): frozenset(complaints.AttachmentKind),
    ("complaint_checks", "kind"): frozenset(complaints.CheckKind),
    ("complaint_checks", "state"): frozenset(complaints.CheckState),
    ("activities", "kind"): frozenset(activities.Kind),
    ("activities", "status"): frozenset(activities.ActivityStatus),
    ("activity_invitations", "source"): frozenset(activities.InvitationSource),
    ("activity_invitations", "response"): frozenset(activities.Response),
    ("activity_reminders", "kind"): frozenset(activities.ReminderKind),
    ("activity_reminders", "state"): frozenset(activities.ReminderState),
    ("jp_nudges", "state"): frozenset(activities.NudgeState),
    ("outbox", "state"): frozenset(core.OutboxState),
    ("people", "role"): frozenset(people.Role),
    ("invites", "role"): frozenset(people.Role) - {people.Role.CITIZEN},  # never invited
    ("people", "language"): frozenset(LANGUAGES),
    ("digest_runs", "state"): frozenset(reports.DigestState),
    ("public_post_holds", "state"): frozenset(transparency.HoldState),
    ("survey_responses", "source"): frozenset(survey.Source),
    ("survey_answers", "unsur"): frozenset(UNSUR_KEYS),
}

#: Columns SQL text compares with literal values (e.g. ``status NOT IN ('selesai',
#: 'ditutup')``, kept literal so that SQLite can use the partial indexes), by column name:
#: the members of every enum stored in a column of that name.
COMPARED: dict[str, frozenset[str]] = {
    name: frozenset().union(*(v for (_, column), v in CHECKED.items() if column == name))
    for name in ("status", "state", "response", "source", "role")
}

_CHECK = re.compile(r"\bCHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)", re.IGNORECASE)
_LITERAL = re.compile(r"'([^']*)'")
_EQUALS = re.compile(
    r"\b(status|state|response|source|role)\s*(?:=|<>|!=)\s*'([^']*)'", re.IGNORECASE
)
_IN = re.compile(
    r"\b(status|state|response|source|role)\s+(?:NOT\s+)?IN\s*\(\s*('[^)]*)\)", re.IGNORECASE
)


@pytest.fixture(scope="module")
def schema() -> dict[str, str]:
    """The CREATE statement of every table and index after all migrations."""
    connection = sqlite3.connect(":memory:")
    for migration in available():
        connection.executescript(migration.sql)
    rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    return dict(rows.fetchall())


def _checks(schema: dict[str, str]) -> dict[tuple[str, str], frozenset[str]]:
    found = {}
    for table, sql in schema.items():
        for column, values in _CHECK.findall(sql):
            found[(table, column)] = frozenset(_LITERAL.findall(values))
    return found


def test_every_check_constraint_holds_exactly_the_enum_members(schema: dict[str, str]) -> None:
    assert _checks(schema) == CHECKED


def _compared(text: str) -> set[tuple[str, str]]:
    """(column, value) of every literal comparison in SQL text."""
    found = {(column.lower(), value) for column, value in _EQUALS.findall(text)}
    for column, values in _IN.findall(text):
        found |= {(column.lower(), value) for value in _LITERAL.findall(values)}
    return found


def test_values_written_into_sql_text_are_enum_members(schema: dict[str, str]) -> None:
    texts = {name: sql for name, sql in schema.items()}  # partial indexes' WHERE clauses
    for path in sorted((ROOT / "storage").rglob("*.py")):
        texts[str(path.relative_to(ROOT))] = path.read_text("utf-8")
    unknown = {
        (where, column, value)
        for where, text in texts.items()
        for column, value in _compared(text)
        if value not in COMPARED[column]
    }
    assert unknown == set()
    # The scan sees the comparisons it is meant to check (it cannot pass by finding none).
    everything = set().union(*(_compared(text) for text in texts.values()))
    assert {("status", "menunggu_warga"), ("state", "pending"), ("response", "yes")} <= everything
    assert {("role", "citizen"), ("source", "invited"), ("status", "terjadwal")} <= everything


def test_a_misspelt_value_in_sql_text_would_be_found() -> None:
    assert _compared("WHERE status NOT IN ('selesai', 'ditutp') AND state = 'pendig'") == {
        ("status", "selesai"),
        ("status", "ditutp"),
        ("state", "pendig"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_complaint_event_kind_has_its_line_in_the_staff_timeline(language: str) -> None:
    missing = {
        kind for kind in complaints.EventKind if f"ticket.event.{kind}" not in CATALOG[language]
    }
    assert missing == set()


def test_enum_values_are_the_stored_strings() -> None:
    """A member is its value: it binds, compares and serialises as the stored text."""
    enums: list[type[StrEnum]] = [
        complaints.Status,
        complaints.EventKind,
        complaints.CheckKind,
        activities.Kind,
        activities.EventKind,
        people.Role,
    ]
    for enum in enums:
        for member in enum:
            assert member == member.value and f"{member}" == member.value
            assert re.fullmatch(r"[a-z_]+", member.value)
