import tomllib
from pathlib import Path

import pytest

from bot.core.office import OfficeConfigError, bundled_office_path, load_office
from bot.core.reference import sync_office
from storage.core import reference


def test_bundled_office_matches_the_domain() -> None:
    office = load_office()
    assert [k.name for k in office.kelurahan] == [
        "Labuhan Deli",
        "Paya Pasir",
        "Rengas Pulau",
        "Tanah Enam Ratus",
        "Terjun",
    ]
    codes = {u.code for u in office.units}
    assert {"SEKRET", "PEM", "TRANTIB", "PEMB", "KESOS", "PELAYANAN"} <= codes
    default_unit = {c.name: c.unit for c in office.categories}
    assert default_unit["Administrasi Kependudukan"] == "PEM"
    assert default_unit["Perizinan & Surat Keterangan (PATEN)"] == "PELAYANAN"
    assert default_unit["Infrastruktur (jalan, drainase, lampu)"] == "PEMB"
    assert default_unit["Kebersihan & Sampah"] == "PEMB"
    assert default_unit["Ketertiban Umum"] == "TRANTIB"
    assert default_unit["Bantuan Sosial"] == "KESOS"
    assert default_unit["Perilaku Petugas/ASN"] == "SEKRET"
    assert default_unit["Lainnya"] == "SEKRET"
    assert office.category("PERILAKU").conduct


def _write(tmp_path: Path, mutate) -> Path:
    data = tomllib.loads(bundled_office_path().read_text())
    mutate(data)
    path = tmp_path / "office.toml"
    path.write_text(_to_toml(data))
    return path


def _to_toml(data: dict) -> str:
    """Just enough TOML writing for these tests (tables and arrays of tables)."""
    import json

    lines: list[str] = []

    def scalar(value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, list):
            return "[" + ", ".join(scalar(v) for v in value) + "]"
        return json.dumps(str(value))

    def table(prefix: str, body: dict) -> None:
        for key, value in body.items():
            if not isinstance(value, (dict, list)) or (
                isinstance(value, list) and not any(isinstance(v, dict) for v in value)
            ):
                lines.append(f"{key} = {scalar(value)}")
        for key, value in body.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                lines.append(f"[{name}]")
                table(name, value)
            elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
                for item in value:
                    lines.append(f"[[{name}]]")
                    table(name, item)

    table("", data)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["categories"][2].update(unit="NOPE"), "categories[2].unit: unknown unit"),
        (lambda d: d["routing"][0].update(kelurahan="XX"), "routing[0].kelurahan"),
        (lambda d: d["units"].append(dict(d["units"][0])), "appears twice"),
        (lambda d: d["office"]["hours"].update(start="17:00"), "office.hours"),
        (lambda d: d["categories"][0].update(resolve_days=-1), "categories[0].resolve_days"),
        (lambda d: d["office"].update(colour="red"), "office.colour"),
        (lambda d: d["office"]["area"].update(north=3.0), "north must be greater than south"),
        (lambda d: d["office"]["area"].update(margin_km=-1), "office.area.margin_km"),
    ],
)
def test_bad_office_file_names_the_key(tmp_path: Path, mutate, expected: str) -> None:
    with pytest.raises(OfficeConfigError) as error:
        load_office(_write(tmp_path, mutate))
    assert expected in str(error.value)


async def test_sync_is_idempotent_and_renames_in_place(tmp_path: Path) -> None:
    from bot.core.clock import SystemClock
    from bot.core.runtime import Runtime
    from bot.core.settings import Settings
    from storage.core.migrate import migrate

    settings = Settings(_env_file=None, database_path=tmp_path / "db.sqlite")
    runtime = Runtime.create(settings, load_office(), SystemClock())
    await runtime.db.open()
    await migrate(runtime.db)
    await sync_office(runtime)
    await sync_office(runtime)
    assert await reference.count_rows(runtime.db, "units") == 6

    renamed = _write(tmp_path, lambda d: d["units"][1].update(name="Seksi Tata Pemerintahan"))
    runtime.office = load_office(renamed)
    await sync_office(runtime)
    units = await reference.active_units(runtime.db)
    assert len(units) == 6
    assert next(u for u in units if u.code == "PEM").name == "Seksi Tata Pemerintahan"
    await runtime.db.close()
