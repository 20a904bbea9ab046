"""JP (competency development hours): /jp, /jp_unit, the monthly nudge; /anggaran."""

ID: dict[str, str] = {
    "jp.mine": "🎓 <b>JP Anda tahun {year}</b>: {total} dari target {target} JP.",
    "jp.mine_behind": (
        "Target pro-rata sampai hari ini: {prorata} JP — Anda masih di bawahnya. "
        "Yuk ikuti pelatihan berikutnya."
    ),
    "jp.mine_on_track": (
        "Target pro-rata sampai hari ini: {prorata} JP — Anda sudah sesuai jalur. 👍"
    ),
    "jp.mine_trainings": "<b>Pelatihan yang Anda ikuti</b>:",
    "jp.credit_line": "• {when} — {title}: {jp} JP",
    "jp.mine_none": "Belum ada JP tercatat tahun ini.",
    "jp.nudge_upcoming": "<b>Pelatihan mendatang</b>:",
    "jp.training_line": "• {when} — {title} ({jp} JP)",
    "jp.unit_unknown": "Unit {code} tidak dikenal. Kode unit: {codes}.",
    "jp.unit_own_only": "Anda hanya dapat melihat JP unit Anda sendiri: ketik /jp_unit tanpa kode.",
    "jp.unit_all": "Semua unit",
    "jp.unit_title": (
        "🎓 <b>JP tahun {year} — {scope}</b>\n"
        "Target pro-rata per {date}: {prorata} JP (target tahunan {target} JP)."
    ),
    "jp.unit_none": "Pimpinan dan pegawai tanpa unit",
    "jp.unit_group": "<b>{unit}</b>",
    "jp.unit_line": "{flag} {name} — {jp} JP",
    "jp.unit_empty": "Belum ada pegawai terdaftar.",
    "jp.unit_behind": "Di bawah target pro-rata: {behind} dari {staff} orang.",
    "jp.unit_behind_names": "Perlu didorong: {names}",
    "jp.nudge": (
        "👋 Halo! Pengingat bulanan pengembangan kompetensi: JP Anda tahun ini {total}, "
        "sedangkan target pro-rata sampai hari ini {prorata} JP (target tahunan {target} JP). "
        "Setiap ASN berhak atas paling sedikit {target} JP per tahun."
    ),
    "jp.nudge_none": (
        "Belum ada pelatihan terjadwal; tanyakan kepada atasan Anda. /jp untuk rinciannya."
    ),
    "budget.usage": "Gunakan /anggaran atau /anggaran TAHUN, misalnya /anggaran 2026.",
    "budget.title": "💰 <b>Anggaran pelatihan {year}</b>",
    "budget.total": "Anggaran: {amount}",
    "budget.spent": "Terpakai (kegiatan selesai): {amount} ({count} kegiatan)",
    "budget.planned": "Direncanakan (akan datang): {amount} ({count} kegiatan)",
    "budget.remaining": "Sisa: {amount}",
    "budget.over": "⚠️ Melebihi anggaran: {amount}",
    "budget.per_jp": "JP diberikan: {jp} · biaya per JP: {amount}",
    "budget.items": "<b>Kegiatan berbiaya</b>:",
    "budget.item": "• {when} — {kind}: {title} — {amount}{done}",
    "budget.item_done": " ✓",
}

EN: dict[str, str] = {
    "jp.mine": "🎓 <b>Your JP in {year}</b>: {total} of the {target} JP target.",
    "jp.mine_behind": (
        "Pro-rata target as of today: {prorata} JP — you are below it. "
        "Join one of the next trainings."
    ),
    "jp.mine_on_track": "Pro-rata target as of today: {prorata} JP — you are on track. 👍",
    "jp.mine_trainings": "<b>Trainings you attended</b>:",
    "jp.credit_line": "• {when} — {title}: {jp} JP",
    "jp.mine_none": "No JP recorded this year yet.",
    "jp.nudge_upcoming": "<b>Upcoming trainings</b>:",
    "jp.training_line": "• {when} — {title} ({jp} JP)",
    "jp.unit_unknown": "Unknown unit {code}. Unit codes: {codes}.",
    "jp.unit_own_only": "You can only see your own unit's JP: type /jp_unit without a code.",
    "jp.unit_all": "All units",
    "jp.unit_title": (
        "🎓 <b>JP in {year} — {scope}</b>\n"
        "Pro-rata target as of {date}: {prorata} JP (yearly target {target} JP)."
    ),
    "jp.unit_none": "Leadership and staff without a unit",
    "jp.unit_group": "<b>{unit}</b>",
    "jp.unit_line": "{flag} {name} — {jp} JP",
    "jp.unit_empty": "No employees registered yet.",
    "jp.unit_behind": "Below the pro-rata target: {behind} of {staff} people.",
    "jp.unit_behind_names": "To encourage: {names}",
    "jp.nudge": (
        "👋 Hello! Monthly competency development reminder: you have {total} JP this year, "
        "while the pro-rata target as of today is {prorata} JP (yearly target {target} JP). "
        "Every civil servant is entitled to at least {target} JP a year."
    ),
    "jp.nudge_none": "No training is scheduled yet; ask your superior. /jp for details.",
    "budget.usage": "Use /anggaran or /anggaran YEAR, e.g. /anggaran 2026.",
    "budget.title": "💰 <b>Training budget {year}</b>",
    "budget.total": "Budget: {amount}",
    "budget.spent": "Spent (finished activities): {amount} ({count} {count:|activity|activities})",
    "budget.planned": "Planned (upcoming): {amount} ({count} {count:|activity|activities})",
    "budget.remaining": "Remaining: {amount}",
    "budget.over": "⚠️ Over budget by: {amount}",
    "budget.per_jp": "JP delivered: {jp} · cost per JP: {amount}",
    "budget.items": "<b>Activities with costs</b>:",
    "budget.item": "• {when} — {kind}: {title} — {amount}{done}",
    "budget.item_done": " ✓",
}
