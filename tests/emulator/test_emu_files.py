"""Files: uploads (multipart), re-sending by file_id, getFile + download, copies, albums."""

from __future__ import annotations

import pytest
from telegram import Bot, InputMediaDocument, InputMediaPhoto
from telegram.error import BadRequest

from emulator import BotWorld
from emulator.files import make_png


async def test_user_photo_download_and_reupload(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    sent = await siti.send_photo("jalan rusak di Jl. Marelan Raya")
    assert sent.kind == "photo" and 2 <= len(sent.photo) <= 3
    assert len({size["file_unique_id"] for size in sent.photo}) == len(sent.photo)
    update = (await bot.get_updates())[-1]
    largest = update.message.photo[-1]
    assert update.message.caption == "jalan rusak di Jl. Marelan Raya"
    file = await bot.get_file(largest.file_id)
    assert file.file_path.endswith(
        f"/file/bot{world.token}/{world.files.get(largest.file_id).file_path}"
    )
    data = bytes(await file.download_as_bytearray())
    assert data == world.file_bytes(largest.file_id)
    assert data.startswith(b"\x89PNG")

    by_id = await bot.send_photo(
        siti.id, largest.file_id, caption="<b>Diteruskan</b>", parse_mode="HTML"
    )
    assert by_id.photo[-1].file_id == largest.file_id
    assert by_id.caption == "Diteruskan"
    upload = await bot.send_photo(siti.id, make_png(40, 30), caption="baru")
    assert (upload.photo[-1].width, upload.photo[-1].height) == (40, 30)
    assert upload.photo[-1].file_id != largest.file_id
    inbox = siti.inbox
    assert [m.kind for m in inbox] == ["photo", "photo"]
    assert inbox[0].caption_html == "<b>Diteruskan</b>"


async def test_photo_and_file_errors(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier/HTTP URL specified"):
        await bot.send_photo(siti.id, "AgACAgIAAxkBAAnotarealfileid")
    with pytest.raises(BadRequest, match=r"(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(siti.id, b"this is not an image")
    document = await siti.send_document()
    with pytest.raises(BadRequest, match=r"(?i)type of file mismatch"):
        await bot.send_photo(siti.id, document.document["file_id"])
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(siti.id, make_png(), caption="x" * 1025)


async def test_documents(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    sent = await siti.send_document("ktp.pdf", content=b"%PDF-1.4 ktp", caption="KTP saya")
    update = (await bot.get_updates())[-1]
    assert update.message.document.file_name == "ktp.pdf"
    assert update.message.document.mime_type == "application/pdf"
    copy = await bot.send_document(siti.id, b"laporan,1\n", filename="laporan.csv", caption="Rekap")
    assert copy.document.file_name == "laporan.csv"
    assert world.file_bytes(copy.document.file_id) == b"laporan,1\n"
    again = await bot.send_document(siti.id, sent.document["file_id"])
    assert again.document.file_unique_id == sent.document["file_unique_id"]


async def test_copy_a_citizens_photo_to_a_unit_group(bot: Bot, world: BotWorld) -> None:
    siti, petugas = world.user("Siti"), world.user("Petugas")
    unit = world.group("Unit Kebersihan", members=[petugas])
    photo = await siti.send_photo("sampah menumpuk")
    copied = await bot.copy_message(unit.id, siti.id, photo.message_id, caption="Aduan #12")
    landed = await unit.next_message()
    assert landed.message_id == copied.message_id
    assert landed.kind == "photo" and landed.photo == photo.photo
    assert landed.caption == "Aduan #12"
    assert landed.copied_from == (siti.id, photo.message_id)
    location = await siti.send_location(3.7, 98.6)
    await bot.copy_message(unit.id, siti.id, location.message_id)
    assert (await unit.next_message()).location == {"latitude": 3.7, "longitude": 98.6}
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(unit.id, siti.id, 9999)
    forwarded = await bot.forward_message(unit.id, siti.id, photo.message_id)
    assert forwarded.forward_origin.sender_user.id == siti.id


async def test_media_group(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    album = await bot.send_media_group(
        siti.id,
        [
            InputMediaPhoto(make_png(10, 10), caption="<i>satu</i>", parse_mode="HTML"),
            InputMediaPhoto(make_png(20, 10)),
        ],
    )
    assert len(album) == 2 and album[0].media_group_id == album[1].media_group_id
    assert album[0].caption == "satu" and album[1].caption is None
    with pytest.raises(BadRequest, match=r"(?i)documents can't be mixed"):
        await bot.send_media_group(
            siti.id,
            [InputMediaPhoto(make_png()), InputMediaDocument(b"doc", filename="a.txt")],
        )


async def test_voice_notes_and_videos(bot: Bot, world: BotWorld) -> None:
    """A person's voice note and video reach the bot as Voice and Video; the bot sends
    them on by file_id (a unit group gets the citizen's evidence) or uploads new ones."""
    siti, petugas = world.user("Siti"), world.user("Petugas")
    unit = world.group("Unit Kebersihan", members=[petugas])
    await siti.send_voice(duration=7)
    voice = (await bot.get_updates())[-1].message.voice
    assert _seconds(voice.duration) == 7 and voice.mime_type == "audio/ogg"
    await siti.send_video("banjir di gang", duration=12)
    message = (await bot.get_updates(offset=-1))[-1].message
    assert _seconds(message.video.duration) == 12 and message.caption == "banjir di gang"

    sent_voice = await bot.send_voice(unit.id, voice.file_id, caption="Aduan #1 · 1/2")
    sent_video = await bot.send_video(unit.id, message.video.file_id)
    assert sent_voice.voice.file_unique_id == voice.file_unique_id
    assert sent_video.video.file_unique_id == message.video.file_unique_id
    landed = unit.bot_messages
    assert [m.kind for m in landed] == ["voice", "video"]
    assert landed[0].caption == "Aduan #1 · 1/2" and landed[1].extra["video"]["duration"] == 12
    uploaded = await bot.send_video(
        unit.id, b"\x00\x00\x00\x18ftypmp42", duration=3, width=320, height=240
    )
    assert (uploaded.video.width, _seconds(uploaded.video.duration)) == (320, 3)
    with pytest.raises(BadRequest, match=r"(?i)type of file mismatch"):
        await bot.send_voice(unit.id, message.video.file_id)
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_video(unit.id, "BAACAgIAAxkBAAnotarealfileid")


def _seconds(duration: object) -> int:
    """PTB gives durations as timedelta (or int, depending on its settings)."""
    return int(duration.total_seconds()) if hasattr(duration, "total_seconds") else duration
