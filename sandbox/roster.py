"""Who works in the sandbox office, and the citizens who write to it.

Names are fictional but ordinary for Medan (Malay, Batak, Javanese and Mandailing
names). Heads and staff are drawn from pools in the order of the units in the office
file, so an office file with other units gets people too.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.people.roles import Role


@dataclass(frozen=True)
class Name:
    first_name: str
    last_name: str | None = None
    username: str | None = None


ADMIN, SUPERVISOR, HEAD, STAFF, CITIZEN = (
    Role.ADMIN,
    Role.SUPERVISOR,
    Role.KEPALA,
    Role.STAF,
    Role.CITIZEN,
)

ADMIN_NAME = Name("Rudi", "Hartono", "rudi_it_marelan")
CAMAT_NAME = Name("Ahmad Fauzi", "Siregar", "camat_marelan")
HEAD_NAMES = (
    Name("Dewi Sartika", "Nasution"), Name("Bambang", "Sitorus"), Name("Hendra", "Tarigan"),
    Name("Sri Wahyuni", "Harahap"), Name("Masdiana", "Pohan"), Name("Lestari", "Simanjuntak"),
    Name("Zulkifli", "Batubara"), Name("Rosmawati", "Sembiring"),
)  # fmt: skip
STAFF_NAMES = (
    Name("Fitri", "Handayani"), Name("Rina", "Marpaung"), Name("Joko", "Susilo"),
    Name("Andi Pratama", "Ginting"), Name("Yusuf", "Hasibuan"), Name("Irfan", "Daulay"),
    Name("Nurul", "Aini"), Name("Taufik", "Lubis"),
)  # fmt: skip
CITIZEN_NAMES = (
    Name("Siti", "Aminah"), Name("Budi", "Santoso"), Name("Maimunah"), Name("Ucok", "Panjaitan"),
    Name("Wati", "Saragih"), Name("Rahmat", "Hidayat"), Name("Ayu", "Lestari"),
    Name("Darwin", "Manurung"), Name("Nur", "Azizah"), Name("Herman", "Purba"),
    Name("Juliana", "Situmorang"), Name("Syahrul", "Nasution"), Name("Kartini"),
    Name("Agus", "Setiawan"), Name("Rosita", "Hutagalung"), Name("Fadli", "Rangkuti"),
)  # fmt: skip


def head_name(index: int) -> Name:
    return _cycled(HEAD_NAMES, index)


def staff_name(index: int) -> Name:
    return _cycled(STAFF_NAMES, index)


def citizen_name(index: int) -> Name:
    return _cycled(CITIZEN_NAMES, index)


def _cycled(pool: tuple[Name, ...], index: int) -> Name:
    """The pool's name, with a number once the pool is used up ("Siti Aminah 2")."""
    name = pool[index % len(pool)]
    round_ = index // len(pool)
    if round_ == 0:
        return name
    last = f"{name.last_name or ''} {round_ + 1}".strip()
    return Name(name.first_name, last, None)
