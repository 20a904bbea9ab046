"""The sandbox page in a real Chromium: a citizen files a complaint by clicking, the unit
accepts and resolves it in its group pane, the citizen is told and asked for a rating, and
the clock panel moves the office one working day so the group sees the reminder of a
complaint nobody accepted.

Screenshots of each stage are written to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import Browser, expect

from emulator.files import make_png
from emulator.posting import SAMPLE_PDF
from sandbox.latihan import Latihan
from sandbox.steps import NUMBER, fragment, label
from sandbox.texts import text
from sandbox.web import SandboxPage
from tests.browser import ARTIFACTS
from tests.sandbox.conftest import close_sandbox, open_sandbox
from tests.sandbox.page_steps import Pane, shoot

DESCRIPTION = "Lampu jalan di depan Masjid Al-Ikhlas, Jl. Marelan Raya, mati sejak seminggu."
SECOND = "Sampah menumpuk di parit Jl. Kapten Rahmad Buddin, sudah tiga hari tidak diangkut."


async def file_complaint(
    citizen: Pane,
    sandbox: SandboxPage,
    category: str,
    kelurahan: str,
    description: str,
    *,
    photo: bool,
    place: str | None,
) -> str:
    """The whole intake by clicking; returns the tracking number the bot gave."""
    office = sandbox.office.office
    await citizen.root.locator(".start").click()
    await citizen.press_key("menu.complaint")
    await citizen.press_key("lapor.privacy_yes")
    await citizen.press(office.category(category).label("id"))
    await citizen.press(kelurahan)
    await citizen.expect(fragment("lapor.description"))
    await citizen.send(description)
    if photo:
        await citizen.attach_photo(make_png(64, 48, rgb=(240, 200, 40)))
        await citizen.expect(fragment("lapor.evidence_added"))
        await citizen.attach_document(SAMPLE_PDF, "surat-rt.pdf")
        await citizen.expect("2 lampiran")
    if place is not None:
        await citizen.send_location(place)
        await citizen.expect(re.compile(r"📍"))
    await citizen.press_key("lapor.done" if photo or place else "lapor.skip")
    await citizen.press_key("lapor.identity_show")
    await citizen.press_key("lapor.send")
    confirmation = await citizen.expect(NUMBER)
    found = NUMBER.search(await confirmation.inner_text())
    assert found is not None
    return found.group(0)


async def test_a_complaint_from_filing_to_the_rating_buttons_and_a_reminder(
    sandbox: SandboxPage, browser: Browser
) -> None:
    page = await browser.new_page(viewport={"width": 1500, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(sandbox.address)
    citizen, group, camat = Pane(page, 0), Pane(page, 1), Pane(page, 2)
    await expect(group.root.get_by_test_id("as-select")).to_contain_text("Andi Pratama Ginting")

    number = await file_complaint(
        citizen,
        sandbox,
        "INFRA",
        "Terjun",
        DESCRIPTION,
        photo=True,
        place="Kantor Camat Medan Marelan, Jl. Marelan Raya",
    )
    await shoot(page, ARTIFACTS, "sandbox-1-filed")

    alert = await group.expect(DESCRIPTION)
    await expect(alert).to_contain_text(f"Pengaduan {number}")
    await expect(group.messages().locator("img.photo").first).to_be_visible()
    await group.press_key("btn.accept", on=number)
    await citizen.expect(fragment("cz.accepted"))
    await group.reply_to(DESCRIPTION)  # a reply to the alert goes to the citizen
    await group.send("Petugas kami akan memeriksa lampu itu sore ini.")
    answer = await citizen.expect(fragment("cz.reply"))
    await expect(answer).to_contain_text("Petugas kami akan memeriksa lampu itu sore ini.")
    await group.press_key("btn.resolve", on=number)
    await group.expect(fragment("grp.resolve_prompt"))
    assert await group.reply_target()  # the bot's ForceReply prompt opened a reply to it
    await group.send("Lampu sudah diganti petugas Seksi Pembangunan hari ini.")

    resolved = await citizen.expect(fragment("cz.resolved"))
    await expect(resolved).to_contain_text("Lampu sudah diganti")
    await expect(resolved.get_by_role("button", name=label("cz.not_fixed"))).to_be_visible()
    await expect(resolved.locator("button.kb")).to_have_count(6)  # five ratings + not solved
    await shoot(page, ARTIFACTS, "sandbox-2-resolved")

    await citizen.choose_chat(text("id", "chats.new_citizen"))
    await expect(citizen.root.locator(".start")).to_be_visible()
    second = await file_complaint(
        citizen, sandbox, "SAMPAH", "Paya Pasir", SECOND, photo=False, place=None
    )

    await page.get_by_role("button", name="+1 hari kerja").click()
    reminder = await group.expect(fragment("grp.reminder.ack_warn"))
    await expect(reminder).to_contain_text(second)
    escalation = await camat.expect(fragment("esc.ack_breach"))
    await expect(escalation).to_contain_text(second)
    await expect(page.get_by_test_id("clock")).to_contain_text("Kamis, 26 November 2026")
    await shoot(page, ARTIFACTS, "sandbox-3-reminder")

    await page.set_viewport_size({"width": 390, "height": 800})  # a phone: one chat per screen
    box = await citizen.root.bounding_box()
    assert box is not None and box["width"] <= 390
    await shoot(page, ARTIFACTS, "sandbox-5-phone")

    assert errors == []
    rejected = [call for call in sandbox.office.world.requests if not call.ok]
    assert rejected == []
    assert await page.get_by_test_id("rejected").get_attribute("data-count") == "0"


async def test_the_trainee_sees_an_exercise_checked_off(tmp_path: Path, browser: Browser) -> None:
    latihan = Latihan()
    sandbox = await open_sandbox(tmp_path / "latihan.db", latihan)
    try:
        page = await browser.new_page(viewport={"width": 1500, "height": 900})
        await page.goto(sandbox.address)
        exercises = page.get_by_test_id("exercises")
        await expect(exercises.locator("li")).to_have_count(5)
        vague = next(e.number for e in latihan.exercises if e.key == "latihan.ask")
        asked = exercises.locator('[data-exercise="latihan.ask"]')
        await expect(asked).to_contain_text(vague)
        await expect(asked).not_to_have_class("done")

        kesos = Pane(page, 1)
        await kesos.press_key("btn.ask", on=vague)
        await kesos.expect(fragment("grp.ask_prompt"))
        await kesos.send("Bantuan apa yang belum datang, dan atas nama siapa di KK?")
        await expect(asked).to_have_class("done")
        await expect(exercises.locator("li.done")).to_have_count(1)
        await shoot(page, ARTIFACTS, "sandbox-4-latihan")
    finally:
        await close_sandbox(sandbox)
