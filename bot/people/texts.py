"""Invitations, roles, unit group binding and the staff list."""

ID: dict[str, str] = {
    "cmd.blokir": "Blokir seseorang yang menyalahgunakan bot (id, alasan)",
    "cmd.buka_blokir": "Buka blokir seseorang (id)",
    "cmd.diblokir": "Daftar orang yang diblokir",
    "block.usage": "Cara pakai: <code>/blokir TELEGRAM_ID [alasan]</code>",
    "block.done": "<code>{id}</code> diblokir: bot memberi tahu sekali, lalu tidak menanggapi pesannya lagi. Buka lagi dengan <code>/buka_blokir {id}</code>.",
    "block.already": "<code>{id}</code> sudah diblokir.",
    "block.self": "Anda tidak dapat memblokir diri sendiri.",
    "block.staff": "<code>{id}</code> adalah petugas atau admin; cabut perannya dulu dengan <code>/cabut {id}</code>.",
    "block.notice": "Akun Anda diblokir oleh admin bot kecamatan karena penyalahgunaan; pesan Anda tidak lagi ditanggapi. Untuk keberatan, silakan datang ke Kantor Camat Medan Marelan.",
    "unblock.usage": "Cara pakai: <code>/buka_blokir TELEGRAM_ID</code>",
    "unblock.done": "Blokir <code>{id}</code> dibuka.",
    "unblock.not_blocked": "<code>{id}</code> tidak sedang diblokir.",
    "blocked.none": "Tidak ada yang diblokir.",
    "blocked.list": "<b>Diblokir ({count}):</b>\n{lines}",
    "blocked.line": "<code>{id}</code> · sejak {at} · {reason}",
    "flood.notice": "Mohon maaf, Anda mengirim pesan terlalu cepat. Agar semua warga terlayani, pesan Anda tidak kami tanggapi selama {minutes} menit. Setelah itu silakan lanjutkan seperti biasa.",
    "invite.usage": (
        "Cara pakai: <code>/undang &lt;staf|kepala|supervisor|admin&gt; [KODE_UNIT]</code>\n"
        "Peran staf dan kepala memerlukan kode unit: {units}"
    ),
    "invite.unknown_unit": "Kode unit <b>{code}</b> tidak dikenal. Pilihan: {units}",
    "invite.created": (
        "Tautan undangan untuk <b>{role}</b>{unit} (sekali pakai, berlaku sampai {expires}):\n"
        "{link}\n\nKirimkan tautan ini hanya kepada orang yang dimaksud."
    ),
    "invite.accepted": "Selamat datang! Anda sekarang terdaftar sebagai <b>{role}</b>{unit}.",
    "invite.invalid": (
        "Tautan undangan ini tidak berlaku (sudah dipakai, kedaluwarsa, atau salah). "
        "Mintalah tautan baru kepada admin."
    ),
    "invite.notify_admin": "✅ {name} menerima undangan sebagai <b>{role}</b>{unit}.",
    "invite.own": (
        "Ini tautan undangan Anda sendiri: kirimkan kepada orang yang dimaksud. Tautan itu "
        "tetap berlaku untuknya."
    ),
    "group.usage": "Cara pakai: <code>/grup_unit KODE_UNIT</code>. Pilihan: {units}",
    "group.replaced": " Grup sebelumnya (<b>{title}</b>) tidak lagi menerima pengaduan.",
    "group.unbound": (
        "ℹ️ Grup ini bukan lagi kanal <b>{unit}</b>: pengaduan unit ini kini dikirim ke grup "
        "<b>{title}</b>. Tombol pada pesan lama di sini tetap dapat dipakai."
    ),
    "group.bound": (
        "✅ Grup ini sekarang menjadi kanal <b>{unit}</b>. Pengaduan untuk unit ini akan "
        "dikirim ke sini.{replaced}\n\nBot berjalan dalam mode privasi: balaslah (reply) pesan bot "
        "agar bot dapat membaca tanggapan Anda."
    ),
    "group.refused": "Hanya admin yang dapat menetapkan grup unit.",
    "group.private": (
        "Perintah ini dipakai di dalam grup Telegram unit: tambahkan bot ke grup, lalu "
        "kirim <code>/grup_unit KODE_UNIT</code> di sana."
    ),
    "group.missing_warning": (
        "⚠️ Bot tidak dapat menjangkau grup unit <b>{unit}</b> ({title}). Tambahkan bot "
        "kembali ke grup itu lalu kirim /grup_unit {code}."
    ),
    "group.upgraded": (
        "ℹ️ Grup ini telah menjadi supergrup dan tetap menjadi kanal <b>{unit}</b>. Pesan bot "
        "dari sebelum peningkatan tidak diperbarui lagi; perubahan pengaduan lama muncul di "
        "sini sebagai pesan baru."
    ),
    "users.title": "<b>Pengguna terdaftar</b>",
    "users.unit_group": "\n<b>{unit}</b> · grup {title} (<code>{id}</code>)",
    "users.unit_fallback": (
        "\n<b>{unit}</b> · ⚠️ belum ada grup (/grup_unit {code}): pengaduannya dikirim ke {names}"
    ),
    "users.unit_nobody": (
        "\n<b>{unit}</b> · ⛔ belum ada grup (/grup_unit {code}) dan tidak ada supervisor "
        "atau admin yang dapat menerima pengaduannya"
    ),
    "users.uncovered": (
        "\n⛔ <b>Pengaduan unit berikut tidak akan sampai ke siapa pun:</b> {codes}. Hubungkan "
        "grupnya dengan /grup_unit atau undang supervisor (/undang supervisor)."
    ),
    "users.none_in_unit": "  (belum ada staf)",
    "users.line": "• {name} — {role} — <code>{id}</code>{unreachable}",
    "users.unreachable": " ⚠️ tidak terjangkau",
    "users.without_unit": "\n<b>Tanpa unit</b>",
    "revoke.usage": "Cara pakai: <code>/cabut TELEGRAM_ID</code>",
    "revoke.done": "Peran {name} (<code>{id}</code>) telah dicabut.",
    "revoke.unknown": "Tidak ada staf dengan ID <code>{id}</code>.",
    "revoke.config_admin": "{name} adalah admin dari pengaturan ADMIN_IDS; ubah pengaturan itu.",
    "revoke.notify": "Peran Anda di bot kecamatan telah dicabut oleh admin.",
    "admin.startup_problem": "⚠️ Pemeriksaan awal bot: {problem}",
}

EN: dict[str, str] = {
    "cmd.blokir": "Block someone who abuses the bot (id, reason)",
    "cmd.buka_blokir": "Unblock someone (id)",
    "cmd.diblokir": "List the people blocked",
    "block.usage": "Usage: <code>/blokir TELEGRAM_ID [reason]</code>",
    "block.done": "<code>{id}</code> is blocked: the bot tells them once, then no longer answers them. Unblock with <code>/buka_blokir {id}</code>.",
    "block.already": "<code>{id}</code> is blocked already.",
    "block.self": "You cannot block yourself.",
    "block.staff": "<code>{id}</code> is staff or an admin; remove their role first with <code>/cabut {id}</code>.",
    "block.notice": "Your account was blocked by the admin of the kecamatan's bot for misuse; your messages are no longer answered. To object, please come to the Kantor Camat Medan Marelan.",
    "unblock.usage": "Usage: <code>/buka_blokir TELEGRAM_ID</code>",
    "unblock.done": "<code>{id}</code> is unblocked.",
    "unblock.not_blocked": "<code>{id}</code> is not blocked.",
    "blocked.none": "Nobody is blocked.",
    "blocked.list": "<b>Blocked ({count}):</b>\n{lines}",
    "blocked.line": "<code>{id}</code> · since {at} · {reason}",
    "flood.notice": "Sorry, you are sending messages too fast. So that every citizen is served, your messages are not answered for {minutes} minutes. After that, please carry on as usual.",
    "invite.usage": (
        "Usage: <code>/undang &lt;staf|kepala|supervisor|admin&gt; [UNIT_CODE]</code>\n"
        "The staf and kepala roles need a unit code: {units}"
    ),
    "invite.unknown_unit": "Unknown unit code <b>{code}</b>. Choices: {units}",
    "invite.created": (
        "Invitation link for <b>{role}</b>{unit} (single use, valid until {expires}):\n"
        "{link}\n\nSend this link only to the person it is meant for."
    ),
    "invite.accepted": "Welcome! You are now registered as <b>{role}</b>{unit}.",
    "invite.invalid": (
        "This invitation link is not valid (already used, expired or wrong). "
        "Please ask the admin for a new one."
    ),
    "invite.notify_admin": "✅ {name} accepted the invitation as <b>{role}</b>{unit}.",
    "invite.own": (
        "This is your own invitation link: send it to the person it is meant for. It stays "
        "valid for them."
    ),
    "group.usage": "Usage: <code>/grup_unit UNIT_CODE</code>. Choices: {units}",
    "group.replaced": " The previous group (<b>{title}</b>) no longer receives complaints.",
    "group.unbound": (
        "ℹ️ This group is no longer the channel of <b>{unit}</b>: its complaints now go to "
        "the group <b>{title}</b>. Buttons on older messages here still work."
    ),
    "group.bound": (
        "✅ This group is now the channel of <b>{unit}</b>. Complaints for this unit will be "
        "sent here.{replaced}\n\nThe bot runs in privacy mode: reply to the bot's messages so that it "
        "can read your answers."
    ),
    "group.refused": "Only an admin can bind a unit group.",
    "group.private": (
        "This command belongs in the unit's Telegram group: add the bot to the group, then "
        "send <code>/grup_unit UNIT_CODE</code> there."
    ),
    "group.missing_warning": (
        "⚠️ The bot cannot reach the group of <b>{unit}</b> ({title}). Add the bot to that "
        "group again, then send /grup_unit {code}."
    ),
    "group.upgraded": (
        "ℹ️ This group has become a supergroup and is still the channel of <b>{unit}</b>. The "
        "bot's messages from before the upgrade are no longer updated; changes to older "
        "complaints appear here as new messages."
    ),
    "users.title": "<b>Registered users</b>",
    "users.unit_group": "\n<b>{unit}</b> · group {title} (<code>{id}</code>)",
    "users.unit_fallback": (
        "\n<b>{unit}</b> · ⚠️ no group yet (/grup_unit {code}): its complaints go to {names}"
    ),
    "users.unit_nobody": (
        "\n<b>{unit}</b> · ⛔ no group yet (/grup_unit {code}) and no supervisor or admin "
        "who can receive its complaints"
    ),
    "users.uncovered": (
        "\n⛔ <b>Complaints of these units would reach nobody:</b> {codes}. Bind their groups "
        "with /grup_unit or invite a supervisor (/undang supervisor)."
    ),
    "users.none_in_unit": "  (no staff yet)",
    "users.line": "• {name} — {role} — <code>{id}</code>{unreachable}",
    "users.unreachable": " ⚠️ unreachable",
    "users.without_unit": "\n<b>Without a unit</b>",
    "revoke.usage": "Usage: <code>/cabut TELEGRAM_ID</code>",
    "revoke.done": "The role of {name} (<code>{id}</code>) has been removed.",
    "revoke.unknown": "There is no staff member with id <code>{id}</code>.",
    "revoke.config_admin": "{name} is an admin through ADMIN_IDS; change that setting.",
    "revoke.notify": "Your role in the district bot has been removed by an admin.",
    "admin.startup_problem": "⚠️ Bot start-up check: {problem}",
}
