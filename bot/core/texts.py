"""Greeting, help, language, cancel, errors and role refusals."""

ID: dict[str, str] = {
    "start.greeting": (
        "Halo, {name}! 👋\n"
        "Ini kanal resmi <b>{office}</b> di Telegram.\n\n"
        "Di sini Anda dapat menyampaikan pengaduan, saran, dan kritik kepada ASN kecamatan, "
        "memantau tindak lanjutnya dengan nomor pengaduan, menilai pelayanan, dan ikut forum "
        "warga. Layanan ini gratis.\n\n"
        "Pilih menu di bawah atau ketik /bantuan."
    ),
    "start.greeting_staff": (
        "\n\nAnda terdaftar sebagai <b>{role}</b>{unit}. Ketik /bantuan untuk perintah Anda."
    ),
    "start.unit_suffix": " di {unit}",
    "menu.help": "❓ Bantuan",
    "menu.language": "🌐 Bahasa / Language",
    "help.title": "<b>Perintah yang dapat Anda gunakan</b>",
    "help.section.everyone": "\n<b>Untuk semua</b>",
    "help.section.staff_tools": "\n<b>Staf</b>",
    "help.section.unit_reports": "\n<b>Kepala unit dan pimpinan</b>",
    "help.section.office_reports": "\n<b>Pimpinan</b>",
    "help.section.personal_data": "\n<b>Data pribadi</b>",
    "help.section.manage_staff": "\n<b>Admin</b>",
    "help.section.group": "\n<b>Di grup unit</b>",
    "help.evidence": (
        "\n📎 Pengaduan dapat dilampiri foto, gambar (JPG/PNG, juga yang dikirim sebagai "
        "file), dokumen PDF, pesan suara, video, dan lokasi. Foto dengan keterangan boleh "
        "dikirim lebih dulu; pesan teks berikutnya melengkapi uraiannya. Lokasi yang jauh di "
        "luar kecamatan ditanyakan dulu kepada Anda."
    ),
    "help.forum": (
        "\n🗣️ Forum warga publik hanya sampai ke warga yang berlangganan lewat /forum. "
        "Setelah menyimpannya, bagikan tautan (dan kode QR) yang diberikan bot."
    ),
    "help.footer": (
        "\nJika pengaduan Anda tidak ditangani dengan baik, Anda dapat melapor ke "
        "Ombudsman RI atau DPRD Kota Medan (UU 25/2009)."
    ),
    "cmd.start": "Mulai dan menu utama",
    "cmd.bantuan": "Daftar perintah",
    "cmd.bahasa": "Ganti bahasa",
    "cmd.batal": "Batalkan proses yang sedang berjalan",
    "cmd.undang": "Buat tautan undangan staf",
    "cmd.grup_unit": "Jadikan grup ini kanal unit",
    "cmd.pengguna": "Staf per unit, grupnya, dan penerima pengaduan unit tanpa grup",
    "cmd.cabut": "Cabut peran seseorang",
    "language.choose": "Pilih bahasa:",
    "language.set": "Bahasa diganti ke Bahasa Indonesia.",
    "language.name.id": "🇮🇩 Bahasa Indonesia",
    "language.name.en": "🇬🇧 English",
    "cancel.done": "Dibatalkan. Ketik /start untuk kembali ke menu.",
    "cancel.nothing": "Tidak ada proses yang sedang berjalan.",
    "flow.busy": "Anda masih mengisi {flow}. Selesaikan dulu, atau ketik /batal untuk membatalkannya.",
    "flow.complaint": "pengaduan",
    "flow.survey": "survei kepuasan",
    "flow.activity_new": "kegiatan baru",
    "flow.activity_edit": "perubahan kegiatan",
    "error.generic": (
        "Maaf, terjadi kesalahan di sisi kami. Data Anda aman; silakan coba lagi sebentar lagi."
    ),
    "backup.failed": (
        "⚠️ Cadangan (backup) basis data malam ini gagal: {error}\n"
        "Folder: <code>{folder}</code>. Periksa ruang disk dan izin folder, lalu buat "
        "cadangan manual dengan <code>marelan-bot backup FILE</code>."
    ),
    "error.after_commit": (
        "✅ Perubahan Anda sudah tersimpan, tetapi jawaban bot terganggu di jaringan. "
        "Tidak perlu diulang."
    ),
    "error.button_unknown": "Tombol ini sudah tidak berlaku.",
    "error.not_allowed": "Maaf, ini bukan wewenang Anda.",
    "group.private_only": (
        "Perintah /{command} dipakai di chat pribadi dengan bot, agar data Anda tidak "
        "terlihat anggota grup. Tekan tombol di bawah, lalu kirim /{command} di sana."
    ),
    "group.open_private": "💬 Buka chat dengan bot",
    "error.unknown_command": (
        "Perintah /{command} tidak dikenal. Ketik /bantuan untuk melihat perintah yang dapat "
        "Anda pakai."
    ),
    "error.edit_ignored": (
        "✏️ Perubahan pada pesan yang sudah terkirim tidak diproses ulang. Jika ada yang perlu "
        "dikoreksi, kirim pesan baru."
    ),
    "error.anonymous_admin": (
        "Pesan ini terkirim atas nama grup (admin anonim), jadi bot tidak tahu siapa "
        "pengirimnya dan tidak dapat memprosesnya. Matikan <i>Tetap Anonim</i> di hak admin "
        "Anda (Kelola Grup → Administrator), lalu kirim ulang."
    ),
    "error.private_only": "Perintah ini hanya dapat digunakan di chat pribadi dengan bot.",
    "error.group_only": "Perintah ini hanya dapat digunakan di grup unit.",
    "role.citizen": "Warga",
    "role.staf": "Staf",
    "role.kepala": "Kepala Unit",
    "role.supervisor": "Pimpinan",
    "role.admin": "Admin",
}

EN: dict[str, str] = {
    "start.greeting": (
        "Hello, {name}! 👋\n"
        "This is the official Telegram channel of <b>{office}</b>.\n\n"
        "Here you can send complaints, suggestions and criticism to the district's civil "
        "servants, follow up on them by complaint number, rate the service and join citizen "
        "forums. This service is free of charge.\n\n"
        "Choose from the menu below or type /bantuan."
    ),
    "start.greeting_staff": (
        "\n\nYou are registered as <b>{role}</b>{unit}. Type /bantuan for your commands."
    ),
    "start.unit_suffix": " in {unit}",
    "menu.help": "❓ Help",
    "menu.language": "🌐 Bahasa / Language",
    "help.title": "<b>Commands you can use</b>",
    "help.section.everyone": "\n<b>For everyone</b>",
    "help.section.staff_tools": "\n<b>Staff</b>",
    "help.section.unit_reports": "\n<b>Heads of unit and supervisors</b>",
    "help.section.office_reports": "\n<b>Supervisors</b>",
    "help.section.personal_data": "\n<b>Personal data</b>",
    "help.section.manage_staff": "\n<b>Admin</b>",
    "help.section.group": "\n<b>In unit groups</b>",
    "help.evidence": (
        "\n📎 A complaint may carry photos, pictures (JPG/PNG, also sent as a file), PDF "
        "documents, voice notes, videos and a location. You may send a captioned photo "
        "first; the next text message completes the description. A location far outside the "
        "district is confirmed with you first."
    ),
    "help.forum": (
        "\n🗣️ A public citizen forum reaches only the citizens subscribed through /forum. "
        "After saving one, share the link (and QR code) the bot gives you."
    ),
    "help.footer": (
        "\nIf your complaint is not handled properly you may report to the Ombudsman of the "
        "Republic of Indonesia or the Medan city council (DPRD), as UU 25/2009 provides."
    ),
    "cmd.start": "Start and main menu",
    "cmd.bantuan": "List of commands",
    "cmd.bahasa": "Change language",
    "cmd.batal": "Cancel what is in progress",
    "cmd.undang": "Create a staff invitation link",
    "cmd.grup_unit": "Make this group a unit channel",
    "cmd.pengguna": "Staff by unit, their groups, and who gets complaints of units without one",
    "cmd.cabut": "Remove someone's role",
    "language.choose": "Choose a language:",
    "language.set": "Language switched to English.",
    "language.name.id": "🇮🇩 Bahasa Indonesia",
    "language.name.en": "🇬🇧 English",
    "cancel.done": "Cancelled. Type /start to return to the menu.",
    "cancel.nothing": "Nothing is in progress.",
    "flow.busy": "You are still filling in {flow}. Finish it first, or type /batal to cancel it.",
    "flow.complaint": "a complaint",
    "flow.survey": "the satisfaction survey",
    "flow.activity_new": "a new activity",
    "flow.activity_edit": "a change to an activity",
    "error.generic": (
        "Sorry, something went wrong on our side. Your data is safe; please try again shortly."
    ),
    "backup.failed": (
        "⚠️ Tonight's database backup failed: {error}\n"
        "Folder: <code>{folder}</code>. Check the disk space and the folder's permissions, "
        "then make a manual backup with <code>marelan-bot backup FILE</code>."
    ),
    "error.after_commit": (
        "✅ Your change was saved, but the bot's answer was disrupted on the network. "
        "There is no need to repeat it."
    ),
    "error.button_unknown": "This button is no longer valid.",
    "error.not_allowed": "Sorry, this is not within your authority.",
    "group.private_only": (
        "The /{command} command works in a private chat with the bot, so that your data "
        "stays out of the group. Press the button below, then send /{command} there."
    ),
    "group.open_private": "💬 Open the chat with the bot",
    "error.unknown_command": (
        "The command /{command} is unknown. Type /bantuan to see the commands you can use."
    ),
    "error.edit_ignored": (
        "✏️ Edits of a message already sent are not processed again. If something needs "
        "correcting, please send a new message."
    ),
    "error.anonymous_admin": (
        "This was sent in the group's name (anonymous admin), so the bot cannot tell who "
        "sent it and cannot act on it. Turn off <i>Remain anonymous</i> in your admin "
        "rights (Manage group → Administrators), then send it again."
    ),
    "error.private_only": "This command only works in a private chat with the bot.",
    "error.group_only": "This command only works in a unit group.",
    "role.citizen": "Citizen",
    "role.staf": "Staff",
    "role.kepala": "Head of unit",
    "role.supervisor": "Supervisor",
    "role.admin": "Admin",
}
