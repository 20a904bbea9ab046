"""The city file: what a city's IT person writes, and every mistake named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.city.config import CityConfigError, load_city
from storage.city.offices import office_view
from storage.core.db import Database, in_schema
from storage.core.migrate import migrate
from tests.database import POSTGRESQL, fresh_database
from tests.test_settings import ROOT, _cli

BUNDLED = ROOT / "bot" / "data" / "medan_marelan.toml"
LABUHAN = ROOT / "tests" / "offices" / "medan_labuhan.toml"


def write(folder: Path, offices: str, city: str = 'name = "Pemerintah Kota Medan"') -> Path:
    path = folder / "city.toml"
    path.write_text(f"[city]\n{city}\n\n{offices}", encoding="utf-8")
    return path


def office(code: str, file: Path, where: str) -> str:
    return f'[[offices]]\ncode = "{code}"\noffice_file = "{file}"\n{where}\n\n'


def test_a_city_of_two_offices(tmp_path: Path) -> None:
    (tmp_path / "offices").mkdir()
    (tmp_path / "offices" / "labuhan.toml").write_bytes(LABUHAN.read_bytes())
    path = write(
        tmp_path,
        office("MRL", BUNDLED, 'schema = "marelan"')
        + office("MLB", Path("offices/labuhan.toml"), 'database_path = "data/labuhan.db"'),
    )
    city = load_city(path)
    assert [o.code for o in city.offices] == ["MRL", "MLB"]
    assert city.office("mlb") is city.offices[1]
    assert city.offices[1].name == "Kecamatan Medan Labuhan"
    # Relative paths are read from the city file's folder, not the working directory.
    assert city.offices[1].entry.office_file == tmp_path / "offices" / "labuhan.toml"
    assert city.offices[1].entry.database_path == tmp_path / "data" / "labuhan.db"
    assert city.needs_url


@pytest.mark.parametrize(
    ("offices", "expected"),
    [
        (
            office("MRL", BUNDLED, 'schema = "a"') + office("MRL", LABUHAN, 'schema = "b"'),
            "appears twice",
        ),
        (
            office("MRL", BUNDLED, 'schema = "a"') + office("MLB", LABUHAN, 'schema = "a"'),
            "schema 'a' appears twice",
        ),
        (
            office("MRL", BUNDLED, 'schema = "a"\ndatabase_path = "x.db"'),
            "either schema or database_path",
        ),
        (office("MRL", BUNDLED, ""), "either schema or database_path"),
        (office("MRL", BUNDLED, 'schema = "Marelan-1"'), "not a lowercase identifier"),
        (office("MLB", BUNDLED, 'schema = "a"'), "has the tracking prefix MRL"),
        (office("MRL", Path("nowhere.toml"), 'schema = "a"'), "not found"),
        ("", "offices"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, offices: str, expected: str) -> None:
    with pytest.raises(CityConfigError, match=expected):
        load_city(write(tmp_path, offices))


def test_check_config_reads_every_office(tmp_path: Path) -> None:
    """The IT person's check before starting the city bot: each office's data is named
    readable or not (a database that does not exist yet is not created by looking)."""
    path = write(
        tmp_path,
        office("MRL", BUNDLED, f'database_path = "{tmp_path / "marelan.db"}"')
        + office("MLB", LABUHAN, f'database_path = "{tmp_path / "labuhan.db"}"'),
    )
    env = {"PYTHONPATH": str(ROOT), "DATABASE_PATH": str(tmp_path / "marelan.db")}
    assert _cli("migrate", cwd=tmp_path, env=env).returncode == 0
    result = _cli("check-config", cwd=tmp_path, env={**env, "CITY_CONFIG": str(path)})
    assert result.returncode == 0, result.stderr
    assert "City: Pemerintah Kota Medan (2 offices)" in result.stdout
    assert "MRL Kecamatan Medan Marelan: readable, 0 complaints" in result.stdout
    assert "MLB Kecamatan Medan Labuhan: NOT READABLE" in result.stdout
    assert not (tmp_path / "labuhan.db").exists()


def test_a_broken_city_file_stops_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, office("MLB", BUNDLED, 'schema = "a"'))
    result = _cli(
        "check-config", cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "CITY_CONFIG": str(path)}
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "tracking prefix MRL" in result.stderr


def test_the_city_ikm_is_of_all_respondents_not_an_average_of_offices() -> None:
    """PermenPANRB 14/2017: the index of a scope is computed from its respondents' answers.
    An office with 90 respondents answering 4 and one with 10 answering 2: the city's NRR
    per unsur is (90·4 + 10·2)/100 = 3.8, not (4 + 2)/2 = 3."""
    from bot.city.reports import _combined
    from bot.survey.rules import UNSUR_KEYS
    from storage.survey.responses import Aggregate

    big = Aggregate(90, {key: (90 * 4, 90) for key in UNSUR_KEYS})
    small = Aggregate(10, {key: (10 * 2, 10) for key in UNSUR_KEYS})
    city = _combined([big, small])
    assert city is not None and city.respondents == 100
    assert city.converted is not None and float(city.converted) == 95.0  # 3.8 × 25
    assert _combined([]) is None


@pytest.mark.skipif(not POSTGRESQL, reason="roles and schemas of PostgreSQL")
async def test_the_readmes_city_reader_role_reads_every_office_and_may_change_nothing(
    tmp_path: Path,
) -> None:
    """README, "A city: the city-level bot": the grants that let the city bot's role read
    each office's schema, tables added later included, and write nothing."""
    url = str(await fresh_database(tmp_path, empty=True))
    offices = ("kec_city_a", "kec_city_b")
    admin = Database(url)
    await admin.open()
    try:
        async with admin.transaction() as tx:
            await tx.execute("CREATE ROLE kota_reader LOGIN")
            for office in offices:
                await tx.execute(f"CREATE ROLE {office} LOGIN")
                await tx.execute(f"CREATE SCHEMA {office} AUTHORIZATION {office}")
        for office in offices:
            own = Database(in_schema(url.replace("marelan@", f"{office}@", 1), office))
            await own.open()
            await migrate(own)
            await own.close()
        async with admin.transaction() as tx:
            for office in offices:  # the README's three lines per office
                await tx.execute(f"GRANT USAGE ON SCHEMA {office} TO kota_reader")
                await tx.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {office} TO kota_reader")
                await tx.execute(
                    f"ALTER DEFAULT PRIVILEGES FOR ROLE {office} IN SCHEMA {office} "
                    "GRANT SELECT ON TABLES TO kota_reader"
                )
            # A later version of the bot adds a table (its migration runs as the office).
            await tx.execute("SET ROLE kec_city_a")
            await tx.execute("CREATE TABLE kec_city_a.added_later (x INTEGER)")
            await tx.execute("RESET ROLE")
        reader = url.replace("marelan@", "kota_reader@", 1)
        for office in offices:
            async with office_view(in_schema(reader, office)) as view:
                assert await view.fetchval("SELECT COUNT(*) FROM complaints") == 0
        async with office_view(in_schema(reader, "kec_city_a")) as view:
            assert await view.fetchval("SELECT COUNT(*) FROM added_later") == 0
            writable = await view.fetchval(
                "SELECT has_table_privilege('kota_reader', 'kec_city_a.complaints', 'INSERT')"
            )
            assert writable is False
    finally:
        await admin.close()
