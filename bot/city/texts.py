"""The city-level bot: supervisors of the city (Inspektorat, Bagian Organisasi) read every
office's figures side by side."""

ID: dict[str, str] = {
    "city.cmd.ringkasan": "Ringkasan semua kecamatan dan peringkatnya (periode)",
    "city.cmd.kinerja": "Peringkat kecamatan, atau rincian satu kecamatan (KODE)",
    "city.cmd.ekspor": "Ekspor pengaduan semua kecamatan ke Excel (periode)",
    "city.cmd.bantuan": "Cara memakai bot ini",
    "city.help": (
        "🏙️ <b>{city}</b> — laporan tingkat kota untuk {count} kecamatan.\n\n"
        "/ringkasan [periode] — jumlah semua kecamatan dan peringkatnya\n"
        "/kinerja [periode] — peringkat kecamatan dengan rinciannya\n"
        "/kinerja KODE [periode] — laporan satu kecamatan (kode: {codes})\n"
        "/ekspor [periode] — berkas Excel pengaduan semua kecamatan, tanpa data pribadi\n\n"
        "Periode: <code>minggu</code>, <code>bulan</code> (bawaan), <code>tahun</code>, "
        "<code>2026-11</code>, <code>2026</code> atau <code>2026-11-01..2026-11-15</code>."
    ),
    "city.not_viewer": (
        "Bot ini hanya untuk pengawas tingkat kota ({city}). Untuk menyampaikan pengaduan "
        "atau mengisi survei, gunakan bot kantor camat Anda."
    ),
    "city.title": "🏙️ <b>Ringkasan pengaduan {city} — {period}</b>",
    "city.offices": "{count} kecamatan",
    "city.ranking_title": "🏆 <b>Peringkat kecamatan — {period}</b>",
    "city.ranking_short": "{position}. <b>{office}</b> — skor {score} · {received} pengaduan · "
    "lewat tenggat {late}",
    "city.ranking_line": (
        "{position}. <b>{office}</b> ({code}) — skor {score}\n"
        "     {received} pengaduan · ditanggapi tepat waktu {ack} · selesai tepat waktu "
        "{share} · median selesai {median} · dibuka kembali {reopen} · ⭐ {rating} · "
        "IKM {ikm} · lewat tenggat {late} dari {open} terbuka"
    ),
    "city.ranking_footer": (
        "<i>Urutan menurut skor 0–100 yang sama dengan peringkat unit di setiap kantor: "
        "{w_on_time}% selesai tepat waktu, {w_not_reopened}% tidak dibuka kembali, "
        "{w_rating}% penilaian warga dan {w_no_backlog}% tanpa tunggakan. Kecamatan tanpa "
        "pengaduan yang selesai atau dinilai pada periode ini tanpa skor (—), di urutan "
        "terakhir. Rincian satu kecamatan: /kinerja KODE, kode: {codes}.</i>"
    ),
    "city.more": "Rincian tiap kecamatan: /kinerja · berkas Excel: /ekspor",
    "city.unreadable": (
        "⚠️ Data kecamatan berikut tidak dapat dibaca sekarang dan tidak ikut dihitung: "
        "{codes}. Mohon beri tahu pengelola server."
    ),
    "city.office_heading": "🏛️ <b>{office}</b> ({code})",
    "city.unknown_office": "Kecamatan “{code}” tidak dikenal. Kode kecamatan: {codes}.",
    "city.office_unreadable": (
        "⚠️ Data {office} tidak dapat dibaca sekarang. Mohon beri tahu pengelola server."
    ),
    "city.export.caption": (
        "📎 Pengaduan {period} dari {offices} kecamatan: {complaints} pengaduan.\n"
        "Tanpa data pribadi: nama, akun dan teks yang ditulis warga setelah melapor tidak "
        "disertakan; koordinat dibulatkan."
    ),
    "city.export.empty": "Tidak ada pengaduan pada {period} di kecamatan mana pun.",
    "city.export.too_many": (
        "Terlalu banyak untuk satu berkas: {count} pengaduan pada {period} (paling banyak "
        "{max}). Pilih periode yang lebih pendek, misalnya satu bulan."
    ),
    "xl.kecamatan.rank": "Peringkat",
    "xl.kecamatan.code": "Kode",
    "xl.kecamatan.name": "Kecamatan",
    "xl.kecamatan.score": "Skor (0–100)",
    "xl.kecamatan.received": "Pengaduan masuk",
    "xl.kecamatan.ack_share": "Ditanggapi tepat waktu (%)",
    "xl.kecamatan.resolve_share": "Selesai tepat waktu (%)",
    "xl.kecamatan.resolve_median_hours": "Median waktu selesai (jam kerja)",
    "xl.kecamatan.reopen_rate": "Dibuka kembali (%)",
    "xl.kecamatan.rating": "Rata-rata penilaian warga (1–5)",
    "xl.kecamatan.ikm": "IKM (25–100)",
    "xl.kecamatan.respondents": "Responden SKM",
    "xl.kecamatan.open_now": "Terbuka sekarang",
    "xl.kecamatan.late_now": "Lewat tenggat sekarang",
    "xl.kecamatan.office": "Kecamatan",
}

EN: dict[str, str] = {
    "city.cmd.ringkasan": "Summary of every district and their ranking (period)",
    "city.cmd.kinerja": "Ranking of the districts, or one district in detail (CODE)",
    "city.cmd.ekspor": "Export every district's complaints to Excel (period)",
    "city.cmd.bantuan": "How to use this bot",
    "city.help": (
        "🏙️ <b>{city}</b> — city-level reports for {count} {count:|district|districts}.\n\n"
        "/ringkasan [period] — every district's totals and their ranking\n"
        "/kinerja [period] — the ranking of the districts in detail\n"
        "/kinerja CODE [period] — one district's report (codes: {codes})\n"
        "/ekspor [period] — an Excel file of every district's complaints, without personal "
        "data\n\n"
        "Periods: <code>minggu</code> (week), <code>bulan</code> (month, the default), "
        "<code>tahun</code> (year), <code>2026-11</code>, <code>2026</code> or "
        "<code>2026-11-01..2026-11-15</code>."
    ),
    "city.not_viewer": (
        "This bot is for the city's supervisors only ({city}). To file a complaint or take "
        "the survey, use your district office's bot."
    ),
    "city.title": "🏙️ <b>Complaints summary, {city} — {period}</b>",
    "city.offices": "{count} {count:|district|districts}",
    "city.ranking_title": "🏆 <b>District ranking — {period}</b>",
    "city.ranking_short": "{position}. <b>{office}</b> — score {score} · {received} "
    "{received:|complaint|complaints} · past deadline {late}",
    "city.ranking_line": (
        "{position}. <b>{office}</b> ({code}) — score {score}\n"
        "     {received} {received:|complaint|complaints} · acknowledged on time {ack} · "
        "resolved on time {share} · median to resolve {median} · reopened {reopen} · "
        "⭐ {rating} · IKM {ikm} · past deadline {late} of {open} open"
    ),
    "city.ranking_footer": (
        "<i>Ordered by the same 0–100 score as each office's unit ranking: {w_on_time}% "
        "resolved on time, {w_not_reopened}% not reopened, {w_rating}% citizens' rating and "
        "{w_no_backlog}% no backlog. Districts with no complaint of the period resolved or "
        "rated have no score (—) and come last. One district in detail: /kinerja CODE, "
        "codes: {codes}.</i>"
    ),
    "city.more": "Each district in detail: /kinerja · Excel file: /ekspor",
    "city.unreadable": (
        "⚠️ The data of these districts cannot be read now and is not counted: {codes}. "
        "Please tell the server's administrator."
    ),
    "city.office_heading": "🏛️ <b>{office}</b> ({code})",
    "city.unknown_office": "Unknown district “{code}”. District codes: {codes}.",
    "city.office_unreadable": (
        "⚠️ The data of {office} cannot be read now. Please tell the server's administrator."
    ),
    "city.export.caption": (
        "📎 Complaints of {period} from {offices} {offices:|district|districts}: {complaints} "
        "{complaints:|complaint|complaints}.\nWithout personal data: names, accounts and the "
        "texts citizens wrote after filing are left out; coordinates are rounded."
    ),
    "city.export.empty": "No complaint in {period} in any district.",
    "city.export.too_many": (
        "Too many for one file: {count} complaints in {period} (at most {max}). Choose a "
        "shorter period, e.g. one month."
    ),
    "xl.kecamatan.rank": "Rank",
    "xl.kecamatan.code": "Code",
    "xl.kecamatan.name": "District",
    "xl.kecamatan.score": "Score (0–100)",
    "xl.kecamatan.received": "Complaints received",
    "xl.kecamatan.ack_share": "Acknowledged on time (%)",
    "xl.kecamatan.resolve_share": "Resolved on time (%)",
    "xl.kecamatan.resolve_median_hours": "Median time to resolve (working hours)",
    "xl.kecamatan.reopen_rate": "Reopened (%)",
    "xl.kecamatan.rating": "Citizens' average rating (1–5)",
    "xl.kecamatan.ikm": "IKM (25–100)",
    "xl.kecamatan.respondents": "SKM respondents",
    "xl.kecamatan.open_now": "Open now",
    "xl.kecamatan.late_now": "Past a deadline now",
    "xl.kecamatan.office": "District",
}
