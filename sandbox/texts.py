"""Texts of the sandbox page and its scenarios, in Indonesian and English (same keys).

The bot's own texts stay in the bot's catalog (``bot/texts``); these are the page's
labels, the demo story's narration and the training exercises. ``{name}`` placeholders
are filled by the page (plain text, never HTML).
"""

from __future__ import annotations

ID: dict[str, str] = {
    "page.title": "Mode Latihan — Bot Kecamatan Medan Marelan",
    "page.offline": "Semua berjalan di komputer ini: tidak ada pesan yang keluar ke Telegram.",
    "page.language": "English",
    "clock.label": "Jam kantor",
    "clock.hour": "+1 jam",
    "clock.tomorrow": "Besok 08.00",
    "clock.workday": "+1 hari kerja",
    "clock.monday": "Senin 07.30",
    "clock.moving": "Memajukan jam…",
    "pane.chat": "Obrolan",
    "pane.as": "Sebagai",
    "pane.add": "+ Panel",
    "pane.close": "Tutup panel",
    "chats.private": "Obrolan pribadi",
    "chats.groups": "Grup unit",
    "chats.new_citizen": "+ Warga baru",
    "composer.placeholder": "Tulis pesan atau /perintah…",
    "composer.send": "Kirim",
    "composer.photo": "Foto",
    "composer.document": "Dokumen",
    "composer.location": "Lokasi",
    "composer.replying": "Membalas {name}",
    "composer.cancel_reply": "Batal membalas",
    "message.reply": "Balas",
    "message.edited": "diedit",
    "message.location": "Lokasi",
    "message.service": "Peristiwa grup: {what}",
    "chat.start": "Mulai",
    "chat.empty": "Belum ada pesan. Tekan Mulai untuk membuka obrolan dengan bot.",
    "chat.members": "{n} anggota",
    "role.admin": "Admin",
    "role.supervisor": "Pimpinan (Camat)",
    "role.kepala": "Kepala {unit}",
    "role.staf": "Staf {unit}",
    "role.citizen": "Warga",
    "error.failed": "Tidak berhasil: {error}",
    "error.connection": "Sambungan ke sandbox terputus; menyambung ulang…",
    "rejected": "Permintaan bot yang ditolak emulator: {n}",
    "exercises.title": "Latihan",
    "exercises.done": "Semua latihan selesai. Bagus sekali!",
    "exercises.hint": "Petunjuk: {hint}",
    "story.title": "Cerita demo",
    "story.done": "Cerita selesai. Silakan mencoba sendiri.",
    "demo.file": "{name} melaporkan jalan berlubang, dengan foto dan lokasi.",
    "demo.accept": "{name} dari Seksi Pembangunan menerima pengaduan {number} di grup unit.",
    "demo.ask": "{name} meminta keterangan tambahan; tenggat berhenti sampai warga menjawab.",
    "demo.answer": "{name} menjawab dengan membalas pertanyaan petugas.",
    "demo.resolve": "{name} menyelesaikan pengaduan dengan catatan penyelesaian.",
    "demo.rate": "{name} menerima kabar selesai dan memberi nilai 5.",
    "demo.summary": "{name} (Camat) meminta /ringkasan dan menerima grafiknya.",
}

EN: dict[str, str] = {
    "page.title": "Training mode — Kecamatan Medan Marelan bot",
    "page.offline": "Everything runs on this computer: no message leaves for Telegram.",
    "page.language": "Bahasa Indonesia",
    "clock.label": "Office clock",
    "clock.hour": "+1 hour",
    "clock.tomorrow": "Tomorrow 08:00",
    "clock.workday": "+1 working day",
    "clock.monday": "Monday 07:30",
    "clock.moving": "Moving the clock…",
    "pane.chat": "Chat",
    "pane.as": "As",
    "pane.add": "+ Pane",
    "pane.close": "Close pane",
    "chats.private": "Private chats",
    "chats.groups": "Unit groups",
    "chats.new_citizen": "+ New citizen",
    "composer.placeholder": "Write a message or /command…",
    "composer.send": "Send",
    "composer.photo": "Photo",
    "composer.document": "Document",
    "composer.location": "Location",
    "composer.replying": "Replying to {name}",
    "composer.cancel_reply": "Cancel reply",
    "message.reply": "Reply",
    "message.edited": "edited",
    "message.location": "Location",
    "message.service": "Group event: {what}",
    "chat.start": "Start",
    "chat.empty": "No messages yet. Press Start to open the chat with the bot.",
    "chat.members": "{n} members",
    "role.admin": "Admin",
    "role.supervisor": "Supervisor (Camat)",
    "role.kepala": "Head of {unit}",
    "role.staf": "Staff of {unit}",
    "role.citizen": "Citizen",
    "error.failed": "Did not work: {error}",
    "error.connection": "Lost the connection to the sandbox; reconnecting…",
    "rejected": "Bot requests the emulator rejected: {n}",
    "exercises.title": "Exercises",
    "exercises.done": "All exercises done. Well done!",
    "exercises.hint": "Hint: {hint}",
    "story.title": "Demo story",
    "story.done": "The story is over. Try it yourself.",
    "demo.file": "{name} reports a pothole, with a photo and the location.",
    "demo.accept": "{name} of the Development Section accepts complaint {number} in the unit group.",
    "demo.ask": "{name} asks for details; the deadline stops until the citizen answers.",
    "demo.answer": "{name} answers by replying to the officer's question.",
    "demo.resolve": "{name} resolves the complaint with a resolution note.",
    "demo.rate": "{name} is told it is resolved and rates it 5.",
    "demo.summary": "{name} (the Camat) asks for /ringkasan and gets the chart.",
}

TEXTS = {"id": ID, "en": EN}


def texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, ID)


def text(language: str, key: str, **values: object) -> str:
    return texts(language)[key].format(**values)
