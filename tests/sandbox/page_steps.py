"""Acting on the sandbox page in a real browser, the way a trainee does: pick a chat, press
a button by its label, type, attach, reply.

Button labels come from the bot's catalog (``label``), so a reworded button needs no change
here; a step that waits for the bot names a fragment of the catalog text it expects
(``sandbox.steps.fragment``). Every action waits for the page's request to the sandbox to
be answered, so the next step never overtakes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import Locator, Page, expect

from sandbox.steps import LANGUAGE, label
from sandbox.texts import text

WAIT_MS = 20_000


class Pane:
    """One chat pane of the page (0 = leftmost)."""

    def __init__(self, page: Page, index: int) -> None:
        self.page = page
        self.index = index

    @property
    def root(self) -> Locator:
        return self.page.locator(f'[data-pane="{self.index}"]')

    def messages(self, containing: str | re.Pattern[str] | None = None) -> Locator:
        found = self.root.locator(".msg")
        return found if containing is None else found.filter(has_text=containing)

    def button(self, text: str, *, on: str | None = None) -> Locator:
        """The button ``text`` on the newest message (containing ``on``) that has it."""
        button = self.page.get_by_role("button", name=text, exact=True)
        return (
            self.messages(on).filter(has=button).last.get_by_role("button", name=text, exact=True)
        )

    async def press(self, text: str, *, on: str | None = None) -> None:
        target = self.button(text, on=on)
        await target.wait_for(timeout=WAIT_MS)
        async with self.page.expect_response(re.compile(r"/press$"), timeout=WAIT_MS):
            await target.click()

    async def press_key(self, key: str, *, on: str | None = None, **values: object) -> None:
        """Press the button the bot labels with catalog ``key``."""
        await self.press(label(key, **values), on=on)

    async def send(self, text: str) -> None:
        box = self.root.get_by_test_id("composer-text")
        await box.fill(text)
        async with self.page.expect_response(re.compile(r"/send$"), timeout=WAIT_MS):
            await box.press("Enter")

    async def attach_photo(self, picture: bytes, name: str = "foto.png") -> None:
        async with self.page.expect_response(re.compile(r"/upload$"), timeout=WAIT_MS):
            await self.root.get_by_test_id("photo-input").set_input_files(
                {"name": name, "mimeType": "image/png", "buffer": picture}
            )

    async def attach_document(
        self, content: bytes, name: str, mime: str = "application/pdf"
    ) -> None:
        async with self.page.expect_response(re.compile(r"/upload$"), timeout=WAIT_MS):
            await self.root.get_by_test_id("document-input").set_input_files(
                {"name": name, "mimeType": mime, "buffer": content}
            )

    async def reply_to(self, containing: str) -> None:
        """Choose "Balas" on the newest message containing ``containing``."""
        reply = re.compile(re.escape(text(LANGUAGE, "message.reply")))
        await self.messages(containing).last.get_by_role("button", name=reply).click()

    async def send_location(self, place_name: str) -> None:
        await self.root.get_by_role(
            "button", name=text(LANGUAGE, "composer.location"), exact=True
        ).click()
        async with self.page.expect_response(re.compile(r"/location$"), timeout=WAIT_MS):
            await self.root.get_by_role("button", name=place_name).click()

    async def expect(self, text: str | re.Pattern[str]) -> Locator:
        """The newest message containing ``text``, once it is shown."""
        found = self.messages(text).last
        await expect(found).to_be_visible(timeout=WAIT_MS)
        return found

    async def choose_chat(self, title: str) -> None:
        select = self.root.get_by_test_id("chat-select")
        value = await select.locator("option", has_text=title).first.get_attribute("value")
        await select.select_option(value)

    async def reply_target(self) -> str | None:
        """The text of the reply bar (who is being replied to), or None."""
        bar = self.root.locator(".reply-bar")
        return await bar.text_content() if await bar.is_visible() else None


async def shoot(page: Page, folder: Path, name: str) -> Path:
    """A screenshot of the page as a test artefact (Playwright makes the folder)."""
    path = folder / f"{name}.png"
    await page.screenshot(path=str(path), full_page=False)
    return path
