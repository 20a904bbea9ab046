"""People who talked to the bot: their names, language, role and unit."""

from __future__ import annotations

from dataclasses import dataclass

from domain.people import Role
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Person:
    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: str
    role: Role
    unit_code: str | None
    reachable: bool
    started_at: int | None
    privacy_accepted_at: int | None = None
    erased_at: int | None = None  # the person erased their data (/hapusdata)
    unreachable_since: int | None = None  # when the bot last lost the way to them

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


COLUMNS = (
    "telegram_id, first_name, last_name, username, language, role, unit_code, reachable, "
    "started_at, privacy_accepted_at, erased_at, unreachable_since"
)


def _person(row: Row) -> Person:
    return Person(
        telegram_id=row["telegram_id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        username=row["username"],
        language=row["language"],
        role=Role(row["role"]),
        unit_code=row["unit_code"],
        reachable=bool(row["reachable"]),
        started_at=row["started_at"],
        privacy_accepted_at=row["privacy_accepted_at"],
        erased_at=row["erased_at"],
        unreachable_since=row["unreachable_since"],
    )


async def get(db: Reader, telegram_id: int) -> Person | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM people WHERE telegram_id = ?", (telegram_id,))
    return _person(row) if row else None


async def upsert_seen(
    tx: Tx,
    telegram_id: int,
    first_name: str,
    last_name: str | None,
    username: str | None,
    language: str,
    now: int,
    started: bool,
) -> Person:
    """Record that a person acted; keeps names current and, for a private message, notes
    that the bot may now write to them."""
    row = await tx.fetchone(
        f"""
        INSERT INTO people (telegram_id, first_name, last_name, username, language,
                            reachable, started_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (telegram_id) DO UPDATE SET
            first_name = excluded.first_name,
            last_name = excluded.last_name,
            username = excluded.username,
            reachable = CASE WHEN ? = 1 THEN 1 ELSE people.reachable END,
            unreachable_since = CASE WHEN ? = 1 THEN NULL ELSE people.unreachable_since END,
            started_at = COALESCE(people.started_at, excluded.started_at),
            updated_at = excluded.updated_at
        RETURNING {COLUMNS}
        """,
        (
            telegram_id,
            first_name,
            last_name,
            username,
            language,
            int(started),
            now if started else None,
            now,
            now,
            int(started),
            int(started),
        ),
    )
    assert row is not None
    return _person(row)


async def set_language(tx: Tx, telegram_id: int, language: str, now: int) -> None:
    await tx.execute(
        "UPDATE people SET language = ?, updated_at = ? WHERE telegram_id = ?",
        (language, now, telegram_id),
    )


async def set_role(tx: Tx, telegram_id: int, role: Role, unit_code: str | None, now: int) -> None:
    await tx.execute(
        "UPDATE people SET role = ?, unit_code = ?, updated_at = ? WHERE telegram_id = ?",
        (role, unit_code, now, telegram_id),
    )


async def set_reachable(tx: Tx, telegram_id: int, reachable: bool, now: int) -> None:
    await tx.execute(
        """UPDATE people SET reachable = ?, updated_at = ?,
               unreachable_since = CASE WHEN ? = 1 THEN NULL
                                        ELSE COALESCE(unreachable_since, ?) END
           WHERE telegram_id = ?""",
        (int(reachable), now, int(reachable), now, telegram_id),
    )


async def staff(db: Reader) -> list[Person]:
    """Everyone with a role other than citizen, by unit then name."""
    rows = await db.fetchall(
        f"""SELECT {COLUMNS} FROM people WHERE role <> 'citizen'
            ORDER BY unit_code IS NULL, unit_code, role, first_name"""
    )
    return [_person(r) for r in rows]


async def with_roles(
    db: Reader, roles: tuple[Role, ...], unit_code: str | None = None
) -> list[Person]:
    marks = ",".join("?" * len(roles))
    sql = f"SELECT {COLUMNS} FROM people WHERE role IN ({marks})"
    params: list[object] = list(roles)
    if unit_code is not None:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    rows = await db.fetchall(sql + " ORDER BY first_name, telegram_id", params)
    return [_person(r) for r in rows]


async def receivers(
    db: Reader, roles: tuple[Role, ...], ids: frozenset[int] = frozenset()
) -> list[Person]:
    """People holding one of ``roles`` (or whose id is in ``ids``) whom the bot can write
    to in private: they started it and have not blocked it."""
    role_marks = ",".join("?" * len(roles))
    id_marks = ",".join("?" * len(ids)) or "NULL"
    rows = await db.fetchall(
        f"""SELECT {COLUMNS} FROM people
            WHERE (role IN ({role_marks}) OR telegram_id IN ({id_marks}))
              AND reachable = 1 AND started_at IS NOT NULL
            ORDER BY first_name, telegram_id""",
        (*roles, *sorted(ids)),
    )
    return [_person(r) for r in rows]


async def accept_privacy(tx: Tx, telegram_id: int, now: int) -> None:
    await tx.execute(
        "UPDATE people SET privacy_accepted_at = COALESCE(privacy_accepted_at, ?), "
        "updated_at = ? WHERE telegram_id = ?",
        (now, now, telegram_id),
    )
