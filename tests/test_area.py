"""The kecamatan's area: how far a location pin lies outside it."""

import pytest

from bot.complaints.area import Box, distance_km, far_outside, km_outside
from bot.core.office import load_office

BOX = Box(south=3.660, north=3.765, west=98.600, east=98.690)


def test_distance_matches_known_ones() -> None:
    # One degree of latitude is about 111.2 km everywhere.
    assert distance_km(3.0, 98.0, 4.0, 98.0) == pytest.approx(111.2, abs=0.1)
    # Medan (Kesawan) to Monas, Jakarta: about 1,420 km.
    assert distance_km(3.5897, 98.6781, -6.1754, 106.8272) == pytest.approx(1417, abs=10)
    assert distance_km(3.7, 98.6, 3.7, 98.6) == 0


def test_inside_and_on_the_edge_is_zero() -> None:
    assert km_outside(BOX, 3.7166, 98.6450) == 0  # Paya Pasir
    assert km_outside(BOX, 3.660, 98.690) == 0  # the south-east corner


def test_outside_measures_to_the_nearest_edge_or_corner() -> None:
    # Due south of the box: only the latitude differs.
    assert km_outside(BOX, 3.650, 98.650) == pytest.approx(
        distance_km(3.650, 98.650, 3.660, 98.650)
    )
    # South-west of the box: to the corner.
    assert km_outside(BOX, 3.600, 98.500) == pytest.approx(
        distance_km(3.600, 98.500, 3.660, 98.600)
    )


def test_far_outside_only_beyond_the_margin() -> None:
    just_south = 3.660 - 2 / 111.2  # 2 km south of the box
    assert not far_outside(BOX, 3, just_south, 98.65)
    assert far_outside(BOX, 1, just_south, 98.65)
    assert far_outside(BOX, 3, -6.1754, 106.8272)


def test_the_bundled_office_file_covers_the_five_kelurahan() -> None:
    area = load_office().office.area
    # Approximate centres of the kelurahan: none may ask the citizen to confirm.
    for latitude, longitude in [
        (3.742, 98.662),
        (3.717, 98.645),
        (3.700, 98.655),
        (3.690, 98.640),
        (3.725, 98.625),
    ]:
        assert area.far_outside(latitude, longitude) is None
    assert area.far_outside(3.5897, 98.6781) == pytest.approx(7.9, abs=0.3)  # Medan Kota
