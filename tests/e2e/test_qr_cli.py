"""``marelan-bot qr <SERVICE_CODE> <file.png>``: a printable QR code that decodes (with
zxing-cpp, as a phone camera would) to the service's survey deep link."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from bot.core.cli import EXIT_CONFIG, main
from emulator import FakeTelegram


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BOT_TOKEN", "BOT_USERNAME", "TELEGRAM_API_BASE_URL", "OFFICE_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def env_file(tmp_path: Path, **values: str) -> Path:
    path = tmp_path / "test.env"
    path.write_text("".join(f"{key.upper()}={value}\n" for key, value in values.items()))
    return path


def decoded(png: Path) -> list[str]:
    with Image.open(png) as image:
        return [result.text for result in zxingcpp.read_barcodes(image)]


def test_qr_writes_a_png_that_decodes_to_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "loket" / "ktp.png"
    settings = env_file(tmp_path, bot_username="@MarelanBot")
    assert main(["--env-file", str(settings), "qr", "KTP", str(png)]) == 0
    assert decoded(png) == ["https://t.me/MarelanBot?start=skm_KTP"]
    with Image.open(png) as image:
        assert image.format == "PNG" and image.height > image.width  # room for the caption
    assert "https://t.me/MarelanBot?start=skm_KTP (Rekomendasi KTP-el)" in capsys.readouterr().out

    assert main(["--env-file", str(settings), "qr", "legalisasi", str(png)]) == 0
    assert decoded(png) == ["https://t.me/MarelanBot?start=skm_LEGALISASI"]


async def test_qr_asks_telegram_for_the_username(tmp_path: Path, telegram: FakeTelegram) -> None:
    world = telegram.add_bot(username="loket_marelan_bot", first_name="Loket")
    settings = env_file(tmp_path, bot_token=world.token, telegram_api_base_url=world.root)
    png = tmp_path / "kk.png"
    # The CLI runs its own event loop, as from a shell; the fake Bot API serves this one.
    status = await asyncio.to_thread(main, ["--env-file", str(settings), "qr", "KK", str(png)])
    assert status == 0
    assert decoded(png) == ["https://t.me/loket_marelan_bot?start=skm_KK"]


def test_qr_explains_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "x.png"
    named = env_file(tmp_path, bot_username="marelan_bot")
    assert main(["--env-file", str(named), "qr", "NOPE", str(png)]) == EXIT_CONFIG
    assert "Unknown service code 'NOPE'" in capsys.readouterr().err
    anonymous = env_file(tmp_path)
    assert main(["--env-file", str(anonymous), "qr", "KTP", str(png)]) == EXIT_CONFIG
    assert "Set BOT_USERNAME" in capsys.readouterr().err
    unreachable = env_file(
        tmp_path, bot_token="123456:" + "A" * 32, telegram_api_base_url="http://127.0.0.1:9"
    )  # nothing listens
    assert main(["--env-file", str(unreachable), "qr", "KTP", str(png)]) == EXIT_CONFIG
    assert "set BOT_USERNAME instead" in capsys.readouterr().err
    assert not png.exists()
