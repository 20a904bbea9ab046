"""``marelan-bot publish --out DIR``: the public page for a seeded office. Its pages parse
as valid HTML (html5lib, strict), hold the figures an independent count from the
database gives, and nothing personal: every generated file is scanned for the reporters'
names, usernames, Telegram ids, phone numbers, confidential and conduct complaints and
anything a citizen wrote. In a browser (system Chromium through Playwright) it passes
axe-core's accessibility rules, needs no JavaScript, fits a phone screen, and a
screenshot is saved to ``tests/artifacts/``. With ``PUBLIC_SITE_DIR`` the bot writes it
every night."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import html5lib
import pytest_asyncio
from axe_playwright_python.async_playwright import Axe
from PIL import Image
from playwright.async_api import Browser

from bot.complaints import actions as complaint_actions
from bot.complaints import followup as complaint_reactions
from bot.complaints import intake as complaint_intake
from bot.complaints.intake import Draft
from bot.core.cli import main
from bot.core.clock import to_epoch
from bot.core.office import bundled_office_path
from emulator import FakeTelegram
from tests.browser import ARTIFACTS, chromium
from tests.database import fresh_database
from tests.e2e import report_steps as steps
from tests.e2e.bot_process import database_env
from tests.e2e.harness import WIB, OfficeEnv, start_office
from tests.e2e.report_ikm_steps import MIXED, converted_ikm, id_decimal, mutu, submit_survey
from tests.e2e.survey_steps import same

START = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)  # a Monday
PUBLISHED_AT = datetime(2026, 12, 2, 10, 0, tzinfo=WIB)
WEEK = (datetime(2026, 11, 23, tzinfo=WIB), datetime(2026, 11, 30, tzinfo=WIB))
MONTH = (datetime(2026, 11, 1, tzinfo=WIB), datetime(2026, 12, 1, tzinfo=WIB))

PHONE = "081298765432"
DESCRIPTION = f"Lampu jalan mati di depan rumah Pak Hasan Basri, hubungi saya di {PHONE}."
SECRET_DESCRIPTION = "Pungutan liar di kantor lurah oleh oknum berinisial RZ, tolong rahasiakan."
CONDUCT_DESCRIPTION = "Petugas loket bernama Darto membentak saya waktu mengurus KK."
RESOLUTION = "Sesuai laporan Ibu Siti Rahmawati di Jl. Kenanga 7, lampu sudah kami ganti."
COMMENT = "Terima kasih banyak, cepat sekali ditangani petugasnya!"
SUGGESTION = "Mohon antrean KTP dibuat online, saya Budi Santoso sudah tiga kali datang."
PUBLIC_NOTE = "Lampu penerangan jalan telah diganti oleh tim Seksi Pembangunan."


def office_file(tmp_path: Path) -> Path:
    """The bundled office file with the resolved-complaints list turned on."""
    text = bundled_office_path().read_text(encoding="utf-8")
    text = text.replace("resolved_list = false", "resolved_list = true")
    text = text.replace(
        '# page_url = "https://medanmarelan.example.go.id/kinerja/"',
        'page_url = "https://medanmarelan.example.go.id/kinerja/"',
    )
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest_asyncio.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """The system Chromium (never a downloaded one), headless."""
    async with chromium() as launched:
        yield launched


class Seeded:
    def __init__(self) -> None:
        self.forbidden: list[str] = []  # what no generated file may contain
        self.public_number = ""
        self.hidden_numbers: list[str] = []


async def seed(office: OfficeEnv) -> Seeded:
    seeded = Seeded()
    pemb = await steps.officer(office, "Bagus", "staf", "PEMB")
    await steps.officer(office, "Hendra", "supervisor")
    siti = await steps.citizen(office, "Siti", last_name="Rahmawati", username="siti_rahma")
    budi = await steps.citizen(office, "Budi", last_name="Santoso", username="budi_s")
    # week of 16 November
    early = [await steps.file(office, budi, "INFRA", "LBD") for _ in range(3)]
    for item in early:
        await steps.accept(office, pemb, item)
    steps.tick(office, days=7)  # Monday 23 November
    shown = await steps.file(office, siti, "INFRA", "TRJ", description=DESCRIPTION)
    secret = await steps.file(
        office, siti, "INFRA", "TRJ", description=SECRET_DESCRIPTION, confidential=True
    )
    conduct = (
        await complaint_intake.submit(
            office.runtime,
            budi.actor,
            Draft(
                category="PERILAKU",
                named_unit="PEM",
                kelurahan="PYP",
                description=CONDUCT_DESCRIPTION,
                confidential=False,
            ),
        )
    ).complaint
    others = [await steps.file(office, budi, "SAMPAH", "RGP") for _ in range(4)]
    for item in [shown, secret, *others]:
        await steps.accept(office, pemb, item)
    steps.tick(office, hours=3)
    for item in [shown, secret, *others[:2], *early[:1]]:
        await resolve_quoting_the_citizen(office, pemb, item)
    await steps.rate(office, siti, shown, 5)
    await complaint_reactions.comment_rating(office.runtime, siti.actor, shown.id, COMMENT)
    camat = await steps.actor(office, office.people["Hendra"])
    await resolve_quoting_the_citizen(office, steps.Person(office.people["Hendra"], camat), conduct)
    for n, scores in enumerate([same(4), MIXED, MIXED, same(3), MIXED]):
        await submit_survey(
            office, f"Penjawab{n}", "KTP", scores, suggestion=SUGGESTION if n == 0 else None
        )

    seeded.public_number = shown.number
    seeded.hidden_numbers = [secret.number, conduct.number]
    users = [office.people[name] for name in ("Siti", "Budi", "Bagus", "Hendra")]
    seeded.forbidden = [
        "Siti",
        "Rahmawati",
        "Budi",
        "Santoso",
        "siti_rahma",
        "budi_s",
        "Bagus",
        "Hendra",
        "Penjawab",
        PHONE,
        "Hasan",
        "Kenanga",
        "Darto",
        "inisial RZ",
        "Pungutan",
        "membentak",
        COMMENT[:20],
        SUGGESTION[:20],
        RESOLUTION[:20],
        DESCRIPTION[:20],
        *seeded.hidden_numbers,
        *(str(u.id) for u in users),
        str(office.admin.id),
    ]
    return seeded


async def resolve_quoting_the_citizen(office: OfficeEnv, staff: steps.Person, complaint) -> None:
    await complaint_actions.resolve(office.runtime, staff.actor, complaint.id, RESOLUTION)


def readable(path: Path) -> str:
    """What a file says: a text file's text, an image's embedded text chunks (its pixels
    are checked by looking at the screenshot)."""
    if path.suffix == ".png":
        with Image.open(path) as image:
            return " ".join(str(value) for value in image.info.values())
    return path.read_text(encoding="utf-8")


def parse_strictly(path: Path):
    """html5lib with strict=True raises on any parse error of the HTML standard."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes())


def table(document, caption_starts: str) -> dict[str, list[str]]:
    """The rows of the table whose caption starts so: first cell -> the other cells."""
    for candidate in document.iter("table"):
        caption = candidate.find("caption")
        if caption is not None and "".join(caption.itertext()).startswith(caption_starts):
            rows = {}
            for row in candidate.iter("tr"):
                cells = ["".join(cell.itertext()).strip() for cell in row]
                rows[cells[0]] = cells[1:]
            return rows
    raise AssertionError(f"no table {caption_starts!r}")


async def count(
    office: OfficeEnv, column: str, bounds: tuple[datetime, datetime], unit: str
) -> int:
    resolved = " AND status IN ('selesai', 'ditutup')" if column == "resolved_at" else ""
    return await office.db.fetchval(
        f"SELECT COUNT(*) FROM complaints WHERE {column} >= ? AND {column} < ?"
        f" AND unit_code = ?{resolved}",
        (to_epoch(bounds[0]), to_epoch(bounds[1]), unit),
    )


def env_file(tmp_path: Path, office: OfficeEnv, config: Path) -> Path:
    path = tmp_path / "publish.env"
    database = database_env(office.settings.database)
    path.write_text(
        "".join(f"{name}={value}\n" for name, value in database.items())
        + f"OFFICE_CONFIG={config}\nBOT_USERNAME=marelan_test_bot\n"
    )
    return path


async def test_publish_writes_a_valid_accessible_anonymous_page(
    telegram: FakeTelegram,
    tmp_path: Path,
    browser: Browser,
) -> None:
    config = office_file(tmp_path)
    office = await start_office(
        telegram, await fresh_database(tmp_path, "site.db"), start=START, office_config=config
    )
    try:
        seeded = await seed(office)
        await office.world.settle()
        bagus = office.people["Bagus"]  # staff write the public note in their own words
        await bagus.send(f"/catatan_publik {seeded.public_number} Hubungi 0812 3456 7890 ya")
        await bagus.wait_for("Teks tidak disimpan")
        await bagus.send(f"/catatan_publik {seeded.hidden_numbers[0]} {PUBLIC_NOTE}")
        await bagus.wait_for("tidak pernah diumumkan")
        await bagus.send(f"/catatan_publik {seeded.public_number} {PUBLIC_NOTE}")
        await bagus.wait_for(f"Catatan publik untuk {seeded.public_number} disimpan")
        await office.at(PUBLISHED_AT)

        out = tmp_path / "situs"
        status = await asyncio.to_thread(
            main,
            [
                "--env-file",
                str(env_file(tmp_path, office, config)),
                "publish",
                "--out",
                str(out),
                "--as-of",
                "2026-12-02 10:00",
            ],
        )
        assert status == 0
        files = sorted(p for p in out.rglob("*") if p.is_file())
        names = [p.relative_to(out).as_posix() for p in files]
        assert "index.html" in names and "style.css" in names and "img/ikm.png" in names
        assert "img/trend-pemb.png" in names
        assert all(p.read_bytes().startswith(b"\x89PNG") for p in files if p.suffix == ".png")

        document = parse_strictly(out / "index.html")
        page = (out / "index.html").read_text(encoding="utf-8")
        assert "<script" not in page.lower()
        week = table(document, "Minggu lalu")
        pemb_week = [await count(office, c, WEEK, "PEMB") for c in ("created_at", "resolved_at")]
        assert pemb_week == [6, 5]
        assert week["Seksi Pembangunan"][:2] == [str(n) for n in pemb_week]
        assert week["Seksi Pemerintahan"][:2] == ["0", "0"]
        month = table(document, "Bulan lalu")
        pemb_month = [await count(office, c, MONTH, "PEMB") for c in ("created_at", "resolved_at")]
        assert month["Seksi Pembangunan"][:2] == [str(n) for n in pemb_month]
        assert month["Sekretariat Kecamatan"][:2] == ["1", "1"]  # the conduct complaint, counted
        assert month["Sekretariat Kecamatan"][2:] == ["—", "—", "—"]  # fewer than 5
        trend = table(document, "Seksi Pembangunan")
        assert trend["Nov 2026"][:2] == [str(n) for n in pemb_month]
        assert trend["Des 2025"][:2] == ["0", "0"]
        ikm = table(document, "Indeks Kepuasan Masyarakat")
        ktp = converted_ikm([same(4), MIXED, MIXED, same(3), MIXED])
        assert ikm["Rekomendasi KTP-el"][:3] == [id_decimal(ktp), mutu(ktp), "5"]
        resolved = table(document, "Pengaduan yang baru diselesaikan")
        assert resolved[seeded.public_number] == [
            "Infrastruktur (jalan, drainase, lampu)",
            "Terjun",
            "23 November 2026",
            "23 November 2026",
            PUBLIC_NOTE,
        ]
        assert len([n for n in resolved if re.fullmatch(r"MRL-\d{4}-\d{4}", n)]) == 4

        for path in files:
            for secret in seeded.forbidden:
                assert secret not in readable(path), f"{secret!r} published in {path.name}"

        await check_in_browser(browser, out / "index.html")

        english = tmp_path / "english"
        status = await asyncio.to_thread(
            main,
            [
                "--env-file",
                str(env_file(tmp_path, office, config)),
                "publish",
                "--out",
                str(english),
                "--lang",
                "en",
                "--as-of",
                "2026-12-02",
            ],
        )
        assert status == 0
        document = parse_strictly(english / "index.html")
        assert document.get("lang") == "en"
        assert table(document, "Last week")["Development Section"][:2] == [
            str(n) for n in pemb_week
        ]

        siti = office.people["Siti"]
        await siti.send("/transparansi")
        links = await siti.wait_for("Transparansi kinerja")
        assert "Halaman web: https://medanmarelan.example.go.id/kinerja/" in links.text
    finally:
        await office.bot.stop()


async def check_in_browser(browser: Browser, index: Path) -> None:
    """No JavaScript needed, fits a phone, passes axe-core; the screenshot is kept."""
    phone = await browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = await phone.new_page()
    await page.goto(index.as_uri())
    assert await page.locator("h1").inner_text() == "Transparansi Kinerja Pelayanan"
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=ARTIFACTS / "transparency-page.png", full_page=True)
    await phone.close()

    checked = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await checked.new_page()
    await page.goto(index.as_uri())
    overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than a phone screen"
    results = await Axe().run(page)
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert violations == []
    await checked.close()


async def test_the_bot_writes_the_page_every_night(telegram: FakeTelegram, tmp_path: Path) -> None:
    folder = tmp_path / "www" / "kinerja"
    office = await start_office(
        telegram, await fresh_database(tmp_path, "nightly.db"), start=START, public_site_dir=folder
    )
    try:
        await office.at(datetime(2026, 11, 17, 2, 29, tzinfo=WIB))
        assert not folder.exists()
        await office.at(datetime(2026, 11, 17, 2, 30, tzinfo=WIB))
        first = (folder / "index.html").read_text(encoding="utf-8")
        assert "Diperbarui Selasa, 17 November 2026 pukul 02.30 WIB" in first
        await office.restart()
        await office.at(datetime(2026, 11, 18, 2, 30, tzinfo=WIB))
        assert "Rabu, 18 November 2026 pukul 02.30 WIB" in (folder / "index.html").read_text(
            encoding="utf-8"
        )
    finally:
        await office.bot.stop()
