"""Personal-data rights (UU 27/2022): /datasaya, /hapusdata, and what staff see of them."""

ID: dict[str, str] = {
    "cmd.datasaya": "Lihat dan unduh data pribadi Anda",
    "cmd.hapusdata": "Hapus data pribadi Anda / tarik persetujuan",
    "pd.summary": (
        "🔐 <b>Data pribadi Anda di bot {office}</b>\n\n"
        "<b>Profil</b>: {profile}\n"
        "Mulai memakai bot: {started}\n"
        "Persetujuan pemberitahuan privasi: {consent}\n"
        "<b>Pengaduan</b>: {complaints}\n"
        "<b>Respons survei kepuasan</b>: {responses}\n"
        "<b>Undangan kegiatan</b>: {activities}\n"
        "<b>Langganan forum warga</b>: {forum}\n\n"
        "Salinan lengkapnya (JSON, dapat dibaca mesin) ada di berkas berikut. Catatan "
        "internal petugas tidak termasuk: itu catatan kerja kantor, bukan data Anda.\n\n"
        "<b>Memperbaiki data</b>: nama dan username diambil dari akun Telegram Anda dan "
        "diperbarui otomatis setiap kali Anda menulis ke bot, jadi ubahlah di pengaturan "
        "Telegram. Isi pengaduan yang sudah terkirim tidak diubah: kirim koreksi dengan "
        "membalas pesan bot tentang pengaduan itu, atau hubungi kantor camat.\n"
        "<b>Menghapus data atau menarik persetujuan</b>: /hapusdata."
    ),
    "pd.profile": "{name}{username} · {language} · {role}{unit}",
    "pd.username": " (@{username})",
    "pd.profile_erased": (
        "nama dihapus pada {when}; tidak disimpan lagi sampai Anda kembali menyetujui "
        "pemberitahuan privasi · {language}"
    ),
    "pd.consent_given": "diberikan {when}",
    "pd.consent_withdrawn": "ditarik {when}",
    "pd.consent_none": "belum (diminta sebelum pengaduan pertama)",
    "pd.complaints": "{count} ({open} masih ditangani)",
    "pd.forum_yes": "ya, sejak {when}",
    "pd.forum_no": "tidak",
    "pd.unknown": "—",
    "pd.caption": "Salinan data pribadi Anda per {when}.",
    "pd.explain": (
        "🗑 <b>Menghapus data pribadi Anda</b>\n\n"
        "Jika Anda menekan <b>Hapus data saya</b>, saat itu juga:\n"
        "• persetujuan Anda atas pemberitahuan privasi ditarik, dan nama serta username "
        "Telegram Anda dihapus dari data kami;\n"
        "• {complaints} pengaduan Anda tetap disimpan sebagai arsip pelayanan publik, tetapi "
        "tanpa identitas Anda: petugas, grup unit, dan laporan tidak lagi melihat siapa "
        "pelapornya;\n"
        "• {open} pengaduan yang masih ditangani ditutup sebagai ditarik oleh pelapor, dan "
        "unitnya diberi tahu;\n"
        "{conduct}"
        "• {responses} respons survei tetap dihitung dalam IKM, tanpa jawaban profil dan "
        "saran Anda;\n"
        "• {invitations} undangan kegiatan yang belum berlangsung ditarik{forum};\n"
        "• draf pengaduan atau survei yang belum terkirim dibuang.\n\n"
        "Ini tidak dapat dibatalkan. ID Telegram Anda tetap tercatat pada arsip pengaduan "
        "karena diperlukan sistem. Data baru disimpan lagi hanya jika Anda kembali "
        "menyetujui pemberitahuan privasi (misalnya dengan /lapor)."
    ),
    "pd.explain_forum": ", dan langganan forum warga Anda dihentikan",
    "pd.explain_conduct": (
        "• {count} pengaduan tentang perilaku petugas tetap ditangani pimpinan kecamatan "
        "sampai selesai, tanpa identitas Anda (menyangkut integritas kantor, bukan hanya "
        "Anda);\n"
    ),
    "pd.erase_yes": "🗑 Hapus data saya",
    "pd.erase_no": "Batal",
    "pd.kept": "Dibatalkan. Tidak ada data yang diubah.",
    "pd.erased": (
        "✅ <b>Data pribadi Anda telah dihapus.</b>\n\n"
        "• Nama dan username Anda dihapus; persetujuan privasi ditarik.\n"
        "• {complaints} pengaduan disimpan tanpa identitas Anda{closed}{kept}.\n"
        "• {responses} respons survei: jawaban profil dan saran dihapus.\n"
        "• {invitations} undangan kegiatan ditarik{forum}.\n"
        "• Draf yang belum terkirim dibuang.\n\n"
        "Anda tetap dapat memakai bot; untuk pengaduan baru kami akan meminta persetujuan "
        "Anda lagi."
    ),
    "pd.erased_closed": "; ditutup sebagai ditarik: {numbers}",
    "pd.erased_kept": (
        "; tentang perilaku petugas, tetap ditangani pimpinan tanpa identitas Anda: {numbers}"
    ),
    "pd.erased_forum": "; langganan forum warga dihentikan",
    "pd.expired": "Tombol ini sudah kedaluwarsa. Ketik /hapusdata lagi.",
    "pd.staff": (
        "Anda terdaftar sebagai <b>{role}</b>. Peran staf adalah data kepegawaian dan tidak "
        "dapat dihapus sendiri di sini. Mintalah admin kecamatan mencabut peran Anda "
        "(/cabut); setelah itu Anda dapat menghapus data pribadi Anda dengan /hapusdata. "
        "Untuk melihat data Anda: /datasaya."
    ),
    "grp.withdrawn": (
        "🚫 <b>{number} ditutup</b>: pelapor menarik pengaduan ini dan menghapus data "
        "pribadinya (UU 27/2022). Identitas pelapor kini dirahasiakan."
    ),
    "grp.reporter_erased_conduct": (
        "🔒 <b>{number} tetap terbuka</b>: pelapor menghapus data pribadinya (UU 27/2022). "
        "Pengaduan tentang perilaku petugas ini tetap ditangani pimpinan; identitas pelapor "
        "kini dirahasiakan."
    ),
    "timeline.withdrawn": "Ditutup: ditarik oleh pelapor (data pribadi dihapus)",
    "ticket.event.withdrawn": "menarik pengaduan (data pribadi dihapus); ditutup",
    "ticket.event.reporter_erased": "menghapus data pribadinya; identitas kini dirahasiakan",
}

EN: dict[str, str] = {
    "cmd.datasaya": "See and download your personal data",
    "cmd.hapusdata": "Erase your personal data / withdraw consent",
    "pd.summary": (
        "🔐 <b>Your personal data in the {office} bot</b>\n\n"
        "<b>Profile</b>: {profile}\n"
        "Started using the bot: {started}\n"
        "Consent to the privacy notice: {consent}\n"
        "<b>Complaints</b>: {complaints}\n"
        "<b>Satisfaction survey responses</b>: {responses}\n"
        "<b>Activity invitations</b>: {activities}\n"
        "<b>Citizen forum subscription</b>: {forum}\n\n"
        "The complete copy (JSON, machine-readable) is in the next file. Officers' internal "
        "notes are not included: they are the office's working notes, not your data.\n\n"
        "<b>Correcting your data</b>: your name and username come from your Telegram "
        "account and are updated automatically whenever you write to the bot, so change "
        "them in Telegram's settings. A complaint already sent is not changed: send a "
        "correction by replying to the bot's message about it, or contact the district "
        "office.\n"
        "<b>Erasing your data or withdrawing consent</b>: /hapusdata."
    ),
    "pd.profile": "{name}{username} · {language} · {role}{unit}",
    "pd.username": " (@{username})",
    "pd.profile_erased": (
        "name erased on {when}; not stored again until you accept the privacy notice again "
        "· {language}"
    ),
    "pd.consent_given": "given {when}",
    "pd.consent_withdrawn": "withdrawn {when}",
    "pd.consent_none": "not yet (asked before the first complaint)",
    "pd.complaints": "{count} ({open} still being handled)",
    "pd.forum_yes": "yes, since {when}",
    "pd.forum_no": "no",
    "pd.unknown": "—",
    "pd.caption": "A copy of your personal data as of {when}.",
    "pd.explain": (
        "🗑 <b>Erasing your personal data</b>\n\n"
        "If you press <b>Erase my data</b>, right away:\n"
        "• your consent to the privacy notice is withdrawn, and your Telegram name and "
        "username are erased from our data;\n"
        "• your {complaints} {complaints:|complaint is|complaints are} kept as public-service records, but without your "
        "identity: officers, unit groups and reports no longer see who filed them;\n"
        "• {open} {open:|complaint|complaints} still being handled {open:|is|are} closed as withdrawn by the reporter, "
        "and their units are told;\n"
        "{conduct}"
        "• {responses} survey {responses:|response still counts|responses still count} in the IKM, without your profile answers "
        "and suggestion;\n"
        "• {invitations} {invitations:|invitation|invitations} to activities that have not begun {invitations:|is|are} withdrawn{forum};\n"
        "• unsent complaint or survey drafts are discarded.\n\n"
        "This cannot be undone. Your Telegram id stays on the complaint records because the "
        "system needs it. New data is stored again only if you accept the privacy notice "
        "again (for example with /lapor)."
    ),
    "pd.explain_forum": ", and your citizen forum subscription ends",
    "pd.explain_conduct": (
        "• {count} {count:|complaint|complaints} about an officer's conduct {count:|stays|stay} "
        "with the district leadership until resolved, without your identity (they concern "
        "the office's integrity, not only you);\n"
    ),
    "pd.erase_yes": "🗑 Erase my data",
    "pd.erase_no": "Cancel",
    "pd.kept": "Cancelled. No data was changed.",
    "pd.erased": (
        "✅ <b>Your personal data has been erased.</b>\n\n"
        "• Your name and username were erased; your privacy consent is withdrawn.\n"
        "• {complaints} {complaints:|complaint is|complaints are} kept without your identity{closed}{kept}.\n"
        "• {responses} survey {responses:|response|responses}: profile answers and suggestion erased.\n"
        "• {invitations} activity {invitations:|invitation|invitations} withdrawn{forum}.\n"
        "• Unsent drafts were discarded.\n\n"
        "You can keep using the bot; for a new complaint we will ask for your consent again."
    ),
    "pd.erased_closed": "; closed as withdrawn: {numbers}",
    "pd.erased_kept": (
        "; about an officer's conduct, still handled by the leadership without your "
        "identity: {numbers}"
    ),
    "pd.erased_forum": "; citizen forum subscription ended",
    "pd.expired": "This button has expired. Type /hapusdata again.",
    "pd.staff": (
        "You are registered as <b>{role}</b>. A staff role is employment data and cannot be "
        "erased by yourself here. Ask the district admin to remove your role (/cabut); "
        "after that you can erase your personal data with /hapusdata. To see your data: "
        "/datasaya."
    ),
    "grp.withdrawn": (
        "🚫 <b>{number} closed</b>: the reporter withdrew this complaint and erased their "
        "personal data (UU 27/2022). The reporter's identity is now confidential."
    ),
    "grp.reporter_erased_conduct": (
        "🔒 <b>{number} stays open</b>: the reporter erased their personal data (UU 27/2022). "
        "This complaint about an officer's conduct is still handled by the leadership; the "
        "reporter's identity is now confidential."
    ),
    "timeline.withdrawn": "Closed: withdrawn by the reporter (personal data erased)",
    "ticket.event.withdrawn": "withdrew the complaint (personal data erased); closed",
    "ticket.event.reporter_erased": "erased their personal data; identity now confidential",
}
