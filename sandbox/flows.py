"""The office's everyday flows, played by scripted people through the bot: a citizen files
a complaint, the unit accepts, asks, reassigns or resolves it, the citizen answers and
rates it; SKM surveys; trainings with invitations and attendance.

The demo and the exercises are built from these. Each flow ends when the bot has
answered the last step, so flows can follow one another (or a clock move) directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.survey.rules import UNSUR_KEYS
from emulator import BotMessage
from sandbox.office import Person, SandboxOffice
from sandbox.places import Place
from sandbox.steps import Actor, ScriptError, find_button, fragment, label, tracking_number
from storage.complaints import records as complaints
from storage.complaints.records import Complaint


@dataclass
class Filed:
    """A complaint as the scripts know it: its number and the unit it went to."""

    number: str
    unit: str


def actor(office: SandboxOffice, person: Person) -> Actor:
    return Actor(office, person)


def in_group(office: SandboxOffice, person: Person, unit: str) -> Actor:
    return Actor(office, person, office.groups[unit])


async def complaint(office: SandboxOffice, number: str) -> Complaint:
    found = await complaints.by_number(office.runtime.db, number)
    if found is None:
        raise ScriptError(f"no complaint {number} in the database")
    return found


# ----------------------------------------------------------------------- citizens


async def file_complaint(
    office: SandboxOffice,
    citizen: Person,
    category: str,
    kelurahan: str,
    description: str,
    *,
    photo: bytes | None = None,
    place: Place | None = None,
    confidential: bool = False,
) -> Filed:
    """``/lapor`` to the end: category and kelurahan by their codes in the office file."""
    person = actor(office, citizen)
    await person.send("/lapor")
    first = await person.expect("")
    if find_consent(first):
        await person.press(label("lapor.privacy_yes"))
    await person.press(office.office.category(category).label("id"))
    found = office.office.kelurahan_by_code(kelurahan)
    await person.press(found.name if found else label("lapor.unknown"))
    await person.expect(fragment("lapor.description"))
    await person.send(description)
    await person.expect(fragment("lapor.evidence"))
    if photo is not None:
        await person.photo(content=photo)
        await person.expect(fragment("lapor.evidence_added"))
    if place is not None:
        await person.location(place.latitude, place.longitude)
        await person.expect(fragment("lapor.evidence_added"))
    await person.press(label("lapor.done" if photo or place else "lapor.skip"))
    await person.press(label("lapor.identity_hide" if confidential else "lapor.identity_show"))
    await person.press(label("lapor.send"))
    number = tracking_number(await person.expect(fragment("lapor.submitted")))
    return Filed(number, (await complaint(office, number)).unit_code or "")


def find_consent(message: BotMessage) -> bool:
    wanted = label("lapor.privacy_yes")
    return any(b.get("text") == wanted for row in message.inline_keyboard for b in row)


async def answer_question(
    office: SandboxOffice, citizen: Person, filed: Filed, answer: str
) -> None:
    """The citizen replies to the unit's question about ``filed``."""
    person = actor(office, citizen)
    asked = fragment("cz.question")
    question = await person.expect_where(
        lambda m: asked in m.body and filed.number in m.body,
        f"the question about {filed.number}",
        since=0,
    )
    await person.send(answer, reply_to=question)
    await person.expect(fragment("cz.answer_forwarded"))


async def rate(
    office: SandboxOffice, citizen: Person, filed: Filed, rating: int, comment: str | None = None
) -> None:
    from bot.complaints.render import RATING_FACES

    person = actor(office, citizen)
    resolved = await _with_rating_buttons(person, filed)
    await person.press(
        label("cz.rate_button", rating=rating, face=RATING_FACES[rating - 1]), message=resolved
    )
    await person.expect(fragment("cz.rated"))
    if comment is not None:
        await person.send(comment)
        await person.expect(fragment("cz.comment_saved"))


async def not_fixed(office: SandboxOffice, citizen: Person, filed: Filed) -> None:
    person = actor(office, citizen)
    resolved = await _with_rating_buttons(person, filed)
    await person.press(label("cz.not_fixed"), message=resolved)
    await person.expect(filed.number)


async def _with_rating_buttons(person: Actor, filed: Filed) -> BotMessage:
    return await _with_button(person, filed.number, label("cz.not_fixed"))


async def _with_button(person: Actor, text: str, button: str) -> BotMessage:
    """The newest message of the person's chat mentioning ``text`` with ``button``."""
    return await person.expect_where(
        lambda m: text in m.body and find_button(m, button) is not None,
        f"a message about {text!r} with the button {button!r}",
        since=0,
    )


async def fill_survey(
    office: SandboxOffice,
    citizen: Person,
    service: str,
    scores: Sequence[int],
    suggestion: str | None = None,
) -> None:
    """``/survei`` for ``service`` (a code), U1..U9 scored 1-4, no profile answers."""
    from bot.core.catalog import t

    person = actor(office, citizen)
    await person.send("/survei")
    await person.press(office.office.service(service).label("id"))
    for key, score in zip(UNSUR_KEYS, scores, strict=True):
        await person.press(
            label("skm.answer_button", score=score, label=t("id", f"skm.{key}.{score}"))
        )
    for _profile_question in range(4):
        await person.press(label("skm.skip"))
    if suggestion is None:
        await person.press(label("skm.skip"))
    else:
        await person.send(suggestion)
    await person.press(label("skm.send"))
    await person.expect(fragment("skm.thanks"))


# -------------------------------------------------------------------------- staff


async def alert_of(office: SandboxOffice, staff: Person, filed: Filed) -> tuple[Actor, BotMessage]:
    """The staff member in their unit's group, and the live alert of ``filed``."""
    person = in_group(office, staff, filed.unit)
    alert = await person.expect_where(
        lambda m: f" {filed.number}" in m.body and bool(m.inline_keyboard),
        f"the alert of {filed.number}",
        since=0,
    )
    return person, alert


async def accept(office: SandboxOffice, staff: Person, filed: Filed) -> None:
    person, alert = await alert_of(office, staff, filed)
    await person.press(label("btn.accept"), message=alert)
    await person.expect(filed.number)


async def ask_info(office: SandboxOffice, staff: Person, filed: Filed, question: str) -> None:
    await _prompted(office, staff, filed, "btn.ask", question)


async def resolve(office: SandboxOffice, staff: Person, filed: Filed, note: str) -> None:
    await _prompted(office, staff, filed, "btn.resolve", note)


async def reassign(
    office: SandboxOffice, staff: Person, filed: Filed, unit: str, reason: str
) -> Filed:
    await _prompted(
        office, staff, filed, "btn.move", reason, choice=office.office.unit_label(unit, "id")
    )
    return Filed(filed.number, unit)


async def _prompted(
    office: SandboxOffice,
    staff: Person,
    filed: Filed,
    button: str,
    text: str,
    *,
    choice: str | None = None,
) -> None:
    """A button on the alert (then ``choice``, if any), and ``text`` as the reply to the
    question the bot asks the presser (group privacy mode: only replies reach the bot)."""
    person, alert = await alert_of(office, staff, filed)
    await person.press(label(button), message=alert)
    if choice is not None:
        await person.press(choice)
    prompt = await person.expect_prompt()
    await person.send(text, reply_to=prompt)
    await person.expect(filed.number)


async def reply_to_citizen(office: SandboxOffice, staff: Person, filed: Filed, text: str) -> None:
    """A reply to the alert: the citizen gets it in the unit's name."""
    person, alert = await alert_of(office, staff, filed)
    await person.send(text, reply_to=alert)
    await person.expect(filed.number)


# --------------------------------------------------------------------- trainings


async def plan_training(
    office: SandboxOffice,
    organiser: Person,
    title: str,
    when: str,
    duration: str,
    place: str,
    jp: int,
) -> None:
    """``/kegiatan_baru``: a training for all staff (``when`` as the bot reads it,
    e.g. ``2026-11-27 09:00``)."""
    person = actor(office, organiser)
    await person.send("/kegiatan_baru")
    await person.press(label("act.kind_btn.pelatihan"))
    await person.expect(fragment("actnew.title"))
    await person.send(title)
    await person.expect(fragment("actnew.when"))
    await person.send(when)
    await person.expect(fragment("actnew.duration"))
    await person.send(duration)
    await person.expect(fragment("actnew.place"))
    await person.send(place)
    await person.expect(fragment("actnew.jp"))
    await person.send(str(jp))
    await person.press(label("actnew.btn.all_staff", mark="⬜"))
    await person.press(label("actnew.btn.next"))
    await person.press(label("actnew.btn.skip"))
    await person.press(label("actnew.btn.save"))
    await person.expect(fragment("actnew.saved"))


async def answer_invitation(
    office: SandboxOffice, invitee: Person, title: str, coming: bool
) -> None:
    person = actor(office, invitee)
    answer = label("act.btn.yes" if coming else "act.btn.no")
    invitation = await _with_button(person, title, answer)
    await person.press(answer, message=invitation)


async def take_attendance(
    office: SandboxOffice, organiser: Person, title: str, present: Sequence[Person]
) -> None:
    """Make the checklist the organiser gets after the end say exactly who was
    ``present`` (it starts with those who accepted ticked), and save it."""
    person = actor(office, organiser)
    checklist = await _with_button(person, title, label("att.btn.save"))
    wanted = {attendee.user.full_name for attendee in present}
    marks = {"✅": True, "⬜": False}
    for row in checklist.buttons:
        for text in row:
            mark, _, name = text.partition(" ")
            if mark in marks and marks[mark] != (name in wanted):
                await person.press(text, message=checklist)  # follows the live version
    await person.press(label("att.btn.save"), message=checklist)
    await person.expect(fragment("att.saved"))
