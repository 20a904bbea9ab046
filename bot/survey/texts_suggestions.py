"""/saran: citizens' suggestions from the SKM survey."""

ID = {
    "cmd.saran": "Saran warga dari survei kepuasan",
    "saran.title": (
        "💬 <b>Saran warga</b>\n{scope} · {period}\n{total} saran · halaman {page}/{pages}"
    ),
    "saran.item": "<b>{date}</b> · {service}{score}\n{text}",
    "saran.score": " · nilai rata-rata {mean}",
    "saran.empty": "Belum ada saran warga untuk {scope} pada {period}.",
    "saran.prev": "‹ Sebelumnya",
    "saran.next": "Berikutnya ›",
    "saran.usage": (
        "Periode <b>{text}</b> tidak dikenali. Contoh:\n"
        "<code>/saran</code> — bulan ini\n"
        "<code>/saran tahun</code> — tahun ini\n"
        "<code>/saran 2026-11</code> — November 2026\n"
        "<code>/saran 2026-11-01..2026-11-15 KTP</code> — rentang tanggal, satu layanan"
    ),
}

EN = {
    "cmd.saran": "Citizens' suggestions from the satisfaction survey",
    "saran.title": (
        "💬 <b>Citizens' suggestions</b>\n{scope} · {period}\n"
        "{total} {total:|suggestion|suggestions} · page {page}/{pages}"
    ),
    "saran.item": "<b>{date}</b> · {service}{score}\n{text}",
    "saran.score": " · average score {mean}",
    "saran.empty": "No suggestions from citizens yet for {scope} in {period}.",
    "saran.prev": "‹ Previous",
    "saran.next": "Next ›",
    "saran.usage": (
        "The period <b>{text}</b> is not understood. Examples:\n"
        "<code>/saran</code> — this month\n"
        "<code>/saran tahun</code> — this year\n"
        "<code>/saran 2026-11</code> — November 2026\n"
        "<code>/saran 2026-11-01..2026-11-15 KTP</code> — a date range, one service"
    ),
}
