"""Scheduled activities: trainings and citizen forums, invitations, reminders, changes,
the attendance checklist, /forum."""

ID: dict[str, str] = {
    "cmd.kegiatan_baru": "Buat pelatihan atau forum warga",
    "cmd.kegiatan": "Kegiatan mendatang dan jawaban peserta",
    "cmd.forum": "Forum warga mendatang",
    "cmd.jp": "JP pengembangan kompetensi saya",
    "cmd.jp_unit": "JP per pegawai di unit",
    "cmd.anggaran": "Anggaran pelatihan",
    "menu.forum": "🗣️ Forum Warga",
    # pieces
    "act.kind.pelatihan": "Pelatihan",
    "act.kind.forum": "Forum Warga",
    "act.kind_btn.pelatihan": "📚 Pelatihan",
    "act.kind_btn.forum": "🗣️ Forum Warga",
    "act.duration.hm": "{hours} jam {minutes} menit",
    "act.duration.h": "{hours} jam",
    "act.duration.m": "{minutes} menit",
    "act.left.days": "dalam {days} hari",
    "act.left.hours": "dalam {hours} jam",
    "act.left.minutes": "dalam {minutes} menit",
    "act.audience.all_staff": "Semua staf",
    "act.audience.unit": "{unit}",
    "act.audience.public": "Publik (warga)",
    "act.audience.none": "—",
    "act.details": (
        "{icon} {kind}: <b>{title}</b>\n"
        "🗓 {when}\n"
        "⏱ {duration}\n"
        "📍 {place}{jp}\n"
        "👥 {audience}{cost}\n"
        "🧑‍💼 Penyelenggara: {organiser}"
    ),
    "act.details.jp": "\n🎓 {jp} JP",
    "act.details.cost": "\n💰 Biaya: {cost}",
    "act.counts": (
        "Jawaban: ✅ {yes} hadir · ❌ {no} tidak bisa · ❔ {none} belum menjawab "
        "(dari {invited} undangan)"
    ),
    "act.your_answer": "Jawaban Anda: {answer}",
    "act.your_answer.none": "Anda belum menjawab.",
    "act.answer.yes": "{icon} Hadir",
    "act.answer.no": "{icon} Tidak bisa",
    "act.answer.none": "{icon} Belum menjawab",
    "act.card_cancelled": "🚫 <b>Dibatalkan</b>",
    "act.invite.pelatihan": "📨 <b>Undangan pelatihan</b>",
    "act.invite.forum": "📨 <b>Undangan forum warga</b>",
    "act.invite.question": "Apakah Anda akan hadir?",
    "act.reminder": "⏰ <b>Pengingat</b>: {kind} dimulai {left}.",
    "act.moved": (
        "🔄 <b>Perubahan waktu</b>: {title}\nSebelumnya: {old}\nSekarang: <b>{new}</b>"
    ),
    "act.moved_question": "Apakah Anda tetap bisa hadir?",
    "act.relocated": (
        "📍 <b>Perubahan tempat</b>: {title}\nSebelumnya: {old}\nSekarang: <b>{new}</b>"
    ),
    "act.cancelled_notice": (
        "🚫 <b>Dibatalkan</b>: {kind} \"{title}\" pada {when} dibatalkan oleh penyelenggara. "
        "Mohon maaf atas perubahan ini."
    ),
    "act.people.title": "👥 <b>Peserta</b>: {title}",
    "act.people.unit": " — {unit}",
    "act.people.attended": " · hadir",
    "act.people.absent": " · tidak hadir",
    "act.people.line": "{icon} {name}{unit}{attended}",
    "act.people.none": "Belum ada yang diundang.",
    "act.btn.yes": "✅ Hadir",
    "act.btn.no": "❌ Tidak bisa",
    "act.btn.people": "👥 Peserta",
    "act.btn.time": "🕒 Ubah waktu",
    "act.btn.place": "📍 Ubah tempat",
    "act.btn.cancel": "🚫 Batalkan",
    "act.btn.cancel_yes": "🚫 Ya, batalkan",
    "act.btn.cancel_no": "↩️ Jangan",
    "act.list_empty": "Belum ada kegiatan mendatang untuk Anda.",
    "act.list_title": "<b>Kegiatan mendatang</b> ({count}):",
    "act.cancel_confirm": (
        "Batalkan \"{title}\" pada {when}? Semua yang diundang akan diberi tahu dan "
        "pengingat dihentikan."
    ),
    "act.cancel_done": "🚫 \"{title}\" dibatalkan. Semua yang diundang sedang diberi tahu.",
    "act.cancel_kept": "Tidak jadi dibatalkan.",
    "act.ask_time": (
        "Waktu baru untuk \"{title}\" (sekarang {when})?\n"
        "Tulis tanggal dan jam WIB, misalnya <code>2026-12-05 09:00</code>, "
        "<code>5/12 09.00</code> atau <code>5 Des 09:00</code>. Ketik /batal untuk batal."
    ),
    "act.ask_place": (
        "Tempat atau tautan baru untuk \"{title}\" (sekarang: {place})?\n"
        "Ketik /batal untuk batal."
    ),
    "act.moved_done": (
        "✅ \"{title}\" dipindah ke {when}. Semua yang diundang diberi tahu dan pengingat "
        "dijadwalkan ulang."
    ),
    "act.relocated_done": (
        "✅ Tempat \"{title}\" sekarang: {place}. Semua yang diundang diberi tahu."
    ),
    "act.edit_cancelled": "Perubahan dibatalkan; kegiatan tetap seperti semula.",
    "act.closed.cancelled": "Kegiatan ini sudah dibatalkan.",
    "act.closed.begun": "Kegiatan ini sudah dimulai; jawaban dan perubahan sudah ditutup.",
    "act.answer_saved": "Tercatat: {answer}",
    # attendance
    "att.title": (
        "📋 <b>Daftar hadir</b>: {title}\n{when}\n"
        "Tandai siapa yang hadir, lalu tekan Simpan. Tercentang: {checked} dari {total}."
    ),
    "att.page": "Halaman {page} dari {pages}.",
    "att.saved": "✅ Kehadiran \"{title}\" tersimpan: {attended} dari {total} hadir.{jp}",
    "att.saved_jp": " Masing-masing mendapat {jp} JP.",
    "att.btn.prev": "◀️ Sebelumnya",
    "att.btn.next": "Berikutnya ▶️",
    "att.btn.save": "💾 Simpan",
    "att.credited": (
        "🎓 Anda tercatat hadir di \"{title}\": {jp} JP ditambahkan. "
        "Total JP Anda tahun {year}: {total} dari target {target} JP."
    ),
    "att.already_saved": "Daftar hadir ini sudah disimpan.",
    "att.not_ended": "Daftar hadir dibuka setelah kegiatan selesai.",
    # /forum
    "forum.title": "<b>Forum warga mendatang</b> ({count}). Tekan Hadir jika Anda akan datang:",
    "forum.empty": "Belum ada forum warga terjadwal.",
    "forum.subscription": (
        "Ingin diundang setiap ada forum warga baru? Tekan tombol di bawah "
        "(tekan lagi untuk berhenti)."
    ),
    "forum.btn.subscribe": "🔔 Beri tahu saya forum berikutnya",
    "forum.btn.subscribed": "✅ Beri tahu saya forum berikutnya",
    "forum.subscribed": "Anda akan diundang ke setiap forum warga baru.",
    "forum.unsubscribed": "Anda tidak lagi diundang otomatis ke forum warga.",
    # /kegiatan_baru
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
    "actnew.saved": "✅ \"{title}\" tersimpan. Undangan dikirim ke {invited} orang.",
    "actnew.saved_again": "\"{title}\" sudah tersimpan sebelumnya.",
    "actnew.discarded": "Kegiatan baru dibatalkan; tidak ada yang disimpan.",
    "actnew.text_please": "Mohon jawab dengan teks.",
    "actnew.buttons_please": "Silakan pilih dengan tombol pada pesan di atas, atau ketik /batal.",
    "actnew.in_progress": (
        "Anda sedang membuat kegiatan; lanjutkan di atas atau ketik /batal untuk membatalkan."
    ),
    # explanations of bad input
    "actin.when.format": (
        "Maaf, tanggal dan jam itu tidak terbaca. Contoh yang bisa: "
        "<code>2026-12-05 09:00</code>, <code>5/12 09.00</code>, <code>5 Des 09:00</code>. "
        "Silakan tulis lagi."
    ),
    "actin.when.month": (
        "Nama bulan \"{word}\" tidak dikenal. Gunakan misalnya Jan, Feb, Mar, Apr, Mei, Jun, "
        "Jul, Agu, Sep, Okt, Nov, Des. Silakan tulis lagi."
    ),
    "actin.when.date": "Tanggal itu tidak ada di kalender. Silakan tulis lagi.",
    "actin.when.time": "Jam {time} tidak valid (00:00–23:59). Silakan tulis lagi.",
    "actin.when.past": (
        "Waktu itu sudah lewat (sekarang {now}). Kegiatan harus di masa depan; silakan "
        "tulis lagi."
    ),
    "actin.when.too_far": (
        "Waktu itu lebih dari dua tahun lagi; periksa tahunnya dan tulis lagi."
    ),
    "actin.when.same": (
        "Itu sama dengan waktu sekarang. Tulis waktu yang baru atau ketik /batal."
    ),
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
    "cmd.kegiatan_baru": "Create a training or citizen forum",
    "cmd.kegiatan": "Upcoming activities and answers",
    "cmd.forum": "Upcoming citizen forums",
    "cmd.jp": "My competency development hours (JP)",
    "cmd.jp_unit": "JP per employee of a unit",
    "cmd.anggaran": "Training budget",
    "menu.forum": "🗣️ Citizen forums",
    "act.kind.pelatihan": "Training",
    "act.kind.forum": "Citizen forum",
    "act.kind_btn.pelatihan": "📚 Training",
    "act.kind_btn.forum": "🗣️ Citizen forum",
    "act.duration.hm": "{hours} h {minutes} min",
    "act.duration.h": "{hours} h",
    "act.duration.m": "{minutes} min",
    "act.left.days": "in {days} day(s)",
    "act.left.hours": "in {hours} hour(s)",
    "act.left.minutes": "in {minutes} minute(s)",
    "act.audience.all_staff": "All staff",
    "act.audience.unit": "{unit}",
    "act.audience.public": "Public (citizens)",
    "act.audience.none": "—",
    "act.details": (
        "{icon} {kind}: <b>{title}</b>\n"
        "🗓 {when}\n"
        "⏱ {duration}\n"
        "📍 {place}{jp}\n"
        "👥 {audience}{cost}\n"
        "🧑‍💼 Organiser: {organiser}"
    ),
    "act.details.jp": "\n🎓 {jp} JP",
    "act.details.cost": "\n💰 Cost: {cost}",
    "act.counts": (
        "Answers: ✅ {yes} attending · ❌ {no} can't · ❔ {none} not answered "
        "(of {invited} invited)"
    ),
    "act.your_answer": "Your answer: {answer}",
    "act.your_answer.none": "You have not answered yet.",
    "act.answer.yes": "{icon} Attending",
    "act.answer.no": "{icon} Can't come",
    "act.answer.none": "{icon} Not answered",
    "act.card_cancelled": "🚫 <b>Cancelled</b>",
    "act.invite.pelatihan": "📨 <b>Training invitation</b>",
    "act.invite.forum": "📨 <b>Citizen forum invitation</b>",
    "act.invite.question": "Will you attend?",
    "act.reminder": "⏰ <b>Reminder</b>: the {kind} starts {left}.",
    "act.moved": "🔄 <b>New time</b>: {title}\nBefore: {old}\nNow: <b>{new}</b>",
    "act.moved_question": "Can you still attend?",
    "act.relocated": "📍 <b>New place</b>: {title}\nBefore: {old}\nNow: <b>{new}</b>",
    "act.cancelled_notice": (
        "🚫 <b>Cancelled</b>: the {kind} \"{title}\" on {when} was cancelled by the "
        "organiser. We apologise for the change."
    ),
    "act.people.title": "👥 <b>Participants</b>: {title}",
    "act.people.unit": " — {unit}",
    "act.people.attended": " · attended",
    "act.people.absent": " · absent",
    "act.people.line": "{icon} {name}{unit}{attended}",
    "act.people.none": "Nobody is invited yet.",
    "act.btn.yes": "✅ Attending",
    "act.btn.no": "❌ Can't come",
    "act.btn.people": "👥 Participants",
    "act.btn.time": "🕒 Change time",
    "act.btn.place": "📍 Change place",
    "act.btn.cancel": "🚫 Cancel",
    "act.btn.cancel_yes": "🚫 Yes, cancel it",
    "act.btn.cancel_no": "↩️ Keep it",
    "act.list_empty": "No upcoming activities for you yet.",
    "act.list_title": "<b>Upcoming activities</b> ({count}):",
    "act.cancel_confirm": (
        "Cancel \"{title}\" on {when}? Everyone invited will be told and reminders stop."
    ),
    "act.cancel_done": "🚫 \"{title}\" is cancelled. Everyone invited is being told.",
    "act.cancel_kept": "Not cancelled.",
    "act.ask_time": (
        "New time for \"{title}\" (now {when})?\n"
        "Type the date and time (WIB), e.g. <code>2026-12-05 09:00</code>, "
        "<code>5/12 09.00</code> or <code>5 Dec 09:00</code>. Type /batal to stop."
    ),
    "act.ask_place": "New place or link for \"{title}\" (now: {place})?\nType /batal to stop.",
    "act.moved_done": (
        "✅ \"{title}\" moved to {when}. Everyone invited is told and reminders are "
        "rescheduled."
    ),
    "act.relocated_done": "✅ \"{title}\" is now at: {place}. Everyone invited is told.",
    "act.edit_cancelled": "Change cancelled; the activity stays as it was.",
    "act.closed.cancelled": "This activity was cancelled.",
    "act.closed.begun": "This activity has begun; answers and changes are closed.",
    "act.answer_saved": "Noted: {answer}",
    "att.title": (
        "📋 <b>Attendance</b>: {title}\n{when}\n"
        "Tick who attended, then press Save. Ticked: {checked} of {total}."
    ),
    "att.page": "Page {page} of {pages}.",
    "att.saved": "✅ Attendance of \"{title}\" saved: {attended} of {total} attended.{jp}",
    "att.saved_jp": " Each gets {jp} JP.",
    "att.btn.prev": "◀️ Previous",
    "att.btn.next": "Next ▶️",
    "att.btn.save": "💾 Save",
    "att.credited": (
        "🎓 You attended \"{title}\": {jp} JP added. "
        "Your JP in {year}: {total} of the {target} JP target."
    ),
    "att.already_saved": "This attendance list is already saved.",
    "att.not_ended": "The attendance list opens when the activity has ended.",
    "forum.title": "<b>Upcoming citizen forums</b> ({count}). Press Attending if you will come:",
    "forum.empty": "No citizen forum is scheduled yet.",
    "forum.subscription": (
        "Want an invitation to every new citizen forum? Press the button below "
        "(press again to stop)."
    ),
    "forum.btn.subscribe": "🔔 Notify me of the next forums",
    "forum.btn.subscribed": "✅ Notify me of the next forums",
    "forum.subscribed": "You will be invited to every new citizen forum.",
    "forum.unsubscribed": "You will no longer be invited to citizen forums automatically.",
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
    "actnew.saved": "✅ \"{title}\" saved. Invitations sent to {invited} people.",
    "actnew.saved_again": "\"{title}\" was already saved.",
    "actnew.discarded": "New activity discarded; nothing was saved.",
    "actnew.text_please": "Please answer with text.",
    "actnew.buttons_please": "Please choose with the buttons of the message above, or type /batal.",
    "actnew.in_progress": (
        "You are creating an activity; continue above or type /batal to stop."
    ),
    "actin.when.format": (
        "Sorry, I could not read that date and time. These work: "
        "<code>2026-12-05 09:00</code>, <code>5/12 09.00</code>, <code>5 Dec 09:00</code>. "
        "Please type it again."
    ),
    "actin.when.month": (
        "Unknown month \"{word}\". Use e.g. Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, "
        "Oct, Nov, Dec. Please type it again."
    ),
    "actin.when.date": "That date does not exist. Please type it again.",
    "actin.when.time": "{time} is not a valid time (00:00–23:59). Please type it again.",
    "actin.when.past": (
        "That time has passed (it is now {now}). The activity must be in the future; "
        "please type it again."
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
