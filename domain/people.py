"""Roles of the people the bot knows."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """``people.role`` and ``invites.role`` (an invite never grants ``citizen``)."""

    CITIZEN = "citizen"
    STAF = "staf"  # member of a unit
    KEPALA = "kepala"  # head of a unit
    SUPERVISOR = "supervisor"  # Camat, Sekcam: all units
    ADMIN = "admin"  # operators (ADMIN_IDS or invited)
