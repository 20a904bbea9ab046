"""Scheduled activities: trainings and citizen forums, invitations, reminders, changes,
the attendance checklist, /forum."""

ID: dict[str, str] = {
    "cmd.kegiatan_baru": "Buat pelatihan atau forum warga",
    "cmd.kegiatan": "Kegiatan mendatang (penyelenggara: /kegiatan selesai untuk presensi)",
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
    "act.card_finished": "✅ <b>Selesai</b>",
    "act.invite.pelatihan": "📨 <b>Undangan pelatihan</b>",
    "act.invite.forum": "📨 <b>Undangan forum warga</b>",
    "act.invite.question": "Apakah Anda akan hadir?",
    "act.reminder": "⏰ <b>Pengingat</b>: {kind} dimulai {left}.",
    "act.moved": ("🔄 <b>Perubahan waktu</b>: {title}\nSebelumnya: {old}\nSekarang: <b>{new}</b>"),
    "act.moved_question": "Apakah Anda tetap bisa hadir?",
    "act.relocated": (
        "📍 <b>Perubahan tempat</b>: {title}\nSebelumnya: {old}\nSekarang: <b>{new}</b>"
    ),
    "act.cancelled_notice": (
        '🚫 <b>Dibatalkan</b>: {kind} "{title}" pada {when} dibatalkan oleh penyelenggara. '
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
        'Batalkan "{title}" pada {when}? Semua yang diundang akan diberi tahu dan '
        "pengingat dihentikan."
    ),
    "act.cancel_done": '🚫 "{title}" dibatalkan. Semua yang diundang sedang diberi tahu.',
    "act.cancel_kept": "Tidak jadi dibatalkan.",
    "act.ask_time": (
        'Waktu baru untuk "{title}" (sekarang {when})?\n'
        "Tulis tanggal dan jam WIB, misalnya <code>2026-12-05 09:00</code>, "
        "<code>5/12 09.00</code> atau <code>5 Des 09:00</code>. Ketik /batal untuk batal."
    ),
    "act.ask_place": (
        'Tempat atau tautan baru untuk "{title}" (sekarang: {place})?\nKetik /batal untuk batal.'
    ),
    "act.moved_done": (
        '✅ "{title}" dipindah ke {when}. Semua yang diundang diberi tahu dan pengingat '
        "dijadwalkan ulang."
    ),
    "act.relocated_done": (
        '✅ Tempat "{title}" sekarang: {place}. Semua yang diundang diberi tahu.'
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
    "att.saved": '✅ Kehadiran "{title}" tersimpan: {attended} dari {total} hadir.{jp}',
    "att.saved_jp": " Masing-masing mendapat {jp} JP.",
    "att.btn.prev": "◀️ Sebelumnya",
    "att.btn.next": "Berikutnya ▶️",
    "att.btn.save": "💾 Simpan",
    "att.credited": (
        '🎓 Anda tercatat hadir di "{title}": {jp} JP ditambahkan. '
        "Total JP Anda tahun {year}: {total} dari target {target} JP."
    ),
    "att.already_saved": "Daftar hadir ini sudah disimpan. Untuk mengoreksi: /kegiatan selesai → Presensi.",
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
}

EN: dict[str, str] = {
    "cmd.kegiatan_baru": "Create a training or citizen forum",
    "cmd.kegiatan": "Upcoming activities (organisers: /kegiatan selesai for attendance)",
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
    "act.card_finished": "✅ <b>Finished</b>",
    "act.invite.pelatihan": "📨 <b>Training invitation</b>",
    "act.invite.forum": "📨 <b>Citizen forum invitation</b>",
    "act.invite.question": "Will you attend?",
    "act.reminder": "⏰ <b>Reminder</b>: the {kind} starts {left}.",
    "act.moved": "🔄 <b>New time</b>: {title}\nBefore: {old}\nNow: <b>{new}</b>",
    "act.moved_question": "Can you still attend?",
    "act.relocated": "📍 <b>New place</b>: {title}\nBefore: {old}\nNow: <b>{new}</b>",
    "act.cancelled_notice": (
        '🚫 <b>Cancelled</b>: the {kind} "{title}" on {when} was cancelled by the '
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
        'Cancel "{title}" on {when}? Everyone invited will be told and reminders stop.'
    ),
    "act.cancel_done": '🚫 "{title}" is cancelled. Everyone invited is being told.',
    "act.cancel_kept": "Not cancelled.",
    "act.ask_time": (
        'New time for "{title}" (now {when})?\n'
        "Type the date and time (WIB), e.g. <code>2026-12-05 09:00</code>, "
        "<code>5/12 09.00</code> or <code>5 Dec 09:00</code>. Type /batal to stop."
    ),
    "act.ask_place": 'New place or link for "{title}" (now: {place})?\nType /batal to stop.',
    "act.moved_done": (
        '✅ "{title}" moved to {when}. Everyone invited is told and reminders are rescheduled.'
    ),
    "act.relocated_done": '✅ "{title}" is now at: {place}. Everyone invited is told.',
    "act.edit_cancelled": "Change cancelled; the activity stays as it was.",
    "act.closed.cancelled": "This activity was cancelled.",
    "act.closed.begun": "This activity has begun; answers and changes are closed.",
    "act.answer_saved": "Noted: {answer}",
    "att.title": (
        "📋 <b>Attendance</b>: {title}\n{when}\n"
        "Tick who attended, then press Save. Ticked: {checked} of {total}."
    ),
    "att.page": "Page {page} of {pages}.",
    "att.saved": '✅ Attendance of "{title}" saved: {attended} of {total} attended.{jp}',
    "att.saved_jp": " Each gets {jp} JP.",
    "att.btn.prev": "◀️ Previous",
    "att.btn.next": "Next ▶️",
    "att.btn.save": "💾 Save",
    "att.credited": (
        '🎓 You attended "{title}": {jp} JP added. '
        "Your JP in {year}: {total} of the {target} JP target."
    ),
    "att.already_saved": "This attendance list is already saved. To correct it: /kegiatan selesai → Attendance.",
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
}
