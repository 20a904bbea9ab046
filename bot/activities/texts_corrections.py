"""Activities after the end: /kegiatan selesai, correcting saved attendance (and the JP it
credits); invitations that follow a change of role or unit."""

ID: dict[str, str] = {
    "actcor.btn.open": "📋 Presensi",
    "actcor.btn.save": "💾 Simpan koreksi",
    "actcor.finished_hint": "Kegiatan yang sudah selesai dan daftar hadirnya: /kegiatan selesai",
    "actcor.finished_title": (
        "<b>Kegiatan yang sudah selesai</b> ({count}, {days} hari terakhir). "
        "Tekan Presensi untuk membuka atau mengoreksi daftar hadir:"
    ),
    "actcor.finished_empty": "Tidak ada kegiatan Anda yang selesai dalam {days} hari terakhir.",
    "actcor.status_unsaved": "📋 Daftar hadir belum disimpan.",
    "actcor.status_saved": (
        "📋 Kehadiran tersimpan: {attended} dari {total} hadir. Dapat dikoreksi sampai {deadline}."
    ),
    "actcor.title": (
        "✏️ <b>Koreksi daftar hadir</b>: {title}\n{when}\n"
        "Centang sesuai yang tersimpan. Ubah yang keliru, lalu tekan Simpan koreksi "
        "(paling lambat {deadline}). Tercentang: {checked} dari {total}."
    ),
    "actcor.unchanged": 'Tidak ada perubahan: kehadiran "{title}" tetap {attended} dari {total} hadir.',
    "actcor.saved": '✅ Koreksi daftar hadir "{title}" tersimpan: sekarang {attended} dari {total} hadir.',
    "actcor.saved_added": "➕ Ditambahkan: {names}{jp}",
    "actcor.saved_removed": "➖ Dihapus: {names}{jp}",
    "actcor.saved_jp": " ({sign}{jp} JP)",
    "actcor.jp_added": (
        '🎓 JP Anda diperbarui: daftar hadir "{title}" ({when}) dikoreksi dan Anda tercatat '
        "hadir: +{jp} JP. Total JP Anda tahun {year}: {total} dari target {target} JP."
    ),
    "actcor.jp_removed": (
        '🎓 JP Anda diperbarui: daftar hadir "{title}" ({when}) dikoreksi dan Anda tercatat '
        "tidak hadir: −{jp} JP. Total JP Anda tahun {year}: {total} dari target {target} JP. "
        "Jika ini keliru, hubungi penyelenggara ({organiser})."
    ),
    "actcor.organiser_told": (
        '✏️ {name} mengoreksi daftar hadir "{title}".\n'
        "➕ Ditambahkan: {added}\n➖ Dihapus: {removed}"
    ),
    "actcor.closed.expired": (
        "Masa koreksi daftar hadir ini berakhir pada {deadline}; kehadiran dan JP-nya tidak dapat "
        "diubah lagi."
    ),
    "actcor.closed.not_saved": "Daftar hadir ini belum disimpan; buka dengan tombol Presensi.",
    "actcor.withdrawn": (
        "📭 Peran atau unit Anda berubah, sehingga undangan berikut ditarik "
        "(tidak ada pengingat lagi):"
    ),
    "actcor.withdrawn_line": "• {kind}: {title} — {when}",
}

EN: dict[str, str] = {
    "actcor.btn.open": "📋 Attendance",
    "actcor.btn.save": "💾 Save correction",
    "actcor.finished_hint": "Finished activities and their attendance: /kegiatan selesai",
    "actcor.finished_title": (
        "<b>Finished activities</b> ({count}, last {days} days). "
        "Press Attendance to open or correct the attendance list:"
    ),
    "actcor.finished_empty": "None of your activities finished in the last {days} days.",
    "actcor.status_unsaved": "📋 Attendance not saved yet.",
    "actcor.status_saved": (
        "📋 Attendance saved: {attended} of {total} attended. Can be corrected until {deadline}."
    ),
    "actcor.title": (
        "✏️ <b>Correct attendance</b>: {title}\n{when}\n"
        "Ticked as saved. Change what is wrong, then press Save correction "
        "(until {deadline}). Ticked: {checked} of {total}."
    ),
    "actcor.unchanged": 'Nothing changed: attendance of "{title}" stays {attended} of {total}.',
    "actcor.saved": '✅ Correction of "{title}" saved: now {attended} of {total} attended.',
    "actcor.saved_added": "➕ Added: {names}{jp}",
    "actcor.saved_removed": "➖ Removed: {names}{jp}",
    "actcor.saved_jp": " ({sign}{jp} JP)",
    "actcor.jp_added": (
        '🎓 Your JP were updated: the attendance of "{title}" ({when}) was corrected and '
        "you are recorded as present: +{jp} JP. Your JP in {year}: {total} of the {target} "
        "JP target."
    ),
    "actcor.jp_removed": (
        '🎓 Your JP were updated: the attendance of "{title}" ({when}) was corrected and '
        "you are recorded as absent: −{jp} JP. Your JP in {year}: {total} of the {target} "
        "JP target. If this is wrong, contact the organiser ({organiser})."
    ),
    "actcor.organiser_told": (
        '✏️ {name} corrected the attendance of "{title}".\n➕ Added: {added}\n➖ Removed: {removed}'
    ),
    "actcor.closed.expired": (
        "Corrections of this attendance list ended on {deadline}; its attendance and JP can no "
        "longer change."
    ),
    "actcor.closed.not_saved": "This attendance list is not saved yet; open it with Attendance.",
    "actcor.withdrawn": (
        "📭 Your role or unit changed, so these invitations were withdrawn (no more reminders):"
    ),
    "actcor.withdrawn_line": "• {kind}: {title} — {when}",
}
