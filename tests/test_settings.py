import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.settings import SettingsError, load_settings, parse_offsets

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:AAEabcdefghijklmnopqrstuvwxyz012345"


def test_defaults_and_parsing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ADMIN_IDS", " 12, 34 ")
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    settings = load_settings()
    assert settings.admin_ids == frozenset({12, 34})
    assert settings.timezone == "Asia/Jakarta" and settings.default_language == "id"
    assert settings.require_token() == TOKEN
    assert TOKEN not in repr(settings)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ADMIN_IDS", "12,abc"),
        ("BOT_TOKEN", "not-a-token"),
        ("TIMEZONE", "Mars/Olympus"),
        ("DEFAULT_LANGUAGE", "fr"),
        ("WEBHOOK_PORT", "99999"),
        ("ACTIVITY_REMINDERS", "3d,soon"),
        ("DIGEST_SCHEDULE", "someday 7"),
        ("OFFICE_CONFIG", "/nonexistent.toml"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert variable in str(error.value)
    assert "\n" not in str(error.value)


def test_reminder_offsets() -> None:
    assert parse_offsets("2h,3d,1d,30m") == [4320, 1440, 120, 30]
    with pytest.raises(ValueError):
        parse_offsets("0d")


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        timeout=60,
    )


def test_run_without_token_exits_2_with_one_line(tmp_path: Path) -> None:
    result = _cli("run", cwd=tmp_path, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_check_config_accepts_the_example(tmp_path: Path) -> None:
    result = _cli(
        "--env-file",
        str(ROOT / "config.example.env"),
        "check-config",
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert "Settings OK" in result.stdout


def test_migrate_creates_database(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(ROOT), "DATABASE_PATH": str(tmp_path / "x.db")}
    first = _cli("migrate", cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    assert "0001_foundation.sql" in first.stdout
    second = _cli("migrate", cwd=tmp_path, env=env)
    assert "applied: none" in second.stdout


def test_one_bot_per_database(tmp_path: Path) -> None:
    from bot.core.instance_lock import AlreadyRunning, single_instance

    database = tmp_path / "data" / "marelan.db"
    with (
        single_instance(database),
        pytest.raises(AlreadyRunning, match="already running"),
        single_instance(database),
    ):
        pass
    with single_instance(database):  # released when the first one ended
        pass


def test_an_office_schema_travels_in_the_database_target(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    url = "postgresql://marelan:secret@db.internal/city"
    monkeypatch.setenv("DATABASE_URL", url)
    assert load_settings().database == url  # unset: public, as before
    monkeypatch.setenv("DATABASE_SCHEMA", "kec_medan_marelan")
    settings = load_settings()
    assert settings.database == url + "?schema=kec_medan_marelan"
    assert settings.secrets == ("secret",)


@pytest.mark.parametrize("value", ["Kec_Marelan", "1kec", "kec-marelan", "pg_kec", "k" * 64])
def test_a_bad_schema_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "postgresql://marelan@db.internal/city")
    monkeypatch.setenv("DATABASE_SCHEMA", value)
    with pytest.raises(SettingsError, match="DATABASE_SCHEMA: expected"):
        load_settings()


def test_a_schema_without_postgresql_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_SCHEMA", "kec_medan_marelan")
    with pytest.raises(SettingsError, match="DATABASE_SCHEMA is set but DATABASE_URL is not"):
        load_settings()
