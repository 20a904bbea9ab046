"""Steps of the complaint flows, written the way people do them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from emulator import BotMessage, FakeGroup, FakeUser
from tests.e2e.harness import OfficeEnv

NUMBER = re.compile(r"[A-Z]{2,6}-\d{4}-\d{4,}")  # the office's tracking prefix first


@dataclass
class Unit:
    code: str
    group: FakeGroup
    staff: FakeUser
    head: FakeUser


async def unit_with_group(office: OfficeEnv, code: str, title: str, *, basic: bool = False) -> Unit:
    """A unit with a staff member, a head and a bound group (``basic``: a basic group,
    which Telegram may later upgrade to a supergroup)."""
    staff = office.user(f"Staf{code}", username=f"staf_{code.lower()}")
    head = office.user(f"Kasi{code}")
    await office.invite(staff, "staf", code)
    await office.invite(head, "kepala", code)
    group = office.world.group(title, members=[office.admin, staff, head], basic=basic)
    await office.bind_group(group, code)
    return Unit(code, group, staff, head)


async def begin_complaint(
    citizen: FakeUser,
    *,
    category: str = "Infrastruktur",
    kelurahan: str = "Terjun",
    description: str | None = "Lampu jalan di Jl. Marelan Raya mati sejak seminggu, gelap sekali.",
    conduct_unit: str | None = None,
) -> BotMessage | None:
    """/lapor up to the evidence step (consenting when asked); returns the citizen's
    description message. With ``description=None``: up to the description question."""
    await citizen.send("/lapor")
    first = await citizen.next_message()
    if "data pribadi" in first.text:
        await citizen.press("Setuju")
        first = await citizen.wait_for("Pilih kategori")  # the notice, edited in place
    assert "Pilih kategori" in first.text
    await citizen.press(category)
    if conduct_unit is not None:
        await citizen.wait_for("unit mana")
        await citizen.press(conduct_unit)
    await citizen.wait_for("Di kelurahan mana")
    await citizen.press(kelurahan)
    await citizen.wait_for("Ceritakan masalahnya")
    if description is None:
        return None
    sent = await citizen.send(description)
    await citizen.wait_for("Lampiran")
    return sent


async def file_complaint(
    citizen: FakeUser,
    *,
    category: str = "Infrastruktur",
    kelurahan: str = "Terjun",
    description: str = "Lampu jalan di Jl. Marelan Raya mati sejak seminggu, gelap sekali.",
    photos: int = 0,
    location: tuple[float, float] | None = None,
    confidential: bool = False,
    conduct_unit: str | None = None,
) -> str:
    """Walk the whole intake; returns the tracking number."""
    await begin_complaint(
        citizen,
        category=category,
        kelurahan=kelurahan,
        description=description,
        conduct_unit=conduct_unit,
    )
    for _ in range(photos):
        await citizen.send_photo()
        await citizen.wait_for("Tersimpan")
    if location is not None:
        await citizen.send_location(*location)
        await citizen.wait_for("Tersimpan")
    await citizen.press("Selesai" if photos or location else "Lewati")
    await citizen.wait_for("identitas")
    await citizen.press("Rahasiakan identitas" if confidential else "Tampilkan nama saya")
    await citizen.wait_for("Periksa pengaduan")
    await citizen.press("Kirim")
    confirmation = await citizen.wait_for("tercatat")
    return NUMBER.search(confirmation.text).group(0)


def labels(message: BotMessage) -> list[str]:
    """The labels of a message's buttons, row after row."""
    return [label for row in message.buttons for label in row]


async def alert_for(group: FakeGroup, number: str) -> BotMessage:
    return await group.wait_for(f"Pengaduan {number}")


async def reply_to_prompt(user: FakeUser, group: FakeGroup, text: str) -> BotMessage:
    prompt = await group.wait_for("balas pesan ini")
    assert prompt.force_reply
    mention = next(e for e in prompt.entities if e["type"] == "text_mention")
    assert mention["user"]["id"] == user.id  # the prompt names who must answer
    return await user.say(group, text, reply_to=prompt)
