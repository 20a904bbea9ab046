"""Steps of the activity flows, written the way organisers and invitees do them."""

from __future__ import annotations

from emulator import BotMessage, FakeUser
from storage.activities import records as activities
from storage.activities.records import Activity
from tests.e2e.harness import OfficeEnv


async def member(
    office: OfficeEnv, name: str, role: str = "staf", unit: str | None = "PEM", **kwargs: object
) -> FakeUser:
    """A person invited with a role (the real invite flow)."""
    person = office.user(name, **kwargs)
    await office.invite(person, role, unit if role in ("staf", "kepala") else None)
    return person


async def create_activity(
    organiser: FakeUser,
    *,
    kind: str = "Pelatihan",
    title: str = "Pelatihan Pelayanan Prima",
    when: str = "5 Des 09:00",
    duration: str = "2 jam",
    place: str = "Aula Kantor Camat Medan Marelan",
    jp: str | None = "Otomatis",
    audience: tuple[str, ...] = ("Semua staf",),
    cost: str | None = None,
) -> BotMessage:
    """Walk the whole guided flow up to the summary; returns the summary message."""
    await organiser.send("/kegiatan_baru")
    await organiser.wait_for("Jenis kegiatan")
    await organiser.press(kind)
    await organiser.wait_for("Judul kegiatan")
    await organiser.send(title)
    await organiser.wait_for("Kapan mulai")
    await organiser.send(when)
    asked = await organiser.wait_for("Berapa lama")
    assert "Tercatat" in asked.text  # the start time read, above the next question
    await organiser.send(duration)
    await organiser.wait_for("Di mana")
    await organiser.send(place)
    if kind == "Pelatihan":
        await organiser.wait_for("Berapa JP")
        if jp == "Otomatis":
            await organiser.press("Otomatis")
        else:
            await organiser.send(jp or "0")
    question = await organiser.wait_for("Siapa yang diundang")
    for label in audience:
        await organiser.press(label, message=question)
        question = await organiser.wait_for_edit(question)
    await organiser.press("Lanjut", message=question)
    await organiser.wait_for("Biaya kegiatan")
    if cost is None:
        await organiser.press("Lewati")
    else:
        await organiser.send(cost)
    return await organiser.wait_for("Periksa kegiatan")


async def save_activity(organiser: FakeUser, summary: BotMessage) -> BotMessage:
    await organiser.press("Simpan", message=summary)
    return await organiser.wait_for("tersimpan")


async def new_activity(organiser: FakeUser, **kwargs: object) -> BotMessage:
    """Create and save; returns the confirmation."""
    summary = await create_activity(organiser, **kwargs)  # type: ignore[arg-type]
    return await save_activity(organiser, summary)


async def latest_activity(office: OfficeEnv) -> Activity:
    activity_id = await office.db.fetchval("SELECT MAX(id) FROM activities")
    found = await activities.get(office.db, activity_id)
    assert found is not None
    return found


def count(user: FakeUser, text: str) -> int:
    """How many of the bot's messages to ``user`` contain ``text``."""
    return sum(1 for message in user.inbox if text in message.body)


async def card_of(user: FakeUser, title: str) -> BotMessage:
    """Run /kegiatan and return the card of the activity titled ``title``."""
    await user.send("/kegiatan")
    await user.wait_for("Kegiatan mendatang")
    return await user.wait_for(title)
