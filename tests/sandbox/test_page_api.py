"""The page's HTTP side without a browser: acting as people, the event stream, files, the
clock and new citizens, and what the server refuses."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest_asyncio

from emulator.files import make_png
from sandbox.office import SandboxOffice
from sandbox.scenario import first
from sandbox.web import SandboxPage
from storage.people import directory as people

Session = aiohttp.ClientSession


@pytest_asyncio.fixture
async def http(sandbox: SandboxPage) -> AsyncIterator[Session]:
    async with aiohttp.ClientSession(sandbox.address) as session:
        yield session


async def post(http: Session, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    async with http.post(path, json=body) as response:
        return response.status, await response.json()


async def next_event(
    stream: aiohttp.StreamReader, kind: str, where: Any = lambda _data: True
) -> dict[str, Any]:
    """Read server-sent events until one of ``kind`` satisfies ``where``."""
    event = None
    async for raw in stream:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: ") and event == kind:
            data = json.loads(line[6:])
            if where(data):
                return data
    raise AssertionError(f"the stream ended before a {kind} event")


def citizen_of(office: SandboxOffice) -> int:
    person = first(office, "citizen")
    assert person is not None
    return person.id


async def test_state_lists_the_seeded_office_with_roles_from_the_bot(
    sandbox: SandboxPage, http: Session
) -> None:
    async with http.get("/api/state") as response:
        state = await response.json()
    roles = sorted((p["role"], p["unit"] or "") for p in state["people"])
    units = [u.code for u in sandbox.office.office.units]
    expected = [("admin", ""), ("supervisor", ""), ("citizen", ""), ("citizen", "")]
    expected += [(role, unit) for unit in units for role in ("kepala", "staf")]
    assert roles == sorted(expected)
    for person in state["people"]:
        stored = await people.get(sandbox.office.runtime.db, person["id"])
        if person["role"] not in ("citizen", "admin"):  # the admin is one by ADMIN_IDS
            assert stored is not None and stored.role == person["role"]
    groups = [c for c in state["chats"] if c["type"] == "group"]
    assert sorted(g["unit"] for g in groups) == sorted(units)
    assert len(state["panes"]) == 3
    assert state["texts"]["clock.workday"] == "+1 hari kerja"
    assert state["rejected"] == 0


async def test_a_person_writes_and_the_event_stream_shows_the_bots_answer(
    sandbox: SandboxPage, http: Session
) -> None:
    citizen = citizen_of(sandbox.office)
    async with http.get("/api/events") as events:
        status, sent = await post(
            http, f"/api/chats/{citizen}/send", {"as": citizen, "text": "/start"}
        )
        assert status == 200
        own = await next_event(events.content, "message", lambda m: m["id"] == sent["message_id"])
        assert own["html"].startswith('<span class="command" data-command="/start">')
        answer = await next_event(
            events.content, "message", lambda m: m["chat"] == citizen and m["from_bot"]
        )
    assert answer["buttons"], "the /start menu comes with buttons"
    first_button = answer["buttons"][0][0]
    status, pressed = await post(
        http,
        f"/api/chats/{citizen}/press",
        {"as": citizen, "message_id": answer["id"], "data": first_button["data"]},
    )
    assert status == 200 and set(pressed) == {"text", "show_alert", "url"}
    async with http.get(f"/api/chats/{citizen}") as response:
        history = (await response.json())["messages"]
    assert [m["id"] for m in history][:2] == [sent["message_id"], answer["id"]]


async def test_people_act_only_where_they_are(sandbox: SandboxPage, http: Session) -> None:
    office = sandbox.office
    citizen = citizen_of(office)
    group = office.groups["PEMB"]
    assert (
        await post(http, f"/api/chats/{office.admin.id}/send", {"as": citizen, "text": "halo"})
    )[0] == 400  # someone else's chat
    status, body = await post(http, f"/api/chats/{group.id}/send", {"as": citizen, "text": "halo"})
    assert status == 400 and "cannot write" in body["error"]
    assert (await post(http, f"/api/chats/{citizen}/send", {"as": citizen, "text": " "}))[0] == 400
    async with http.post(f"/api/chats/{citizen}/send", data="as=1&text=x") as response:
        assert response.status == 400  # JSON only


async def test_a_post_from_another_site_is_refused(sandbox: SandboxPage, http: Session) -> None:
    citizen = citizen_of(sandbox.office)
    async with http.post(
        f"/api/chats/{citizen}/send",
        json={"as": citizen, "text": "/start"},
        headers={"Origin": "https://evil.example"},
    ) as response:
        assert response.status == 403
    assert sandbox.office.world.messages(citizen) == []


async def test_uploaded_pictures_are_images_and_documents_only_downloads(
    sandbox: SandboxPage, http: Session
) -> None:
    citizen = citizen_of(sandbox.office)
    picture = make_png(20, 10)
    for kind, name, content in (
        ("photo", "foto.png", picture),
        ("document", "surat.html", b"<script>alert(1)</script>"),
    ):
        form = aiohttp.FormData()
        form.add_field("as", str(citizen))
        form.add_field("kind", kind)
        form.add_field("file", content, filename=name, content_type="text/html")
        async with http.post(f"/api/chats/{citizen}/upload", data=form) as response:
            assert response.status == 200, await response.text()
    photo, document = sandbox.office.world.messages(citizen)[:2]
    async with http.get(f"/api/files/{photo.photo[-1]['file_id']}") as response:
        assert response.content_type == "image/png" and await response.read() == picture
    async with http.get(f"/api/files/{document.document['file_id']}") as response:
        assert response.content_type == "application/octet-stream"
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    form = aiohttp.FormData()
    form.add_field("as", str(citizen))
    form.add_field("kind", "photo")
    form.add_field("file", b"not a picture", filename="x.png")
    async with http.post(f"/api/chats/{citizen}/upload", data=form) as response:
        assert response.status == 400


async def test_the_clock_moves_forward_and_new_citizens_join(
    sandbox: SandboxPage, http: Session
) -> None:
    status, clock = await post(http, "/api/clock", {"step": "workday"})
    assert status == 200 and clock["label"] == "Kamis, 26 November 2026 pukul 09.00 WIB"
    assert (await post(http, "/api/clock", {"step": "yesterday"}))[0] == 400
    status, newcomer = await post(http, "/api/citizens", {})
    assert status == 200 and newcomer["id"] in sandbox.office.people
    names = [p.user.full_name for p in sandbox.office.people.values()]
    assert len(names) == len(set(names))
    status, _ = await post(
        http, f"/api/chats/{newcomer['id']}/location", {"as": newcomer["id"], "place": "siombak"}
    )
    assert status == 200
    pin = sandbox.office.world.messages(newcomer["id"])[-1]
    assert pin.location == {"latitude": 3.742, "longitude": 98.6705}
