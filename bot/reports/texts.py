"""Supervisor reporting: summaries, unit scorecards and ranking, overdue list, export,
charts and the weekly digest."""

ID: dict[str, str] = {
    "cmd.ringkasan": "Ringkasan pengaduan (periode)",
    "cmd.kinerja": "Kinerja unit / peringkat unit menurut skor gabungan",
    "cmd.terlambat": "Pengaduan yang lewat tenggat",
    "cmd.ekspor": "Ekspor pengaduan, survei dan kegiatan ke Excel (periode)",
    "period.bad": (
        "Periode “{text}” tidak dikenali. Contoh:\n"
        "<code>hari</code> · <code>minggu</code> · <code>bulan</code> (bawaan) · "
        "<code>tahun</code>\n<code>2026-11</code> (bulan) · <code>2026</code> (tahun) · "
        "<code>2026-11-01..2026-11-15</code> (rentang tanggal)\n"
        "Misalnya: <code>/{command} 2026-11</code>"
    ),
    "period.day": "{date}",
    "period.week": "minggu {first} – {last}",
    "period.month": "{month} {year}",
    "period.year": "tahun {year}",
    "period.range": "{first} – {last}",
    "summary.title": "📊 <b>Ringkasan pengaduan — {period}</b>",
    "summary.digest_title": "📬 <b>Ringkasan mingguan — {period}</b>",
    "scorecard.title": "📋 <b>Kinerja {unit} — {period}</b>",
    "summary.empty": "Belum ada pengaduan yang masuk pada periode ini.",
    "summary.empty_before": (
        "Belum ada pengaduan yang masuk pada periode ini ({previous}: {count})."
    ),
    "summary.received": "Pengaduan masuk: <b>{count}</b>{trend}",
    "summary.statuses": "Status sekarang: {items}",
    "summary.status_item": "{status} {count}",
    "summary.ack_share": "Ditanggapi tepat waktu: <b>{share}</b>{trend}",
    "summary.resolve_share": "Diselesaikan tepat waktu: <b>{share}</b>{trend}",
    "summary.ack_hours": (
        "Waktu menanggapi (jam kerja): median <b>{median}</b>{trend} · persentil 90 <b>{p90}</b>"
    ),
    "summary.resolve_hours": (
        "Waktu menyelesaikan (jam kerja): median <b>{median}</b>{trend} · persentil 90 <b>{p90}</b>"
    ),
    "summary.reopen": "Dibuka kembali: <b>{share}</b>{trend}",
    "summary.rating": "Rata-rata penilaian warga: <b>{rating}</b>/5 ({count} penilaian){trend}",
    "summary.rating_none": "Rata-rata penilaian warga: — (belum ada penilaian)",
    "summary.overdue": "🔴 Lewat tenggat saat ini: <b>{count}</b>",
    "summary.no_overdue": "🟢 Tidak ada yang lewat tenggat saat ini.",
    "summary.by_unit": "<b>Per unit</b>",
    "summary.by_category": "<b>Per kategori</b>",
    "summary.by_kelurahan": "<b>Per kelurahan</b>",
    "summary.item": "• {name}: {count}",
    "summary.compared": "<i>▲/▼ dibanding {previous}. Angka untuk pengaduan yang masuk pada "
    "periode ini, sebagaimana keadaannya sekarang.</i>",
    "summary.unknown_kelurahan": "Tidak diketahui",
    "trend.up": " (▲ {difference})",
    "trend.down": " (▼ {difference})",
    "trend.same": " (= tetap)",
    "trend.points": "{value} poin",
    "trend.hours": "{value} jam",
    "scorecard.adoption": (
        "Petugas unit yang memakai bot: <b>{active}</b> dari {registered} terdaftar ({share})"
    ),
    "btn.overdue": "🔴 Lihat yang lewat tenggat ({count})",
    "ranking.title": "🏆 <b>Peringkat unit — {period}</b>",
    "ranking.line": (
        "{position}. <b>{unit}</b> — skor {score}\n"
        "     {received} pengaduan · selesai tepat waktu {share} · median selesai {median} · "
        "⭐ {rating} · lewat tenggat {overdue} · petugas aktif {active}/{registered}"
    ),
    "ranking.extra": "     {items}",
    "ranking.footer": (
        "<i>Urutan menurut skor 0–100: {w_on_time}% selesai tepat waktu, {w_not_reopened}% "
        "tidak dibuka kembali, {w_rating}% penilaian warga (⭐1 = 0, ⭐5 = penuh) dan "
        "{w_no_backlog}% tanpa tunggakan (pengaduan terbuka yang lewat tenggat sekarang). "
        "Bagian tanpa data tidak dihitung; unit tanpa pengaduan yang selesai atau dinilai "
        "pada periode ini tanpa skor (—), di urutan terakhir. Rincian satu unit: /kinerja "
        "KODE, kode: {codes}.</i>"
    ),
    "kinerja.unknown_unit": "Unit “{code}” tidak dikenal. Kode unit: {codes}.",
    "kinerja.unknown_word": (
        "“{text}” bukan kode unit maupun periode.\nKode unit: {codes}.\nPeriode: "
        "<code>hari</code>, <code>minggu</code>, <code>bulan</code>, <code>tahun</code>, "
        "<code>2026-11</code>, <code>2026</code>, <code>2026-11-01..2026-11-15</code>.\n"
        "Misalnya: <code>/kinerja PEMB 2026-11</code>"
    ),
    "kinerja.no_unit": (
        "Akun Anda belum terhubung ke unit mana pun. Minta admin mengundang Anda ulang."
    ),
    "late.title": "🔴 <b>Pengaduan lewat tenggat: {count}</b>\n<i>Per {now}, terlama di atas.</i>",
    "late.title_unit": (
        "🔴 <b>Pengaduan {unit} lewat tenggat: {count}</b>\n<i>Per {now}, terlama di atas.</i>"
    ),
    "late.line": (
        "{index}. <b>{number}</b> · {unit} · PJ: {assignee}\n     tenggat {deadline} lewat {late}"
    ),
    "late.deadline.ack": "tanggapan",
    "late.deadline.resolve": "penyelesaian",
    "late.nobody": "belum ada",
    "late.just_now": "baru saja (di luar jam kerja)",
    "late.more": "… dan {count} lainnya (tombol di bawah untuk {shown} teratas).",
    "late.none": "🟢 Tidak ada pengaduan yang lewat tenggat saat ini.",
    "export.too_many": (
        "Periode {period} berisi {count} pengaduan; satu berkas memuat paling banyak {max}. "
        "Pilih periode yang lebih pendek, misalnya <code>/ekspor 2026-11</code>."
    ),
    "export.caption": (
        "Ekspor {period}: {complaints} pengaduan, {events} kejadian, {responses} respons "
        "survei, {activities} kegiatan."
    ),
    "export.privacy_hidden": "Data pribadi tidak disertakan.",
    "export.privacy_included": (
        "Berisi data pribadi pelapor (kecuali yang meminta dirahasiakan), profil dan saran "
        "responden survei, serta nama peserta kegiatan. Simpan dengan aman."
    ),
    "export.empty": (
        "Tidak ada pengaduan, respons survei, maupun kegiatan pada periode {period}; tidak ada "
        "yang diekspor."
    ),
    "chart.caption": (
        "📈 Pengaduan per minggu per unit dan persentase selesai tepat waktu — {period}"
    ),
    "chart.title": "Pengaduan per minggu",
    "chart.y_count": "Jumlah pengaduan",
    "chart.y_share": "Selesai tepat waktu (%)",
    "chart.on_time": "Selesai tepat waktu",
    "chart.other": "Lainnya",
    "chart.x": "Minggu mulai",
}

EN: dict[str, str] = {
    "cmd.ringkasan": "Complaints summary (period)",
    "cmd.kinerja": "Unit scorecard / unit ranking by a composite score",
    "cmd.terlambat": "Complaints past a deadline",
    "cmd.ekspor": "Export complaints, surveys and activities to Excel (period)",
    "period.bad": (
        "“{text}” is not a period I understand. Examples:\n"
        "<code>hari</code> (today) · <code>minggu</code> (this week) · <code>bulan</code> "
        "(this month, default) · <code>tahun</code> (this year)\n"
        "<code>2026-11</code> (month) · <code>2026</code> (year) · "
        "<code>2026-11-01..2026-11-15</code> (date range)\n"
        "For instance: <code>/{command} 2026-11</code>"
    ),
    "period.day": "{date}",
    "period.week": "week {first} – {last}",
    "period.month": "{month} {year}",
    "period.year": "year {year}",
    "period.range": "{first} – {last}",
    "summary.title": "📊 <b>Complaints summary — {period}</b>",
    "summary.digest_title": "📬 <b>Weekly summary — {period}</b>",
    "scorecard.title": "📋 <b>Scorecard of {unit} — {period}</b>",
    "summary.empty": "No complaints were received in this period.",
    "summary.empty_before": "No complaints were received in this period ({previous}: {count}).",
    "summary.received": "Complaints received: <b>{count}</b>{trend}",
    "summary.statuses": "Status now: {items}",
    "summary.status_item": "{status} {count}",
    "summary.ack_share": "Acknowledged on time: <b>{share}</b>{trend}",
    "summary.resolve_share": "Resolved on time: <b>{share}</b>{trend}",
    "summary.ack_hours": (
        "Time to acknowledge (working hours): median <b>{median}</b>{trend} · "
        "90th percentile <b>{p90}</b>"
    ),
    "summary.resolve_hours": (
        "Time to resolve (working hours): median <b>{median}</b>{trend} · "
        "90th percentile <b>{p90}</b>"
    ),
    "summary.reopen": "Reopened: <b>{share}</b>{trend}",
    "summary.rating": "Average citizen rating: <b>{rating}</b>/5 ({count} {count:|rating|ratings}){trend}",
    "summary.rating_none": "Average citizen rating: — (no ratings yet)",
    "summary.overdue": "🔴 Past a deadline now: <b>{count}</b>",
    "summary.no_overdue": "🟢 Nothing is past its deadline now.",
    "summary.by_unit": "<b>By unit</b>",
    "summary.by_category": "<b>By category</b>",
    "summary.by_kelurahan": "<b>By kelurahan</b>",
    "summary.item": "• {name}: {count}",
    "summary.compared": "<i>▲/▼ against {previous}. Figures cover the complaints received in "
    "this period, as they stand now.</i>",
    "summary.unknown_kelurahan": "Unknown",
    "trend.up": " (▲ {difference})",
    "trend.down": " (▼ {difference})",
    "trend.same": " (= unchanged)",
    "trend.points": "{value} {value:|point|points}",
    "trend.hours": "{value} h",
    "scorecard.adoption": (
        "Unit staff using the bot: <b>{active}</b> of {registered} registered ({share})"
    ),
    "btn.overdue": "🔴 Show those past a deadline ({count})",
    "ranking.title": "🏆 <b>Unit ranking — {period}</b>",
    "ranking.line": (
        "{position}. <b>{unit}</b> — score {score}\n"
        "     {received} {received:|complaint|complaints} · resolved on time {share} · median to resolve {median} · "
        "⭐ {rating} · past deadline {overdue} · active staff {active}/{registered}"
    ),
    "ranking.extra": "     {items}",
    "ranking.footer": (
        "<i>Ordered by a 0–100 score: {w_on_time}% resolved on time, {w_not_reopened}% not "
        "reopened, {w_rating}% citizens' rating (⭐1 = none, ⭐5 = full) and {w_no_backlog}% "
        "no backlog (open complaints past a deadline now). Parts without data are left out; "
        "units with no complaint of the period resolved or rated have no score (—) and come "
        "last. One unit in detail: /kinerja CODE, codes: {codes}.</i>"
    ),
    "kinerja.unknown_unit": "Unknown unit “{code}”. Unit codes: {codes}.",
    "kinerja.unknown_word": (
        "“{text}” is neither a unit code nor a period.\nUnit codes: {codes}.\nPeriods: "
        "<code>hari</code>, <code>minggu</code>, <code>bulan</code>, <code>tahun</code>, "
        "<code>2026-11</code>, <code>2026</code>, <code>2026-11-01..2026-11-15</code>.\n"
        "For instance: <code>/kinerja PEMB 2026-11</code>"
    ),
    "kinerja.no_unit": "Your account is not linked to a unit. Ask an admin to invite you again.",
    "late.title": (
        "🔴 <b>Complaints past a deadline: {count}</b>\n<i>As of {now}, longest first.</i>"
    ),
    "late.title_unit": (
        "🔴 <b>Complaints of {unit} past a deadline: {count}</b>\n"
        "<i>As of {now}, longest first.</i>"
    ),
    "late.line": (
        "{index}. <b>{number}</b> · {unit} · assignee: {assignee}\n"
        "     {deadline} deadline passed {late}"
    ),
    "late.deadline.ack": "acknowledgement",
    "late.deadline.resolve": "resolution",
    "late.nobody": "none yet",
    "late.just_now": "just now (outside working hours)",
    "late.more": "… and {count} more (buttons below for the top {shown}).",
    "late.none": "🟢 No complaint is past its deadline now.",
    "export.too_many": (
        "The period {period} holds {count} {count:|complaint|complaints}; one file holds at most {max}. "
        "Choose a shorter period, e.g. <code>/ekspor 2026-11</code>."
    ),
    "export.caption": (
        "Export {period}: {complaints} {complaints:|complaint|complaints}, {events} "
        "{events:|event|events}, {responses} survey {responses:|response|responses}, "
        "{activities} {activities:|activity|activities}."
    ),
    "export.privacy_hidden": "No personal data included.",
    "export.privacy_included": (
        "Contains reporters' personal data (except those who asked for confidentiality), "
        "survey respondents' profiles and suggestions, and activity attendees' names. "
        "Keep it safe."
    ),
    "export.empty": (
        "No complaints, survey responses or activities in the period {period}; nothing to export."
    ),
    "chart.caption": "📈 Complaints per week by unit and share resolved on time — {period}",
    "chart.title": "Complaints per week",
    "chart.y_count": "Complaints",
    "chart.y_share": "Resolved on time (%)",
    "chart.on_time": "Resolved on time",
    "chart.other": "Other",
    "chart.x": "Week starting",
}
