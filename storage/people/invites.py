"""One-time invitation links. Only a hash of each token is stored, so a copy of the
database cannot be used to register as staff."""

from __future__ import annotations

from dataclasses import dataclass

from domain.people import Role
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Invite:
    role: Role
    unit_code: str | None
    created_by: int
    expires_at: int


def _invite(row: Row) -> Invite:
    return Invite(Role(row["role"]), row["unit_code"], row["created_by"], row["expires_at"])


async def create(
    tx: Tx,
    token_hash: str,
    role: Role,
    unit_code: str | None,
    created_by: int,
    now: int,
    expires_at: int,
) -> None:
    await tx.execute(
        """INSERT INTO invites (token_hash, role, unit_code, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (token_hash, role, unit_code, created_by, now, expires_at),
    )


async def usable(db: Reader, token_hash: str, now: int) -> Invite | None:
    """The invite behind a token if it is unused and unexpired (not yet redeemed)."""
    row = await db.fetchone(
        """SELECT role, unit_code, created_by, expires_at FROM invites
           WHERE token_hash = ? AND used_by IS NULL AND expires_at > ?""",
        (token_hash, now),
    )
    return None if row is None else _invite(row)


async def withdraw_unused(tx: Tx, created_by: int, now: int) -> int:
    """End the validity of every unused invite someone created (their role was removed);
    returns how many were withdrawn."""
    return await tx.changes(
        """UPDATE invites SET expires_at = ?
           WHERE created_by = ? AND used_by IS NULL AND expires_at > ?""",
        (now, created_by, now),
    )


async def redeem(tx: Tx, token_hash: str, used_by: int, now: int) -> Invite | None:
    """Mark the invite used and return it, or None if unknown, used or expired.

    The conditional UPDATE makes redemption single-use even if two people race."""
    row = await tx.fetchone(
        """UPDATE invites SET used_by = ?, used_at = ?
           WHERE token_hash = ? AND used_by IS NULL AND expires_at > ?
           RETURNING role, unit_code, created_by, expires_at""",
        (used_by, now, token_hash, now),
    )
    return None if row is None else _invite(row)
