"""Where the office is competent: the kecamatan's area as a bounding box, and how far a
location pin lies outside it.

A pin far outside (a citizen in Jakarta who tapped "send my location" by habit, or a
complaint about another kecamatan) is not refused: the citizen confirms it, because the
office may still pass the matter on. The box is generous (the office file adds a margin)
so that pins on a boundary road never ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Box:
    """Latitude and longitude bounds in degrees (WGS 84, as Telegram sends them)."""

    south: float
    north: float
    west: float
    east: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), good to metres at a kecamatan's scale."""
    phi1, phi2 = radians(lat1), radians(lat2)
    d_phi, d_lambda = phi2 - phi1, radians(lon2 - lon1)
    h = sin(d_phi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def km_outside(box: Box, latitude: float, longitude: float) -> float:
    """How far the point lies outside the box, in km (0 inside or on the edge): the
    distance to the nearest point of the box."""
    nearest_lat = min(max(latitude, box.south), box.north)
    nearest_lon = min(max(longitude, box.west), box.east)
    return distance_km(latitude, longitude, nearest_lat, nearest_lon)


def far_outside(box: Box, margin_km: float, latitude: float, longitude: float) -> bool:
    """True when the pin is more than ``margin_km`` outside the box: ask the citizen."""
    return km_outside(box, latitude, longitude) > margin_km
