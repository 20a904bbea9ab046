"""The guided creation of an activity (/kegiatan_baru) and the explanations of bad input
(dates, durations, Rupiah, JP) shared by the flows that ask for them."""

ID: dict[str, str] = {
    "actnew.kind": "<b>Kegiatan baru</b>. Jenis kegiatan? (ketik /batal untuk batal)",
    "actnew.title": "Judul kegiatan? (5–120 karakter)",
    "actnew.when": (
        "Kapan mulai? Tulis tanggal dan jam WIB, misalnya <code>2026-12-05 09:00</code>, "
        "<code>5/12 09.00</code> atau <code>5 Des 09:00</code>."
    ),
    "actnew.when_ok": "Tercatat: {when}.",
    "actnew.duration": (
        "Berapa lama? Misalnya <code>90</code> atau <code>90m</code> (menit), "
        "<code>2j</code>, <code>2 jam</code> atau <code>2h</code> (jam)."
    ),
    "actnew.place": "Di mana? Tulis tempatnya atau tautan pertemuan daring.",
    "actnew.jp": (
        "Berapa JP (jam pelajaran, 1 JP = 45 menit) yang dikreditkan kepada peserta? "
        "Untuk {duration} otomatis {jp} JP. Tekan Otomatis atau tulis angkanya."
    ),
    "actnew.jp_chosen": "{jp} JP",
    "actnew.btn.jp_auto": "⚙️ Otomatis ({jp} JP)",
    "actnew.audience": "Siapa yang diundang? Pilih Semua staf atau unit, lalu tekan Lanjut.",
    "actnew.audience_forum": (
        "Siapa yang diundang? Publik = warga yang berlangganan info forum; tambahkan staf "
        "atau unit bila perlu, lalu tekan Lanjut."
    ),
    "actnew.audience_empty": "Pilih minimal satu kelompok peserta.",
    "actnew.btn.all_staff": "{mark} Semua staf",
    "actnew.btn.public": "{mark} Publik (warga yang berlangganan)",
    "actnew.btn.next": "➡️ Lanjut",
    "actnew.cost": (
        "Biaya kegiatan (Rupiah)? Tulis angkanya, misalnya <code>1.500.000</code>, "
        "atau tekan Lewati bila tanpa biaya."
    ),
    "actnew.btn.skip": "⏭ Lewati",
    "actnew.no_cost": "tanpa biaya",
    "actnew.summary": (
        "<b>Periksa kegiatan</b>\n"
        "Jenis: {kind}\nJudul: {title}\nWaktu: {when}\nDurasi: {duration}\n"
        "Tempat: {place}{jp}\nPeserta: {audience}\nBiaya: {cost}\n\n"
        "Simpan dan kirim undangan?"
    ),
    "actnew.btn.save": "💾 Simpan",
    "actnew.btn.discard": "✖️ Batal",
    "actnew.btn.save_anyway": "✅ Tetap simpan",
    "actnew.over_budget": (
        "⚠️ <b>Melebihi anggaran</b>. Biaya {cost} membuat total tahun {year} melebihi "
        "anggaran {budget} (sudah terpakai dan direncanakan: {committed}) sebesar {over}. "
        "Tetap simpan?"
    ),
    "actnew.stale": "Ringkasan ini sudah tidak berlaku.",
    "actnew.saved": '✅ "{title}" tersimpan. Undangan dikirim ke {invited} orang.',
    "actnew.saved_again": '"{title}" sudah tersimpan sebelumnya.',
    "actnew.forum_nobody": "Belum ada warga yang berlangganan info forum. ",
    "actnew.forum_share": (
        "📣 {nobody}Warga diundang ke forum publik bila berlangganan: mereka membuka /forum "
        "lalu menekan <b>🔔 Beri tahu saya forum berikutnya</b>. Bagikan tautan ini di grup "
        "warga:\n{link}"
    ),
    "actnew.forum_qr": (
        "Kode QR tautan yang sama, untuk dicetak dan ditempel di papan pengumuman kantor "
        "lurah atau kecamatan."
    ),
    "forum.qr_title": "Forum Warga",
    "forum.qr_subject": "Undangan forum warga",
    "forum.qr_hint": ("Pindai dengan kamera ponsel, lalu tekan Beri tahu saya forum berikutnya"),
    "actnew.discarded": "Kegiatan baru dibatalkan; tidak ada yang disimpan.",
    "actnew.text_please": "Mohon jawab dengan teks.",
    "actnew.buttons_please": "Silakan pilih dengan tombol pada pesan di atas, atau ketik /batal.",
    "actnew.in_progress": (
        "Anda sedang membuat kegiatan; lanjutkan di atas atau ketik /batal untuk membatalkan."
    ),
    "actin.when.format": (
        "Maaf, tanggal dan jam itu tidak terbaca. Contoh yang bisa: "
        "<code>2026-12-05 09:00</code>, <code>5/12 09.00</code>, <code>5 Des 09:00</code>. "
        "Silakan tulis lagi."
    ),
    "actin.when.month": (
        'Nama bulan "{word}" tidak dikenal. Gunakan misalnya Jan, Feb, Mar, Apr, Mei, Jun, '
        "Jul, Agu, Sep, Okt, Nov, Des. Silakan tulis lagi."
    ),
    "actin.when.date": "Tanggal itu tidak ada di kalender. Silakan tulis lagi.",
    "actin.when.time": "Jam {time} tidak valid (00:00–23:59). Silakan tulis lagi.",
    "actin.when.past": (
        "{when} sudah lewat (sekarang {now}). Kegiatan harus di masa depan; silakan "
        "tulis lagi, dengan tahunnya bila yang dimaksud tahun depan."
    ),
    "actin.when.year_assumed": (
        "ℹ️ Tahunnya tidak ditulis dan tanggal itu tahun ini sudah lewat, jadi kami ambil "
        "tahun <b>{year}</b>. Bila bukan itu maksudnya, ketik /batal dan mulai lagi."
    ),
    "actin.when.too_far": ("Waktu itu lebih dari dua tahun lagi; periksa tahunnya dan tulis lagi."),
    "actin.when.same": ("Itu sama dengan waktu sekarang. Tulis waktu yang baru atau ketik /batal."),
    "actin.duration.format": (
        "Durasi tidak terbaca. Contoh: <code>90</code>, <code>90m</code>, <code>2j</code>, "
        "<code>2 jam</code>, <code>2h</code>. Silakan tulis lagi."
    ),
    "actin.duration.range": "Durasi harus antara {min} menit dan {max} jam. Silakan tulis lagi.",
    "actin.rupiah.format": (
        "Jumlah Rupiah tidak terbaca. Contoh: <code>1.500.000</code> atau "
        "<code>1500000</code>. Silakan tulis lagi atau tekan Lewati."
    ),
    "actin.rupiah.range": "Jumlah itu terlalu besar. Silakan periksa dan tulis lagi.",
    "actin.jp.format": (
        "Tulis JP sebagai bilangan bulat, misalnya <code>6</code>, atau tekan Otomatis."
    ),
    "actin.jp.range": "JP paling banyak {max}. Silakan tulis lagi.",
    "actin.title.length": "Judul harus {min}–{max} karakter. Silakan tulis lagi.",
    "actin.place.length": "Tempat harus {min}–{max} karakter. Silakan tulis lagi.",
    "actin.place.same": (
        "Itu sama dengan tempat sekarang. Tulis tempat yang baru atau ketik /batal."
    ),
}

EN: dict[str, str] = {
    "actnew.kind": "<b>New activity</b>. What kind? (type /batal to stop)",
    "actnew.title": "Title of the activity? (5–120 characters)",
    "actnew.when": (
        "When does it start? Type the date and time (WIB), e.g. "
        "<code>2026-12-05 09:00</code>, <code>5/12 09.00</code> or <code>5 Dec 09:00</code>."
    ),
    "actnew.when_ok": "Noted: {when}.",
    "actnew.duration": (
        "How long? E.g. <code>90</code> or <code>90m</code> (minutes), <code>2h</code>, "
        "<code>2j</code> or <code>2 jam</code> (hours)."
    ),
    "actnew.place": "Where? Type the place or an online meeting link.",
    "actnew.jp": (
        "How many JP (lesson hours, 1 JP = 45 minutes) do attendees get? For {duration} "
        "that is {jp} JP automatically. Press Automatic or type the number."
    ),
    "actnew.jp_chosen": "{jp} JP",
    "actnew.btn.jp_auto": "⚙️ Automatic ({jp} JP)",
    "actnew.audience": "Who is invited? Choose All staff or units, then press Next.",
    "actnew.audience_forum": (
        "Who is invited? Public = citizens subscribed to forum news; add staff or units "
        "if needed, then press Next."
    ),
    "actnew.audience_empty": "Choose at least one group of participants.",
    "actnew.btn.all_staff": "{mark} All staff",
    "actnew.btn.public": "{mark} Public (subscribed citizens)",
    "actnew.btn.next": "➡️ Next",
    "actnew.cost": (
        "Cost of the activity (Rupiah)? Type the amount, e.g. <code>1.500.000</code>, "
        "or press Skip if there is none."
    ),
    "actnew.btn.skip": "⏭ Skip",
    "actnew.no_cost": "no cost",
    "actnew.summary": (
        "<b>Check the activity</b>\n"
        "Kind: {kind}\nTitle: {title}\nTime: {when}\nDuration: {duration}\n"
        "Place: {place}{jp}\nParticipants: {audience}\nCost: {cost}\n\n"
        "Save and send the invitations?"
    ),
    "actnew.btn.save": "💾 Save",
    "actnew.btn.discard": "✖️ Discard",
    "actnew.btn.save_anyway": "✅ Save anyway",
    "actnew.over_budget": (
        "⚠️ <b>Over budget</b>. A cost of {cost} takes {year} over the budget of {budget} "
        "(already spent and planned: {committed}) by {over}. Save anyway?"
    ),
    "actnew.stale": "This summary is no longer valid.",
    "actnew.saved": '✅ "{title}" saved. Invitations sent to {invited} people.',
    "actnew.saved_again": '"{title}" was already saved.',
    "actnew.forum_nobody": "No citizen has subscribed to forum news yet. ",
    "actnew.forum_share": (
        "📣 {nobody}Citizens are invited to public forums when they subscribe: they open "
        "/forum and press <b>🔔 Notify me of the next forums</b>. Share this link in "
        "neighbourhood groups:\n{link}"
    ),
    "actnew.forum_qr": (
        "A QR code of the same link, to print and put on the notice board of the kelurahan "
        "or district office."
    ),
    "forum.qr_title": "Citizen forum",
    "forum.qr_subject": "Invitations to citizen forums",
    "forum.qr_hint": "Scan with your phone camera, then press Notify me of the next forums",
    "actnew.discarded": "New activity discarded; nothing was saved.",
    "actnew.text_please": "Please answer with text.",
    "actnew.buttons_please": "Please choose with the buttons of the message above, or type /batal.",
    "actnew.in_progress": ("You are creating an activity; continue above or type /batal to stop."),
    "actin.when.format": (
        "Sorry, I could not read that date and time. These work: "
        "<code>2026-12-05 09:00</code>, <code>5/12 09.00</code>, <code>5 Dec 09:00</code>. "
        "Please type it again."
    ),
    "actin.when.month": (
        'Unknown month "{word}". Use e.g. Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, '
        "Oct, Nov, Dec. Please type it again."
    ),
    "actin.when.date": "That date does not exist. Please type it again.",
    "actin.when.time": "{time} is not a valid time (00:00–23:59). Please type it again.",
    "actin.when.past": (
        "{when} has passed (it is now {now}). The activity must be in the future; please "
        "type it again, with the year if you mean next year."
    ),
    "actin.when.year_assumed": (
        "ℹ️ No year was typed and that date has passed this year, so we took the year "
        "<b>{year}</b>. If you meant something else, type /batal and start again."
    ),
    "actin.when.too_far": "That is more than two years ahead; check the year and type it again.",
    "actin.when.same": "That is the current time. Type a new time or /batal.",
    "actin.duration.format": (
        "I could not read the duration. E.g. <code>90</code>, <code>90m</code>, "
        "<code>2h</code>, <code>2 jam</code>. Please type it again."
    ),
    "actin.duration.range": (
        "The duration must be between {min} minutes and {max} hours. Please type it again."
    ),
    "actin.rupiah.format": (
        "I could not read that amount. E.g. <code>1.500.000</code> or <code>1500000</code>. "
        "Please type it again or press Skip."
    ),
    "actin.rupiah.range": "That amount is too large. Please check it and type it again.",
    "actin.jp.format": "Type the JP as a whole number, e.g. <code>6</code>, or press Automatic.",
    "actin.jp.range": "At most {max} JP. Please type it again.",
    "actin.title.length": "The title must have {min}–{max} characters. Please type it again.",
    "actin.place.length": "The place must have {min}–{max} characters. Please type it again.",
    "actin.place.same": "That is the current place. Type a new place or /batal.",
}
