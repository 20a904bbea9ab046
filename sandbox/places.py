"""Places in Kecamatan Medan Marelan for the page's "send location" menu.

Coordinates are approximate (within about a few hundred metres) and lie inside the
kecamatan, so a pin from this menu behaves like a citizen's real one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    latitude: float
    longitude: float


PLACES = (
    Place("kantor-camat", "Kantor Camat Medan Marelan, Jl. Marelan Raya", 3.7046, 98.6611),
    Place("kota-cina", "Situs Kota Cina, Paya Pasir", 3.7167, 98.6333),
    Place("siombak", "Danau Siombak, Paya Pasir", 3.7420, 98.6705),
    Place("tpa-terjun", "TPA Terjun, Jl. Marelan Pasar IV", 3.7396, 98.6410),
    Place("pasar-v", "Jl. Marelan Raya Pasar V, Rengas Pulau", 3.6930, 98.6575),
    Place("tanah-600", "Kantor Lurah Tanah Enam Ratus", 3.6846, 98.6700),
)


def place(key: str) -> Place | None:
    return next((p for p in PLACES if p.key == key), None)
