"""The satisfaction survey and competency development in the reports: the IKM, weakest
unsur and JP lines of /ringkasan and /kinerja, the ranking items, and the monthly IKM
digest."""

ID: dict[str, str] = {
    "rsec.ikm": (
        "😊 IKM survei kepuasan: <b>{converted}</b>{trend} · mutu <b>{mutu}</b> ({kinerja})\n"
        "     dari {respondents} responden{respondents_trend}{sample}"
    ),
    "rsec.ikm_incomplete": (
        "😊 IKM survei kepuasan: — (ada unsur tanpa jawaban)\n"
        "     dari {respondents} responden{respondents_trend}{sample}"
    ),
    "rsec.ikm_sample": " · ⚠️ kurang dari sampel minimum {minimum}",
    "rsec.weakest": "🔧 Unsur SKM terlemah: <b>{names}</b> — NRR {nrr} (mutu {mutu})",
    "rsec.weakest_item": "{key} {name}",
    "rsec.weakest_more": "{names} dan {count} unsur lain",
    "rsec.jp": (
        "🎓 JP staf per {date}: <b>{on_track}</b> dari {staff} ASN mencapai target pro-rata "
        "{target} JP ({share}; target tahunan {yearly} JP)"
    ),
    "rsec.jp_none": "🎓 JP staf: — (belum ada ASN terdaftar di unit ini)",
    "ranking.jp": "🎓 JP sesuai target {on_track}/{staff}",
    "ranking.ikm": "😊 IKM {converted} ({mutu})",
    "ikmdigest.title": "📬 <b>IKM bulanan — {period}</b>",
    "ikmdigest.intro": "Indeks Kepuasan Masyarakat per layanan (IKM konversi · mutu · responden):",
    "ikmdigest.line": "• {service}: <b>{converted}</b> · {mutu} · {respondents} responden{short}",
    "ikmdigest.short": " ⚠️",
    "ikmdigest.total": (
        "Seluruh layanan: <b>{converted}</b> · mutu {mutu} ({kinerja}) · {respondents} responden"
    ),
    "ikmdigest.missing": "Belum ada responden: {services}.",
    "ikmdigest.short_note": (
        "⚠️ Responden kurang dari sampel minimum (Krejcie–Morgan): hasil belum mewakili."
    ),
    "ikmdigest.empty": (
        "Belum ada responden survei kepuasan pada {period}. SKM wajib dilaksanakan paling "
        "sedikit sekali setahun (PermenPANRB 14/2017): bagikan tautan atau kode QR survei "
        "kepada pengguna layanan."
    ),
    "ikmdigest.footer": "<i>Rincian per unsur: <code>/ikm {month} KODE_LAYANAN</code></i>",
    "ikmdigest.suggestions": "💬 {count} saran warga bulan itu: <code>/saran {month}</code>",
}

EN: dict[str, str] = {
    "rsec.ikm": (
        "😊 Satisfaction index (IKM): <b>{converted}</b>{trend} · grade <b>{mutu}</b> "
        "({kinerja})\n     respondents: {respondents}{respondents_trend}{sample}"
    ),
    "rsec.ikm_incomplete": (
        "😊 Satisfaction index (IKM): — (some unsur have no answers)\n"
        "     respondents: {respondents}{respondents_trend}{sample}"
    ),
    "rsec.ikm_sample": " · ⚠️ below the minimum sample of {minimum}",
    "rsec.weakest": "🔧 Weakest SKM unsur: <b>{names}</b> — NRR {nrr} (grade {mutu})",
    "rsec.weakest_item": "{key} {name}",
    "rsec.weakest_more": "{names} and {count} more",
    "rsec.jp": (
        "🎓 Staff JP as of {date}: <b>{on_track}</b> of {staff} ASN at the pro-rata target of "
        "{target} JP ({share}; yearly target {yearly} JP)"
    ),
    "rsec.jp_none": "🎓 Staff JP: — (no ASN registered in this unit yet)",
    "ranking.jp": "🎓 JP on target {on_track}/{staff}",
    "ranking.ikm": "😊 IKM {converted} ({mutu})",
    "ikmdigest.title": "📬 <b>Monthly IKM — {period}</b>",
    "ikmdigest.intro": "Satisfaction index per service (converted IKM · grade · respondents):",
    "ikmdigest.line": "• {service}: <b>{converted}</b> · {mutu} · respondents: {respondents}{short}",
    "ikmdigest.short": " ⚠️",
    "ikmdigest.total": (
        "All services: <b>{converted}</b> · grade {mutu} ({kinerja}) · respondents: {respondents}"
    ),
    "ikmdigest.missing": "No respondents yet: {services}.",
    "ikmdigest.short_note": (
        "⚠️ Fewer respondents than the minimum sample (Krejcie–Morgan): not yet representative."
    ),
    "ikmdigest.empty": (
        "No satisfaction survey respondents in {period}. The SKM must run at least once a "
        "year (PermenPANRB 14/2017): share the survey link or QR code with service users."
    ),
    "ikmdigest.footer": "<i>Per unsur: <code>/ikm {month} SERVICE_CODE</code></i>",
    "ikmdigest.suggestions": "💬 Suggestions from citizens that month: {count} "
    "(<code>/saran {month}</code>)",
}
